package cluster

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// DBSCAN clusters lon/lat points (degrees) by great-circle distance, with
// scikit-learn's semantics so results can be checked against it:
//
//   - a point is core when the points within epsKm of it, itself included and
//     the distance inclusive (d <= eps), weigh at least minPoints; weights
//     play the role of scikit-learn's sample_weight (nil means 1 each);
//   - core points closer than epsKm are in the same cluster (the partition of
//     core points and the set of noise points do not depend on input order);
//   - clusters are numbered by their first core point in input order;
//   - a border point (not core, but within epsKm of a core point) joins the
//     lowest-numbered cluster that reaches it. scikit-learn expands cluster 0
//     completely before starting cluster 1 and never relabels a point, so this
//     reproduces its labels exactly, not just up to order.
//
// Rows with identical coordinates are merged first, so heavy duplication
// costs nothing. Points are indexed in a uniform grid of cubes of side about
// eps/sqrt(3) (voxelGrid), in which a cube heavy enough is all core without a
// single distance; work is linear for neighbourhoods of bounded size and runs
// on all GOMAXPROCS cores, with results that never depend on the schedule.
// Every "within eps" is the one chord comparison dist2 <= r2, whatever the
// index, so results are those of the definition pair by pair. Weights are
// summed in the index's order: with integer weights (counts) that is exact;
// fractional weights whose sum lands within rounding of minPoints may decide
// differently than another order would.
func DBSCAN(points []orb.Point, weights []float64, epsKm float64, minPoints float64) (Result, error) {
	return dbscan(space{}, points, weights, epsKm, minPoints)
}

// DBSCANPlanar is DBSCAN on x/y coordinates with Euclidean distance.
func DBSCANPlanar(points []orb.Point, weights []float64, eps float64, minPoints float64) (Result, error) {
	return dbscan(space{planar: true}, points, weights, eps, minPoints)
}

func dbscan(sp space, points []orb.Point, weights []float64, eps, minPoints float64) (Result, error) {
	if !(eps > 0) || math.IsInf(eps, 0) {
		return Result{}, fmt.Errorf("cluster: DBSCAN eps %v must be a positive finite distance", eps)
	}
	if !(minPoints > 0) || math.IsInf(minPoints, 0) {
		return Result{}, fmt.Errorf("cluster: DBSCAN minPoints %v must be positive", minPoints)
	}
	if err := checkWeights(len(points), weights); err != nil {
		return Result{}, err
	}
	if len(points) > math.MaxInt32 {
		return Result{}, fmt.Errorf("cluster: DBSCAN takes at most %d points, not %d", math.MaxInt32, len(points))
	}
	g, of, err := newVoxelGrid(sp, points, weights, sp.toChord(eps))
	if err != nil {
		return Result{}, err
	}

	core, ncore, near := g.corePoints(minPoints)
	g.w = nil // only core flags need the weights
	lab, nc := g.clusters(core, ncore, near, of)
	g.borderLabels(core, ncore, near, lab)

	res := Result{Labels: make([]int, len(points)), Core: make([]bool, len(points)), NClusters: nc}
	parallelChunks(len(points), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			p := of[i]
			res.Labels[i] = int(lab[p])
			res.Core[i] = core[p]
		}
	})
	return res, nil
}

// checkWeights checks that weights is nil or holds one positive, finite
// weight per point.
func checkWeights(n int, weights []float64) error {
	if weights == nil {
		return nil
	}
	if len(weights) != n {
		return fmt.Errorf("cluster: %d weights for %d points", len(weights), n)
	}
	for i, w := range weights {
		if !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("point %d: weight %v is not a positive finite number", i, w)
		}
	}
	return nil
}

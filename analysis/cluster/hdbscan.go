package cluster

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// HDBSCANOptions are scikit-learn's (1.3+) HDBSCAN parameters, with weights
// counting like repeated rows.
type HDBSCANOptions struct {
	// MinClusterSize is the smallest weight a group needs to count as a
	// cluster (at least 2).
	MinClusterSize float64
	// MinSamples sets the core distance: the distance at which the points
	// around a point, itself included, weigh MinSamples. 0 means
	// MinClusterSize, as in scikit-learn.
	MinSamples float64
}

// HDBSCAN clusters lon/lat points (degrees) by great-circle distance in km
// with scikit-learn 1.3's HDBSCAN semantics: core distances from the
// MinSamples-th neighbour (the point itself counted), the minimum spanning
// tree of mutual-reachability distances (built with Borůvka over a k-d tree,
// never from all pairs), a condensed tree at MinClusterSize, and
// excess-of-mass selection without allowing a single cluster.
//
// Labels form the same partition as scikit-learn's; clusters are numbered by
// their first member in input order (scikit-learn numbers them by position
// in the condensed tree, which depends on its MST's edge order). Identical
// coordinates are merged with their weights summed; a spot whose own weight
// reaches MinSamples has core distance 0, and, exactly as scikit-learn on the
// repeated rows, its points leave their cluster at an infinite lambda,
// which makes that cluster's stability infinite and its probability 1.
func HDBSCAN(points []orb.Point, weights []float64, opt HDBSCANOptions) (Result, error) {
	return hdbscan(space{}, points, weights, opt)
}

// HDBSCANPlanar is HDBSCAN on x/y coordinates with Euclidean distance.
func HDBSCANPlanar(points []orb.Point, weights []float64, opt HDBSCANOptions) (Result, error) {
	return hdbscan(space{planar: true}, points, weights, opt)
}

func hdbscan(sp space, points []orb.Point, weights []float64, opt HDBSCANOptions) (Result, error) {
	if !(opt.MinClusterSize >= 2) || math.IsInf(opt.MinClusterSize, 0) {
		return Result{}, fmt.Errorf("cluster: HDBSCAN MinClusterSize %v must be at least 2", opt.MinClusterSize)
	}
	ms := opt.MinSamples
	if ms == 0 {
		ms = opt.MinClusterSize
	}
	if !(ms >= 1) || math.IsInf(ms, 0) {
		return Result{}, fmt.Errorf("cluster: HDBSCAN MinSamples %v must be at least 1", opt.MinSamples)
	}
	m, err := merge(points, weights)
	if err != nil {
		return Result{}, err
	}
	emb, err := sp.embed(m.pts)
	if err != nil {
		return Result{}, err
	}
	res := Result{Labels: make([]int, len(points)), Probabilities: make([]float64, len(points))}
	for i := range res.Labels {
		res.Labels[i] = Noise
	}
	total := 0.0
	for _, w := range m.w {
		total += w
	}
	if len(points) == 0 {
		return res, nil
	}
	if total < ms {
		return Result{}, fmt.Errorf("cluster: HDBSCAN MinSamples %v exceeds the total weight %v of the points", ms, total)
	}
	t := newKDTree(emb, m.w)
	n := len(t.pts)

	core2 := make([]float64, n)
	type scratch struct {
		best []neighbour
		st   []int32
	}
	scr := make([]scratch, maxWorkers)
	parallelChunks(n, func(g, lo, hi int) {
		s := &scr[g]
		for i := lo; i < hi; i++ {
			core2[i], s.best, s.st = t.coreDist2(t.pts[i], ms, s.best, s.st)
		}
	})
	edges := mutualReachabilityMST(t, core2)
	sortEdges(edges)
	toDist := func(m2 float64) float64 { return sp.toDist(math.Sqrt(m2)) }
	lk := singleLinkage(edges, t.w, toDist)
	leafDist := make([]float64, n)
	for i := range leafDist {
		leafDist[i] = toDist(core2[i])
	}
	rows, nc := condense(lk, leafDist, opt.MinClusterSize)
	sel := selectEOM(rows, nc)

	// Each cluster maps to its nearest selected ancestor-or-self; parents
	// have lower ids, so one ascending pass resolves them.
	owner := make([]int32, nc)
	owner[0] = -1
	for c := 1; c < nc; c++ {
		if sel.selected[c] {
			owner[c] = int32(c)
		} else {
			owner[c] = owner[sel.parent[c]]
		}
	}
	// A selected cluster's death is the largest lambda among its own rows;
	// a point's probability is its exit lambda over that, capped at 1.
	death := make([]float64, nc)
	for _, r := range rows {
		death[r.parent] = math.Max(death[r.parent], r.lambda)
	}
	lab := make([]int32, n)
	prob := make([]float64, n)
	for i := range lab {
		lab[i] = -1
	}
	for _, r := range rows {
		if r.isCluster {
			continue
		}
		o := owner[r.parent]
		if o < 0 {
			continue
		}
		lab[r.child] = o
		switch d := death[o]; {
		case d == 0 || math.IsInf(r.lambda, 0):
			prob[r.child] = 1
		default:
			prob[r.child] = math.Min(r.lambda, d) / d
		}
	}

	// Number clusters by their first member in input order.
	first := map[int32]int{}
	for pos := 0; pos < n; pos++ {
		if c := lab[pos]; c >= 0 {
			row := m.first[t.id[pos]]
			if f, ok := first[c]; !ok || row < f {
				first[c] = row
			}
		}
	}
	number := numberByFirst(first)
	pos := make([]int32, n)
	for i, d := range t.id {
		pos[d] = int32(i)
	}
	for i, d := range m.of {
		p := pos[d]
		if c := lab[p]; c >= 0 {
			res.Labels[i] = number[c]
			res.Probabilities[i] = prob[p]
		}
	}
	res.NClusters = len(number)
	return res, nil
}

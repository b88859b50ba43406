package cluster

import (
	"fmt"
	"math"
	"sort"

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
// costs nothing. Work is O(n log n) for neighbourhoods of bounded size.
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
	m, err := merge(points, weights)
	if err != nil {
		return Result{}, err
	}
	emb, err := sp.embed(m.pts)
	if err != nil {
		return Result{}, err
	}
	t := newKDTree(emb, m.w)
	n := len(t.pts)
	c := sp.toChord(eps)
	r2 := c * c

	// 1. Core flags, in tree order (neighbouring queries touch the same
	// memory), stopping each count as soon as it reaches minPoints.
	core := make([]bool, n)
	stacks := make([][]int32, maxWorkers)
	parallelChunks(n, func(g, lo, hi int) {
		st := stacks[g]
		for i := lo; i < hi; i++ {
			var s float64
			s, st = t.weightWithin(t.pts[i], r2, minPoints, st)
			core[i] = s >= minPoints
		}
		stacks[g] = st
	})

	// 2. Connect core points within eps of each other.
	uf := newUnionFind(n)
	var st []int32
	for i := 0; i < n; i++ {
		if !core[i] {
			continue
		}
		p := int32(i)
		st = t.within(t.pts[i], r2, st, func(j int32) {
			if j > p && core[j] {
				uf.union(p, j)
			}
		})
	}

	// 3. Number clusters by the first input row of any of their core points.
	firstRow := map[int32]int{}
	for i := 0; i < n; i++ {
		if !core[i] {
			continue
		}
		r := uf.find(int32(i))
		row := m.first[t.id[i]]
		if f, ok := firstRow[r]; !ok || row < f {
			firstRow[r] = row
		}
	}
	labelOf := numberByFirst(firstRow)
	lab := make([]int, n)
	for i := 0; i < n; i++ {
		lab[i] = Noise
		if core[i] {
			lab[i] = labelOf[uf.find(int32(i))]
		}
	}

	// 4. Border points take the lowest label among the core points reaching
	// them.
	parallelChunks(n, func(g, lo, hi int) {
		st := stacks[g]
		for i := lo; i < hi; i++ {
			if core[i] {
				continue
			}
			best := Noise
			st = t.within(t.pts[i], r2, st, func(j int32) {
				if core[j] && (best == Noise || lab[j] < best) {
					best = lab[j]
				}
			})
			lab[i] = best
		}
		stacks[g] = st
	})

	// 5. Back to input rows.
	pos := make([]int32, n)
	for i, d := range t.id {
		pos[d] = int32(i)
	}
	res := Result{Labels: make([]int, len(points)), Core: make([]bool, len(points)), NClusters: len(labelOf)}
	for i, d := range m.of {
		res.Labels[i] = lab[pos[d]]
		res.Core[i] = core[pos[d]]
	}
	return res, nil
}

// numberByFirst numbers clusters 0, 1, ... in the order of the first input
// row that belongs to each (first maps a cluster's internal id to that
// row), so labels do not depend on the order clusters were found in.
func numberByFirst(first map[int32]int) map[int32]int {
	ids := make([]int32, 0, len(first))
	for c := range first {
		ids = append(ids, c)
	}
	sort.Slice(ids, func(a, b int) bool { return first[ids[a]] < first[ids[b]] })
	number := make(map[int32]int, len(ids))
	for k, c := range ids {
		number[c] = k
	}
	return number
}

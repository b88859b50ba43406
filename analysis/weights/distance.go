package weights

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/paulmach/orb"
)

// DistanceBand returns binary weights linking every pair of distinct sites
// whose distance is at most band (inclusive, d <= band, as PySAL's
// DistanceBand and ArcGIS's fixed distance band). For Geodesic points are
// [lon, lat] degrees and band is in kilometres; for Planar, units are the
// coordinates'. Sites with nothing within the band are islands.
//
// The pairs come from a k-d tree search per site, in parallel over the
// machine's cores; the result does not depend on the number of cores.
func DistanceBand(pts []orb.Point, band float64, m Metric) (*W, error) {
	if math.IsNaN(band) || band < 0 || math.IsInf(band, 0) {
		return nil, fmt.Errorf("weights: distance band %v must be finite and non-negative", band)
	}
	x, err := newIndex(pts, m)
	if err != nil {
		return nil, err
	}
	rows := make([][]int, len(pts))
	parallel(len(pts), func(lo, hi int) {
		var buf []int
		for i := lo; i < hi; i++ {
			buf = x.within(i, band, buf)
			rows[i] = append([]int(nil), buf...)
		}
	})
	return fromSortedRows(rows), nil
}

// KNN returns binary weights linking each site to its k nearest other
// sites; ties in distance go to the lower site index, so the matrix is
// reproducible. The relation is not symmetric. With fewer than k+1 sites
// every site gets all the others.
func KNN(pts []orb.Point, k int, m Metric) (*W, error) {
	if k < 1 {
		return nil, fmt.Errorf("weights: k = %d nearest neighbours, need k >= 1", k)
	}
	x, err := newIndex(pts, m)
	if err != nil {
		return nil, err
	}
	rows := make([][]int, len(pts))
	parallel(len(pts), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			r := x.nearest(i, k)
			slices.Sort(r)
			rows[i] = r
		}
	})
	return fromSortedRows(rows), nil
}

// KthNeighborDistances returns, for every site, the distance to its k-th
// nearest other site (k = 1 is the nearest-neighbour distance), in the
// metric's units. The optimized hot spot band is chosen from these.
func KthNeighborDistances(pts []orb.Point, k int, m Metric) ([]float64, error) {
	if k < 1 {
		return nil, fmt.Errorf("weights: k = %d, need k >= 1", k)
	}
	if len(pts) <= k {
		return nil, fmt.Errorf("weights: %d points have no %d-th neighbour", len(pts), k)
	}
	x, err := newIndex(pts, m)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(pts))
	parallel(len(pts), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			r := x.nearest(i, k)
			out[i] = x.dist(i, r[len(r)-1])
		}
	})
	return out, nil
}

// fromSortedRows packs per-site sorted neighbour lists into a binary W.
func fromSortedRows(rows [][]int) *W {
	w := &W{Start: make([]int, len(rows)+1)}
	total := 0
	for i, r := range rows {
		total += len(r)
		w.Start[i+1] = total
	}
	w.Index = make([]int, 0, total)
	for _, r := range rows {
		w.Index = append(w.Index, r...)
	}
	w.Weight = make([]float64, total)
	for k := range w.Weight {
		w.Weight[k] = 1
	}
	return w
}

// parallel runs fn over [0, n) split into contiguous chunks, one goroutine
// per core. Work functions write only their own rows, so the result is the
// same for any split.
func parallel(n int, fn func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 1024 || workers < 2 {
		fn(0, n)
		return
	}
	chunk := (n + workers*8 - 1) / (workers * 8)
	var wg sync.WaitGroup
	next := make(chan int, workers*8)
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	for range workers {
		wg.Go(func() {
			for lo := range next {
				fn(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}

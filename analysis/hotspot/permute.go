package hotspot

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/htmap/htmap/analysis/weights"
)

// draws is the shared permutation table: R rows of K distinct indices in
// [0, n-1). Site i uses the first k_i columns of every row, reading index
// i as n-1, so that i itself is never drawn: the map j -> j (j != i),
// i -> n-1 is a bijection from [0, n-1) onto the other n-1 sites, so each
// row is a uniform draw without replacement from them, as esda's crand
// (which maps j >= i to j+1 instead). This map is what makes the binary
// fast path possible: a site's permuted sum is a prefix sum of the row,
// shared by every site, plus one correction in the few rows that drew i.
type draws struct {
	r, k int
	ids  []int32 // r*k, row-major
}

// newDraws draws the table from a PCG stream seeded by seed, row by row
// with a partial Fisher-Yates shuffle that is undone after each row, so
// each row costs O(K) whatever n is.
func newDraws(n, kmax, r int, seed uint64) draws {
	k := min(kmax, n-1)
	d := draws{r: r, k: k, ids: make([]int32, r*k)}
	if k <= 0 {
		return d
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	m := n - 1
	perm := make([]int32, m)
	for i := range perm {
		perm[i] = int32(i)
	}
	swaps := make([]int, k)
	for row := range r {
		out := d.ids[row*k : (row+1)*k]
		for c := range k {
			j := c + rng.IntN(m-c)
			perm[c], perm[j] = perm[j], perm[c]
			swaps[c] = j
			out[c] = perm[c]
		}
		for c := k - 1; c >= 0; c-- {
			j := swaps[c]
			perm[c], perm[j] = perm[j], perm[c]
		}
	}
	return d
}

// permCounts runs the conditional permutation for every site: for each
// row of the table it forms the permuted neighbour sum sum_c w_ic x[draw]
// and counts how many rows give a sum >= (ge) and <= (le) the observed
// neighbour sum. Any statistic that is an increasing (decreasing) function
// of the neighbour sum for fixed x_i, as Gi* and Local Moran are, takes
// its permutation count from ge (le). Sites are split among workers;
// every count depends only on the table, never on the split.
func permCounts(x []float64, w *weights.W, d draws, workers int) (ge, le []int32) {
	if isBinary(w) {
		return permCountsBinary(x, w, d, workers)
	}
	n := len(x)
	var maxAbs float64
	for _, v := range x {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	ge = make([]int32, n)
	le = make([]int32, n)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const chunk = 512
	var next int64
	var mu sync.Mutex
	take := func() (int, int) {
		mu.Lock()
		defer mu.Unlock()
		lo := int(next)
		next += chunk
		return lo, min(lo+chunk, n)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				lo, hi := take()
				if lo >= n {
					return
				}
				for i := lo; i < hi; i++ {
					ge[i], le[i] = permSite(x, w, d, i, maxAbs)
				}
			}
		})
	}
	wg.Wait()
	return ge, le
}

// permSite counts one site's permuted neighbour sums at or above and at
// or below the observed one. A row that draws the site's own neighbours
// in another order must count as a tie, but its sum rounds differently,
// so sums within a relative 1e-12 of the largest possible sum count as
// equal (a k-term sum errs by at most about k * 1.1e-16 of it).
func permSite(x []float64, w *weights.W, d draws, i int, maxAbs float64) (ge, le int32) {
	nb, wt := w.Neighbors(i)
	k := len(nb)
	if k == 0 || d.k == 0 {
		return int32(d.r), int32(d.r)
	}
	if k > d.k {
		k = d.k // cannot happen: k_i <= kmax and k_i <= n-1
	}
	var obs, scale float64
	binary := true
	for c, j := range nb[:k] {
		obs += wt[c] * x[j]
		scale += math.Abs(wt[c])
		if wt[c] != 1 {
			binary = false
		}
	}
	eps := 1e-12 * scale * maxAbs
	lo, hi := obs-eps, obs+eps
	ii, last := int32(i), int32(len(x)-1)
	for row := 0; row < d.r; row++ {
		ids := d.ids[row*d.k : row*d.k+k]
		var s float64
		if binary {
			for _, j := range ids {
				if j == ii {
					j = last
				}
				s += x[j]
			}
		} else {
			for c, j := range ids {
				if j == ii {
					j = last
				}
				s += wt[c] * x[j]
			}
		}
		if s >= lo {
			ge++
		}
		if s <= hi {
			le++
		}
	}
	return ge, le
}

// pseudoP is esda's folded permutation p-value (min(L, R-L)+1)/(R+1).
func pseudoP(larger, r int32) float64 {
	l := min(larger, r-larger)
	return float64(l+1) / float64(r+1)
}

// isBinary reports whether every weight is 1.
func isBinary(w *weights.W) bool {
	for _, v := range w.Weight {
		if v != 1 {
			return false
		}
	}
	return true
}

// permCountsBinary gives the same counts as permSite for binary weights
// in O(R) per site instead of O(R k_i): with every weight 1, site i's
// permuted sum in a row is the sum of x over the row's first k_i indices,
// a prefix sum shared by all sites, except in the rows where index i
// itself is among them, where x[n-1] stands in for x[i] (see draws).
// Those rows are found from an index of where each value was drawn.
func permCountsBinary(x []float64, w *weights.W, d draws, workers int) (ge, le []int32) {
	n := len(x)
	ge = make([]int32, n)
	le = make([]int32, n)
	var maxAbs float64
	for _, v := range x {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	k1 := d.k + 1
	prefix := make([]float64, d.r*k1)
	// at[start[j]:start[j+1]] lists row*K + column of every draw of j.
	start := make([]int32, n+1)
	for row := range d.r {
		var s float64
		for c := range d.k {
			j := d.ids[row*d.k+c]
			s += x[j]
			prefix[row*k1+c+1] = s
			start[j+1]++
		}
	}
	for j := range n {
		start[j+1] += start[j]
	}
	at := make([]int32, d.r*d.k)
	fill := append([]int32(nil), start[:n]...)
	for pos, j := range d.ids {
		at[fill[j]] = int32(pos)
		fill[j]++
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Go(func() {
			for i := wk; i < n; i += workers {
				nb, _ := w.Neighbors(i)
				k := min(len(nb), d.k)
				if k == 0 || d.k == 0 {
					ge[i], le[i] = int32(d.r), int32(d.r)
					continue
				}
				var obs float64
				for _, j := range nb[:k] {
					obs += x[j]
				}
				eps := 1e-12 * float64(k) * maxAbs
				lo, hi := obs-eps, obs+eps
				var g, l int32
				for row := range d.r {
					s := prefix[row*k1+k]
					if s >= lo {
						g++
					}
					if s <= hi {
						l++
					}
				}
				// Rows whose first k columns drew i: recount with x[n-1]
				// in its place.
				for _, pos := range at[start[i]:start[i+1]] {
					row, c := int(pos)/d.k, int(pos)%d.k
					if c >= k {
						continue
					}
					s := prefix[row*k1+k]
					if s >= lo {
						g--
					}
					if s <= hi {
						l--
					}
					s += x[n-1] - x[i]
					if s >= lo {
						g++
					}
					if s <= hi {
						l++
					}
				}
				ge[i], le[i] = g, l
			}
		})
	}
	wg.Wait()
	return ge, le
}

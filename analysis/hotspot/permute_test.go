package hotspot

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/htmap/htmap/analysis/weights"
)

// The one-pass permutation counts equal a brute-force recomputation of
// both statistics for every permutation row: Gi* as the full ArcGIS z and
// Local Moran's I_i with the permuted neighbour values, counted and folded
// as esda does. This checks the shortcut (both statistics are monotone in
// the permuted neighbour sum, Local Moran downwards when z_i < 0) and the
// index mapping that skips site i.
func TestPermutationBruteForce(t *testing.T) {
	o := loadOracles(t)
	w := desmithW(t, o)
	y := o.Desmith.Y
	const R = 999
	const seed = 12345
	r, err := Analyze(y, w, Options{Permutations: R, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	n := len(y)
	d := newDraws(n, w.MaxCardinality(), R, seed)
	mean, v := meanVar(y)
	s := math.Sqrt(v)
	var ss float64
	for _, yi := range y {
		ss += (yi - mean) * (yi - mean)
	}
	gi := func(i int, vals []float64) float64 { // ArcGIS Gi*, binary + self
		k := float64(len(vals) + 1)
		num := y[i] - mean
		for _, x := range vals {
			num += x - mean
		}
		return num / (s * math.Sqrt((float64(n)*k-k*k)/float64(n-1)))
	}
	lisa := func(i int, vals []float64) float64 { // row-standardised
		var lag float64
		for _, x := range vals {
			lag += (x - mean) / float64(len(vals))
		}
		return float64(n-1) * (y[i] - mean) * lag / ss
	}
	fold := func(l int) float64 { return float64(min(l, R-l)+1) / float64(R+1) }
	for i := range n {
		nb, _ := w.Neighbors(i)
		obs := make([]float64, len(nb))
		for k, j := range nb {
			obs[k] = y[j]
		}
		g0, l0 := gi(i, obs), lisa(i, obs)
		if math.Abs(g0-r.GiZ[i]) > 1e-12 || math.Abs(l0-r.LisaI[i]) > 1e-12 {
			t.Fatalf("site %d: brute force statistics %v %v differ from %v %v", i, g0, l0, r.GiZ[i], r.LisaI[i])
		}
		var lg, ll int
		for row := range R {
			vals := make([]float64, len(nb))
			for c := range nb {
				j := int(d.ids[row*d.k+c])
				if j == i {
					j = n - 1 // the last site stands in for i (see draws)
				}
				if j == i {
					t.Fatal("site drawn as its own neighbour")
				}
				vals[c] = y[j]
			}
			// A hair of slack: the sums are the same numbers in another
			// order.
			if gi(i, vals) >= g0-1e-12 {
				lg++
			}
			if lisa(i, vals) >= l0-1e-12 {
				ll++
			}
		}
		if got, want := r.GiPSim[i], fold(lg); got != want {
			t.Errorf("site %d: GiPSim %v, brute force %v", i, got, want)
		}
		if got, want := r.LisaPSim[i], fold(ll); got != want {
			t.Errorf("site %d: LisaPSim %v, brute force %v", i, got, want)
		}
	}
}

// Every row of the table holds distinct indices in [0, n-1).
func TestDrawsDistinct(t *testing.T) {
	d := newDraws(12, 11, 500, 9)
	if d.k != 11 {
		t.Fatalf("k = %d, want 11 (n-1)", d.k)
	}
	counts := make([]int, 11)
	for row := range d.r {
		seen := map[int32]bool{}
		for _, j := range d.ids[row*d.k : (row+1)*d.k] {
			if j < 0 || j >= 11 || seen[j] {
				t.Fatalf("row %d: %v", row, d.ids[row*d.k:(row+1)*d.k])
			}
			seen[j] = true
		}
		counts[d.ids[row*d.k]]++
	}
	// The first column is uniform over 11 values: 500/11 = 45.5 each;
	// chi-square with 10 degrees of freedom stays below 29.6 (p = 0.001).
	var chi float64
	for _, c := range counts {
		e := 500.0 / 11
		chi += (float64(c) - e) * (float64(c) - e) / e
	}
	if chi > 29.6 {
		t.Errorf("first column counts %v, chi-square %.1f", counts, chi)
	}
}

// The binary fast path counts exactly what the general loop counts.
func TestPermCountsBinaryMatchesGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 300
	nb := make([][]int, n)
	x := make([]float64, n)
	for i := range n {
		x[i] = float64(rng.IntN(5)) // many ties, as counts have
		for j := range n {
			if j != i && rng.IntN(20) == 0 {
				nb[i] = append(nb[i], j)
			}
		}
	}
	w, err := weights.FromNeighbors(nb)
	if err != nil {
		t.Fatal(err)
	}
	d := newDraws(n, w.MaxCardinality(), 199, 7)
	fg, fl := permCountsBinary(x, w, d, 3)
	maxAbs := 4.0
	for i := range n {
		g, l := permSite(x, w, d, i, maxAbs)
		if g != fg[i] || l != fl[i] {
			t.Fatalf("site %d: general (%d, %d), fast (%d, %d)", i, g, l, fg[i], fl[i])
		}
	}
}

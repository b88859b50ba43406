package hotspot

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
)

// The Gi* pseudo p-values agree with esda's (seed 10, 999 permutations)
// up to Monte Carlo error. esda draws with numpy's Mersenne Twister, we
// with PCG, so the digits differ; with 30,000 permutations our estimate
// has standard error <= 0.003 and esda's <= 0.016, so 0.05 is three
// standard errors of the difference. A wrong tail or a wrong fold (for
// example p = L/R unfolded, 0.8 instead of 0.2) fails.
func TestGiPSimMatchesESDA(t *testing.T) {
	o := loadOracles(t)
	w := getisOrdW(t, o)
	r, err := Analyze(o.GetisOrd.Y, w, Options{Permutations: 30000, Seed: 10})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range o.GetisOrd.Perm.PSim {
		if d := math.Abs(r.GiPSim[i] - want); d > 0.05 {
			t.Errorf("GiPSim[%d] = %.4f, esda %.3f", i, r.GiPSim[i], want)
		}
	}
	t.Logf("GiPSim %.4f, esda %v", r.GiPSim, o.GetisOrd.Perm.PSim)
}

// Site 2 of the Getis-Ord fixture has one neighbour (site 4, y = 8); the
// other sites hold 2, 3, 5, 8, 7. Its permuted neighbour sum is one of
// those five, uniformly, and only 8 is >= 8, so L/R -> 1/5 and the folded
// pseudo p -> 0.2.
func TestPermutationByHand(t *testing.T) {
	o := loadOracles(t)
	w := getisOrdW(t, o)
	const R = 60000 // standard error of L/R: sqrt(0.2*0.8/R) = 0.0016
	r, err := Analyze(o.GetisOrd.Y, w, Options{Permutations: R, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(r.GiPSim[2] - 0.2); d > 0.008 {
		t.Errorf("GiPSim[2] = %v, want 0.2 +- 0.008", r.GiPSim[2])
	}
	// Site 2 has y = 3.2 < mean 4.7, so Local Moran counts draws <= 8:
	// all of them (L = R), folded to min(R, 0) -> 1/(R+1).
	if want := 1.0 / (R + 1); r.LisaPSim[2] != want {
		t.Errorf("LisaPSim[2] = %v, want %v", r.LisaPSim[2], want)
	}
}

func TestPermutationWorkersAndSeed(t *testing.T) {
	x, w := plantedGrid(t, 40, 7)
	a, err := Analyze(x, w, Options{Seed: 42, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Analyze(x, w, Options{Seed: 42, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Analyze(x, w, Options{Seed: 42, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.GiPSim, b.GiPSim) || !slices.Equal(a.LisaPSim, b.LisaPSim) ||
		!slices.Equal(a.GiPSim, c.GiPSim) || !slices.Equal(a.LisaPSim, c.LisaPSim) {
		t.Fatal("pseudo p-values depend on the number of workers")
	}
	d, err := Analyze(x, w, Options{Seed: 43, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(a.GiPSim, d.GiPSim) {
		t.Fatal("a different seed gave identical pseudo p-values")
	}
	if a.Permutations != DefaultPermutations {
		t.Fatalf("ran %d permutations, want the default 999", a.Permutations)
	}
	for i, p := range a.GiPSim {
		if p < 1.0/1000 || p > 0.5+1.0/1000 {
			t.Fatalf("GiPSim[%d] = %v outside [1/(R+1), 1/2]", i, p)
		}
	}
}

// plantedGrid returns an n x n planar grid of background values in 0..9
// (seeded) with a 3x3 block of 40 planted at the centre of the upper-right
// quadrant, and queen weights (distance band 1.5 on unit spacing).
func plantedGrid(t testing.TB, n int, seed uint64) ([]float64, *weights.W) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	pts := make([]orb.Point, 0, n*n)
	x := make([]float64, 0, n*n)
	c := 3 * n / 4
	for r := 0; r < n; r++ {
		for q := 0; q < n; q++ {
			pts = append(pts, orb.Point{float64(q), float64(r)})
			v := float64(rng.IntN(10))
			if abs(r-c) <= 1 && abs(q-c) <= 1 {
				v = 40
			}
			x = append(x, v)
		}
	}
	w, err := weights.DistanceBand(pts, 1.5, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	return x, w
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// A planted hot spot is found at 99 % after FDR, and nothing farther than
// one band (1.5) from the planted block is hot at 99 %.
func TestPlantedHotspot(t *testing.T) {
	const n = 40
	for seed := uint64(1); seed <= 5; seed++ {
		x, w := plantedGrid(t, n, seed)
		r, err := Analyze(x, w, Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		c := 3 * n / 4
		centre := c*n + c
		if r.GiBin[centre] != 3 {
			t.Errorf("seed %d: planted centre bin %d (z %.2f), want 3", seed, r.GiBin[centre], r.GiZ[centre])
		}
		if r.LisaCluster[centre] != "HH" {
			t.Errorf("seed %d: planted centre cluster %s, want HH", seed, r.LisaCluster[centre])
		}
		hot := 0
		for i, b := range r.GiBin {
			row, col := i/n, i%n
			// Distance to the block (Chebyshev on the grid, enough here:
			// a site more than 1.5 away in Euclidean terms is at least 2
			// rows or columns away).
			dr := max(abs(row-c)-1, 0)
			dc := max(abs(col-c)-1, 0)
			far := math.Hypot(float64(dr), float64(dc)) > 1.5
			if b == 3 {
				hot++
				if far {
					t.Errorf("seed %d: site (%d,%d) is hot at 99 %% (z %.2f) but %v from the planted block", seed, row, col, r.GiZ[i], math.Hypot(float64(dr), float64(dc)))
				}
			}
		}
		if hot < 9 {
			t.Errorf("seed %d: only %d sites hot at 99 %%", seed, hot)
		}
		if r.Moran.ZRand < 2 {
			t.Errorf("seed %d: global Moran z %.2f, want clear autocorrelation", seed, r.Moran.ZRand)
		}
	}
}

// Islands and a constant variable give finite, neutral outputs.
func TestIslandsFinite(t *testing.T) {
	pts := []orb.Point{{0, 0}, {1, 0}, {0, 1}, {1, 1}, {10, 10}, {2, 0}}
	w, err := weights.DistanceBand(pts, 1.01, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Islands(); !slices.Equal(got, []int{4}) {
		t.Fatalf("islands %v, want [4]", got)
	}
	for _, x := range [][]float64{{1, 2, 3, 4, 50, 6}, {5, 5, 5, 5, 5, 5}} {
		r, err := Analyze(x, w, Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range [][]float64{r.GiZ, r.GiP, r.GiPSim, r.LisaI, r.LisaZ, r.LisaP, r.LisaPSim,
			{r.Moran.I, r.Moran.ZNorm, r.Moran.ZRand, r.Moran.PNorm, r.Moran.PRand}} {
			for i, v := range s {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("x %v: value %d is %v", x, i, v)
				}
			}
		}
		if r.GiZ[4] != 0 || r.GiP[4] != 1 || r.GiPSim[4] != 1 || r.GiBin[4] != 0 ||
			r.LisaI[4] != 0 || r.LisaP[4] != 1 || r.LisaPSim[4] != 1 || r.LisaQ[4] != 0 || r.LisaCluster[4] != "NS" {
			t.Errorf("x %v: island not neutral: %+v", x, r)
		}
		if !slices.Equal(r.Islands, []int{4}) {
			t.Errorf("Result.Islands %v", r.Islands)
		}
	}
	// esda-compatible G_Local on the island: z 0, p 0.5, no NaN.
	g, err := GLocal([]float64{1, 2, 3, 4, 50, 6}, w, false, Binary)
	if err != nil {
		t.Fatal(err)
	}
	if g.Zs[4] != 0 || g.PNorm[4] != 0.5 {
		t.Errorf("G_Local island z %v p %v", g.Zs[4], g.PNorm[4])
	}
}

func TestBins(t *testing.T) {
	// Without FDR: ArcGIS's z thresholds.
	z := []float64{3, 2.6, 2.5, 1.97, 1.7, 1.6, -1.7, -2.0, -2.59, 0}
	p := make([]float64, len(z))
	for i, v := range z {
		p[i] = pTwoSided(v)
	}
	if got, want := Bins(z, p, false), []int{3, 3, 2, 2, 1, 0, -1, -2, -3, 0}; !slices.Equal(got, want) {
		t.Errorf("bins %v, want %v", got, want)
	}
	// With FDR, by hand: n = 10 sorted p; p(z=3) = 0.0027 <= 1*0.01/10 =
	// 0.001? no, so nothing passes at 99 %. At 95 %: cut-offs k*0.005;
	// p(3)=0.0027 <= 0.005, p(2.6)=0.0093 <= 0.010, p(-2.59)=0.0096 <=
	// 0.015, p(2.5)=0.0124 <= 0.020, p(-2.0)=0.0455 > 0.025.., so 4 pass.
	// At 90 %: cut-offs k*0.01; p(1.97)=0.0488 <= 0.05 (k=5), p(-2.0)=
	// 0.0455 rank 5 too: sorted .0027 .0093 .0096 .0124 .0455 .0488 .0891
	// .0891 .1096 1 against .01 .02 .03 .04 .05 .06 .07 .08 .09 .10:
	// largest k with p_(k) <= k/100 is 6, so the six smallest pass.
	got := Bins(z, p, true)
	want := []int{2, 2, 2, 1, 0, 0, 0, -1, -2, 0}
	if !slices.Equal(got, want) {
		t.Errorf("FDR bins %v, want %v", got, want)
	}
}

package emerging

import (
	"math"
	"testing"
)

// TestGiStarOracle: with one step and no time window the space-time
// statistic is the ordinary Gi* with binary weights, and must reproduce
// the esda values of the peer oracle (which equal ArcGIS's formula).
func TestGiStarOracle(t *testing.T) {
	o := loadOracles(t).Getis
	nb := [][]int{{1, 3}, {0, 3, 4}, {4}, {0, 1, 4}, {1, 2, 3, 5}, {4}}
	counts := make([][]float64, len(o.Y))
	for i, y := range o.Y {
		counts[i] = []float64{y}
	}
	if len(o.GistarB.Zs) != 6 {
		t.Fatalf("fixture has %d z-scores", len(o.GistarB.Zs))
	}
	z, p, _, _ := spaceTimeGi(counts, nb, 0)
	for i, want := range o.GistarB.Zs {
		if !near(z[i], want, 1e-8) {
			t.Errorf("site %d: z %v, want %v", i, z[i], want)
		}
		if !near(p[i], math.Erfc(math.Abs(want)/math.Sqrt2), 1e-7) {
			t.Errorf("site %d: p %v", i, p[i])
		}
	}
}

// TestGiStarByHand works a two-location, two-step cube out on paper.
// Counts: location 0 has 1 then 3, location 1 has 2 then 6; they are
// neighbours. n = 4, mean 3, deviations -2 0 -1 3, population variance
// 14/4, S = sqrt(3.5).
//
// With K = 0, bin (1, step 1) sees (0,1) and (1,1): sum 9, W 2, so
// z = (9 - 3*2) / (S sqrt((4*2 - 4)/3)) = 3 / (sqrt(3.5) sqrt(4/3)).
// With K = 1 the same bin sees all four bins: W = n, the variance term
// is 0, and the z-score is reported as 0 (undefined, no evidence).
// Bin (0, step 0) has no earlier step, so K = 1 gives it the same
// two-bin neighbourhood as K = 0: sum 3, z = -3/(sqrt(3.5) sqrt(4/3)).
func TestGiStarByHand(t *testing.T) {
	counts := [][]float64{{1, 3}, {2, 6}}
	nb := [][]int{{1}, {0}}
	want := 3 / (math.Sqrt(3.5) * math.Sqrt(4.0/3))
	z0, _, mean, sd := spaceTimeGi(counts, nb, 0)
	if mean != 3 || !near(sd, math.Sqrt(3.5), 1e-15) {
		t.Fatalf("mean %v sd %v", mean, sd)
	}
	if !near(z0[1*2+1], want, 1e-14) || !near(z0[0], -want, 1e-14) {
		t.Errorf("K=0: z %v", z0)
	}
	z1, p1, _, _ := spaceTimeGi(counts, nb, 1)
	if z1[1*2+1] != 0 || p1[1*2+1] != 1 {
		t.Errorf("K=1, whole-cube neighbourhood: z %v p %v, want 0, 1", z1[3], p1[3])
	}
	if !near(z1[0], -want, 1e-14) {
		t.Errorf("K=1, first step: z %v, want %v", z1[0], -want)
	}
	// Every bin equal: S = 0, nothing can be a hot spot.
	zc, pc, _, _ := spaceTimeGi([][]float64{{2, 2}, {2, 2}}, nb, 0)
	for i := range zc {
		if zc[i] != 0 || pc[i] != 1 {
			t.Errorf("constant cube bin %d: z %v p %v", i, zc[i], pc[i])
		}
	}
}

// TestGiStarDense checks the space-time Gi* of Analyze against a
// deliberately naive reimplementation: it builds the full n x n weight
// matrix of the space-time neighbourhood (n = 120 bins) and applies the
// general ArcGIS formula with sum of w_ij and sum of w_ij^2, sharing no
// code with spaceTimeGi.
func TestGiStarDense(t *testing.T) {
	const w, h, nt, k = 5, 4, 6, 2
	nb := rook(w, h)
	counts := make([][]float64, w*h)
	for i := range counts {
		counts[i] = make([]float64, nt)
		for s := range counts[i] {
			counts[i][s] = float64((i*i*7 + s*13 + i*s) % 11)
		}
	}
	opt := DefaultOptions()
	opt.TimeWindow = k
	res, err := Analyze(counts, nb, opt)
	if err != nil {
		t.Fatal(err)
	}

	var big int
	for _, row := range res.Bins {
		for _, b := range row {
			if math.Abs(b.GiZ) > 1 {
				big++
			}
		}
	}
	if big < 10 {
		t.Fatalf("only %d bins with |z| > 1: the cube does not exercise the formula", big)
	}

	n := w * h * nt
	x := make([]float64, n)
	for i := range counts {
		for s := range counts[i] {
			x[i*nt+s] = counts[i][s]
		}
	}
	var mean float64
	for _, v := range x {
		mean += v
	}
	mean /= float64(n)
	var v2 float64
	for _, v := range x {
		v2 += v * v
	}
	sd := math.Sqrt(v2/float64(n) - mean*mean)
	adj := make([][]bool, w*h)
	for i := range adj {
		adj[i] = make([]bool, w*h)
		adj[i][i] = true
		for _, j := range nb[i] {
			adj[i][j] = true
		}
	}
	for a := 0; a < n; a++ {
		i, s := a/nt, a%nt
		var sw, sw2, swx float64
		for b := 0; b < n; b++ {
			j, u := b/nt, b%nt
			wt := 0.0
			if adj[i][j] && u <= s && u >= s-k {
				wt = 1
			}
			sw += wt
			sw2 += wt * wt
			swx += wt * x[b]
		}
		want := (swx - mean*sw) / (sd * math.Sqrt((float64(n)*sw2-sw*sw)/float64(n-1)))
		got := res.Bins[i][s].GiZ
		if math.Abs(got-want) > 1e-10 {
			t.Errorf("bin (%d, %d): z %v, dense %v", i, s, got, want)
		}
	}
}

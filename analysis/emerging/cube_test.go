package emerging

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// rook returns the rook-contiguity neighbour lists of a w x h grid whose
// location index is row*w + col.
func rook(w, h int) [][]int {
	nb := make([][]int, w*h)
	for r := 0; r < h; r++ {
		for c := 0; c < w; c++ {
			i := r*w + c
			if c > 0 {
				nb[i] = append(nb[i], i-1)
			}
			if c < w-1 {
				nb[i] = append(nb[i], i+1)
			}
			if r > 0 {
				nb[i] = append(nb[i], i-w)
			}
			if r < h-1 {
				nb[i] = append(nb[i], i+w)
			}
		}
	}
	return nb
}

// plantedCube is a 12 x 12 grid over 10 steps: a quiet background of 1 to
// 3 per bin (1 + i mod 3 at location i, the same every step: no
// randomness), a rising 3 x 3
// cluster in the top-left corner region and a fading 3 x 3 cluster in the
// bottom-right one.
func plantedCube() (counts [][]float64, rising, fading []int) {
	const w, h, nt = 12, 12, 10
	counts = make([][]float64, w*h)
	for i := range counts {
		counts[i] = make([]float64, nt)
		for t := range counts[i] {
			counts[i][t] = float64(1 + (i*7+t*3)%3)
		}
	}
	for r := 2; r <= 4; r++ {
		for c := 2; c <= 4; c++ {
			i := r*w + c
			rising = append(rising, i)
			for t := 0; t < nt; t++ {
				counts[i][t] = float64(20 + 3*t) // 20, 23, ..., 47
			}
		}
	}
	for r := 7; r <= 9; r++ {
		for c := 7; c <= 9; c++ {
			i := r*w + c
			fading = append(fading, i)
			for t := 0; t < nt; t++ {
				counts[i][t] = float64(47 - 3*t) // 47, 44, ..., 20
			}
		}
	}
	return counts, rising, fading
}

// TestPlantedTrends runs the whole analysis on plantedCube and checks the
// map cell by cell. The rising block's centre and the four cells sharing
// an edge with it must be intensifying hot spots, the fading block's
// diminishing, and every cell outside the two blocks no pattern.
//
// The block corners are asserted too, because they show how the method
// reads a cluster's fringe: with rook neighbours a corner has two
// neighbours inside the block and two in the background, so its z-score
// is lower. The rising corners are not yet significant in the first two
// steps (8 of 10 hot, under 90 %) and read as consecutive hot spots; the
// fading corners fall out of significance in the final step and read as
// historical hot spots.
func TestPlantedTrends(t *testing.T) {
	counts, rising, fading := plantedCube()
	res, err := Analyze(counts, rook(12, 12), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := make([]Pattern, 144)
	corner := func(r, c int) bool {
		return (r == 2 || r == 4 || r == 7 || r == 9) && (c == 2 || c == 4 || c == 7 || c == 9)
	}
	for _, i := range rising {
		want[i] = IntensifyingHot
		if corner(i/12, i%12) {
			want[i] = ConsecutiveHot
		}
	}
	for _, i := range fading {
		want[i] = DiminishingHot
		if corner(i/12, i%12) {
			want[i] = HistoricalHot
		}
	}
	var got, exp strings.Builder
	for i, l := range res.Locations {
		fmt.Fprintf(&got, "%3d", l.PatternCode)
		fmt.Fprintf(&exp, "%3d", want[i])
		if i%12 == 11 {
			got.WriteByte('\n')
			exp.WriteByte('\n')
		}
		if l.Pattern != l.PatternCode.String() {
			t.Errorf("location %d: Pattern %q but code %d", i, l.Pattern, l.PatternCode)
		}
	}
	if got.String() != exp.String() {
		t.Errorf("pattern map:\n%s\nwant:\n%s", got.String(), exp.String())
	}

	// The centre of the rising block: hot in every step, z rising in every
	// step, so its Mann-Kendall S is 45 of 45 pairs, and the same for its
	// counts: Z = (45-1)/sqrt(125) = 3.9355.
	c := res.Locations[3*12+3]
	if math.Abs(c.GiTrendZ-44/math.Sqrt(125)) > 1e-12 || math.Abs(c.CountTrendZ-44/math.Sqrt(125)) > 1e-12 {
		t.Errorf("rising centre trends Z = %v (Gi*), %v (counts), want 3.9355 both", c.GiTrendZ, c.CountTrendZ)
	}
	if c.StepsHot != 10 || c.StepsCold != 0 || c.LastStepBin != 3 {
		t.Errorf("rising centre: %d hot, %d cold, last bin %d; want 10, 0, 3", c.StepsHot, c.StepsCold, c.LastStepBin)
	}
	f := res.Locations[8*12+8]
	if f.CountTrendZ != -c.CountTrendZ || f.GiTrendZ >= 0 || f.GiTrendP > 0.05 {
		t.Errorf("fading centre trends: counts Z %v, Gi* Z %v p %v", f.CountTrendZ, f.GiTrendZ, f.GiTrendP)
	}
	// Mean and standard deviation by hand. The background value
	// 1 + (7i + 3t) mod 3 is 1 + i mod 3: 48 locations each of 1, 2 and 3.
	// Each block replaces three of each (the nine replaced values sum to 18
	// per block per step, their squares to 42). So the background gives
	// (288 - 36) x 10 = 2520 and squares (672 - 84) x 10 = 5880; each of
	// the 18 block cells gives 20 + 23 + ... + 47 = 335 and squares 11965.
	// Sum 8550, mean 8550/1440 = 5.9375; squares 221250.
	wantSD := math.Sqrt(221250.0/1440 - 5.9375*5.9375)
	if res.N != 1440 || res.Mean != 5.9375 || math.Abs(res.StdDev-wantSD) > 1e-12 {
		t.Errorf("N %d mean %v sd %v, want 1440, 5.9375, %v", res.N, res.Mean, res.StdDev, wantSD)
	}
}

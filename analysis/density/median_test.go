package density

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// sortedMedian is weightedMedian by sorting, as it was computed before
// selection (ties kept in input order).
func sortedMedian(d, w []float64) float64 {
	idx := make([]int, len(d))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return d[idx[a]] < d[idx[b]] })
	total := 0.0
	for _, x := range w {
		total += x
	}
	half := total / 2
	cum := 0.0
	for k, i := range idx {
		cum += w[i]
		if cum > half*(1+1e-12) {
			return d[i]
		}
		if cum >= half*(1-1e-12) && k+1 < len(idx) {
			return (d[i] + d[idx[k+1]]) / 2
		}
	}
	return d[idx[len(idx)-1]]
}

// Selection gives the sorted answer exactly: with ties, weightless values
// (which still count as the next value, as before), even totals falling
// between two values, one value, and inputs long enough for the
// quickselect to partition many times, sorted and reversed.
func TestWeightedMedianMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for trial := 0; trial < 3000; trial++ {
		n := 1 + rng.IntN(40)
		if trial%10 == 0 {
			n = 1 + rng.IntN(5000)
		}
		d, w := make([]float64, n), make([]float64, n)
		levels := 1 + rng.IntN(2*n)
		for i := range d {
			d[i] = float64(rng.IntN(levels)) * 0.5
			w[i] = float64(rng.IntN(4))
		}
		switch trial % 7 {
		case 1:
			sort.Float64s(d)
		case 2:
			sort.Sort(sort.Reverse(sort.Float64Slice(d)))
		case 3:
			for i := range w {
				w[i] = 1
			}
		}
		if w[0] == 0 {
			w[0] = 1 // a positive total
		}
		if got, want := weightedMedian(d, w), sortedMedian(d, w); got != want {
			t.Fatalf("trial %d, d %v w %v: %v, sorted %v", trial, d, w, got, want)
		}
	}
}

// Long inputs go through the sampled bracket; a few heavy weights mislead
// the sample into missing the median, which falls back to quickselect on
// everything.
func TestWeightedMedianLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 19))
	for trial := 0; trial < 12; trial++ {
		n := 40000 + rng.IntN(60000)
		d, w := make([]float64, n), make([]float64, n)
		for i := range d {
			d[i] = math.Round(rng.ExpFloat64() * 1000)
			w[i] = float64(1 + rng.IntN(3))
		}
		if trial%3 == 1 {
			for k := 0; k < 5; k++ { // off the sample's grid
				i := 1 + rng.IntN(n-2)
				w[i] = float64(n)
			}
		}
		if trial%3 == 2 {
			sort.Float64s(d)
		}
		if got, want := weightedMedian(d, w), sortedMedian(d, w); got != want {
			t.Fatalf("trial %d: %v, sorted %v", trial, got, want)
		}
	}
}

// Fractional weights (sums no longer exact) agree to rounding.
func TestWeightedMedianFractional(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(3000)
		d, w := make([]float64, n), make([]float64, n)
		for i := range d {
			d[i], w[i] = rng.ExpFloat64()*100, rng.Float64()
		}
		if got, want := weightedMedian(d, w), sortedMedian(d, w); math.Abs(got-want) > 1e-12*want {
			t.Fatalf("trial %d: %v, sorted %v", trial, got, want)
		}
	}
}

package hotspot

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/htmap/htmap/analysis/weights"
)

// check rejects values that do not match w or are not finite, naming the
// first bad site.
func check(x []float64, w *weights.W) error {
	if w == nil {
		return fmt.Errorf("hotspot: nil weights")
	}
	if len(x) != w.N() {
		return fmt.Errorf("hotspot: %d values for %d sites in the weights", len(x), w.N())
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("hotspot: value of site %d is %v, not a finite number", i, v)
		}
	}
	return nil
}

// meanVar returns the mean and the population variance (divisor n),
// computed around the mean so that large offsets do not cancel.
func meanVar(x []float64) (mean, variance float64) {
	n := float64(len(x))
	for _, v := range x {
		mean += v
	}
	mean /= n
	for _, v := range x {
		d := v - mean
		variance += d * d
	}
	return mean, variance / n
}

// pTwoSided is the two-sided standard normal p-value 2(1 - Phi(|z|)).
func pTwoSided(z float64) float64 {
	return 2 * distuv.UnitNormal.Survival(math.Abs(z))
}

// pOneSided is esda's folded one-sided p-value 1 - Phi(|z|).
func pOneSided(z float64) float64 {
	return distuv.UnitNormal.Survival(math.Abs(z))
}

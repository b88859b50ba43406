package hotspot

import (
	"fmt"
	"math"
)

// EmpiricalBayes smooths the rates events[i]/base[i] towards the global
// rate, more strongly where the base is small, as PySAL's Empirical_Bayes
// and GeoDa's "Empirical Bayes" rate (Marshall 1991, global moment
// estimator):
//
//	b    = sum e / sum p                       (global rate)
//	s2   = sum p_i (r_i - b)^2 / sum p         (base-weighted rate variance)
//	a    = max(s2 - b / pbar, 0),  pbar = sum p / n
//	w_i  = a / (a + b / p_i)
//	eb_i = w_i r_i + (1 - w_i) b
//
// so a cell with 2 cases among 3 people moves most of the way to the
// global rate. When a = 0 (no more variation than Poisson noise explains)
// every rate becomes b. Bases must be positive and events non-negative.
func EmpiricalBayes(events, base []float64) ([]float64, error) {
	if len(events) != len(base) {
		return nil, fmt.Errorf("hotspot: %d event counts but %d bases", len(events), len(base))
	}
	n := len(base)
	if n == 0 {
		return nil, nil
	}
	var es, bs float64
	for i := range n {
		e, p := events[i], base[i]
		if math.IsNaN(e) || math.IsInf(e, 0) || e < 0 {
			return nil, fmt.Errorf("hotspot: events of site %d is %v, want a finite non-negative number", i, e)
		}
		if math.IsNaN(p) || math.IsInf(p, 0) || p <= 0 {
			return nil, fmt.Errorf("hotspot: base of site %d is %v, want a finite positive number", i, p)
		}
		es += e
		bs += p
	}
	b := es / bs
	var s2 float64
	for i := range n {
		d := events[i]/base[i] - b
		s2 += base[i] * d * d
	}
	s2 /= bs
	a := max(s2-b/(bs/float64(n)), 0)
	out := make([]float64, n)
	for i := range n {
		r := events[i] / base[i]
		wi := 0.0
		if a > 0 {
			wi = a / (a + b/base[i])
		}
		out[i] = wi*r + (1-wi)*b
	}
	return out, nil
}

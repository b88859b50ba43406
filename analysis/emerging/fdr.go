package emerging

import "sort"

// FDRCutoff returns the Benjamini-Hochberg threshold for a set of p-values
// at false discovery rate alpha: with the p-values sorted ascending as
// p(1) <= ... <= p(m), k is the largest rank with p(k) <= alpha*k/m and the
// cutoff is alpha*k/m. Every p-value at or below the cutoff is significant,
// which is exactly the set p(1)..p(k). When no rank qualifies the cutoff is
// alpha/m, which no p-value reaches. This is the value esda's fdr returns.
//
// The p-values are not modified; they must be numbers (a NaN has no rank).
func FDRCutoff(p []float64, alpha float64) float64 {
	m := len(p)
	if m == 0 {
		return 0
	}
	s := append([]float64(nil), p...)
	sort.Float64s(s)
	return cutoffSorted(s, alpha)
}

// cutoffSorted is FDRCutoff on p-values already sorted ascending, so one
// sort serves the three confidence levels.
func cutoffSorted(s []float64, alpha float64) float64 {
	m := float64(len(s))
	k := 0
	for i, v := range s {
		if v <= alpha*float64(i+1)/m {
			k = i + 1
		}
	}
	if k == 0 {
		return alpha / m
	}
	return alpha * float64(k) / m
}

// Cutoffs holds the FDR thresholds of one cube at ArcGIS's three
// confidence levels.
type Cutoffs struct {
	P99, P95, P90 float64
}

// fdrCutoffs computes the three thresholds with one sort.
func fdrCutoffs(p []float64) Cutoffs {
	s := append([]float64(nil), p...)
	sort.Float64s(s)
	if len(s) == 0 {
		return Cutoffs{}
	}
	return Cutoffs{
		P99: cutoffSorted(s, 0.01),
		P95: cutoffSorted(s, 0.05),
		P90: cutoffSorted(s, 0.10),
	}
}

// ConfidenceBin returns ArcGIS's Gi_Bin for a z-score and p-value after
// FDR: +-3 when p is within the 99 % cutoff, +-2 within the 95 % one, +-1
// within the 90 % one, else 0, the sign taken from z (positive for hot).
// A zero z is never significant.
func (c Cutoffs) ConfidenceBin(z, p float64) int {
	sign := 1
	switch {
	case z < 0:
		sign = -1
	case z > 0:
	default:
		return 0
	}
	switch {
	case p <= c.P99:
		return 3 * sign
	case p <= c.P95:
		return 2 * sign
	case p <= c.P90:
		return sign
	}
	return 0
}

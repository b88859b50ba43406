package hotspot

import (
	"math"
	"slices"
)

// FDR returns the Benjamini-Hochberg cut-off for p-values p at level alpha,
// in esda's form: k*alpha/n for the largest rank k whose sorted p-value
// satisfies p_(k) <= k*alpha/n, or alpha/n when no rank does. A p-value is
// significant when p <= FDR(p, alpha); this rejects exactly the hypotheses
// Benjamini and Hochberg's step-up procedure rejects.
func FDR(p []float64, alpha float64) float64 {
	n := len(p)
	if n == 0 {
		return alpha
	}
	s := slices.Clone(p)
	slices.Sort(s)
	nf := float64(n)
	for k := n; k >= 1; k-- {
		if c := float64(k) * alpha / nf; s[k-1] <= c {
			return c
		}
	}
	return alpha / nf
}

// Bins returns ArcGIS's confidence bins: +-3, +-2, +-1 for hot (z > 0) or
// cold spots at 99, 95 and 90 % confidence, 0 where not significant.
// With fdr, a site is significant at a level when its p passes the
// Benjamini-Hochberg cut-off [FDR] computed over all p at alpha = 0.01,
// 0.05 and 0.10 (the highest level passed wins); without, the bins are
// |z| > 2.58, 1.96 and 1.65. Sites with p = 1 and z = 0 (islands) are 0.
func Bins(z, p []float64, fdr bool) []int {
	out := make([]int, len(z))
	var c99, c95, c90 float64
	if fdr {
		c99, c95, c90 = FDR(p, 0.01), FDR(p, 0.05), FDR(p, 0.10)
	}
	for i, zi := range z {
		var b int
		if fdr {
			switch pi := p[i]; {
			case pi <= c99:
				b = 3
			case pi <= c95:
				b = 2
			case pi <= c90:
				b = 1
			}
		} else {
			switch a := math.Abs(zi); {
			case a > 2.58:
				b = 3
			case a > 1.96:
				b = 2
			case a > 1.65:
				b = 1
			}
		}
		if zi < 0 {
			b = -b
		} else if zi == 0 {
			b = 0
		}
		out[i] = b
	}
	return out
}

package emerging

import (
	"math"
	"sort"
)

// Trend is the result of a Mann-Kendall test on one series.
type Trend struct {
	// S is the sum over all pairs i < j of sign(x[j] - x[i]): positive
	// when later values tend to be larger.
	S float64
	// VarS is the variance of S under no trend, with the correction for
	// tied values: (n(n-1)(2n+5) - sum over tie groups of t(t-1)(2t+5)) / 18.
	VarS float64
	// Z is the standardised statistic with the continuity correction:
	// (S-1)/sqrt(VarS) for S > 0, (S+1)/sqrt(VarS) for S < 0, else 0.
	Z float64
	// P is the two-sided normal p-value of Z.
	P float64
	// Tau is Kendall's tau-a, S / (n(n-1)/2).
	Tau float64
}

// MannKendall runs the Mann-Kendall trend test on a series in time order.
//
// The continuity correction moves S one unit toward zero before dividing
// by its standard deviation, because S only takes every other integer;
// without it small series would claim trends too readily. A series of
// fewer than two values, or one whose values are all tied, has VarS 0 and
// is reported as Z 0, P 1 (no evidence of a trend).
//
// Values are compared exactly: two values are tied only when equal. The
// cost is quadratic in the series length, which is the number of time
// steps (tens), not the number of locations.
func MannKendall(x []float64) Trend {
	n := len(x)
	var s float64
	for i := 0; i < n-1; i++ {
		for j := i + 1; j < n; j++ {
			switch {
			case x[j] > x[i]:
				s++
			case x[j] < x[i]:
				s--
			}
		}
	}
	nf := float64(n)
	v := nf * (nf - 1) * (2*nf + 5)
	if n > 1 {
		sorted := append([]float64(nil), x...)
		sort.Float64s(sorted)
		for i := 0; i < n; {
			j := i + 1
			for j < n && sorted[j] == sorted[i] {
				j++
			}
			if t := float64(j - i); t > 1 {
				v -= t * (t - 1) * (2*t + 5)
			}
			i = j
		}
	}
	v /= 18
	tr := Trend{S: s, VarS: v, P: 1}
	if n > 1 {
		tr.Tau = s / (nf * (nf - 1) / 2)
	}
	if v <= 0 {
		tr.VarS = 0
		return tr
	}
	switch {
	case s > 0:
		tr.Z = (s - 1) / math.Sqrt(v)
	case s < 0:
		tr.Z = (s + 1) / math.Sqrt(v)
	}
	tr.P = twoSidedP(tr.Z)
	return tr
}

// twoSidedP is the two-sided standard normal p-value of z,
// P(|Z| >= |z|) = erfc(|z|/sqrt 2), accurate far into the tail where
// 2*(1-Phi(|z|)) would round to zero.
func twoSidedP(z float64) float64 {
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

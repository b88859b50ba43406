package hotspot

import (
	"fmt"
	"math"

	"github.com/htmap/htmap/analysis/weights"
)

// MoranResult is global Moran's I with its moments under the normality and
// the randomisation assumptions (Cliff and Ord), as esda's Moran.
type MoranResult struct {
	I, EI          float64
	VINorm, VIRand float64
	ZNorm, ZRand   float64
	PNorm, PRand   float64 // two-sided, as esda's default
}

// Moran computes global Moran's I of y on w as given (esda row-standardises
// first by default; pass w.RowStandardized() to match it):
//
//	I = n / S0 * sum_ij w_ij z_i z_j / sum_i z_i^2,  z = y - ybar,  E[I] = -1/(n-1)
//
// VINorm = (n^2 S1 - n S2 + 3 S0^2) / ((n^2 - 1) S0^2) - E[I]^2, and VIRand
// adds the kurtosis b2 = n sum z^4 / (sum z^2)^2:
//
//	(n((n^2-3n+3)S1 - n S2 + 3S0^2) - b2((n^2-n)S1 - 2n S2 + 6S0^2)) / ((n-1)(n-2)(n-3)S0^2) - E[I]^2
//
// A constant y or weights without a single link give I = 0, z = 0, p = 1.
func Moran(y []float64, w *weights.W) (MoranResult, error) {
	if err := check(y, w); err != nil {
		return MoranResult{}, err
	}
	n := len(y)
	if n < 4 {
		return MoranResult{}, fmt.Errorf("hotspot: Moran's I needs at least 4 sites, have %d", n)
	}
	nf := float64(n)
	mean, _ := meanVar(y)
	var m2, m4, cross float64
	for i, yi := range y {
		zi := yi - mean
		m2 += zi * zi
		m4 += zi * zi * zi * zi
		nb, wt := w.Neighbors(i)
		var lag float64
		for k, j := range nb {
			lag += wt[k] * (y[j] - mean)
		}
		cross += zi * lag
	}
	s0, s1, s2 := w.Sums()
	r := MoranResult{EI: -1 / (nf - 1), PNorm: 1, PRand: 1}
	if s0 == 0 || m2 == 0 {
		return r, nil
	}
	r.I = nf / s0 * cross / m2
	s02 := s0 * s0
	r.VINorm = (nf*nf*s1-nf*s2+3*s02)/((nf*nf-1)*s02) - r.EI*r.EI
	b2 := nf * m4 / (m2 * m2)
	a := nf * ((nf*nf-3*nf+3)*s1 - nf*s2 + 3*s02)
	b := b2 * ((nf*nf-nf)*s1 - 2*nf*s2 + 6*s02)
	r.VIRand = (a-b)/((nf-1)*(nf-2)*(nf-3)*s02) - r.EI*r.EI
	if r.VINorm > 0 {
		r.ZNorm = (r.I - r.EI) / math.Sqrt(r.VINorm)
		r.PNorm = pTwoSided(r.ZNorm)
	}
	if r.VIRand > 0 {
		r.ZRand = (r.I - r.EI) / math.Sqrt(r.VIRand)
		r.PRand = pTwoSided(r.ZRand)
	}
	return r, nil
}

// LocalMoranResult is esda's Moran_Local, analytic part.
type LocalMoranResult struct {
	Is []float64
	// EI, VI: moments under total randomisation (Sokal et al. 1998, eqs.
	// A3 and A4*, as esda); Z and P (two-sided) follow from them.
	EI, VI, Z, P []float64
	// EIc, VIc: moments under conditional randomisation (eqs. A7, A8).
	EIc, VIc []float64
	// Q is esda's quadrant: 1 HH, 2 LH, 3 LL, 4 HL; 0 for an island.
	Q []int
}

// LocalMoran computes Local Moran's I as esda's Moran_Local does, on w
// row-standardised here (esda's default transform "R"):
//
//	I_i = (n-1) z_i lag_i / sum_j z_j^2,  lag_i = sum_j w_ij z_j,  z = y - ybar
//	E[I_i] = -W_i / (n-1)
//	V[I_i] = w2_i (n - b2)/(n-1) + (W_i^2 - w2_i)(2 b2 - n)/((n-1)(n-2)) - E[I_i]^2
//
// with W_i and w2_i the sum of row i's weights and of their squares and b2
// = n sum z^4 / (sum z^2)^2. The quadrant compares z_i > 0 and lag_i > 0 as
// esda. Islands get I = 0, E = V = 0, Z = 0, P = 1 and quadrant 0 (esda:
// NaN z).
func LocalMoran(y []float64, w *weights.W) (LocalMoranResult, error) {
	if err := check(y, w); err != nil {
		return LocalMoranResult{}, err
	}
	n := len(y)
	if n < 3 {
		return LocalMoranResult{}, fmt.Errorf("hotspot: Local Moran needs at least 3 sites, have %d", n)
	}
	nf := float64(n)
	mean, _ := meanVar(y)
	var ss, s4 float64
	for _, v := range y {
		d := v - mean
		ss += d * d
		s4 += d * d * d * d
	}
	m2 := ss / nf
	r := LocalMoranResult{
		Is: make([]float64, n), EI: make([]float64, n), VI: make([]float64, n),
		Z: make([]float64, n), P: make([]float64, n),
		EIc: make([]float64, n), VIc: make([]float64, n), Q: make([]int, n),
	}
	b2 := 0.0
	if ss > 0 {
		b2 = nf * s4 / (ss * ss)
	}
	for i := range n {
		r.P[i] = 1
		nb, wt := w.Neighbors(i)
		if len(nb) == 0 {
			continue
		}
		var wsum, lag, wi2 float64
		for k, j := range nb {
			wsum += wt[k]
			lag += wt[k] * (y[j] - mean)
		}
		if wsum == 0 {
			continue
		}
		lag /= wsum // row standardisation
		for _, v := range wt {
			v /= wsum
			wi2 += v * v
		}
		wi := 1.0
		zi := y[i] - mean
		switch {
		case zi > 0 && lag > 0:
			r.Q[i] = 1
		case zi <= 0 && lag > 0:
			r.Q[i] = 2
		case zi <= 0 && lag <= 0:
			r.Q[i] = 3
		default:
			r.Q[i] = 4
		}
		if ss == 0 {
			continue
		}
		r.Is[i] = (nf - 1) * zi * lag / ss
		r.EI[i] = -wi / (nf - 1)
		r.VI[i] = wi2*(nf-b2)/(nf-1) + (wi*wi-wi2)*(2*b2-nf)/((nf-1)*(nf-2)) - r.EI[i]*r.EI[i]
		r.EIc[i] = -(zi * zi * wi) / ((nf - 1) * m2)
		r.VIc[i] = (zi / m2) * (zi / m2) * (nf / (nf - 2)) * (wi2 - wi*wi/(nf-1)) * (m2 - zi*zi/(nf-1))
		if r.VI[i] > 0 {
			r.Z[i] = (r.Is[i] - r.EI[i]) / math.Sqrt(r.VI[i])
			r.P[i] = pTwoSided(r.Z[i])
		}
	}
	return r, nil
}

package hotspot

import (
	"fmt"
	"math"

	"github.com/htmap/htmap/analysis/weights"
)

// Transform is PySAL's weights transformation letter.
type Transform byte

const (
	Binary      Transform = 'B' // every weight 1
	RowStandard Transform = 'R' // rows sum to 1
)

// GLocalResult is esda's G_Local output, field for field.
type GLocalResult struct {
	Gs, EGs, VGs, Zs []float64
	PNorm            []float64 // one-sided, folded: 1 - Phi(|z|), as esda
}

// GLocal reproduces esda's G_Local: Getis and Ord's Gi (star false) or
// Gi* (star true, self-weight 1 added before the transform) on w
// transformed to t. The moments are Getis and Ord's (1992) with
// N = n-1 (Gi) or n (Gi*):
//
//	G_i  = sum_j w_ij y_j / sum_j y_j            (j != i for Gi)
//	E    = W_i / N
//	V    = W_i (N - W_i) / (N - 1) * s_i^2 / (N^2 ybar_i^2)
//
// where ybar_i and s_i^2 are the mean and population variance of the y
// that enter the denominator, and W_i the row sum after the transform.
// With t = R, W_i = 1 and V is esda's, which assumes binary weights; that
// is why the R z-scores differ from the B ones (ArcGIS's Gi* z does not
// change under row standardisation; see [GiStar]). For an island (Gi, no
// neighbours) V = 0; htmap returns Z = 0 and PNorm = 0.5 there instead of
// esda's NaN. y must be positive in sum for G to mean anything; a zero
// denominator is an error.
func GLocal(y []float64, w *weights.W, star bool, t Transform) (GLocalResult, error) {
	if err := check(y, w); err != nil {
		return GLocalResult{}, err
	}
	if t != Binary && t != RowStandard {
		return GLocalResult{}, fmt.Errorf("hotspot: unknown transform %q", rune(t))
	}
	n := len(y)
	if n < 3 {
		return GLocalResult{}, fmt.Errorf("hotspot: G_Local needs at least 3 sites, have %d", n)
	}
	var sum, sum2 float64
	for _, v := range y {
		sum += v
		sum2 += v * v
	}
	r := GLocalResult{
		Gs: make([]float64, n), EGs: make([]float64, n), VGs: make([]float64, n),
		Zs: make([]float64, n), PNorm: make([]float64, n),
	}
	N := float64(n - 1)
	if star {
		N = float64(n)
	}
	for i := range n {
		nb, wt := w.Neighbors(i)
		// The row before the transform: w's weights (1 each for B) plus,
		// for Gi*, the self-weight 1. R then divides the row by its sum.
		var lag, wi float64
		for k, j := range nb {
			v := wt[k]
			if t == Binary {
				v = 1
			}
			lag += v * y[j]
			wi += v
		}
		if star {
			lag += y[i]
			wi++
		}
		if t == RowStandard && wi != 0 {
			lag /= wi
			wi = 1
		}
		den, den2 := sum, sum2
		if !star {
			den, den2 = sum-y[i], sum2-y[i]*y[i]
		}
		if den == 0 {
			return GLocalResult{}, fmt.Errorf("hotspot: G_Local of site %d: the values summed in its denominator add up to 0", i)
		}
		ybar := den / N
		s2 := den2/N - ybar*ybar
		r.Gs[i] = lag / den
		r.EGs[i] = wi / N
		r.VGs[i] = wi * (N - wi) / (N - 1) * s2 / (N * N * ybar * ybar)
		if r.VGs[i] > 0 {
			r.Zs[i] = (r.Gs[i] - r.EGs[i]) / math.Sqrt(r.VGs[i])
		}
		r.PNorm[i] = pOneSided(r.Zs[i])
	}
	return r, nil
}

// GlobalGResult is esda's General G output.
type GlobalGResult struct {
	G, EG, VG, Z float64
	PNorm        float64 // one-sided, folded, as esda
}

// GlobalG reproduces esda's General G (Getis and Ord 1992) on w as given
// (esda uses binary weights):
//
//	G = sum_ij w_ij y_i y_j / sum_{i != j} y_i y_j,  E[G] = S0 / (n(n-1))
//
// and the variance from Getis and Ord's b0..b4 coefficients of S0, S1, S2.
func GlobalG(y []float64, w *weights.W) (GlobalGResult, error) {
	if err := check(y, w); err != nil {
		return GlobalGResult{}, err
	}
	n := float64(len(y))
	if len(y) < 4 {
		return GlobalGResult{}, fmt.Errorf("hotspot: General G needs at least 4 sites, have %d", len(y))
	}
	var num, s, s2, s3, s4 float64
	for i, yi := range y {
		nb, wt := w.Neighbors(i)
		for k, j := range nb {
			num += wt[k] * yi * y[j]
		}
		s += yi
		s2 += yi * yi
		s3 += yi * yi * yi
		s4 += yi * yi * yi * yi
	}
	den := s*s - s2
	if den == 0 {
		return GlobalGResult{}, fmt.Errorf("hotspot: General G: sum over pairs of y_i y_j is 0")
	}
	s0, s1, sw2 := w.Sums()
	n2, s02 := n*n, s0*s0
	b0 := (n2-3*n+3)*s1 - n*sw2 + 3*s02
	b1 := -((n2-n)*s1 - 2*n*sw2 + 6*s02)
	b2 := -(2*n*s1 - (n+3)*sw2 + 6*s02)
	b3 := 4*(n-1)*s1 - 2*(n+1)*sw2 + 8*s02
	b4 := s1 - sw2 + s02
	eg2 := (b0*s2*s2 + b1*s4 + b2*s*s*s2 + b3*s*s3 + b4*s*s*s*s) /
		(den * den * n * (n - 1) * (n - 2) * (n - 3))
	r := GlobalGResult{G: num / den, EG: s0 / (n * (n - 1))}
	r.VG = eg2 - r.EG*r.EG
	if r.VG > 0 {
		r.Z = (r.G - r.EG) / math.Sqrt(r.VG)
	}
	r.PNorm = pOneSided(r.Z)
	return r, nil
}

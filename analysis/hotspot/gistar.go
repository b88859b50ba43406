package hotspot

import (
	"math"

	"github.com/htmap/htmap/analysis/weights"
)

// GiStar returns ArcGIS's Getis-Ord Gi* z-score of every site and its
// two-sided normal p-value. The site itself counts with self-weight 1 next
// to the weights of w (pass the binary weights the builders return):
//
//	z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n sum_j w_ij^2 - W_i^2) / (n-1)))
//
// with j over i and its neighbours, W_i = sum_j w_ij and S the population
// standard deviation of x. The numerator is summed as sum_j w_ij (x_j -
// xbar), which is the same number without the cancellation. Islands, a
// constant x, and a site whose neighbourhood is every site (zero
// variance) get z = 0 and p = 1.
func GiStar(x []float64, w *weights.W) (z, p []float64, err error) {
	if err := check(x, w); err != nil {
		return nil, nil, err
	}
	n := len(x)
	z = make([]float64, n)
	p = make([]float64, n)
	mean, v := meanVar(x)
	s := math.Sqrt(v)
	nf := float64(n)
	for i := range n {
		z[i], p[i] = 0, 1
		nb, wt := w.Neighbors(i)
		if len(nb) == 0 || s == 0 || n < 2 {
			continue
		}
		num := x[i] - mean // self-weight 1
		wi, wi2 := 1.0, 1.0
		for k, j := range nb {
			num += wt[k] * (x[j] - mean)
			wi += wt[k]
			wi2 += wt[k] * wt[k]
		}
		q := (nf*wi2 - wi*wi) / (nf - 1)
		if q <= 0 {
			continue
		}
		z[i] = num / (s * math.Sqrt(q))
		p[i] = pTwoSided(z[i])
	}
	return z, p, nil
}

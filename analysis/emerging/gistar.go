package emerging

import "math"

// spaceTimeGi computes the space-time Gi* z-score and two-sided p-value of
// every bin, flat in location-major order (index i*T + t).
//
// The neighbourhood of bin (i, t) is {i} plus nb[i], each in steps
// max(0, t-k)..t, all with weight 1. With W the number of bins in it, x̄
// the mean and S the population standard deviation of all n bins, the
// z-score is ArcGIS's
//
//	z = (sum of x over the neighbourhood - x̄ W) / (S sqrt((n W - W²) / (n-1)))
//
// (for binary weights the sum of squared weights is W). The first k steps
// have shorter windows because there is no earlier step to borrow from;
// their W is smaller and the formula accounts for it.
//
// When S is 0 (every bin holds the same count) or the neighbourhood is the
// whole cube, the statistic is undefined; such bins get z 0 and p 1: no
// evidence of clustering either way.
func spaceTimeGi(counts [][]float64, nb [][]int, k int) (z, p []float64, mean, sd float64) {
	nloc := len(counts)
	nt := len(counts[0])
	n := float64(nloc * nt)

	var sum float64
	for _, row := range counts {
		for _, v := range row {
			sum += v
		}
	}
	mean = sum / n
	var ss float64
	for _, row := range counts {
		for _, v := range row {
			d := v - mean
			ss += d * d
		}
	}
	sd = math.Sqrt(ss / n)

	// Spatial sums first (self plus neighbours, one step at a time), then
	// the window over time, summed afresh for each bin (k+1 terms) so no
	// rounding error carries from one step to the next.
	spatial := make([]float64, nt)
	z = make([]float64, nloc*nt)
	p = make([]float64, nloc*nt)
	for i, row := range counts {
		copy(spatial, row)
		for _, j := range nb[i] {
			for t, v := range counts[j] {
				spatial[t] += v
			}
		}
		m := float64(1 + len(nb[i]))
		for t := 0; t < nt; t++ {
			lo := max(t-k, 0)
			var window float64
			for s := lo; s <= t; s++ {
				window += spatial[s]
			}
			w := m * float64(t-lo+1)
			idx := i*nt + t
			den := sd * math.Sqrt((n*w-w*w)/(n-1))
			if sd == 0 || !(den > 0) {
				z[idx], p[idx] = 0, 1
				continue
			}
			z[idx] = (window - mean*w) / den
			p[idx] = twoSidedP(z[idx])
		}
	}
	return z, p, mean, sd
}

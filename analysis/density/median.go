package density

import (
	"math"
	"math/bits"
	"slices"
)

// weightedMedian is the median of d with each value repeated by its weight:
// with integer weights it equals numpy.median of the expanded list (the mean of
// the two middle values when the total is even), which is what ArcGIS and the
// peer oracle use.
//
// In the order of increasing d (ties by position), it is the first value
// whose cumulative weight exceeds half the total, or, when the cumulative
// weight reaches exactly half (to 1e-12), the mean of that value and the
// next one. The value is found by selection, not by sorting (crossing),
// and one more pass over the values in input order settles ties and the
// next value, so the cost is linear.
func weightedMedian(d, w []float64) float64 {
	total := 0.0
	for _, x := range w {
		total += x
	}
	half := total / 2
	lo, hi := half*(1-1e-12), half*(1+1e-12)
	v := crossing(d, w, lo)
	// The weight below v, v's tie group in input order, and the next value.
	below := 0.0
	var ties []int
	next, hasNext := 0.0, false
	for i, x := range d {
		switch {
		case x < v:
			below += w[i]
		case x == v:
			ties = append(ties, i)
		case !hasNext || x < next:
			next, hasNext = x, true
		}
	}
	// The crossing is at the first member bringing the sum to lo; a later
	// member is the next value, v again.
	cum := below
	for k, i := range ties {
		if cum += w[i]; cum >= lo {
			if cum > hi || k+1 < len(ties) || !hasNext {
				return v
			}
			return (v + next) / 2
		}
	}
	if !hasNext {
		return v
	}
	return (v + next) / 2 // rounding only: the sum fell short of lo
}

type dw struct{ d, w float64 }

// crossing is the smallest value v of d with a total weight of the values up
// to v of at least target. A sample of the values brackets v, one pass
// keeps the values within the bracket (a few per cent), and quickselect
// finds v among them; if the sample misses (heavy weights can mislead
// it), quickselect runs on all the values.
func crossing(d, w []float64, target float64) float64 {
	const samples = 2048
	if len(d) > 16*samples {
		if v, ok := crossingSampled(d, w, target, samples); ok {
			return v
		}
	}
	a := make([]dw, len(d))
	for i := range d {
		a[i] = dw{d[i], w[i]}
	}
	return quickselect(a, 0, target)
}

func crossingSampled(d, w []float64, target float64, samples int) (float64, bool) {
	total := 0.0
	for _, x := range w {
		total += x
	}
	s := make([]dw, 0, samples)
	sw := 0.0
	for i := 0; i < samples; i++ {
		j := int(uint64(i) * uint64(len(d)) / uint64(samples))
		s = append(s, dw{d[j], w[j]})
		sw += w[j]
	}
	slices.SortFunc(s, cmpD)
	// The sample's own crossing, and a margin of about four standard
	// deviations of a sampled quantile on either side.
	k, cum := 0, 0.0
	for k < len(s)-1 {
		if cum += s[k].w; cum >= target/total*sw {
			break
		}
		k++
	}
	m := 4 * int(math.Sqrt(float64(samples))) // 4·√n ≥ 4·√(n·f·(1−f))·2
	lo, hi := s[max(k-m, 0)].d, s[min(k+m, len(s)-1)].d
	below := 0.0
	var band []dw
	for i, x := range d {
		if x < lo {
			below += w[i]
		} else if x <= hi {
			band = append(band, dw{x, w[i]})
		}
	}
	inBand := 0.0
	for _, x := range band {
		inBand += x.w
	}
	if !(below < target && target <= below+inBand) {
		return 0, false
	}
	return quickselect(band, below, target), true
}

// quickselect is crossing on a, with base the weight of the values below
// all of a's, by quickselect with three-way partitions (weights of tied
// values are taken together); if the selection degenerates, the rest is
// sorted.
func quickselect(a []dw, base, target float64) float64 {
	budget := 2*bits.Len(uint(len(a))) + 8
	for len(a) > 32 && budget > 0 {
		budget--
		p := median3(a[0].d, a[len(a)/2].d, a[len(a)-1].d)
		// Dutch national flag: a[:lt] < p, a[lt:gt] == p, a[gt:] > p.
		lt, i, gt := 0, 0, len(a)
		wl, we := 0.0, 0.0
		for i < gt {
			switch x := a[i]; {
			case x.d < p:
				wl += x.w
				a[lt], a[i] = a[i], a[lt]
				lt++
				i++
			case x.d > p:
				gt--
				a[gt], a[i] = a[i], a[gt]
			default:
				we += x.w
				i++
			}
		}
		switch {
		case base+wl >= target:
			a = a[:lt]
		case base+wl+we >= target:
			return p
		default:
			base += wl + we
			a = a[gt:]
		}
	}
	slices.SortFunc(a, cmpD)
	for _, x := range a {
		if base += x.w; base >= target {
			return x.d
		}
	}
	// Only rounding can leave the target unreached: take the largest value.
	return a[len(a)-1].d
}

func cmpD(x, y dw) int {
	switch {
	case x.d < y.d:
		return -1
	case x.d > y.d:
		return 1
	}
	return 0
}

func median3(a, b, c float64) float64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	return max(a, b)
}

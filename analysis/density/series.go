package density

import "math"

// seriesTerms is the number of coefficients of arcSeries. With eight, the
// series is exact to double precision for radii up to about 1,390 km (a
// chord of 0.218), well past DefaultMaxBandwidthKm; longer radii use
// math.Asin per pair.
const seriesTerms = 8

// arcSeries returns a with d²/r² = c²·(a[0] + a[1]c² + a[2]c⁴ + …) for a
// great-circle distance d = 2R·asin(c/2) of chord c < cmax, exact to
// double precision, and ok = false when eight terms are not enough (or r is
// so small that (R/r)² overflows).
//
// The kernel needs only (d/r)², and asin² is a power series in its
// argument squared, asin²(x) = x²·Σ bₙx²ⁿ with b₀ = 1 and
// bₙ = bₙ₋₁·2n²/((n+1)(2n+1)), so the squared chord the search computes
// anyway gives (d/r)² with a few multiply-adds instead of a square root,
// an arcsine and a division per pair. The coefficients fall slowly (bₙ is
// about n^-1.5), so the remainder after the last term is bounded by
// b₈x¹⁶/(1−x²) with x² = cmax²/4 and must stay below 2^-56 of the sum,
// which is at least one.
func arcSeries(cmax, r float64) (a [seriesTerms]float64, ok bool) {
	x2 := cmax * cmax / 4
	b := 1.0
	k := EarthRadiusKm * EarthRadiusKm / (r * r)
	for n := 0; n < seriesTerms; n++ {
		a[n] = k * b
		k /= 4 // from (c/2)^2n to c^2n
		b *= 2 * float64((n+1)*(n+1)) / float64((n+2)*(2*n+3))
	}
	rest := b * math.Pow(x2, seriesTerms) / (1 - x2)
	return a, x2 < 1 && rest < 0x1p-56 && a[0] < math.Inf(1)
}

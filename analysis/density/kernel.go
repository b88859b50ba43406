package density

import "math"

// Quartic is ArcGIS's quartic kernel: the density that one unit of weight at
// distance d contributes at radius r, (3/π)(1−(d/r)²)²/r² for d < r and 0
// otherwise. It integrates to 1 over the disc, so summed surfaces keep the
// total weight.
func Quartic(d, r float64) float64 {
	if !(d < r) {
		return 0
	}
	u := d / r
	v := 1 - u*u
	return 3 / math.Pi * v * v / (r * r)
}

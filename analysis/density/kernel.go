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

// kernel is the quartic kernel as a function of the squared distance d2
// (squared chord on the sphere, squared distance on the plane): a point of
// weight w within the search radius adds w·(1−u²)²·peak, with
// u² = d2·(poly[0] + poly[1]·d2 + …), or u = chordToKm(√d2)/r when exact.
type kernel struct {
	c, c2 float64 // search radius and its square
	poly  [seriesTerms]float64
	exact bool
	r     float64
	peak  float64 // the density of a unit weight at distance 0
}

// sphereKernel is the kernel of radius r km on the unit sphere.
func sphereKernel(r float64) kernel {
	c := kmToChord(r)
	k := kernel{c: c, c2: c * c, r: r, peak: Quartic(0, r)}
	if r >= math.Pi*EarthRadiusKm {
		k.c2 = math.Inf(1) // every point is in reach, antipodes too
	}
	var ok bool
	k.poly, ok = arcSeries(c, r)
	k.exact = !ok
	return k
}

// planeKernel is the kernel of radius r on the plane.
func planeKernel(r float64) kernel {
	k := kernel{c: r, c2: r * r, r: r, peak: Quartic(0, r)}
	k.poly[0] = 1 / (r * r)
	return k
}

// sum is the sum of the terms of the points (x, y, z, w) at q in fixed
// point, each term rounded to an integer in units where a unit weight at
// distance 0 adds unit.
func (k *kernel) sum(q [3]float64, x, y, z, w []float64, unit float64) int64 {
	if k.exact {
		return k.sumExact(q, x, y, z, w, unit)
	}
	y, z, w = y[:len(x)], z[:len(x)], w[:len(x)]
	a := &k.poly
	var s int64
	for j := range x {
		dx, dy, dz := x[j]-q[0], y[j]-q[1], z[j]-q[2]
		d2 := dx*dx + dy*dy + dz*dz
		if d2 < k.c2 {
			u2 := d2 * (a[0] + d2*(a[1]+d2*(a[2]+d2*(a[3]+d2*(a[4]+d2*(a[5]+d2*(a[6]+d2*a[7])))))))
			v := 1 - u2
			// Terms are non-negative: truncating t+0.5 rounds to nearest.
			s += int64(w[j]*v*v*unit + 0.5)
		}
	}
	return s
}

// sumExact is sum for radii too long for the series.
func (k *kernel) sumExact(q [3]float64, x, y, z, w []float64, unit float64) int64 {
	y, z, w = y[:len(x)], z[:len(x)], w[:len(x)]
	var s int64
	for j := range x {
		dx, dy, dz := x[j]-q[0], y[j]-q[1], z[j]-q[2]
		d2 := dx*dx + dy*dy + dz*dz
		if d2 < k.c2 {
			u := chordToKm(math.Sqrt(d2)) / k.r
			if v := 1 - u*u; v > 0 {
				s += int64(w[j]*v*v*unit + 0.5)
			}
		}
	}
	return s
}

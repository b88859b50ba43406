// Package box3 is an axis-aligned box in three dimensions, for the
// spatial indexes of clustering and kernel density, which both work on
// points of the unit sphere embedded in 3D.
//
// Every distance here uses only subtractions, squares and a sum in the
// order x, y, z, as a pairwise squared distance
//
//	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]; dx*dx + dy*dy + dz*dz
//
// does, and rounding is monotone, so for points p, q inside boxes the
// computed bounds hold exactly, not just up to rounding: b.Dist2(q) <=
// dist2(q, p) <= b.Far2(q), a.Gap2(b) <= dist2(p, q) <= a.FarBox2(b), and
// dist2(p, q) <= b.Diam2() for p, q both in b. That is what lets callers
// decide whole boxes at once yet answer exactly as a pair-by-pair test
// would.
package box3

import "math"

// Box holds the points p with Min[k] <= p[k] <= Max[k].
type Box struct {
	Min, Max [3]float64
}

// Empty is the box of no point, ready to grow by Add.
func Empty() Box {
	inf := math.Inf(1)
	return Box{Min: [3]float64{inf, inf, inf}, Max: [3]float64{-inf, -inf, -inf}}
}

// IsEmpty reports whether the box holds no point.
func (b *Box) IsEmpty() bool { return b.Min[0] > b.Max[0] }

// Add grows b to hold p, which must not be NaN. (Plain comparisons, not
// math.Min and math.Max, whose NaN and signed-zero cases cost three times
// as much; -0 and 0 are the same bound for every test here.)
func (b *Box) Add(p [3]float64) {
	for k := 0; k < 3; k++ {
		if p[k] < b.Min[k] {
			b.Min[k] = p[k]
		}
		if p[k] > b.Max[k] {
			b.Max[k] = p[k]
		}
	}
}

// Union grows b to hold o.
func (b *Box) Union(o Box) {
	if o.IsEmpty() {
		return
	}
	b.Add(o.Min)
	b.Add(o.Max)
}

// Dist2 is the squared distance from q to the nearest point of the box.
func (b *Box) Dist2(q [3]float64) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		if v := b.Min[k] - q[k]; v > 0 {
			s += v * v
		} else if v := q[k] - b.Max[k]; v > 0 {
			s += v * v
		}
	}
	return s
}

// Far2 is the squared distance from q to the farthest corner of the box.
func (b *Box) Far2(q [3]float64) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := max(q[k]-b.Min[k], b.Max[k]-q[k])
		s += v * v
	}
	return s
}

// Gap2 is the squared distance between the nearest points of b and o.
func (b *Box) Gap2(o *Box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		if v := o.Min[k] - b.Max[k]; v > 0 {
			s += v * v
		} else if v := b.Min[k] - o.Max[k]; v > 0 {
			s += v * v
		}
	}
	return s
}

// FarBox2 is the squared largest distance between a point of b and a
// point of o.
func (b *Box) FarBox2(o *Box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := max(o.Max[k]-b.Min[k], b.Max[k]-o.Min[k])
		s += v * v
	}
	return s
}

// Diam2 is the squared length of the box's diagonal.
func (b *Box) Diam2() float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := b.Max[k] - b.Min[k]
		s += v * v
	}
	return s
}

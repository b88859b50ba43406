package cluster

import "math"

// box is an axis-aligned bounding box in the embedded space: a k-d tree
// node's or a voxel's points.
//
// Every test here uses only subtractions, squares and sums in the same order
// as dist2, and rounding is monotone, so for any points p, q inside the box
// the computed bounds hold exactly, not just up to rounding:
// boxDist2(q, b) <= dist2(q, p) <= boxFar2(q, b), and for p, q both inside,
// dist2(p, q) <= b.diam2(). That is what lets callers decide whole boxes at
// once yet answer exactly as a pair-by-pair dist2 <= r2 would.
type box struct {
	min, max vec3
}

// emptyBox is the box of no point, ready to grow by add.
func emptyBox() box {
	inf := math.Inf(1)
	return box{min: vec3{inf, inf, inf}, max: vec3{-inf, -inf, -inf}}
}

// add grows b to hold p, which must not be NaN. (Plain comparisons, not
// math.Min and math.Max, whose NaN and signed-zero cases cost three times
// as much; -0 and 0 are the same bound for every test here.)
func (b *box) add(p vec3) {
	for k := 0; k < 3; k++ {
		if p[k] < b.min[k] {
			b.min[k] = p[k]
		}
		if p[k] > b.max[k] {
			b.max[k] = p[k]
		}
	}
}

// boxDist2 is the squared distance from q to the nearest point of the box.
func boxDist2(q vec3, b *box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		if v := b.min[k] - q[k]; v > 0 {
			s += v * v
		} else if v := q[k] - b.max[k]; v > 0 {
			s += v * v
		}
	}
	return s
}

// boxFar2 is the squared distance from q to the farthest corner of the box.
func boxFar2(q vec3, b *box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := math.Max(q[k]-b.min[k], b.max[k]-q[k])
		s += v * v
	}
	return s
}

// gap2 is the squared distance between the nearest points of two boxes.
func gap2(a, b *box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		if v := b.min[k] - a.max[k]; v > 0 {
			s += v * v
		} else if v := a.min[k] - b.max[k]; v > 0 {
			s += v * v
		}
	}
	return s
}

// farBox2 is the squared largest distance between a point of a and a point
// of b.
func farBox2(a, b *box) float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := math.Max(b.max[k]-a.min[k], a.max[k]-b.min[k])
		s += v * v
	}
	return s
}

// diam2 is the squared length of the box's diagonal.
func (b *box) diam2() float64 {
	s := 0.0
	for k := 0; k < 3; k++ {
		v := b.max[k] - b.min[k]
		s += v * v
	}
	return s
}

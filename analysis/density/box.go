package density

import "math"

// box is an axis-aligned bounding box.
type box struct{ lo, hi [3]float64 }

func emptyBox() box {
	inf := math.Inf(1)
	return box{lo: [3]float64{inf, inf, inf}, hi: [3]float64{-inf, -inf, -inf}}
}

func (b *box) add(v [3]float64) {
	for a := 0; a < 3; a++ {
		if v[a] < b.lo[a] {
			b.lo[a] = v[a]
		}
		if v[a] > b.hi[a] {
			b.hi[a] = v[a]
		}
	}
}

func (b *box) union(o box) {
	b.add(o.lo)
	b.add(o.hi)
}

// dist2 is the squared distance from q to the nearest point of the box.
func (b *box) dist2(q [3]float64) float64 {
	s := 0.0
	for a := 0; a < 3; a++ {
		if d := b.lo[a] - q[a]; d > 0 {
			s += d * d
		} else if d := q[a] - b.hi[a]; d > 0 {
			s += d * d
		}
	}
	return s
}

// far2 is the squared distance from q to the farthest point of the box.
func (b *box) far2(q [3]float64) float64 {
	s := 0.0
	for a := 0; a < 3; a++ {
		d := max(q[a]-b.lo[a], b.hi[a]-q[a])
		s += d * d
	}
	return s
}

// boxDist2 is the squared distance between two boxes.
func (b *box) boxDist2(o *box) float64 {
	s := 0.0
	for a := 0; a < 3; a++ {
		if d := o.lo[a] - b.hi[a]; d > 0 {
			s += d * d
		} else if d := b.lo[a] - o.hi[a]; d > 0 {
			s += d * d
		}
	}
	return s
}

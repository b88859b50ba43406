package cluster

import (
	"math"
	"math/bits"
)

// gridShape maps embedded points to the voxels of a uniform cubic grid and
// voxels to uint64 keys whose numeric order is (x, y, z) lexicographic: each
// axis's voxel number, shifted by reach, fills its own bit field, x highest.
// Because every field keeps reach spare values on both sides, the key of the
// voxel (dx, dy, dz) away is the key plus a constant, so the neighbours of
// consecutive voxels lie at keys that move forward together.
type gridShape struct {
	origin vec3     // lower corner of the points' bounds
	inv    float64  // voxels per unit length (1 / side)
	cells  [3]int64 // voxels along each axis
	shift  [3]uint  // lowest bit of each axis's field
	reach  int64    // two points within eps are at most reach voxels apart on each axis
	bits   int      // bits a key uses
}

// newGridShape fits a grid to the box b for neighbourhoods of radius
// chord. The side is chord/sqrt(3), so a voxel's diagonal is about chord and
// the points of most voxels are all within eps of each other; voxel numbers
// of two points within chord then differ by at most 2 (chord/side = 1.73,
// plus rounding far below 0.27 of a voxel). When the keys would not fit in
// 63 bits (eps of metres over a whole plane) the side doubles until they do;
// reach then drops to 1 and the all-within-eps property is lost, which
// callers check voxel by voxel anyway.
func newGridShape(b box, chord float64) gridShape {
	lo, hi := b.Min, b.Max
	if !(lo[0] <= hi[0]) { // no points
		lo, hi = vec3{}, vec3{}
	}
	for side := chord / math.Sqrt(3); !math.IsInf(side, 1); side *= 2 {
		if g, ok := tryGridShape(lo, hi, chord, 1/side); ok {
			return g
		}
	}
	// Coordinates spread beyond float64's range: one voxel holds all.
	g, _ := tryGridShape(lo, vec3{}, 0, 0)
	return g
}

func tryGridShape(lo, hi vec3, chord, inv float64) (gridShape, bool) {
	// The 1e-5 voxel of slack covers the rounding of (x - origin) * inv,
	// under 2^-52 of a span of at most 2^32 voxels for each of two points,
	// and that of dist2 <= r2 itself.
	g := gridShape{origin: lo, inv: inv, reach: int64(math.Floor(chord*inv+1e-5)) + 1}
	var width [3]int
	for k := 0; k < 3; k++ {
		span := (hi[k] - lo[k]) * inv
		if !(span < 1<<32) {
			return g, false
		}
		g.cells[k] = int64(span) + 1
		width[k] = bits.Len64(uint64(g.cells[k] - 1 + 2*g.reach))
		g.bits += width[k]
	}
	if g.bits > 63 {
		return g, false
	}
	g.shift = [3]uint{uint(width[1] + width[2]), uint(width[2]), 0}
	return g, true
}

// key is the key of the voxel holding p.
func (g *gridShape) key(p vec3) uint64 {
	var key uint64
	for k := 0; k < 3; k++ {
		u := (p[k] - g.origin[k]) * g.inv
		var i int64
		switch {
		case !(u > 0): // also NaN, from infinite spans with inv 0
		case u >= float64(g.cells[k]-1):
			i = g.cells[k] - 1
		default:
			i = int64(u)
		}
		key |= uint64(i+g.reach) << g.shift[k]
	}
	return key
}

// zMask selects the z field of a key.
func (g *gridShape) zMask() uint64 { return 1<<g.shift[1] - 1 }

// offset is what to add to a voxel's key for the voxel (dx, dy, dz) away.
func (g *gridShape) offset(dx, dy, dz int64) uint64 {
	return uint64(dx<<g.shift[0] + dy<<g.shift[1] + dz<<g.shift[2])
}

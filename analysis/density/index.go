package density

import (
	"math"
	"sort"
)

// item is one weighted point; coordinates are a unit vector for the
// sphere or (x, y, 0) for the plane.
type item struct {
	v [3]float64
	w float64
}

type voxel [3]int64

// index answers "which points lie within c of q" for one search radius c
// with a grid of cubes of side c over the points' 3-D coordinates: every
// point within c of q lies in q's cube or one of its 26 neighbours, so a
// query looks at 27 cubes and tests the exact distance. Unit vectors with
// chord distances make the sphere need no special case at the poles or
// the antimeridian. (A k-d tree answers any radius, but through interface
// calls per node; a kernel density asks one radius many times, and this
// index is several times faster for it.)
type index struct {
	side  float64
	cells map[voxel][2]int32 // the points of a cube: items[lo:hi]
	items []item             // sorted by cube
	total float64            // total weight of the points
}

func (ix *index) key(v [3]float64) voxel {
	return voxel{int64(math.Floor(v[0] / ix.side)), int64(math.Floor(v[1] / ix.side)), int64(math.Floor(v[2] / ix.side))}
}

// newIndex indexes the points of positive weight (weightless points
// cannot contribute) for searches of radius c.
func newIndex(vs [][3]float64, w []float64, c float64) index {
	ix := index{side: c, cells: map[voxel][2]int32{}}
	type keyed struct {
		k voxel
		i int
	}
	var ks []keyed
	for i, v := range vs {
		if w[i] > 0 {
			ks = append(ks, keyed{ix.key(v), i})
			ix.total += w[i]
		}
	}
	sort.Slice(ks, func(a, b int) bool {
		x, y := ks[a].k, ks[b].k
		if x != y {
			if x[0] != y[0] {
				return x[0] < y[0]
			}
			if x[1] != y[1] {
				return x[1] < y[1]
			}
			return x[2] < y[2]
		}
		return ks[a].i < ks[b].i
	})
	ix.items = make([]item, len(ks))
	for j, k := range ks {
		ix.items[j] = item{v: vs[k.i], w: w[k.i]}
		span := ix.cells[k.k]
		if span[1] == 0 {
			span[0] = int32(j)
		}
		span[1] = int32(j + 1)
		ix.cells[k.k] = span
	}
	return ix
}

// sum adds f(d2, w) over every point with squared distance below c*c from
// q. Floating-point addition is not associative and the visiting order is
// not part of the result, so the terms are added as integers in fixed
// point: each term is scaled so that even the sum of every point's
// largest possible term (the total weight times f(0, 1)) fits in 2^62,
// which makes the sum exact, independent of order, and as precise as
// float64 near the surface's peak (the absolute error is below n * 2^-62
// of that bound).
func (ix index) sum(q [3]float64, c float64, f func(d2, w float64) float64) float64 {
	bound := ix.total * f(0, 1)
	if !(bound > 0) {
		return 0
	}
	scale := float64(1<<62) / bound
	var s int64
	ix.within(q, c, func(p *item, d2 float64) {
		s += int64(math.Round(f(d2, p.w) * scale))
	})
	return float64(s) / scale
}

// within calls fn with every point with squared distance below c*c from
// q; c must not exceed the index's cube side.
func (ix index) within(q [3]float64, c float64, fn func(p *item, d2 float64)) {
	k := ix.key(q)
	c2 := c * c
	for dx := int64(-1); dx <= 1; dx++ {
		for dy := int64(-1); dy <= 1; dy++ {
			for dz := int64(-1); dz <= 1; dz++ {
				span, ok := ix.cells[voxel{k[0] + dx, k[1] + dy, k[2] + dz}]
				if !ok {
					continue
				}
				for j := span[0]; j < span[1]; j++ {
					p := &ix.items[j]
					if d2 := dist2(p.v, q); d2 < c2 {
						fn(p, d2)
					}
				}
			}
		}
	}
}

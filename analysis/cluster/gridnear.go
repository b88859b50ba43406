package cluster

import "sort"

// voxelCursor lists the voxels that may hold points within eps of a voxel's
// points, for voxels visited in ascending order (one cursor per chunk of
// voxels). Candidates lie within reach voxels on each axis. For each dx,
// the voxels with dy in [-reach, reach] (and any z) are one run of keys,
// the z fields of which are cheap to filter: points on a sphere or a plane
// meet few z values per (x, y) column. Since every voxel's run starts
// at its key (z cleared) plus a constant, one pointer per dx only moves
// forward: no hashing and no binary search per voxel.
type voxelCursor struct {
	g     *voxelGrid
	lows  []uint64 // per dx: key offset of the run's first voxel
	span  uint64   // key distance from a run's first voxel to its last
	zMask uint64
	ptr   []int // per dx: first voxel not below the run
}

// cursor starts a cursor at voxel from, reusing the scratch of an earlier
// cursor (nil for none).
func (g *voxelGrid) cursor(from int, scratch *voxelCursor) *voxelCursor {
	c := scratch
	if c == nil {
		c = &voxelCursor{}
	}
	r := g.shape.reach
	c.g = g
	c.zMask = g.shape.zMask()
	c.span = g.shape.offset(0, 2*r, 0) + c.zMask
	c.lows = c.lows[:0]
	for dx := -r; dx <= r; dx++ {
		c.lows = append(c.lows, g.shape.offset(dx, -r, 0))
	}
	c.ptr = c.ptr[:0]
	if from >= len(g.keys) {
		return c
	}
	for _, off := range c.lows {
		lo := g.keys[from]&^c.zMask + off
		c.ptr = append(c.ptr, sort.Search(len(g.keys), func(i int) bool { return g.keys[i] >= lo }))
	}
	return c
}

// near appends to out voxel v itself and then every voxel whose box
// comes within eps of v's box: all the voxels that can hold a point within
// eps of one of v's. v must not be below the previous call's.
func (c *voxelCursor) near(v int, out []int32) []int32 {
	g := c.g
	keys := g.keys
	out = append(out, int32(v))
	bv := &g.vox[v].box
	z := keys[v] & c.zMask
	zr := uint64(g.shape.reach)
	for i, off := range c.lows {
		lo := keys[v]&^c.zMask + off
		hi := lo + c.span
		p := c.ptr[i]
		for p < len(keys) && keys[p] < lo {
			p++
		}
		c.ptr[i] = p
		for ; p < len(keys) && keys[p] <= hi; p++ {
			// |dz| <= reach, in unsigned arithmetic.
			if keys[p]&c.zMask-z+zr <= 2*zr && p != v && bv.Gap2(&g.vox[p].box) <= g.r2 {
				out = append(out, int32(p))
			}
		}
	}
	return out
}

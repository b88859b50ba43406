package cluster

import "slices"

// corePoints flags DBSCAN's core points: those the points within eps of
// which, themselves included, weigh at least minPoints. It also returns the
// number of core points in each voxel and the lists of near voxels.
//
// A voxel whose diagonal is within eps and whose weight reaches minPoints is
// all core without a single distance: the classic grid-DBSCAN shortcut,
// sound in floating point because box.diam2 bounds dist2 exactly (see
// coreIn for its generalisation). Other points add up whole voxels their
// query ball swallows and test the points of voxels it cuts, stopping once
// minPoints is reached.
func (g *voxelGrid) corePoints(minPoints float64) ([]bool, []int32, *nearLists) {
	core := make([]bool, len(g.pts))
	ncore := make([]int32, g.voxels())
	nl := newNearLists(g.voxels())
	curs := make([]*voxelCursor, maxWorkers)
	near := make([][]int32, maxWorkers)
	parallelBlocks(g.voxels(), nl.size, func(worker, lo, hi int) {
		cur := g.cursor(lo, curs[worker])
		curs[worker] = cur
		var list []int32
		for v := lo; v < hi; v++ {
			near[worker] = cur.near(v, near[worker][:0])
			ncore[v] = g.coreIn(v, near[worker], minPoints, core)
			if ncore[v] < g.vox[v].end-g.vox[v].start {
				list = append(list, near[worker]...)
			} else {
				for _, u := range near[worker] {
					if int(u) > v {
						list = append(list, u)
					}
				}
			}
			nl.end[v] = int32(len(list))
		}
		nl.lists[lo/nl.size] = slices.Clip(list)
	})
	return core, ncore, nl
}

// coreIn flags the core points of voxel v, given the voxels near it, and
// counts them. Before any point, two voxel-level bounds often settle them
// all: if the near voxels together weigh less than minPoints, no point of v
// is core; if the voxels wholly within eps of every point of v (farBox2)
// already weigh minPoints, all are. The second bound includes the classic
// grid-DBSCAN shortcut: v alone, when its diagonal is within eps.
func (g *voxelGrid) coreIn(v int, near []int32, minPoints float64, core []bool) int32 {
	vx := &g.vox[v]
	a, b := vx.start, vx.end
	r2 := g.r2
	upper, lower := 0.0, 0.0
	for _, u := range near {
		vu := &g.vox[u]
		upper += vu.w
		if vx.box.FarBox2(&vu.box) <= r2 {
			lower += vu.w
		}
	}
	if upper < minPoints {
		return 0
	}
	if lower >= minPoints {
		for p := a; p < b; p++ {
			core[p] = true
		}
		return b - a
	}
	n := int32(0)
	for p := a; p < b; p++ {
		q := g.pts[p]
		sum := 0.0
		for _, u := range near {
			vu := &g.vox[u]
			if vu.box.Dist2(q) > r2 {
				continue
			}
			if vu.box.Far2(q) <= r2 {
				sum += vu.w
			} else {
				for j := vu.start; j < vu.end; j++ {
					if dist2(q, g.pts[j]) <= r2 {
						sum += g.w[j]
					}
				}
			}
			if sum >= minPoints {
				break
			}
		}
		if sum >= minPoints {
			core[p] = true
			n++
		}
	}
	return n
}

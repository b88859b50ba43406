package cluster

// clusters joins core points within eps of each other and labels them: each
// cluster is numbered by its first core row in input order (of maps rows to
// points). Every other point is labelled Noise. It returns the labels and the
// number of clusters.
//
// Work goes voxel pair by voxel pair, each unordered pair once, in parallel
// on a lock-free union-find (the partition, unlike its roots, does not
// depend on the schedule). When both voxels are compact (diagonal within
// eps, so their core points are one set each) a pair already in one set
// costs one comparison of roots, and otherwise the search stops at the
// first core pair within eps.
func (g *voxelGrid) clusters(core []bool, ncore []int32, nl *nearLists, of []int32) ([]int32, int) {
	uf := newUnionFind(len(g.pts))
	parallelChunks(g.voxels(), func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			if ncore[v] == 0 {
				continue
			}
			g.joinWithin(v, core, uf)
			for _, u := range nl.of(v) {
				if int(u) > v && ncore[u] > 0 {
					g.joinBetween(v, int(u), core, uf)
				}
			}
		}
	})
	return labelSets(uf, core, of)
}

// labelSets turns the union-find of core points, in place, into labels:
// each set numbered by its first core row in input order (of maps rows to
// points), Noise for non-core points.
//
// Parents always have smaller indices than their children, so one
// ascending pass points every point straight at its root. A root's number
// is then kept in its own entry as -2-label, which no index can equal, and
// a second ascending pass reads each member's label from its root (already
// decoded, being smaller) before decoding the root's.
func labelSets(uf unionFind, core []bool, of []int32) ([]int32, int) {
	for p := range uf {
		uf[p] = uf[uf[p]]
	}
	next := int32(0)
	for _, p := range of {
		if r := uf[p]; core[p] && r >= 0 && uf[r] == r {
			uf[r] = -2 - next
			next++
		}
	}
	for p := range uf {
		switch {
		case !core[p]:
			uf[p] = Noise
		case uf[p] >= 0:
			uf[p] = uf[uf[p]]
		default:
			uf[p] = -2 - uf[p]
		}
	}
	return uf, int(next)
}

// compact reports whether all points of voxel v are within eps of each
// other.
func (g *voxelGrid) compact(v int) bool { return g.vox[v].Diam2() <= g.r2 }

// firstCore is the first core point of voxel v, which must have one.
func (g *voxelGrid) firstCore(v int, core []bool) int32 {
	p := g.vox[v].start
	for !core[p] {
		p++
	}
	return p
}

// joinWithin joins the core points of voxel v that are within eps of each
// other.
func (g *voxelGrid) joinWithin(v int, core []bool, uf unionFind) {
	a, b := g.vox[v].start, g.vox[v].end
	if g.compact(v) {
		first := g.firstCore(v, core)
		for p := first + 1; p < b; p++ {
			if core[p] {
				uf.unionShared(first, p)
			}
		}
		return
	}
	for p := a; p < b; p++ {
		if !core[p] {
			continue
		}
		for q := p + 1; q < b; q++ {
			if core[q] && dist2(g.pts[p], g.pts[q]) <= g.r2 {
				uf.unionShared(p, q)
			}
		}
	}
}

// joinBetween joins the core points of voxels v and u that are within eps of
// each other.
func (g *voxelGrid) joinBetween(v, u int, core []bool, uf unionFind) {
	once := g.compact(v) && g.compact(u)
	if once && uf.findShared(g.firstCore(v, core)) == uf.findShared(g.firstCore(u, core)) {
		return
	}
	bu := &g.vox[u].box
	ua, ub := g.vox[u].start, g.vox[u].end
	for p := g.vox[v].start; p < g.vox[v].end; p++ {
		if !core[p] {
			continue
		}
		q := g.pts[p]
		if bu.Dist2(q) > g.r2 {
			continue
		}
		for j := ua; j < ub; j++ {
			if core[j] && dist2(q, g.pts[j]) <= g.r2 {
				uf.unionShared(p, j)
				if once {
					return
				}
			}
		}
	}
}

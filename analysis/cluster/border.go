package cluster

// borderLabels labels every non-core point with the lowest label among the
// core points within eps of it (Noise when there is none), as scikit-learn's
// expansion of cluster 0 first, then 1, ... assigns them.
//
// A voxel wholly within eps of the point offers its lowest core label
// without distances; a voxel whose lowest label cannot beat the best so far
// is skipped.
func (g *voxelGrid) borderLabels(core []bool, ncore []int32, nl *nearLists, lab []int32) {
	minLab := make([]int32, g.voxels())
	parallelChunks(g.voxels(), func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			m := int32(Noise)
			for p := g.vox[v].start; p < g.vox[v].end; p++ {
				if core[p] && (m == Noise || lab[p] < m) {
					m = lab[p]
				}
			}
			minLab[v] = m
		}
	})
	r2 := g.r2
	parallelChunks(g.voxels(), func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			vx := &g.vox[v]
			if ncore[v] == vx.end-vx.start {
				continue
			}
			for p := vx.start; p < vx.end; p++ {
				if core[p] {
					continue
				}
				q := g.pts[p]
				best := int32(Noise)
				for _, u := range nl.of(v) {
					if ncore[u] == 0 || best != Noise && minLab[u] >= best {
						continue
					}
					vu := &g.vox[u]
					if vu.box.Dist2(q) > r2 {
						continue
					}
					if vu.box.Far2(q) <= r2 {
						best = minLab[u]
						continue
					}
					for j := vu.start; j < vu.end; j++ {
						if core[j] && (best == Noise || lab[j] < best) && dist2(q, g.pts[j]) <= r2 {
							best = lab[j]
						}
					}
				}
				lab[p] = best
			}
		}
	})
}

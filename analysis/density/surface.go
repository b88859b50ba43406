package density

import "github.com/htmap/htmap/internal/box3"

// density evaluates the kernel at every location. Locations are grouped by
// coarse cell, and each location cell has the list of coarse point cells
// within its reach (near); then, per point cell and location, every fine
// cell within reach is summed by its moments if it lies wholly within the
// radius, or point by point. A point cell stays in cache while all the
// locations of a cell use it. Each location is summed by one goroutine in
// fixed point, so the result does not depend on scheduling.
func (ix *index) density(qs [][3]float64, k *kernel) []float64 {
	out := make([]float64, len(qs))
	if !(ix.total > 0) || len(qs) == 0 {
		return out
	}
	lid, lkeys := numberCubes(len(qs), ix.packed, func(i int) voxel { return voxelOf(qs[i], ix.side) })
	lstart, lorder := bucket(lid, len(lkeys))
	lbox := make([]box, len(lkeys))
	for l := range lkeys {
		lbox[l] = box3.Empty()
		for _, q := range lorder[lstart[l]:lstart[l+1]] {
			lbox[l].Add(qs[q])
		}
	}
	cstart, cand := ix.near(lkeys, lbox, k)
	// Fixed point: the sum of every point's largest possible term (the
	// total weight at distance 0) fits in 2^62, so a sum of rounded terms
	// is exact and independent of the order the points are visited in,
	// and as precise as float64 near the surface's peak (the absolute
	// error is below half a unit per point or cell summed).
	scale := 0x1p62 / (ix.total * k.peak)
	unit := k.peak * scale
	forEach(len(lkeys), func() func(int) {
		var acc []int64
		qc := make([]float64, maxMonomials)
		return func(l int) {
			if cstart[l] == cstart[l+1] {
				return // nothing within reach
			}
			locs := lorder[lstart[l]:lstart[l+1]]
			acc = append(acc[:0], make([]int64, len(locs))...)
			for _, p := range cand[cstart[l]:cstart[l+1]] {
				cb := &ix.coarseBox[p]
				for i, qi := range locs {
					q := qs[qi]
					if cb.Dist2(q) >= k.c2 {
						continue
					}
					if ix.direct[p] {
						a, b := ix.finePts[ix.coarseFine[p]], ix.finePts[ix.coarseFine[p+1]]
						acc[i] += k.sum(q, ix.x[a:b], ix.y[a:b], ix.z[a:b], ix.w[a:b], unit)
						continue
					}
					for f := ix.coarseFine[p]; f < ix.coarseFine[p+1]; f++ {
						fb := &ix.fineBox[f]
						if fb.Dist2(q) >= k.c2 {
							continue
						}
						if at := ix.momAt[f]; at >= 0 && fb.Far2(q) < k.c2 {
							s := ix.expand.eval(ix.mom[at:], &ix.frame[f], q, qc)
							acc[i] += int64(s*unit + 0.5)
							continue
						}
						a, b := ix.finePts[f], ix.finePts[f+1]
						acc[i] += k.sum(q, ix.x[a:b], ix.y[a:b], ix.z[a:b], ix.w[a:b], unit)
					}
				}
			}
			for i, q := range locs {
				out[q] = float64(acc[i]) / scale
			}
		}
	})
	return out
}

// near lists the coarse point cells within reach of each location cell l
// (with bounding box lbox[l]) as cells[start[l]:start[l+1]]. The pairs are
// found from whichever side has fewer cells, looking up the cubes around
// each of its cells among the other side's: a fine surface over sparse
// incidents has many more location cells than point cells, a surface at
// a few places over many incidents the reverse. The lookups are split
// among the cores, and their pairs joined in order.
func (ix *index) near(lkeys []voxel, lbox []box, k *kernel) (start, cells []int32) {
	offsets := neighbourhood(ix.side, k.c)
	fromL := len(lkeys) <= len(ix.coarseKeys)
	keys, other := lkeys, ix.coarse
	if !fromL {
		keys, other = ix.coarseKeys, newCubeMap(lkeys, ix.packed)
	}
	r := split(len(keys))
	ls, ps := make([][]int32, len(r)), make([][]int32, len(r))
	parallel(len(r), func(c int) {
		for i := r[c][0]; i < r[c][1]; i++ {
			key := keys[i]
			for _, d := range offsets { // symmetric: −d is in offsets too
				j, ok := other.get(key.add(d))
				if !ok {
					continue
				}
				l, p := int32(i), j
				if !fromL {
					l, p = j, int32(i)
				}
				if lbox[l].Gap2(&ix.coarseBox[p]) < k.c2 {
					ls[c], ps[c] = append(ls[c], l), append(ps[c], p)
				}
			}
		}
	})
	var lall, pall []int32
	for c := range r {
		lall, pall = append(lall, ls[c]...), append(pall, ps[c]...)
	}
	start, order := bucket(lall, len(lkeys))
	cells = make([]int32, len(order))
	for i, j := range order {
		cells[i] = pall[j]
	}
	return start, cells
}

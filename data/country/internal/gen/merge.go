package gen

import "fmt"

// mergeShared dissolves the borders between polygons of one code, the way
// topojson.merge does: polygons linked by an arc that both use (Somalia and
// Somaliland, Cyprus and Northern Cyprus, India and the Siachen Glacier)
// become one polygon whose exterior is stitched from the arcs they do not
// share. Without it the MultiPolygon would hold two polygons sharing an
// edge, which OGC validity forbids. Polygons are TopoJSON arc references:
// exterior first, then holes.
func mergeShared(arcs [][]pt, polys [][][]int) ([][][]int, error) {
	if len(polys) < 2 {
		return polys, nil
	}
	// Union-find over polygons linked by a shared exterior arc.
	parent := make([]int, len(polys))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	usedBy := map[int]int{} // arc -> first polygon using it
	shared := map[int]bool{}
	for pi, p := range polys {
		for _, r := range p[0] {
			a := arcIndex(r)
			if other, ok := usedBy[a]; ok && other != pi {
				shared[a] = true
				parent[find(pi)] = find(other)
			} else {
				usedBy[a] = pi
			}
		}
	}
	if len(shared) == 0 {
		return polys, nil
	}
	groups := map[int][]int{}
	var order []int
	for pi := range polys {
		root := find(pi)
		if _, ok := groups[root]; !ok {
			order = append(order, root)
		}
		groups[root] = append(groups[root], pi)
	}
	var out [][][]int
	for _, root := range order {
		members := groups[root]
		if len(members) == 1 {
			out = append(out, polys[members[0]])
			continue
		}
		var refs []int
		var holes [][]int
		for _, pi := range members {
			for _, r := range polys[pi][0] {
				if !shared[arcIndex(r)] {
					refs = append(refs, r)
				}
			}
			holes = append(holes, polys[pi][1:]...)
		}
		rings, err := stitch(arcs, refs)
		if err != nil {
			return nil, err
		}
		// The largest ring is the exterior; any other encloses a gap between
		// the merged polygons and becomes a hole.
		best, bestA := 0, int64(-1)
		for i, r := range rings {
			a := signedArea2(ringPoints(arcs, r))
			if a < 0 {
				a = -a
			}
			if a > bestA {
				best, bestA = i, a
			}
		}
		poly := [][]int{rings[best]}
		for i, r := range rings {
			if i != best {
				poly = append(poly, r)
			}
		}
		out = append(out, append(poly, holes...))
	}
	return out, nil
}

// stitch joins oriented arc references into closed rings by matching each
// reference's end point to the next one's start.
func stitch(arcs [][]pt, refs []int) ([][]int, error) {
	ends := func(r int) (pt, pt) {
		a := arcs[arcIndex(r)]
		if r >= 0 {
			return a[0], a[len(a)-1]
		}
		return a[len(a)-1], a[0]
	}
	byStart := map[pt][]int{}
	for i, r := range refs {
		s, _ := ends(r)
		byStart[s] = append(byStart[s], i)
	}
	used := make([]bool, len(refs))
	var rings [][]int
	for i := range refs {
		if used[i] {
			continue
		}
		used[i] = true
		ring := []int{refs[i]}
		start, end := ends(refs[i])
		for end != start {
			next := -1
			for _, k := range byStart[end] {
				if !used[k] {
					next = k
					break
				}
			}
			if next < 0 {
				return nil, fmt.Errorf("merge: arcs do not close into a ring")
			}
			used[next] = true
			ring = append(ring, refs[next])
			_, end = ends(refs[next])
		}
		rings = append(rings, ring)
	}
	return rings, nil
}

package weights

import (
	"fmt"
	"slices"

	"github.com/paulmach/orb"
)

// Queen returns binary contiguity weights for polygons: two features are
// neighbours when their boundaries share at least one vertex (PySAL's and
// GeoDa's queen criterion). Rook needs a shared edge. Vertices must match
// exactly, as they do in a layer whose polygons were cut from one
// coverage (administrative units, grid cells); polygons digitised
// separately may need snapping first. geoms[i] must be an orb.Polygon or
// orb.MultiPolygon; anything else is an error naming the feature.
func Queen(geoms []orb.Geometry) (*W, error) { return contiguity(geoms, false) }

// Rook returns binary contiguity weights for polygons that share at least
// one boundary edge (two consecutive vertices, in either direction), as
// PySAL's and GeoDa's rook criterion; see [Queen].
func Rook(geoms []orb.Geometry) (*W, error) { return contiguity(geoms, true) }

func contiguity(geoms []orb.Geometry, rook bool) (*W, error) {
	type edge struct{ a, b orb.Point }
	byVertex := map[orb.Point][]int32{}
	byEdge := map[edge][]int32{}
	add := func(i int, r orb.Ring) {
		for k, p := range r {
			if rook {
				if k == 0 {
					continue
				}
				a, b := r[k-1], p
				if a == b {
					continue
				}
				if b[0] < a[0] || (b[0] == a[0] && b[1] < a[1]) {
					a, b = b, a
				}
				e := edge{a, b}
				if l := byEdge[e]; len(l) == 0 || l[len(l)-1] != int32(i) {
					byEdge[e] = append(l, int32(i))
				}
				continue
			}
			if l := byVertex[p]; len(l) == 0 || l[len(l)-1] != int32(i) {
				byVertex[p] = append(l, int32(i))
			}
		}
	}
	for i, g := range geoms {
		switch g := g.(type) {
		case orb.Polygon:
			for _, r := range g {
				add(i, r)
			}
		case orb.MultiPolygon:
			for _, p := range g {
				for _, r := range p {
					add(i, r)
				}
			}
		default:
			return nil, fmt.Errorf("weights: feature %d is a %T, contiguity needs polygons", i, g)
		}
	}
	rows := make([][]int, len(geoms))
	link := func(l []int32) {
		for _, a := range l {
			for _, b := range l {
				if a != b {
					rows[a] = append(rows[a], int(b))
				}
			}
		}
	}
	for _, l := range byVertex {
		link(l)
	}
	for _, l := range byEdge {
		link(l)
	}
	for i, r := range rows {
		slices.Sort(r)
		rows[i] = slices.Compact(r)
	}
	return fromSortedRows(rows), nil
}

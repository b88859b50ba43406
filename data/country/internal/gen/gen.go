// Package gen converts world-atlas's countries-50m.json (Natural Earth
// 1:50m in TopoJSON) into the embedded file of package country. It is a
// library so the country tests can regenerate in-process and compare bytes;
// cmd/ is the go:generate entry point.
package gen

import (
	"fmt"
	"math"
	"sort"

	"github.com/htmap/htmap/data/country/internal/format"
	"github.com/htmap/htmap/data/country/internal/iso"
)

// pointOnly gives a representative point (lon, lat: the main island or
// town) to the ISO entries that have no polygon in Natural Earth 1:50m nor
// an added island, so every code can still be drawn and weighted. An entry
// here is ignored once the code has a polygon.
var pointOnly = map[string][2]float64{
	"BVT": {3.36, -54.42},  // Bouvet Island
	"GIB": {-5.35, 36.14},  // Gibraltar
	"TUV": {179.20, -8.52}, // Funafuti, Tuvalu
	"UMI": {166.63, 19.29}, // Wake Island
}

// Build returns the embedded file for the given countries-50m.json bytes,
// with the islands missing at 1:50m taken from countries-10m.json (see
// addIslands; pass nil to skip them).
func Build(topo50, topo10 []byte) ([]byte, error) {
	entries, t, err := Entries(topo50, topo10)
	if err != nil {
		return nil, err
	}
	return format.Encode(t, entries)
}

// Entries is Build before encoding, for tests and reports.
func Entries(topo50, topo10 []byte) ([]format.Entry, format.Transform, error) {
	topo, arcs, feats, err := decodeTopology(topo50)
	var tf format.Transform
	if err != nil {
		return nil, tf, err
	}
	tf = format.Transform{
		ScaleX: topo.Transform.Scale[0], ScaleY: topo.Transform.Scale[1],
		TranslateX: topo.Transform.Translate[0], TranslateY: topo.Transform.Translate[1],
	}
	w := math.Round(360 / tf.ScaleX)
	if math.Abs(w*tf.ScaleX-360) > 1e-9 || tf.TranslateX != -180 {
		return nil, tf, fmt.Errorf("quantisation does not put ±180 on the grid (scale %v, translate %v)", tf.ScaleX, tf.TranslateX)
	}
	g := grid{W: int64(w), PoleY: 0, scaleX: tf.ScaleX, scaleY: tf.ScaleY, transX: tf.TranslateX, transY: tf.TranslateY}

	codes := iso.All()
	byNumeric := map[int]string{}
	known := map[string]bool{}
	for _, c := range codes {
		known[c.ISO3] = true
		if c.Numeric != 0 {
			byNumeric[c.Numeric] = c.ISO3
		}
	}

	// Assign every TopoJSON polygon its code, note which codes use each arc
	// (for neighbours), then merge polygons of one code that share arcs.
	refsByCode := map[string][][][]int{}
	nameByCode := map[string]string{}
	arcOwners := make([]map[string]bool, len(arcs))
	for _, f := range feats {
		fc, err := featureCode(f, byNumeric)
		if err != nil {
			return nil, tf, err
		}
		for pi, refs := range f.Polygons {
			cx, cy := bboxCentre(g, ringPoints(arcs, refs[0]))
			code := polygonCode(fc, cx, cy)
			if !known[code] {
				return nil, tf, fmt.Errorf("feature %q polygon %d: code %q not in the ISO list", f.Name, pi, code)
			}
			for _, ring := range refs {
				for _, r := range ring {
					a := arcIndex(r)
					if arcOwners[a] == nil {
						arcOwners[a] = map[string]bool{}
					}
					arcOwners[a][code] = true
				}
			}
			refsByCode[code] = append(refsByCode[code], refs)
			nameByCode[code] = f.Name
		}
	}
	shapes := map[string][][][]pt{}
	for _, c := range codes {
		merged, err := mergeShared(arcs, refsByCode[c.ISO3])
		if err != nil {
			return nil, tf, fmt.Errorf("%s: %w", c.ISO3, err)
		}
		for pi, refs := range merged {
			rings := make([][]pt, len(refs))
			for i, r := range refs {
				rings[i] = ringPoints(arcs, r)
			}
			polys, err := buildPolygon(g, rings)
			if err != nil {
				return nil, tf, fmt.Errorf("%s (%s) polygon %d: %w", c.ISO3, nameByCode[c.ISO3], pi, err)
			}
			shapes[c.ISO3] = append(shapes[c.ISO3], polys...)
		}
	}

	var extraBorders [][2]string
	if topo10 != nil {
		var all [][][]pt
		for _, c := range codes {
			all = append(all, shapes[c.ISO3]...)
		}
		isl, err := addIslands(g, all, topo10, byNumeric)
		if err != nil {
			return nil, tf, err
		}
		ov, borders, err := addOverlays(g, topo10, byNumeric)
		if err != nil {
			return nil, tf, err
		}
		isl = append(isl, ov...)
		extraBorders = borders
		for _, is := range isl {
			if !known[is.code] {
				return nil, tf, fmt.Errorf("island of unknown code %q", is.code)
			}
			polys, err := buildPolygon(g, is.rings)
			if err != nil {
				return nil, tf, fmt.Errorf("island of %s: %w", is.code, err)
			}
			shapes[is.code] = append(shapes[is.code], polys...)
		}
	}

	neighbours := map[string]map[string]bool{}
	for _, owners := range arcOwners {
		if len(owners) < 2 {
			continue
		}
		for a := range owners {
			for b := range owners {
				if a != b {
					if neighbours[a] == nil {
						neighbours[a] = map[string]bool{}
					}
					neighbours[a][b] = true
				}
			}
		}
	}

	for _, b := range extraBorders {
		for _, ab := range [2][2]string{b, {b[1], b[0]}} {
			if neighbours[ab[0]] == nil {
				neighbours[ab[0]] = map[string]bool{}
			}
			neighbours[ab[0]][ab[1]] = true
		}
	}

	var entries []format.Entry
	for _, c := range codes {
		e := format.Entry{ISO3: c.ISO3}
		for n := range neighbours[c.ISO3] {
			e.Neighbours = append(e.Neighbours, n)
		}
		sort.Strings(e.Neighbours)
		polys := shapes[c.ISO3]
		if len(polys) == 0 {
			p, ok := pointOnly[c.ISO3]
			if !ok {
				return nil, tf, fmt.Errorf("%s (%s) has no polygon and no point in pointOnly", c.ISO3, c.Name)
			}
			e.Lon, e.Lat = p[0], p[1]
			entries = append(entries, e)
			continue
		}
		largest, largestArea := -1, 0.0
		for i, poly := range polys {
			a := 0.0
			for _, r := range poly {
				a += ringAreaKm2(toLonLat(g, r))
			}
			e.AreaKm2 += a
			if a > largestArea {
				largest, largestArea = i, a
			}
			e.Polygons = append(e.Polygons, toFormat(poly))
		}
		if largest < 0 {
			return nil, tf, fmt.Errorf("%s: no polygon with positive area", c.ISO3)
		}
		var rings [][][2]float64
		for _, r := range polys[largest] {
			rings = append(rings, toLonLat(g, r))
		}
		lon, lat := poleOfInaccessibility(rings, 1e-3)
		lon, lat = math.Round(lon*1e5)/1e5, math.Round(lat*1e5)/1e5
		if signedDistance(lon, lat, rings) <= 0 {
			return nil, tf, fmt.Errorf("%s: representative point %v,%v is not inside", c.ISO3, lon, lat)
		}
		e.Lon, e.Lat = lon, lat
		e.AreaKm2 = math.Round(e.AreaKm2*100) / 100
		entries = append(entries, e)
	}
	return entries, tf, nil
}

func bboxCentre(g grid, r []pt) (float64, float64) {
	minX, minY, maxX, maxY := r[0][0], r[0][1], r[0][0], r[0][1]
	for _, p := range r {
		minX, maxX = min(minX, p[0]), max(maxX, p[0])
		minY, maxY = min(minY, p[1]), max(maxY, p[1])
	}
	return g.lonLat(pt{(minX + maxX) / 2, (minY + maxY) / 2})
}

func toLonLat(g grid, r []pt) [][2]float64 {
	out := make([][2]float64, len(r))
	for i, p := range r {
		x, y := g.lonLat(p)
		out[i] = [2]float64{x, y}
	}
	return out
}

func toFormat(poly [][]pt) []format.Ring {
	out := make([]format.Ring, len(poly))
	for i, r := range poly {
		fr := make(format.Ring, len(r))
		for j, p := range r {
			fr[j] = [2]int32{int32(p[0]), int32(p[1])}
		}
		out[i] = fr
	}
	return out
}

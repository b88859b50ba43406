package gen

import (
	"fmt"
	"math"
)

// Islands that Natural Earth drops at 1:50m can matter more than their size:
// Lampedusa and Linosa, where much of the central Mediterranean route ends,
// are missing from countries-50m, so deaths off them would be counted at
// sea, country none. addIslands takes from countries-10m (same npm package)
// every polygon that
//
//   - belongs to a feature with an ISO id (or a decision in featureCodes),
//   - lies north of 60S (no Antarctic ice islands) and does not cross ±180,
//   - has at least minIslandKm2 of area,
//   - is absent at 1:50m: no 1:50m vertex within its bounding box (grown by
//     0.05 degrees) and none of its vertices inside a 1:50m polygon, and
//   - stays a simple ring once snapped onto the 1:50m grid (thin atolls
//     may not; they are left out, holes that fail are dropped),
//
// and snaps it onto the 1:50m grid. Coasts and borders stay 1:50m; no
// neighbour relation changes, because an island has no land border.
const minIslandKm2 = 1.0

// island is one added polygon with its code, in 1:50m grid coordinates.
type island struct {
	code  string
	rings [][]pt
}

func addIslands(g50 grid, polys50 [][][]pt, topo10 []byte, byNumeric map[int]string) ([]island, error) {
	topo, arcs, feats, err := decodeTopology(topo10)
	if err != nil {
		return nil, fmt.Errorf("countries-10m: %w", err)
	}
	sx, sy := topo.Transform.Scale[0], topo.Transform.Scale[1]
	tx, ty := topo.Transform.Translate[0], topo.Transform.Translate[1]
	toGrid := func(p pt) pt {
		lon := float64(p[0])*sx + tx
		lat := float64(p[1])*sy + ty
		return pt{int64(math.Round((lon - g50.transX) / g50.scaleX)), int64(math.Round((lat - g50.transY) / g50.scaleY))}
	}
	// Hash the 1:50m vertices into 0.05-degree buckets for the proximity
	// test, and keep the exterior rings with their boxes for the inside test.
	const bucket = 0.05
	key := func(lon, lat float64) [2]int32 {
		return [2]int32{int32(math.Floor(lon / bucket)), int32(math.Floor(lat / bucket))}
	}
	near := map[[2]int32]bool{}
	type boxed struct {
		ring                   []pt
		minX, minY, maxX, maxY int64
	}
	var exts []boxed
	for _, poly := range polys50 {
		for ri, r := range poly {
			b := boxed{ring: r, minX: r[0][0], minY: r[0][1], maxX: r[0][0], maxY: r[0][1]}
			for _, p := range r {
				lon, lat := g50.lonLat(p)
				near[key(lon, lat)] = true
				b.minX, b.maxX = min(b.minX, p[0]), max(b.maxX, p[0])
				b.minY, b.maxY = min(b.minY, p[1]), max(b.maxY, p[1])
			}
			if ri == 0 {
				exts = append(exts, b)
			}
		}
	}
	insideAny := func(p pt) bool {
		for _, b := range exts {
			if p[0] >= b.minX && p[0] <= b.maxX && p[1] >= b.minY && p[1] <= b.maxY && containsPt(b.ring, p) {
				return true
			}
		}
		return false
	}
	var out []island
	for _, f := range feats {
		var fc string
		if f.ID == "" {
			c, ok := featureCodes[f.Name]
			if !ok {
				continue // id-less 10m-only features (bases, reefs, buffer zones)
			}
			fc = c
		} else {
			c, err := featureCode(f, byNumeric)
			if err != nil {
				continue
			}
			fc = c
		}
		for _, refs := range f.Polygons {
			rings := make([][]pt, 0, len(refs))
			for _, r := range refs {
				rings = append(rings, ringPoints(arcs, r))
			}
			ext := rings[0]
			lonlat := make([][2]float64, len(ext))
			minLon, minLat, maxLon, maxLat := 180.0, 90.0, -180.0, -90.0
			for i, p := range ext {
				lon, lat := float64(p[0])*sx+tx, float64(p[1])*sy+ty
				lonlat[i] = [2]float64{lon, lat}
				minLon, maxLon = math.Min(minLon, lon), math.Max(maxLon, lon)
				minLat, maxLat = math.Min(minLat, lat), math.Max(maxLat, lat)
			}
			if minLat < -60 || maxLon-minLon > 180 || math.Abs(ringAreaKm2(lonlat)) < minIslandKm2 {
				continue
			}
			present := false
			for x := math.Floor((minLon - bucket) / bucket); x <= math.Floor((maxLon+bucket)/bucket) && !present; x++ {
				for y := math.Floor((minLat - bucket) / bucket); y <= math.Floor((maxLat+bucket)/bucket); y++ {
					if near[[2]int32{int32(x), int32(y)}] {
						present = true
						break
					}
				}
			}
			if present {
				continue
			}
			snapped := make([][]pt, 0, len(rings))
			for i, r := range rings {
				s := make([]pt, 0, len(r))
				for _, p := range r {
					q := toGrid(p)
					if len(s) == 0 || s[len(s)-1] != q {
						s = append(s, q)
					}
				}
				if len(s) >= 4 && s[0] == s[len(s)-1] && signedArea2(s) != 0 && ringSimple(s) {
					snapped = append(snapped, s)
				} else if i == 0 {
					break // the exterior collapsed or crossed itself on the coarser grid
				}
			}
			if len(snapped) == 0 || len(rings[0]) == 0 || insideAny(snapped[0][0]) {
				continue
			}
			cx, cy := (minLon+maxLon)/2, (minLat+maxLat)/2
			out = append(out, island{code: polygonCode(fc, cx, cy), rings: snapped})
		}
	}
	return out, nil
}

// overlay is a territory that countries-50m draws inside its neighbour's
// outline. Its 1:10m polygons are added on top; the neighbour's outline
// still covers them, so point lookups must prefer the smaller polygon
// (geo.CountryIndex does). Each gains a land border with the neighbour.
type overlay struct {
	code, neighbour                string
	minLon, maxLon, minLat, maxLat float64 // box holding the polygons' centres
}

var overlays = []overlay{
	// Ceuta and Melilla: Spain's cities on the Moroccan coast, where the
	// border fences are. Perejil and the peñones are under 1 km² and left out.
	{"ESP", "MAR", -6, -2, 35, 36},
	// Gibraltar: at 1:50m a part of Spain's outline.
	{"GIB", "ESP", -5.5, -5.2, 36.0, 36.2},
}

func addOverlays(g50 grid, topo10 []byte, byNumeric map[int]string) ([]island, [][2]string, error) {
	topo, arcs, feats, err := decodeTopology(topo10)
	if err != nil {
		return nil, nil, fmt.Errorf("countries-10m: %w", err)
	}
	sx, sy := topo.Transform.Scale[0], topo.Transform.Scale[1]
	tx, ty := topo.Transform.Translate[0], topo.Transform.Translate[1]
	var out []island
	var borders [][2]string
	for _, o := range overlays {
		found := false
		for _, f := range feats {
			code, err := featureCode(f, byNumeric)
			if err != nil || code != o.code {
				continue
			}
			for _, refs := range f.Polygons {
				ext := ringPoints(arcs, refs[0])
				lonlat := make([][2]float64, len(ext))
				minLon, minLat, maxLon, maxLat := 180.0, 90.0, -180.0, -90.0
				snapped := make([]pt, 0, len(ext))
				for i, p := range ext {
					lon, lat := float64(p[0])*sx+tx, float64(p[1])*sy+ty
					lonlat[i] = [2]float64{lon, lat}
					minLon, maxLon = math.Min(minLon, lon), math.Max(maxLon, lon)
					minLat, maxLat = math.Min(minLat, lat), math.Max(maxLat, lat)
					q := pt{int64(math.Round((lon - g50.transX) / g50.scaleX)), int64(math.Round((lat - g50.transY) / g50.scaleY))}
					if len(snapped) == 0 || snapped[len(snapped)-1] != q {
						snapped = append(snapped, q)
					}
				}
				cx, cy := (minLon+maxLon)/2, (minLat+maxLat)/2
				if cx < o.minLon || cx > o.maxLon || cy < o.minLat || cy > o.maxLat ||
					math.Abs(ringAreaKm2(lonlat)) < minIslandKm2 {
					continue
				}
				if len(snapped) < 4 || signedArea2(snapped) == 0 || !ringSimple(snapped) {
					return nil, nil, fmt.Errorf("overlay %s at %.2f,%.2f collapses on the 1:50m grid", o.code, cx, cy)
				}
				out = append(out, island{code: o.code, rings: [][]pt{snapped}})
				found = true
			}
		}
		if !found {
			return nil, nil, fmt.Errorf("overlay %s: no 1:10m polygon in its box", o.code)
		}
		borders = append(borders, [2]string{o.code, o.neighbour})
	}
	return out, borders, nil
}

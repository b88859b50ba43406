package geo

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// The study area is the set of cells the statistics run over. Which empty
// cells it holds changes every mean and variance, so it is an explicit
// choice:
//
//   - from a polygon layer (--study-area FILE): every cell whose
//     representative point lies inside one of the polygons, occupied or
//     not; occupied cells outside it are dropped and counted;
//   - by default: every cell whose representative point lies within one
//     weights band (bandKm, great-circle distance between representative
//     points) of an occupied cell's representative point, sea included
//     for H3 and grid systems. With bandKm = 0 it is the occupied cells.

// DefaultStudyArea returns the occupied cells and every cell within bandKm
// of one, sorted by key.
func DefaultStudyArea(sys System, occupied []Key, bandKm float64) []Key {
	if b, ok := sys.(bander); ok && bandKm > 0 {
		return b.band(occupied, bandKm)
	}
	seen := make(map[Key]bool, len(occupied))
	for _, k := range occupied {
		seen[k] = true
		if bandKm > 0 {
			for _, n := range sys.Within(k, bandKm) {
				seen[n] = true
			}
		}
	}
	out := make([]Key, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sortKeys(out)
	return out
}

// bander is implemented by systems with a faster way to take the union
// of Within over many cells than calling it for each.
type bander interface {
	band(occupied []Key, km float64) []Key
}

// StudyAreaFromGeoJSON returns the cells whose representative point lies
// inside any polygon of a GeoJSON document (a FeatureCollection, a Feature
// or a bare geometry; Polygon and MultiPolygon geometries count, others
// are an error). The caller reads the file; name is used in errors.
func StudyAreaFromGeoJSON(sys System, name string, data []byte) ([]Key, error) {
	polys, err := readPolygons(data)
	if err != nil {
		return nil, fmt.Errorf("%s: study area: %w", name, err)
	}
	if len(polys) == 0 {
		return nil, fmt.Errorf("%s: study area: no polygon in the file", name)
	}
	seen := map[Key]bool{}
	for _, p := range polys {
		for _, k := range sys.Covering(p) {
			seen[k] = true
		}
	}
	out := make([]Key, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sortKeys(out)
	return out, nil
}

func readPolygons(data []byte) ([]orb.Polygon, error) {
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	var geoms []orb.Geometry
	switch head.Type {
	case "FeatureCollection":
		fc, err := geojson.UnmarshalFeatureCollection(data)
		if err != nil {
			return nil, err
		}
		for _, f := range fc.Features {
			geoms = append(geoms, f.Geometry)
		}
	case "Feature":
		f, err := geojson.UnmarshalFeature(data)
		if err != nil {
			return nil, err
		}
		geoms = append(geoms, f.Geometry)
	default:
		g, err := geojson.UnmarshalGeometry(data)
		if err != nil {
			return nil, err
		}
		geoms = append(geoms, g.Geometry())
	}
	var out []orb.Polygon
	for i, g := range geoms {
		switch g := g.(type) {
		case orb.Polygon:
			out = append(out, g)
		case orb.MultiPolygon:
			out = append(out, g...)
		case nil:
		default:
			return nil, fmt.Errorf("feature %d is a %s, want Polygon or MultiPolygon", i, g.GeoJSONType())
		}
	}
	return out, nil
}

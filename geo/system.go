package geo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// Key is a cell's compact identity inside one System: the H3 index itself,
// a grid cell's column and row packed into one word, or a country's
// position in the country table plus one. Keys are what the hot loop
// hashes; the stable, user-facing identity is the string from System.ID.
// A Key of 0 is never a valid cell.
type Key uint64

// Shape is the drawable part of a cell: everything but the counts.
type Shape struct {
	ID string
	// Geometry is an orb.Polygon, or an orb.MultiPolygon when the cell
	// crosses the antimeridian (or a country has several parts). Rings
	// are closed, exteriors counter-clockwise, holes clockwise (RFC 7946),
	// and no ring spans more than 180 degrees of longitude.
	Geometry orb.Geometry
	// Point is the representative point: the H3 centre, the grid cell's
	// projected centre, or the country's label point. The study area and
	// distance bands are measured between these points.
	Point orb.Point
	// AreaKm2 is the area on the WGS84 ellipsoid for grid and country
	// cells, and H3's own cell area (on its authalic sphere) for H3 cells.
	AreaKm2 float64
}

// Contiguity selects which grid cells count as neighbours: Queen shares an
// edge or a corner, Rook an edge only. H3 and country systems have one
// notion of adjacency and ignore it.
type Contiguity uint8

// The contiguity rules.
const (
	Queen Contiguity = iota
	Rook
)

// System is one way of cutting the world into cells. Implementations are
// immutable after construction and safe for concurrent use.
type System interface {
	// Spec is the --cell value that rebuilds the system ("h3:5").
	Spec() string
	// Locate returns the cell containing a WGS84 point; ok is false when
	// the point has no cell (a country system at sea, or a bad coordinate).
	Locate(lat, lon float64) (k Key, ok bool)
	// ID is the stable cell_id of a key.
	ID(k Key) string
	// Parse is the inverse of ID.
	Parse(id string) (Key, error)
	// Shape returns the polygon, representative point and area of a cell.
	Shape(k Key) Shape
	// Neighbours lists the adjacent cells, sorted by key. Cells without
	// any (islands in the country system) return an empty slice.
	Neighbours(k Key, c Contiguity) []Key
	// Within lists every cell whose representative point lies within km
	// kilometres (great circle) of the representative point of k,
	// including k itself.
	Within(k Key, km float64) []Key
	// Covering lists the cells whose representative point lies inside
	// the polygon (lon/lat, RFC 7946 orientation not required).
	Covering(p orb.Polygon) []Key
}

// ParseSystem builds a System from a --cell value: "h3:RES" with RES in
// 0..15, "grid:KM" with KM the cell area's side in kilometres (a cell has
// KM*KM km² of area), or "country". The country system needs the embedded
// country table, which it loads once on first use.
func ParseSystem(spec string) (System, error) {
	name, arg, hasArg := strings.Cut(strings.TrimSpace(spec), ":")
	switch strings.ToLower(name) {
	case "h3":
		if !hasArg {
			return nil, fmt.Errorf("cell system %q: want h3:RES with RES in 0..15", spec)
		}
		res, err := strconv.Atoi(arg)
		if err != nil || res < 0 || res > 15 {
			return nil, fmt.Errorf("cell system %q: H3 resolution must be an integer in 0..15", spec)
		}
		return NewH3(res), nil
	case "grid":
		if !hasArg {
			return nil, fmt.Errorf("cell system %q: want grid:KM, e.g. grid:25", spec)
		}
		km, err := strconv.ParseFloat(arg, 64)
		if err != nil {
			return nil, fmt.Errorf("cell system %q: grid size: %v", spec, err)
		}
		return NewGrid(km)
	case "country":
		if hasArg {
			return nil, fmt.Errorf("cell system %q: country takes no argument", spec)
		}
		return DefaultCountries(), nil
	}
	return nil, fmt.Errorf("unknown cell system %q (want h3:RES, grid:KM or country)", spec)
}

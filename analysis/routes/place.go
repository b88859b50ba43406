package routes

import "github.com/paulmach/orb"

// PlaceKind tells what a place id names.
type PlaceKind uint8

// Place kinds. A country is named by its ISO 3166 alpha-3 code, a cell by
// whatever id the caller's grid uses (an h3 index in hex, for instance).
const (
	PlaceCountry PlaceKind = iota
	PlaceCell
)

// String returns "country" or "cell", the node_type of the export.
func (k PlaceKind) String() string {
	if k == PlaceCell {
		return "cell"
	}
	return "country"
}

// Place is a node of the route map: an id, a display name and the point
// arcs start and end at (lon, lat in WGS84 degrees).
type Place struct {
	ID    string
	Name  string
	Kind  PlaceKind
	Point orb.Point
}

// Locator finds the place an id names. The package never looks places up
// itself, so countries (from data/country) and cells (from the geo stage)
// are the caller's choice; ok is false for an id it cannot place.
type Locator func(id string) (p Place, ok bool)

// MapLocator is a Locator over a fixed set of places, keyed by ID.
func MapLocator(places []Place) Locator {
	m := make(map[string]Place, len(places))
	for _, p := range places {
		m[p.ID] = p
	}
	return func(id string) (Place, bool) {
		p, ok := m[id]
		return p, ok
	}
}

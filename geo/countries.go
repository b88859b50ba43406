package geo

import (
	"fmt"
	"sort"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/data/country"
)

// SeaKm is the sea rule of the country system: a point within this many
// kilometres of a country's coast belongs to that country (territorial
// waters are 12 nautical miles, 22.2 km, and the coarse admin-0 outlines
// cut off small bays and islands); a point further out is at sea and
// belongs to no country.
const SeaKm = TerritorialSeaKm

// Countries is the country system: one cell per admin-0 polygon of the
// embedded country table, with the ISO 3166 alpha-3 code as its id.
// Points are located through CountryIndex (a spatial index with the sea
// rule, not a loop over every polygon). Records that only name a country
// are placed with Lookup.
type Countries struct {
	list  []*country.Country // sorted by ISO3; key = position + 1
	pos   map[string]int
	index *CountryIndex
	seaKm float64
}

// NewCountries builds the system over the given countries.
func NewCountries(cs []*country.Country) *Countries {
	list := append([]*country.Country(nil), cs...)
	sort.Slice(list, func(i, j int) bool { return list[i].ISO3 < list[j].ISO3 })
	pos := make(map[string]int, len(list))
	for i, c := range list {
		pos[c.ISO3] = i
	}
	return &Countries{list: list, pos: pos, index: NewCountryIndex(list), seaKm: SeaKm}
}

var defaultCountries = sync.OnceValue(func() *Countries { return NewCountries(country.All()) })

// DefaultCountries returns the system over the embedded country table,
// built once and shared (it is immutable).
func DefaultCountries() *Countries { return defaultCountries() }

// Spec returns "country".
func (s *Countries) Spec() string { return "country" }

// Locate returns the country containing the point, or within SeaKm of its
// coast; ok is false at sea.
func (s *Countries) Locate(lat, lon float64) (Key, bool) {
	if !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
		return 0, false
	}
	iso, ok := s.index.Locate(orb.Point{lon, lat}, s.seaKm)
	if !ok {
		return 0, false
	}
	return s.Lookup(iso)
}

// Lookup returns the cell of an ISO alpha-3 code; ok is false for codes
// that are not in the table (including ingest.Unknown and "").
func (s *Countries) Lookup(iso3 string) (Key, bool) {
	i, ok := s.pos[iso3]
	if !ok {
		return 0, false
	}
	return Key(i + 1), true
}

func (s *Countries) get(k Key) (*country.Country, bool) {
	if k < 1 || int(k) > len(s.list) {
		return nil, false
	}
	return s.list[k-1], true
}

// ID returns the ISO alpha-3 code.
func (s *Countries) ID(k Key) string {
	if c, ok := s.get(k); ok {
		return c.ISO3
	}
	return ""
}

// Parse reads an ISO alpha-3 code.
func (s *Countries) Parse(id string) (Key, error) {
	k, ok := s.Lookup(id)
	if !ok {
		return 0, fmt.Errorf("cell id %q is not a country of the table", id)
	}
	return k, nil
}

// Shape returns the country's outline cut at the antimeridian, its label
// point and its area on the ellipsoid.
func (s *Countries) Shape(k Key) Shape {
	c, ok := s.get(k)
	if !ok {
		return Shape{}
	}
	sh := Shape{ID: c.ISO3, Point: c.Point, AreaKm2: c.AreaKm2}
	mp := SplitMultiPolygon(c.Shape)
	switch len(mp) {
	case 0:
	case 1:
		sh.Geometry = mp[0]
	default:
		sh.Geometry = mp
	}
	return sh
}

// Neighbours returns the countries sharing a land border, from
// country.Neighbours. Islands have none: the slice is empty.
func (s *Countries) Neighbours(k Key, _ Contiguity) []Key {
	c, ok := s.get(k)
	if !ok {
		return nil
	}
	out := []Key{}
	for _, iso := range country.Neighbours(c.ISO3) {
		if n, ok := s.Lookup(iso); ok && n != k {
			out = append(out, n)
		}
	}
	sortKeys(out)
	return dedupeKeys(out)
}

// Within returns the countries whose label points are within km of k's.
func (s *Countries) Within(k Key, km float64) []Key {
	c, ok := s.get(k)
	if !ok {
		return nil
	}
	var out []Key
	for i, o := range s.list {
		if greatCircleKm(c.Point, o.Point) <= km {
			out = append(out, Key(i+1))
		}
	}
	return out
}

// Covering returns the countries whose label point lies inside p.
func (s *Countries) Covering(p orb.Polygon) []Key {
	var out []Key
	for i, o := range s.list {
		if planar.PolygonContains(p, o.Point) {
			out = append(out, Key(i+1))
		}
	}
	return out
}

// Len returns the number of countries.
func (s *Countries) Len() int { return len(s.list) }

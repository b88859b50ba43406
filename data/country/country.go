package country

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/data/country/internal/format"
	"github.com/htmap/htmap/data/country/internal/iso"
)

//go:generate go run ./internal/gen/cmd -in ../../tools/npm/node_modules/world-atlas/countries-50m.json -in10 ../../tools/npm/node_modules/world-atlas/countries-10m.json -out countries.bin.gz

// embedded is the generated boundary file (see the package documentation).
//
//go:embed countries.bin.gz
var embedded []byte

// Country is one ISO 3166-1 entry with its boundary.
type Country struct {
	ISO3, ISO2 string
	Numeric    int    // ISO 3166-1 numeric; 0 for Kosovo, which has none
	Name       string // short English name
	// Point is a representative point, lon/lat: the pole of inaccessibility
	// of the largest polygon (always inside it), or for the few entries with
	// no polygon at 1:50m a point on the main island or town.
	Point orb.Point
	// Shape is the boundary, RFC 7946 wound (exteriors counter-clockwise,
	// holes clockwise), cut at ±180. Nil for a country with no polygon.
	Shape orb.MultiPolygon
	// AreaKm2 is the area of Shape on the WGS84 ellipsoid (0 without shape).
	AreaKm2 float64
	// Neighbours are the countries sharing a land border, sorted.
	Neighbours []string
}

type table struct {
	list  []*Country
	byISO map[string]*Country
}

var loaded = sync.OnceValues(func() (*table, error) { return decode(embedded) })

// load returns the decoded table. The embedded file is built by committed
// code and checked by the tests, so a failure here is a build defect, not
// bad input: it panics with the reason.
func load() *table {
	t, err := loaded()
	if err != nil {
		panic(fmt.Sprintf("country: embedded boundaries are corrupt: %v", err))
	}
	return t
}

func decode(data []byte) (*table, error) {
	tf, entries, err := format.Decode(data)
	if err != nil {
		return nil, err
	}
	byEntry := make(map[string]*format.Entry, len(entries))
	for i := range entries {
		byEntry[entries[i].ISO3] = &entries[i]
	}
	t := &table{byISO: map[string]*Country{}}
	for _, c := range iso.All() {
		e, ok := byEntry[c.ISO3]
		if !ok {
			return nil, fmt.Errorf("%s missing from the embedded file; run go generate", c.ISO3)
		}
		cc := &Country{
			ISO3: c.ISO3, ISO2: c.ISO2, Numeric: c.Numeric, Name: c.Name,
			Point:      orb.Point{e.Lon, e.Lat},
			AreaKm2:    e.AreaKm2,
			Neighbours: e.Neighbours,
		}
		for _, poly := range e.Polygons {
			p := make(orb.Polygon, len(poly))
			for i, r := range poly {
				ring := make(orb.Ring, len(r))
				for j, q := range r {
					ring[j] = orb.Point{
						float64(q[0])*tf.ScaleX + tf.TranslateX,
						float64(q[1])*tf.ScaleY + tf.TranslateY,
					}
				}
				p[i] = ring
			}
			cc.Shape = append(cc.Shape, p)
		}
		t.list = append(t.list, cc)
		t.byISO[cc.ISO3] = cc
	}
	if len(entries) != len(t.list) {
		return nil, fmt.Errorf("embedded file has %d entries, the ISO list %d; run go generate", len(entries), len(t.list))
	}
	sort.Slice(t.list, func(i, j int) bool { return t.list[i].ISO3 < t.list[j].ISO3 })
	return t, nil
}

// Lookup returns the country with that alpha-3 code. The result is shared:
// do not modify it.
func Lookup(iso3 string) (*Country, bool) {
	c, ok := load().byISO[iso3]
	return c, ok
}

// All returns every country, sorted by ISO3. The slice is a copy; the
// countries are shared.
func All() []*Country {
	return append([]*Country(nil), load().list...)
}

// Neighbours returns the alpha-3 codes of the countries sharing a land
// border with iso3 (Natural Earth arcs used by both), sorted; nil for
// islands and unknown codes.
func Neighbours(iso3 string) []string {
	c, ok := Lookup(iso3)
	if !ok {
		return nil
	}
	return append([]string(nil), c.Neighbours...)
}

package geo

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/data/country"
	"github.com/htmap/htmap/internal/testenv"
)

var worldIndex = sync.OnceValue(func() *CountryIndex { return NewCountryIndex(country.All()) })

// TestCountryIndexPlaces checks real places, lon/lat. The expected answers
// were read off a map; the points sit at least a few km from any border,
// more than the 1:50m outline's error.
func TestCountryIndexPlaces(t *testing.T) {
	ix := worldIndex()
	cases := []struct {
		name string
		p    orb.Point
		want string // "" means at sea, country none
	}{
		{"El Paso, north-east", orb.Point{-106.40, 31.82}, "USA"},
		{"Ciudad Juárez, south", orb.Point{-106.44, 31.66}, "MEX"},
		{"Suva, Viti Levu (Fiji, 178E)", orb.Point{178.44, -18.12}, "FJI"},
		{"Taveuni west of 180", orb.Point{179.95, -16.9}, "FJI"},
		{"Taveuni east of 180", orb.Point{-179.9, -16.8}, "FJI"},
		{"Fiji exactly on -180", orb.Point{-180, -16.1584}, "FJI"},
		{"Fiji exactly on +180", orb.Point{180, -16.1584}, "FJI"},
		{"Ceuta", orb.Point{-5.32, 35.89}, "ESP"},
		{"Melilla", orb.Point{-2.945, 35.295}, "ESP"},
		{"Fnideq, Morocco, next to Ceuta", orb.Point{-5.36, 35.84}, "MAR"},
		{"Gibraltar", orb.Point{-5.35, 36.13}, "GIB"},
		{"La Línea, Spain, next to Gibraltar", orb.Point{-5.35, 36.17}, "ESP"},
		{"Singapore", orb.Point{103.82, 1.35}, "SGP"},
		{"Malta, Mdina", orb.Point{14.40, 35.886}, "MLT"},
		{"Bahrain, Isa Town", orb.Point{50.55, 26.17}, "BHR"},
		{"Pristina", orb.Point{21.166, 42.663}, "XKX"},
		{"North Nicosia", orb.Point{33.36, 35.20}, "CYP"},
		{"Kyrenia hills", orb.Point{33.30, 35.30}, "CYP"},
		{"Hargeisa", orb.Point{44.065, 9.56}, "SOM"},
		{"Mogadishu inland", orb.Point{45.30, 2.10}, "SOM"},
		{"Paris", orb.Point{2.35, 48.86}, "FRA"},
		{"Cayenne, French Guiana", orb.Point{-52.35, 4.90}, "GUF"},
		{"Mamoudzou area, Mayotte", orb.Point{45.15, -12.80}, "MYT"},
		{"Longyearbyen area, Svalbard", orb.Point{15.8, 78.2}, "SJM"},
		{"Chukotka, west of 180", orb.Point{-175, 66.5}, "RUS"},
		{"Moscow", orb.Point{37.62, 55.75}, "RUS"},
		{"Lesotho, enclave", orb.Point{28.0, -29.5}, "LSO"},
		{"Vatican (its 1:50m outline lies 1.6 km west of the real one)", orb.Point{12.434, 41.902}, "VAT"},
		{"Rome", orb.Point{12.50, 41.89}, "ITA"},
		{"Lampedusa (an island added from 1:10m)", orb.Point{12.58, 35.51}, "ITA"},
		{"South Pole", orb.Point{0, -89.5}, "ATA"},
		{"mid-Atlantic", orb.Point{-30, 20}, ""},
		{"mid-Pacific", orb.Point{-150, 0}, ""},
	}
	for _, c := range cases {
		got, ok := ix.Locate(c.p, TerritorialSeaKm)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s %v: Locate = %q, %v; want %q", c.name, c.p, got, ok, c.want)
		}
	}
}

// TestCountryIndexSeaRule: the Mediterranean off Tripoli and around
// Lampedusa, where most deaths on the central route are recorded.
func TestCountryIndexSeaRule(t *testing.T) {
	ix := worldIndex()
	cases := []struct {
		name string
		p    orb.Point
		sea  float64
		want string
	}{
		{"5 km off Tripoli", orb.Point{13.19, 32.94}, TerritorialSeaKm, "LBY"},
		{"5 km off Tripoli, land only", orb.Point{13.19, 32.94}, 0, ""},
		{"60 km off Tripoli", orb.Point{13.19, 33.44}, TerritorialSeaKm, ""},
		{"Lampedusa harbour, 3 km out", orb.Point{12.61, 35.47}, TerritorialSeaKm, "ITA"},
		{"between Lampedusa and Libya, 100 km out", orb.Point{12.6, 34.6}, TerritorialSeaKm, ""},
		{"10 km off Zuwara", orb.Point{12.08, 32.99}, TerritorialSeaKm, "LBY"},
		{"Strait of Sicily, 40 km off Sicily", orb.Point{13.0, 37.1}, TerritorialSeaKm, ""},
		{"10 km off Malta", orb.Point{14.30, 35.75}, TerritorialSeaKm, "MLT"},
		{"Aegean 5 km south of Lesbos", orb.Point{26.37, 38.92}, TerritorialSeaKm, "GRC"},
		{"Aegean off Ayvalik, Turkish coast", orb.Point{26.62, 39.32}, TerritorialSeaKm, "TUR"},
		{"Channel 6 km off Cap Gris-Nez", orb.Point{1.50, 50.87}, TerritorialSeaKm, "FRA"},
		{"Channel 5 km off Dover", orb.Point{1.40, 51.09}, TerritorialSeaKm, "GBR"},
		{"Fiji sea east of 180, 10 km off Taveuni", orb.Point{-179.75, -16.75}, TerritorialSeaKm, "FJI"},
	}
	for _, c := range cases {
		got, ok := ix.Locate(c.p, c.sea)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s %v (sea %v km): Locate = %q, %v; want %q", c.name, c.p, c.sea, got, ok, c.want)
		}
	}
}

// TestCountryIndexDistanceHandComputed plants a 1x1 degree country at the
// equator. A point due east of its east edge (the meridian 1E) at latitude
// 0.5 is R * asin(sin(dλ) cos 0.5°) away; at 22.0 km it belongs to the
// country, at 22.5 km to none.
func TestCountryIndexDistanceHandComputed(t *testing.T) {
	sq := &country.Country{ISO3: "TST", Shape: orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}}}
	ix := NewCountryIndex([]*country.Country{sq})
	lat := 0.5
	lonAt := func(km float64) float64 {
		return 1 + math.Asin(math.Sin(km/6371.0088)/math.Cos(lat*math.Pi/180))*180/math.Pi
	}
	for _, c := range []struct {
		km   float64
		want bool
	}{{0, true}, {21.9, true}, {22.0, true}, {22.5, false}, {40, false}} {
		p := orb.Point{lonAt(c.km), lat}
		_, ok := ix.Locate(p, TerritorialSeaKm)
		if ok != c.want {
			t.Errorf("point %.3f km east of the edge %v: located %v, want %v", c.km, p, ok, c.want)
		}
	}
	// Beyond a corner the nearest coast is the vertex (1, 1).
	p := orb.Point{1.1, 1.1}
	d := 6371.0088 * math.Acos(math.Sin(1.1*math.Pi/180)*math.Sin(math.Pi/180)+
		math.Cos(1.1*math.Pi/180)*math.Cos(math.Pi/180)*math.Cos(0.1*math.Pi/180))
	if _, ok := ix.Locate(p, d+0.01); !ok {
		t.Errorf("corner point %v not found within %.3f km", p, d+0.01)
	}
	if _, ok := ix.Locate(p, d-0.01); ok {
		t.Errorf("corner point %v found within %.3f km", p, d-0.01)
	}
	if _, ok := ix.Locate(orb.Point{math.NaN(), 0}, 100); ok {
		t.Error("NaN located")
	}
	if _, ok := ix.Locate(orb.Point{0.5, 91}, 100); ok {
		t.Error("latitude 91 located")
	}
}

// TestCountryIndexAgainstBruteForce compares land lookups with orb's
// planar point-in-polygon over every country, for random points worldwide
// and random points near coasts (where the grid cells hold edges).
func TestCountryIndexAgainstBruteForce(t *testing.T) {
	ix := worldIndex()
	all := country.All()
	type boxed struct {
		code string
		poly orb.Polygon
		box  orb.Bound
	}
	var polys []boxed
	for _, c := range all {
		for _, p := range c.Shape {
			polys = append(polys, boxed{c.ISO3, p, p.Bound()})
		}
	}
	brute := func(p orb.Point) string {
		for _, b := range polys {
			if b.box.Contains(p) && planar.PolygonContains(b.poly, p) {
				return b.code
			}
		}
		return ""
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var pts []orb.Point
	for len(pts) < 4000 {
		pts = append(pts, orb.Point{rng.Float64()*360 - 180, rng.Float64()*180 - 90})
	}
	// Near coasts: jitter vertices of the outlines by up to 0.05 degrees.
	for len(pts) < 12000 {
		c := all[rng.IntN(len(all))]
		if c.Shape == nil {
			continue
		}
		poly := c.Shape[rng.IntN(len(c.Shape))]
		v := poly[0][rng.IntN(len(poly[0]))]
		pts = append(pts, orb.Point{
			math.Max(-180, math.Min(180, v[0]+(rng.Float64()-0.5)*0.1)),
			math.Max(-90, math.Min(90, v[1]+(rng.Float64()-0.5)*0.1)),
		})
	}
	land, mismatch := 0, 0
	for _, p := range pts {
		want := brute(p)
		got, _ := ix.Locate(p, 0)
		if want != "" {
			land++
		}
		if got != want {
			mismatch++
			if mismatch <= 10 {
				t.Errorf("%v: index %q, brute force %q", p, got, want)
			}
		}
	}
	t.Logf("%d points, %d on land, %d mismatches", len(pts), land, mismatch)
	if land < 4000 {
		t.Errorf("only %d land points; the comparison lost its teeth", land)
	}
}

// TestCountryIndexSeaAgainstBruteForce: for points near coasts, the country
// from the index's cell search equals the nearest edge over the whole world.
func TestCountryIndexSeaAgainstBruteForce(t *testing.T) {
	ix := worldIndex()
	var edges []ciSeg
	for _, c := range country.All() {
		for _, poly := range c.Shape {
			for _, r := range poly {
				for k := 0; k+1 < len(r); k++ {
					edges = append(edges, ciSeg{r[k][0], r[k][1], r[k+1][0], r[k+1][1]})
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	checked, near := 0, 0
	for checked < 600 {
		c := ix.codes[rng.IntN(len(ix.codes))]
		cc, _ := country.Lookup(c)
		poly := cc.Shape[rng.IntN(len(cc.Shape))]
		v := poly[0][rng.IntN(len(poly[0]))]
		p := orb.Point{v[0] + (rng.Float64()-0.5)*0.6, v[1] + (rng.Float64()-0.5)*0.6}
		if p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 || ix.contains(p[0], p[1]) >= 0 {
			continue
		}
		checked++
		// Every edge of every shape within a generous box, without the grid.
		u := ciUnit(p[0], p[1])
		best := 30 / ciRadiusKm
		dLon := 0.3 / math.Cos(math.Min(89, math.Abs(p[1])+0.3)*math.Pi/180)
		for _, e := range edges {
			if math.Min(e.ay, e.by) > p[1]+0.3 || math.Max(e.ay, e.by) < p[1]-0.3 ||
				(math.Abs(p[0]) < 170 && (math.Min(e.ax, e.bx) > p[0]+dLon || math.Max(e.ax, e.bx) < p[0]-dLon)) {
				continue
			}
			if d := ciArcDistance(u, e); d < best {
				best = d
			}
		}
		got, ok := ix.Locate(p, 30)
		if ok != (best < 30/ciRadiusKm) {
			t.Errorf("%v: index found %v (%q); brute-force nearest edge %.3f km", p, ok, got, best*ciRadiusKm)
		}
		if ok {
			near++
		}
	}
	t.Logf("%d sea points, %d within 30 km of a coast", checked, near)
	if near < 100 {
		t.Errorf("only %d points near a coast", near)
	}
}

func landPoints(n int) []orb.Point {
	ix := worldIndex()
	rng := rand.New(rand.NewPCG(5, 6))
	var pts []orb.Point
	for len(pts) < n {
		p := orb.Point{rng.Float64()*360 - 180, rng.Float64()*140 - 60}
		if _, ok := ix.Locate(p, 0); ok {
			pts = append(pts, p)
		}
	}
	return pts
}

func BenchmarkCountryIndexLocateLand(b *testing.B) {
	ix := worldIndex()
	pts := landPoints(4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Locate(pts[i&4095], TerritorialSeaKm)
	}
}

// BenchmarkCountryIndexLocateCoast: points within 0.1 degree of an outline
// vertex, the expensive case (crossed cells, sea search).
func BenchmarkCountryIndexLocateCoast(b *testing.B) {
	ix := worldIndex()
	rng := rand.New(rand.NewPCG(7, 8))
	pts := make([]orb.Point, 4096)
	for i := range pts {
		s := ix.segs[rng.IntN(len(ix.segs))]
		pts[i] = orb.Point{s.ax + (rng.Float64()-0.5)*0.2, math.Max(-90, math.Min(90, s.ay+(rng.Float64()-0.5)*0.2))}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Locate(pts[i&4095], TerritorialSeaKm)
	}
}

func BenchmarkNewCountryIndex(b *testing.B) {
	cs := country.All()
	for i := 0; i < b.N; i++ {
		NewCountryIndex(cs)
	}
}

// TestCountryIndexMissingMigrants compares with IOM's own "Country of
// Incident" on the Europe/Mediterranean file: where the index puts an
// incident in a country (land or the 12-mile sea), IOM should mostly name
// the same one; most deaths at sea should be "none".
func TestCountryIndexMissingMigrants(t *testing.T) {
	f, err := os.Open(testenv.SharedFile(t, "missing_migrants_europe_med_2014_2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	ix := worldIndex()
	var located, agree, atSea, rows int
	disagree := map[string]int{}
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		rows++
		lat, err1 := strconv.ParseFloat(rec[col["Latitude"]], 64)
		lon, err2 := strconv.ParseFloat(rec[col["Longitude"]], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		got, ok := ix.Locate(orb.Point{lon, lat}, TerritorialSeaKm)
		if !ok {
			atSea++
			continue
		}
		iom, ok := country.Resolve(rec[col["Country of Incident"]])
		if !ok {
			continue
		}
		located++
		if got == iom {
			agree++
		} else {
			disagree[iom+"->"+got]++
		}
	}
	t.Logf("%d incidents: %d at sea (none), %d located with an IOM country, %d agree (%.1f %%); disagreements %v",
		rows, atSea, located, agree, 100*float64(agree)/float64(located), disagree)
	if rows != 6802 {
		t.Errorf("read %d rows, want 6802", rows)
	}
	// 92 % on the 2026 file: the rest are incidents on land borders and
	// narrow straits that IOM credits to the other side (Evros, Lesbos
	// strait, the Syrian border wall, desert borders).
	if float64(agree) < 0.9*float64(located) {
		t.Errorf("only %d of %d located incidents agree with IOM's country", agree, located)
	}
}

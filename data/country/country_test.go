package country

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/data/country/internal/gen"
	"github.com/htmap/htmap/internal/testenv"
)

func TestAllAndLookup(t *testing.T) {
	all := All()
	if len(all) != 250 {
		t.Errorf("len(All()) = %d, want 250 (biter777's 252 minus ANT, YUG)", len(all))
	}
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].ISO3 < all[j].ISO3 }) {
		t.Error("All() is not sorted by ISO3")
	}
	nam, ok := Lookup("NAM")
	if !ok || nam.ISO2 != "NA" || nam.Numeric != 516 || nam.Name != "Namibia" {
		t.Errorf("Lookup(NAM) = %+v", nam)
	}
	xkx, ok := Lookup("XKX")
	if !ok || xkx.ISO2 != "XK" || xkx.Numeric != 0 || xkx.Shape == nil {
		t.Errorf("Lookup(XKX) = %+v", xkx)
	}
	if _, ok := Lookup("ANT"); ok {
		t.Error("withdrawn ANT is present")
	}
	var pointOnly []string
	for _, c := range all {
		if c.Shape == nil {
			pointOnly = append(pointOnly, c.ISO3)
			if c.AreaKm2 != 0 {
				t.Errorf("%s: no shape but area %v", c.ISO3, c.AreaKm2)
			}
		}
		if c.Point[0] < -180 || c.Point[0] > 180 || c.Point[1] < -90 || c.Point[1] > 90 || (c.Point == orb.Point{}) {
			t.Errorf("%s: bad point %v", c.ISO3, c.Point)
		}
	}
	if len(pointOnly) != 0 {
		t.Errorf("countries without shape: %v", pointOnly)
	}
}

// TestRFC7946 checks every ring: closed, at least 4 positions, in range,
// exterior counter-clockwise, holes clockwise, and no step across the globe
// except along the polar row that closes Antarctica.
func TestRFC7946(t *testing.T) {
	for _, c := range All() {
		for pi, p := range c.Shape {
			for ri, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Errorf("%s polygon %d ring %d: %d positions, closed %v", c.ISO3, pi, ri, len(r), r[0] == r[len(r)-1])
					continue
				}
				want := orb.CCW
				if ri > 0 {
					want = orb.CW
				}
				if o := r.Orientation(); o != want {
					t.Errorf("%s polygon %d ring %d: orientation %v, want %v", c.ISO3, pi, ri, o, want)
				}
				for i, q := range r {
					if q[0] < -180 || q[0] > 180 || q[1] < -90 || q[1] > 90 || math.IsNaN(q[0]) || math.IsNaN(q[1]) {
						t.Fatalf("%s: position %v out of range", c.ISO3, q)
					}
					if i > 0 && math.Abs(q[0]-r[i-1][0]) > 90 && !(q[1] < -89.99 && r[i-1][1] < -89.99) {
						t.Errorf("%s polygon %d ring %d: step %v -> %v crosses the globe", c.ISO3, pi, ri, r[i-1], q)
					}
				}
			}
		}
	}
}

// TestAntimeridian: Fiji and Russia keep land on both sides of 180 as
// separate polygons touching ±180; Antarctica is closed along the pole.
func TestAntimeridian(t *testing.T) {
	for _, code := range []string{"FJI", "RUS"} {
		c, _ := Lookup(code)
		var east, west bool
		for _, p := range c.Shape {
			b := p.Bound()
			if b.Max[0] == 180 {
				east = true
			}
			if b.Min[0] == -180 {
				west = true
			}
		}
		if !east || !west {
			t.Errorf("%s: polygons touching +180 %v and -180 %v; want both", code, east, west)
		}
	}
	// Points on both sides of the line in Taveuni/Vanua Levu (Fiji) and
	// Chukotka (Russia).
	for _, tc := range []struct {
		code string
		p    orb.Point
	}{{"FJI", orb.Point{179.0, -16.5}}, {"FJI", orb.Point{-179.9, -16.8}}, {"FJI", orb.Point{179.95, -16.9}}, {"RUS", orb.Point{-175, 66.5}}, {"RUS", orb.Point{175, 66.5}}, {"ATA", orb.Point{0, -89.5}}, {"ATA", orb.Point{179.9, -85}}} {
		c, _ := Lookup(tc.code)
		if !planar.MultiPolygonContains(c.Shape, tc.p) {
			t.Errorf("%s does not contain %v", tc.code, tc.p)
		}
	}
}

// TestRepresentativePoints: every point is inside its country; for concave
// countries the planar centroid is not, which is why it is not used.
func TestRepresentativePoints(t *testing.T) {
	for _, c := range All() {
		if c.Shape != nil && !planar.MultiPolygonContains(c.Shape, c.Point) {
			t.Errorf("%s: point %v outside the shape", c.ISO3, c.Point)
		}
	}
	outside := 0
	for _, code := range []string{"HRV", "CHL", "NOR", "VNM", "GMB", "IDN", "PHL", "JPN", "GRC"} {
		c, _ := Lookup(code)
		ctr, _ := planar.CentroidArea(c.Shape)
		if !planar.MultiPolygonContains(c.Shape, ctr) {
			outside++
			t.Logf("%s: planar centroid %v is outside; representative point %v", code, ctr, c.Point)
		}
	}
	if outside < 3 {
		t.Errorf("only %d of 9 concave or island countries have the centroid outside; the test lost its point", outside)
	}
	// Hand-checked places: the points fall in the interior, not on a coast.
	for code, box := range map[string]orb.Bound{
		"FRA": {Min: orb.Point{0, 45}, Max: orb.Point{4, 48.5}},
		"USA": {Min: orb.Point{-105, 35}, Max: orb.Point{-90, 42}},
		"ITA": {Min: orb.Point{9, 41}, Max: orb.Point{14, 46}},
		"CHL": {Min: orb.Point{-73, -40}, Max: orb.Point{-68, -20}},
		"KIR": {Min: orb.Point{-158, 1.5}, Max: orb.Point{-157, 2.2}}, // Kiritimati, the largest atoll
	} {
		c, _ := Lookup(code)
		if !box.Contains(c.Point) {
			t.Errorf("%s point %v not in %v", code, c.Point, box)
		}
	}
}

// TestAreasPublished compares with published total areas (which include
// inland water and use finer coastlines, hence 4 %).
func TestAreasPublished(t *testing.T) {
	for code, km2 := range map[string]float64{
		"DEU": 357588, "ESP": 505990, "EGY": 1010408, "BRA": 8515767, "AUS": 7692024,
		"CHN": 9596961, "MEX": 1964375, "ARG": 2780400, "KAZ": 2724900, "DZA": 2381741,
		"MLT": 316, "SGP": 728, "BHR": 786, "GUF": 83534, "XKX": 10887, "RUS": 17098246,
	} {
		c, _ := Lookup(code)
		tol := 0.04
		if km2 < 1000 {
			tol = 0.45 // reclaimed land and 1:50m outlines of tiny islands
		}
		if rel := math.Abs(c.AreaKm2-km2) / km2; rel > tol {
			t.Errorf("%s area %.0f km², published %.0f (off %.1f %%)", code, c.AreaKm2, km2, rel*100)
		}
	}
}

// TestAreasPyproj compares with pyproj's geodesic polygon area on the
// WGS84 ellipsoid for the same rings.
func TestAreasPyproj(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	rings := map[string][][2][]float64{}
	for _, c := range All() {
		if c.Shape == nil || c.ISO3 == "ATA" { // geodesics along the pole row differ from parallels
			continue
		}
		for _, p := range c.Shape {
			for _, r := range p {
				var lon, lat []float64
				for _, q := range r[:len(r)-1] {
					lon = append(lon, q[0])
					lat = append(lat, q[1])
				}
				rings[c.ISO3] = append(rings[c.ISO3], [2][]float64{lon, lat})
			}
		}
	}
	in, _ := json.Marshal(rings)
	path := filepath.Join(t.TempDir(), "rings.json")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys
from pyproj import Geod
g = Geod(ellps="WGS84")
rings = json.load(open(sys.argv[1]))
print(json.dumps({k: sum(g.polygon_area_perimeter(r[0], r[1])[0] for r in v) / 1e6 for k, v in rings.items()}))
`
	out, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("pyproj: %v", err)
	}
	var ref map[string]float64
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	worst, worstCode := 0.0, ""
	for code, want := range ref {
		c, _ := Lookup(code)
		rel := math.Abs(c.AreaKm2-want) / want
		if rel > worst && want > 1000 {
			worst, worstCode = rel, code
		}
		if rel > 0.001 && math.Abs(c.AreaKm2-want) > 0.5 {
			t.Errorf("%s: area %.2f km², pyproj %.2f", code, c.AreaKm2, want)
		}
	}
	t.Logf("%d countries; worst relative difference over 1000 km²: %.2e (%s)", len(ref), worst, worstCode)
	if worst > 1e-3 {
		t.Errorf("worst relative difference %.2e (%s) over 1e-3", worst, worstCode)
	}
}

func TestNeighbours(t *testing.T) {
	cases := map[string][]string{
		"RUS": {"AZE", "BLR", "CHN", "EST", "FIN", "GEO", "KAZ", "LTU", "LVA", "MNG", "NOR", "POL", "PRK", "UKR"},
		"CHN": {"AFG", "BTN", "HKG", "IND", "KAZ", "KGZ", "LAO", "MAC", "MMR", "MNG", "NPL", "PAK", "PRK", "RUS", "TJK", "VNM"},
		"USA": {"CAN", "MEX"},
		"XKX": {"ALB", "MKD", "MNE", "SRB"},
		"SOM": {"DJI", "ETH", "KEN"}, // Djibouti borders the Somaliland part
		"GUF": {"BRA", "SUR"},
		"LSO": {"ZAF"},
		"ESP": {"AND", "FRA", "GIB", "MAR", "PRT"}, // Ceuta, Melilla, Gibraltar: 1:10m overlays
		"GIB": {"ESP"},
	}
	for code, want := range cases {
		if got := Neighbours(code); !reflect.DeepEqual(got, want) {
			t.Errorf("Neighbours(%s) = %v, want %v", code, got, want)
		}
	}
	for _, island := range []string{"AUS", "ISL", "MLT", "SGP", "BHR", "JPN", "NZL", "CYP", "MDG", "FJI"} {
		if n := Neighbours(island); len(n) != 0 {
			t.Errorf("island %s has neighbours %v", island, n)
		}
	}
	for _, c := range All() {
		for _, n := range c.Neighbours {
			if !contains(Neighbours(n), c.ISO3) {
				t.Errorf("%s lists %s but not the reverse", c.ISO3, n)
			}
		}
	}
	if Neighbours("ZZZ") != nil {
		t.Error("unknown code has neighbours")
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// TestRegenerate rebuilds the embedded file from world-atlas and requires
// identical bytes.
func TestRegenerate(t *testing.T) {
	nm := testenv.NodeModules(t, "world-atlas")
	src, err := os.ReadFile(filepath.Join(nm, "world-atlas", "countries-50m.json"))
	if err != nil {
		t.Fatal(err)
	}
	src10, err := os.ReadFile(filepath.Join(nm, "world-atlas", "countries-10m.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := gen.Build(src, src10)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embedded) {
		t.Fatalf("regenerated file (%d bytes) differs from countries.bin.gz (%d bytes): run go generate ./data/country", len(b), len(embedded))
	}
	if len(embedded) > 2<<20 {
		t.Errorf("embedded file is %d bytes, over 2 MB", len(embedded))
	}
}

// TestIndependentReader decodes countries-50m with topojson-client (the
// reference TopoJSON reader) and requires the same positions for countries
// the generator does not cut or split (their 1:50m polygons; added islands
// come after them).
func TestIndependentReader(t *testing.T) {
	nm := testenv.NodeModules(t, "world-atlas", "topojson-client")
	node := testenv.Command(t, "node")
	script := `
const t = require(process.argv[1] + "/world-atlas/countries-50m.json");
const tc = require(process.argv[1] + "/topojson-client");
const out = {};
for (const f of tc.feature(t, t.objects.countries).features) {
  if (["380", "756", "470", "702", "048", "426", "276", "710", "076"].includes(f.id)) out[f.id] = f.geometry;
}
console.log(JSON.stringify(out));`
	out, err := exec.Command(node, "-e", script, nm).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var ref map[string]struct {
		Type        string
		Coordinates json.RawMessage
	}
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	if len(ref) != 9 {
		t.Fatalf("node returned %d features", len(ref))
	}
	for id, g := range ref {
		code, _ := Resolve(id)
		c, _ := Lookup(code)
		var polys [][][][2]float64
		if g.Type == "Polygon" {
			var p [][][2]float64
			json.Unmarshal(g.Coordinates, &p)
			polys = [][][][2]float64{p}
		} else {
			json.Unmarshal(g.Coordinates, &polys)
		}
		want, got := positions(polys), map[[2]float64]int{}
		nrings := 0
		for _, p := range polys {
			nrings += len(p)
		}
		gotRings := 0
		if len(c.Shape) < len(polys) {
			t.Errorf("%s: %d polygons, fewer than topojson-client's %d", code, len(c.Shape), len(polys))
			continue
		}
		// The 1:50m polygons come first; added 1:10m islands follow.
		for _, p := range c.Shape[:len(polys)] {
			gotRings += len(p)
			for _, r := range p {
				for _, q := range r[1:] {
					got[[2]float64{round9(q[0]), round9(q[1])}]++
				}
			}
		}
		if gotRings != nrings || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d rings and %d distinct positions; topojson-client has %d rings and %d", code, gotRings, len(got), nrings, len(want))
		}
	}
}

func positions(polys [][][][2]float64) map[[2]float64]int {
	m := map[[2]float64]int{}
	for _, p := range polys {
		for _, r := range p {
			for _, q := range r[1:] {
				m[[2]float64{round9(q[0]), round9(q[1])}]++
			}
		}
	}
	return m
}

func round9(v float64) float64 { return math.Round(v*1e9) / 1e9 }

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAddedIslands: islands Natural Earth drops at 1:50m come from 1:10m.
func TestAddedIslands(t *testing.T) {
	for _, tc := range []struct {
		code, name string
		p          orb.Point
	}{
		{"ITA", "Lampedusa", orb.Point{12.58, 35.51}},
		{"ITA", "Linosa", orb.Point{12.865, 35.865}},
		{"ITA", "Sicily (1:50m)", orb.Point{14.0, 37.5}},
		{"BVT", "Bouvet Island", orb.Point{3.36, -54.42}},
		{"ESP", "Ceuta", orb.Point{-5.32, 35.89}},
		{"ESP", "Melilla", orb.Point{-2.945, 35.295}},
		{"GIB", "Gibraltar", orb.Point{-5.35, 36.13}},
	} {
		c, _ := Lookup(tc.code)
		if !planar.MultiPolygonContains(c.Shape, tc.p) {
			t.Errorf("%s %v is not in %s", tc.name, tc.p, tc.code)
		}
	}
	for _, code := range []string{"TUV", "UMI", "BVT"} {
		if c, _ := Lookup(code); c.Shape == nil || c.AreaKm2 <= 0 {
			t.Errorf("%s has no shape from 1:10m", code)
		}
	}
	if n, _ := Lookup("NOR"); planar.MultiPolygonContains(n.Shape, orb.Point{3.36, -54.42}) {
		t.Error("Bouvet Island left in Norway")
	}
}

// TestValidGEOS hands every shape, as GeoJSON, to GDAL's GEOS (Debian's
// python3-gdal), an independent judge of OGC validity: no self-intersection,
// holes inside their exterior, polygons of one country not sharing edges.
func TestValidGEOS(t *testing.T) {
	py := testenv.DebianPython(t, "osgeo.ogr")
	fc := geojson.NewFeatureCollection()
	for _, c := range All() {
		if c.Shape == nil {
			continue
		}
		f := geojson.NewFeature(c.Shape)
		f.Properties["iso3"] = c.ISO3
		fc.Append(f)
	}
	b, err := fc.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "countries.geojson")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys
from osgeo import ogr, gdal
gdal.PushErrorHandler("CPLQuietErrorHandler")
fc = json.load(open(sys.argv[1]))
bad = [f["properties"]["iso3"] for f in fc["features"]
       if not ogr.CreateGeometryFromJson(json.dumps(f["geometry"])).IsValid()]
print(json.dumps({"n": len(fc["features"]), "invalid": bad}))
`
	out, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var res struct {
		N       int
		Invalid []string
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.N != 250 || len(res.Invalid) > 0 {
		t.Errorf("GEOS checked %d countries; invalid: %v", res.N, res.Invalid)
	}
}

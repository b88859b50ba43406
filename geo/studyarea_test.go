package geo

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/ingest"
)

func TestDefaultStudyArea(t *testing.T) {
	g := mustGrid(t, 100)
	recs := []ingest.Record{pt(45, 10, 7, day(2020, 1, 1), "", ""), pt(-33.9, 151.2, 3, day(2020, 1, 1), "", "")}
	a, _ := NewAggregate(g, Options{})
	a.Add(recs)
	occ := a.Occupied()
	area := DefaultStudyArea(g, occ, 250)
	// brute force: every cell of the grid whose centre is within 250 km
	// of an occupied cell's centre
	cols, rows := g.Size()
	want := 0
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			p := g.Shape(gridKey(c, r)).Point
			for _, o := range occ {
				if greatCircleKm(p, g.Shape(o).Point) <= 250 {
					want++
					break
				}
			}
		}
	}
	if len(area) != want || want < 10 {
		t.Fatalf("study area %d cells, brute force %d", len(area), want)
	}
	cells, outside := a.CellsIn(area)
	var sum int64
	empty := 0
	for _, c := range cells {
		sum += c.Count
		if c.Count == 0 {
			empty++
			if c.NRecords != 0 || len(c.ByTime) != 0 || math.Abs(c.AreaKm2-1e4) > 1e-6 {
				t.Errorf("empty cell %s: %+v", c.ID, c)
			}
		}
	}
	if sum != 10 || outside != (Tally{}) || empty != len(area)-2 || len(cells) != len(area) {
		t.Errorf("sum %d, outside %+v, %d empty of %d", sum, outside, empty, len(cells))
	}
	if len(DefaultStudyArea(g, occ, 0)) != 2 {
		t.Error("band 0 is not the occupied cells")
	}
}

const boxGeoJSON = `{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,40],[10,40],[10,50],[0,50],[0,40]]]}}]}`

func TestStudyAreaFromGeoJSON(t *testing.T) {
	box := orb.Polygon{{{0, 40}, {10, 40}, {10, 50}, {0, 50}, {0, 40}}}
	for _, sys := range []System{mustGrid(t, 50), NewH3(3)} {
		area, err := StudyAreaFromGeoJSON(sys, "box.geojson", []byte(boxGeoJSON))
		if err != nil {
			t.Fatal(err)
		}
		in := map[Key]bool{}
		for _, k := range area {
			in[k] = true
			if p := sys.Shape(k).Point; !planar.PolygonContains(box, p) {
				t.Errorf("%s: cell %s centre %v outside the box", sys.Spec(), sys.ID(k), p)
			}
		}
		// every cell met on a fine lattice whose centre is inside is there
		for lat := 39.0; lat <= 51; lat += 0.05 {
			for lon := -1.0; lon <= 11; lon += 0.05 {
				k, _ := sys.Locate(lat, lon)
				if planar.PolygonContains(box, sys.Shape(k).Point) && !in[k] {
					t.Fatalf("%s: cell %s has its centre inside but is missing", sys.Spec(), sys.ID(k))
				}
			}
		}
		a, _ := NewAggregate(sys, Options{})
		a.Add([]ingest.Record{pt(45, 5, 2, day(2020, 1, 1), "", ""), pt(0, 0, 3, day(2020, 1, 1), "", "")})
		cells, outside := a.CellsIn(area)
		if outside != (Tally{1, 3}) || len(cells) != len(area) {
			t.Errorf("%s: outside %+v, %d cells", sys.Spec(), outside, len(cells))
		}
		t.Logf("%s: %d cells in the 10°x10° box", sys.Spec(), len(area))
	}
	for _, bad := range []string{`{`, `{"type":"Point","coordinates":[0,0]}`, `{"type":"FeatureCollection","features":[]}`} {
		_, err := StudyAreaFromGeoJSON(NewH3(3), "bad.geojson", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), "bad.geojson") {
			t.Errorf("%s: error %v", bad, err)
		}
	}
}

func TestNeighbourIndex(t *testing.T) {
	g := mustGrid(t, 100)
	a, _ := NewAggregate(g, Options{})
	a.Add([]ingest.Record{pt(10, 10, 1, day(2020, 1, 1), "", "")})
	// the occupied cell and its 8 queen neighbours: 9 cells, the centre
	// has 8 neighbours, corners 3, edges 5
	var area []Key
	area = append(area, a.Occupied()...)
	area = append(area, g.Neighbours(a.Occupied()[0], Queen)...)
	cells, _ := a.CellsIn(area)
	idx := NeighbourIndex(g, cells, Queen)
	hist := map[int]int{}
	for i, n := range idx {
		hist[len(n)]++
		for _, j := range n {
			if !contains(idx[j], i) {
				t.Errorf("neighbours not symmetric: %d-%d", i, j)
			}
		}
	}
	if hist[8] != 1 || hist[5] != 4 || hist[3] != 4 {
		t.Errorf("neighbour counts %v", hist)
	}
}

func contains(a []int, x int) bool {
	for _, v := range a {
		if v == x {
			return true
		}
	}
	return false
}

// H3's fast band union gives what Within gives cell by cell.
func TestH3BandEqualsWithinUnion(t *testing.T) {
	s := NewH3(4)
	var occ []Key
	for _, p := range [][2]float64{{36, 14}, {36.5, 14.5}, {-17.8, 179.9}, {89, 0}} {
		k, _ := s.Locate(p[0], p[1])
		occ = append(occ, k)
	}
	seen := map[Key]bool{}
	for _, k := range occ {
		for _, n := range s.Within(k, 120) {
			seen[n] = true
		}
	}
	got := DefaultStudyArea(s, occ, 120)
	if len(got) != len(seen) || len(got) < 20 {
		t.Fatalf("band %d cells, union of Within %d", len(got), len(seen))
	}
	for _, k := range got {
		if !seen[k] {
			t.Errorf("%s not within 120 km", s.ID(k))
		}
	}
}

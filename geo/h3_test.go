package geo

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/uber/h3-go/v4"

	"github.com/htmap/htmap/ingest"
	"github.com/htmap/htmap/internal/testenv"
)

// readMissingMigrants parses the two Missing Migrants exports directly
// with encoding/csv, independently of package ingest: the point, the dead
// and missing total and the date. Rows with out-of-range coordinates are
// returned without a point.
func readMissingMigrants(t testing.TB, name string) []ingest.Record {
	t.Helper()
	f, err := os.Open(testenv.SharedFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	months := map[string]uint8{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
	var recs []ingest.Record
	for i, row := range rows[1:] {
		r := ingest.Record{Kind: ingest.KindIncidents, Row: int64(i + 1), Line: int64(i + 2)}
		var lat, lon float64
		var err1, err2 error
		if c, ok := col["Location Coordinates"]; ok { // 2021 export
			a, b, _ := strings.Cut(row[c], ",")
			lat, err1 = strconv.ParseFloat(strings.TrimSpace(a), 64)
			lon, err2 = strconv.ParseFloat(strings.TrimSpace(b), 64)
			n, _ := strconv.ParseInt(strings.ReplaceAll(row[col["Total Dead and Missing"]], ",", ""), 10, 64)
			r.Count = n
			y, _ := strconv.Atoi(row[col["Reported Year"]])
			r.Date = ingest.Date{Year: int16(y), Month: months[row[col["Reported Month"]]], Precision: ingest.PrecisionMonth}
			r.Route = row[col["Migration Route"]]
		} else { // Europe file
			lat, err1 = strconv.ParseFloat(row[col["Latitude"]], 64)
			lon, err2 = strconv.ParseFloat(row[col["Longitude"]], 64)
			r.Count, _ = strconv.ParseInt(row[col["No. dead/missing"]], 10, 64)
			var y, m, d int
			fmt.Sscanf(row[col["Incident date"]], "%d-%d-%d", &y, &m, &d)
			r.Date = ingest.Date{Year: int16(y), Month: uint8(m), Day: uint8(d), Precision: ingest.PrecisionDay}
			r.Route = row[col["Route"]]
		}
		if err1 == nil && err2 == nil && math.Abs(lat) <= 90 && math.Abs(lon) <= 180 {
			r.HasPoint, r.Lat, r.Lon = true, lat, lon
		}
		recs = append(recs, r)
	}
	return recs
}

// h3jsCounts runs testdata/h3count.js (h3-js from npm) over the points.
func h3jsCounts(t *testing.T, recs []ingest.Record, res int) map[string]int64 {
	t.Helper()
	nm := testenv.NodeModules(t, "h3-js")
	node := testenv.Command(t, "node")
	var in strings.Builder
	for _, r := range recs {
		if r.HasPoint {
			// %v prints the shortest representation that parses back to
			// the same float64, so both sides see identical coordinates
			fmt.Fprintf(&in, "%v %v %d\n", r.Lat, r.Lon, r.Count)
		}
	}
	cmd := exec.Command(node, filepath.Join("testdata", "h3count.js"), strconv.Itoa(res))
	cmd.Env = append(os.Environ(), "NODE_PATH="+nm)
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("h3count.js: %v", err)
	}
	m := map[string]int64{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		id, n, _ := strings.Cut(line, " ")
		v, err := strconv.ParseInt(n, 10, 64)
		if err != nil {
			t.Fatalf("h3count.js line %q", line)
		}
		m[id] = v
	}
	return m
}

// Done-when of issue 3: H3 counts per cell on the Missing Migrants files
// agree exactly with h3-js, and the cells' total is the records' total.
func TestH3CountsMatchH3js(t *testing.T) {
	for _, file := range []string{"missing_migrants_global_2014_2021.csv", "missing_migrants_europe_med_2014_2026.csv"} {
		recs := readMissingMigrants(t, file)
		var total, withPoint int64
		for _, r := range recs {
			total += r.Count
			if r.HasPoint {
				withPoint += r.Count
			}
		}
		for _, res := range []int{3, 5} {
			a, err := AggregateParallel(NewH3(res), Options{Step: StepYear}, [][]ingest.Record{recs}, 2)
			if err != nil {
				t.Fatal(err)
			}
			want := h3jsCounts(t, recs, res)
			cells := a.Cells()
			if len(cells) != len(want) {
				t.Errorf("%s res %d: %d cells, h3-js %d", file, res, len(cells), len(want))
			}
			var sum int64
			for _, c := range cells {
				sum += c.Count
				if w, ok := want[c.ID]; !ok || w != c.Count {
					t.Errorf("%s res %d: cell %s count %d, h3-js %d (present %v)", file, res, c.ID, c.Count, w, ok)
				}
			}
			if sum != withPoint || a.Placed().Count != withPoint || sum+a.Unplaced().Total().Count != total {
				t.Errorf("%s res %d: cells hold %d, records with points %d, all %d, unplaced %+v", file, res, sum, withPoint, total, a.Unplaced())
			}
			t.Logf("%s h3:%d: %d records, %d cells, total %d (unplaced %d records) = h3-js", file, res, len(recs), len(cells), sum, a.Unplaced().Total().Records)
		}
	}
}

func TestH3System(t *testing.T) {
	s := NewH3(5)
	k, ok := s.Locate(37.7749, -122.4194)
	if !ok {
		t.Fatal("no cell")
	}
	// the centre of H3's documentation example cell 8928308280fffff
	// lies in that cell
	k9, _ := NewH3(9).Locate(37.775938728915946, -122.41795063018799)
	if id := NewH3(9).ID(k9); id != "8928308280fffff" {
		t.Errorf("res 9 cell %s, want 8928308280fffff", id)
	}
	if k2, err := s.Parse(s.ID(k)); err != nil || k2 != k {
		t.Errorf("Parse(ID) = %v, %v", k2, err)
	}
	if _, err := s.Parse(NewH3(9).ID(k9)); err == nil {
		t.Error("res 9 id accepted by h3:5")
	}
	if _, err := s.Parse("zzz"); err == nil {
		t.Error("garbage accepted")
	}
	if n := s.Neighbours(k, Queen); len(n) != 6 {
		t.Errorf("%d neighbours", len(n))
	}
	pents, _ := h3.Pentagons(5)
	if n := s.Neighbours(Key(pents[0]), Queen); len(n) != 5 {
		t.Errorf("pentagon has %d neighbours", len(n))
	}
	sh := s.Shape(k)
	if a, _ := h3.CellAreaKm2(h3.Cell(k)); sh.AreaKm2 != a || a < 100 || a > 400 {
		t.Errorf("area %v", sh.AreaKm2)
	}
	// Within 30 km at res 5 (centres ~17 km apart): the ring k=1 and
	// some of k=2, each checked by distance
	w := s.Within(k, 30)
	for _, n := range w {
		if d := greatCircleKm(sh.Point, s.Shape(n).Point); d > 30 {
			t.Errorf("cell %s at %.1f km", s.ID(n), d)
		}
	}
	disk, _ := h3.GridDisk(h3.Cell(k), 4)
	inside := 0
	for _, c := range disk {
		if greatCircleKm(sh.Point, s.Shape(Key(c)).Point) <= 30 {
			inside++
		}
	}
	if len(w) != inside || len(w) < 7 {
		t.Errorf("Within 30 km: %d cells, brute force %d", len(w), inside)
	}
}

// No H3 cell near 180° or round a pole is drawn across the map, and the
// pieces of a cut cell keep its area.
func TestH3AntimeridianCells(t *testing.T) {
	for _, res := range []int{0, 1, 2, 5} {
		s := NewH3(res)
		var cells []Key
		for lat := -89.5; lat <= 89.5; lat += 0.5 {
			for _, lon := range []float64{179.99, -179.99, 180} {
				k, _ := s.Locate(lat, lon)
				cells = append(cells, k)
			}
		}
		for _, p := range []float64{90, -90} {
			k, _ := s.Locate(p, 0)
			cells = append(cells, k)
		}
		split, polar := 0, 0
		sortKeys(cells)
		for _, k := range dedupeKeys(cells) {
			sh := s.Shape(k)
			lat, _ := h3.CellToLatLng(h3.Cell(k))
			if c, _ := s.Locate(math.Copysign(90, lat.Lat), 0); c == k {
				// a cap round a pole spans every longitude, from -180
				// to 180 and along the pole: that is how GeoJSON draws it
				polar++
				if span := MaxLonSpan(sh.Geometry); span != 360 {
					t.Errorf("h3:%d polar cell %s spans %.1f°", res, sh.ID, span)
				}
			} else if span := MaxLonSpan(sh.Geometry); span > 180 {
				t.Errorf("h3:%d cell %s: a ring spans %.1f° of longitude", res, sh.ID, span)
			}
			checkRFC7946(t, sh.ID, sh.Geometry)
			if mp, ok := sh.Geometry.(orb.MultiPolygon); ok && len(mp) > 1 {
				split++
			}
		}
		if polar != 2 {
			t.Errorf("h3:%d: %d polar cells", res, polar)
		}
		if split == 0 {
			t.Errorf("h3:%d: no cell at 180° was split", res)
		}
	}
}

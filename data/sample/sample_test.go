package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/biter777/countries"
)

func small() Config {
	c := DefaultConfig()
	c.Cases = 5000
	c.Incidents = 800
	return c
}

func TestDeterministic(t *testing.T) {
	a := generate(t, small())
	b := generate(t, small())
	for name, pair := range map[string][2][]byte{
		"cases": {a.cases, b.cases}, "incidents": {a.incidents, b.incidents},
		"flows": {a.flows, b.flows}, "truth": {a.truth, b.truth},
	} {
		if !bytes.Equal(pair[0], pair[1]) {
			t.Errorf("%s differs between two runs with the same config", name)
		}
	}
	cfg := small()
	cfg.Seed = 2
	c := generate(t, cfg)
	if bytes.Equal(a.cases, c.cases) || bytes.Equal(a.incidents, c.incidents) || bytes.Equal(a.flows, c.flows) {
		t.Error("seed 2 gives the same bytes as seed 1")
	}
	// Each file has its own random stream: more incidents leave the
	// cases unchanged.
	cfg = small()
	cfg.Incidents = 1200
	d := generate(t, cfg)
	if !bytes.Equal(a.cases, d.cases) {
		t.Error("changing the number of incidents changed the cases")
	}
	if bytes.Equal(a.incidents, d.incidents) {
		t.Error("changing the number of incidents did not change them")
	}
}

func TestRowCountsMatchTruth(t *testing.T) {
	dir := t.TempDir()
	tr, err := Generate(dir, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) table {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return readTable(t, b)
	}
	cases, inc, flows := read("cases.csv"), read("incidents.csv"), read("flows.csv")
	if got := strings.Join(cases.header, ","); got != "case_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count,notes" {
		t.Errorf("cases header %q", got)
	}
	if int64(len(cases.rows)) != tr.Files.Cases.Rows || len(cases.rows) != 20000 {
		t.Errorf("cases rows %d, truth %d, want 20000", len(cases.rows), tr.Files.Cases.Rows)
	}
	if int64(len(inc.rows)) != tr.Files.Incidents.Rows || len(inc.rows) != 3000 {
		t.Errorf("incident rows %d, truth %d, want 3000", len(inc.rows), tr.Files.Incidents.Rows)
	}
	if int64(len(flows.rows)) != tr.Files.Flows.Rows {
		t.Errorf("flow rows %d, truth %d", len(flows.rows), tr.Files.Flows.Rows)
	}

	// Recount what truth claims about the valid case rows.
	bad := invalidLines(tr)
	var valid, count, coords, domestic, unknown, transit, yearOnly, monthOnly int64
	for i, r := range cases.rows {
		if bad[int64(i)+2] {
			continue
		}
		valid++
		n, _ := strconv.ParseInt(cases.get(r, "count"), 10, 64)
		count += n
		if cases.get(r, "lat") != "" {
			coords++
		}
		switch o := cases.get(r, "citizenship"); {
		case o == "":
			unknown++
		case o == cases.get(r, "exploitation_country"):
			domestic++
		}
		if cases.get(r, "transit") != "" {
			transit++
		}
		switch len(cases.get(r, "date")) {
		case 4:
			yearOnly++
		case 7:
			monthOnly++
		}
	}
	cf := tr.Files.Cases
	got := []int64{valid, count, coords, domestic, unknown, transit, yearOnly, monthOnly}
	want := []int64{cf.ValidRows, cf.Count, cf.CoordinateRows, cf.Domestic, cf.UnknownOrigin, cf.TransitRows, cf.YearOnlyDates, cf.MonthOnlyDates}
	for i, name := range []string{"valid", "count", "coordinates", "domestic", "unknown origin", "transit", "year-only", "month-only"} {
		if got[i] != want[i] {
			t.Errorf("%s: counted %d, truth says %d", name, got[i], want[i])
		}
	}
	// About 30 % geocoded, some of each date precision, some unknowns.
	if share := float64(coords) / float64(valid); share < 0.27 || share > 0.33 {
		t.Errorf("coordinate share %.3f, want about 0.30", share)
	}
	if yearOnly < valid/20 || monthOnly < valid/20 || unknown < valid/50 || domestic < valid/5 {
		t.Errorf("too few mixed rows: year-only %d, month-only %d, unknown %d, domestic %d", yearOnly, monthOnly, unknown, domestic)
	}

	var same, deadMissing int64
	for _, r := range flows.rows {
		if r[0] == r[1] {
			same++
		}
	}
	for _, r := range inc.rows {
		n, err := strconv.ParseInt(inc.get(r, "No. dead/missing"), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		deadMissing += n
	}
	if same != tr.Files.Flows.SameCountry || same == 0 {
		t.Errorf("same-country flow rows %d, truth %d", same, tr.Files.Flows.SameCountry)
	}
	if deadMissing != tr.Files.Incidents.Count {
		t.Errorf("dead and missing %d, truth %d", deadMissing, tr.Files.Incidents.Count)
	}
}

// validateCase is an independent statement of the cases schema (issue
// 2): it returns why a row is invalid, or "".
var dateRe = regexp.MustCompile(`^(\d{4})(-(\d{2})(-(\d{2}))?)?$`)

func validateCase(tb table, r []string) string {
	date := tb.get(r, "date")
	m := dateRe.FindStringSubmatch(date)
	switch {
	case date == "":
		return "missing_date"
	case m == nil:
		return "bad_date"
	}
	if m[3] != "" {
		mo, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 {
			return "bad_date"
		}
		if m[5] != "" {
			y, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[5])
			if d < 1 || d > daysInMonth(y, mo) {
				return "bad_date"
			}
		}
	}
	for _, c := range []string{"citizenship", "exploitation_country"} {
		if v := tb.get(r, c); v != "" && countries.ByName(v) == countries.Unknown {
			return "unknown_country"
		}
	}
	for _, v := range strings.Split(tb.get(r, "transit"), ";") {
		if v != "" && countries.ByName(v) == countries.Unknown {
			return "unknown_country"
		}
	}
	lat, lon := tb.get(r, "lat"), tb.get(r, "lon")
	if (lat == "") != (lon == "") {
		return "half_a_point"
	}
	if lat != "" {
		la, err1 := strconv.ParseFloat(lat, 64)
		lo, err2 := strconv.ParseFloat(lon, 64)
		switch {
		case err1 != nil || err2 != nil:
			return "bad_coordinate"
		case la < -90 || la > 90:
			return "lat_out_of_range"
		case lo < -180 || lo > 180:
			return "lon_out_of_range"
		}
	}
	if lat == "" && tb.get(r, "citizenship") == "" && tb.get(r, "exploitation_country") == "" {
		return "missing_place"
	}
	n, err := strconv.ParseInt(tb.get(r, "count"), 10, 64)
	switch {
	case err != nil:
		return "bad_count"
	case n < 0:
		return "negative_count"
	}
	return ""
}

func TestInvalidRowsAreExactlyTheListedOnes(t *testing.T) {
	g := generate(t, DefaultConfig())
	tb := readTable(t, g.cases)
	want := map[int64]InvalidRow{}
	for _, iv := range g.t.Invalid {
		want[iv.Line] = iv
	}
	if len(want) != len(invalidKinds) {
		t.Fatalf("%d invalid rows listed, want %d", len(want), len(invalidKinds))
	}
	for i, r := range tb.rows {
		line := int64(i) + 2 // header on line 1, no quoted line breaks
		reason := validateCase(tb, r)
		iv, listed := want[line]
		switch {
		case listed && reason != iv.Reason:
			t.Errorf("line %d: listed as %s, the schema check says %q (%v)", line, iv.Reason, reason, r)
		case !listed && reason != "":
			t.Errorf("line %d: invalid (%s) but not listed: %v", line, reason, r)
		case listed && (tb.get(r, "case_id") != iv.CaseID || tb.get(r, iv.Column) != iv.Value):
			t.Errorf("line %d: truth says %s=%q, case %s; row is %v", line, iv.Column, iv.Value, iv.CaseID, r)
		}
	}
	// Every value of the notes column carries the marker, and only there.
	marked := 0
	for _, r := range tb.rows {
		n := tb.get(r, "notes")
		if n != "" {
			if !strings.Contains(n, g.t.NotesMarker) {
				t.Fatalf("note %q lacks the marker", n)
			}
			marked++
		}
		for c, v := range r {
			if tb.header[c] != "notes" && strings.Contains(v, g.t.NotesMarker) {
				t.Fatalf("marker in column %s", tb.header[c])
			}
		}
	}
	if marked < len(tb.rows)/4 {
		t.Errorf("only %d notes", marked)
	}
}

func TestConfig(t *testing.T) {
	for _, c := range []Config{
		{Cases: -1, StartYear: 2015, EndYear: 2024},
		{Cases: 10, Incidents: -1, StartYear: 2015, EndYear: 2024},
		{Cases: 10, StartYear: 2024, EndYear: 2015},
		{Cases: 10, StartYear: 1800, EndYear: 2015},
		{Cases: 10, StartYear: 1950, EndYear: 2020},
	} {
		if _, err := Write(nil, nil, nil, nil, c); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
	// Tiny samples work and keep their exact row counts.
	for _, n := range []int{0, 1, 7, 99, 100} {
		c := DefaultConfig()
		c.Cases, c.Incidents = n, n
		g := generate(t, c)
		if tb := readTable(t, g.cases); len(tb.rows) != n {
			t.Errorf("cases %d: wrote %d rows", n, len(tb.rows))
		}
		if tb := readTable(t, g.incidents); len(tb.rows) != n {
			t.Errorf("incidents %d: wrote %d rows", n, len(tb.rows))
		}
	}
	// Without flows, Generate writes no flows.csv.
	dir := t.TempDir()
	c := small()
	c.Flows = false
	tr, err := Generate(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "flows.csv")); !os.IsNotExist(err) {
		t.Errorf("flows.csv written with Flows false: %v", err)
	}
	if tr.Files.Flows.Rows != 0 {
		t.Errorf("truth counts %d flow rows", tr.Files.Flows.Rows)
	}
	for _, n := range []string{"cases.csv", "incidents.csv", "truth.json"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Error(err)
		}
	}
}

// TestGenerateWritesWhatWriteStreams checks that the files Generate
// writes are byte for byte the streams of Write.
func TestGenerateWritesWhatWriteStreams(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, small()); err != nil {
		t.Fatal(err)
	}
	g := generate(t, small())
	for name, want := range map[string][]byte{"cases.csv": g.cases, "incidents.csv": g.incidents, "flows.csv": g.flows, "truth.json": g.truth} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: Generate wrote %d bytes, Write streamed %d different ones", name, len(got), len(want))
		}
	}
}

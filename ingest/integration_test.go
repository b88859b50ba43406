package ingest

import (
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// The shared public datasets, read as they are. Every expected number
// below was computed independently with a short Python csv script that
// applies the documented rules (see SOURCES.md for the known defects),
// not with this package.

type shared struct {
	recs []Record
	rejs []Reject
	sum  Summary
}

func readShared(t *testing.T, name string, opt Options) shared {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = testNow
	}
	r, err := Open(testenv.SharedFile(t, name), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var s shared
	s.sum, err = r.Read(func(b []Record) error {
		s.recs = append(s.recs, b...)
		return nil
	}, func(j Reject) error {
		s.rejs = append(s.rejs, j)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkBalance(t, s.sum, int64(len(s.recs)), int64(len(s.rejs)))
	return s
}

func (s shared) want(t *testing.T, kind Kind, read, used int64, rejected map[Reason]int64) {
	t.Helper()
	if s.sum.Kind != kind || s.sum.RowsRead != read || s.sum.RowsUsed != used {
		t.Errorf("kind %v read %d used %d; want %v %d %d", s.sum.Kind, s.sum.RowsRead, s.sum.RowsUsed, kind, read, used)
	}
	if len(s.sum.Rejected) != len(rejected) {
		t.Errorf("rejected by reason %v, want %v", s.sum.Rejected, rejected)
	}
	for why, n := range rejected {
		if s.sum.Rejected[why] != n {
			t.Errorf("%s: %d, want %d", why, s.sum.Rejected[why], n)
		}
	}
}

func (s shared) total() (n int64) {
	for _, r := range s.recs {
		n += r.Count
	}
	return n
}

func TestSharedCTDC(t *testing.T) {
	s := readShared(t, "ctdc_global_2020_subset.csv", Options{})
	s.want(t, KindCTDC, 48773, 48773, nil)
	cat := map[string]int{}
	var originUnknown, destUnknown, y2016, female, points int
	for _, r := range s.recs {
		cat[r.Category]++
		if r.Origin == Unknown {
			originUnknown++
		}
		if r.Destination == Unknown {
			destUnknown++
		}
		if r.Date == (Date{2016, 0, 0, PrecisionYear}) {
			y2016++
		}
		if r.Gender == "female" {
			female++
		}
		if r.HasPoint {
			points++
		}
	}
	// Flags (forced, sexual): (1,0) 6818 + (1,empty) 2646; (0,1) 15326 +
	// (empty,1) 405; (1,1) 308; (0,0) 976; (empty,empty) 22294.
	want := map[string]int{CategoryForcedLabour: 9464, CategorySexualExploitation: 15731,
		CategoryBoth: 308, CategoryOther: 976, Unknown: 22294}
	for c, n := range want {
		if cat[c] != n {
			t.Errorf("category %s: %d, want %d", c, cat[c], n)
		}
	}
	// Citizenship: 278 empty + 8858 "0"; exploitation: 10175 empty + 844 "0".
	if originUnknown != 9136 || destUnknown != 11019 {
		t.Errorf("unknown origin %d destination %d, want 9136 11019", originUnknown, destUnknown)
	}
	if y2016 != 16399 || female != 35506 || points != 0 || s.total() != 48773 {
		t.Errorf("2016 %d female %d points %d total %d", y2016, female, points, s.total())
	}
	if r := s.recs[0]; r.Origin != "COL" || r.Destination != Unknown || r.AgeBand != "18--20" || r.Category != CategorySexualExploitation {
		t.Errorf("first row %+v", r)
	}
}

func TestSharedMissingMigrants2014(t *testing.T) {
	s := readShared(t, "missing_migrants_global_2014_2021.csv", Options{})
	s.want(t, KindIncidents, 8810, 8605, map[Reason]int64{SwappedLatLon: 188, RegionMismatch: 17})
	if s.total() != 43266 {
		t.Errorf("dead and missing %d, want 43266", s.total())
	}
	// Line 33: Eagle Pass, Texas, with the minus sign of the longitude lost.
	if j := s.rejs[0]; j.Line != 33 || j.Column != 16 || j.Field != "Location Coordinates" ||
		j.Value != "28.695394910000, 100.509376500000" || j.Reason != RegionMismatch {
		t.Errorf("first reject %+v", j)
	}
	for _, r := range s.recs {
		if r.Date.Precision != PrecisionDay || !r.HasPoint || r.Route == "" {
			t.Fatalf("record %+v", r)
		}
	}
	if r := s.recs[0]; r.CaseID != "58641" || r.Date != (Date{2021, 8, 31, PrecisionDay}) || r.Count != 11 {
		t.Errorf("first record %+v", r)
	}

	fixed := readShared(t, "missing_migrants_global_2014_2021.csv", Options{FixSwapped: true})
	fixed.want(t, KindIncidents, 8810, 8793, map[Reason]int64{RegionMismatch: 17})
	if fixed.sum.Repaired[SwappedLatLon] != 188 || fixed.total() != 43456 {
		t.Errorf("repaired %v total %d, want 188 and 43456", fixed.sum.Repaired, fixed.total())
	}
}

func TestSharedMissingMigrantsEurope(t *testing.T) {
	s := readShared(t, "missing_migrants_europe_med_2014_2026.csv", Options{})
	// No. missing is -2, -13, -1 and -5 in four rows whose totals look fine.
	s.want(t, KindIncidents, 6802, 6798, map[Reason]int64{NegativeCount: 4})
	afg := 0
	for _, r := range s.recs {
		if r.Origin == "AFG" {
			afg++
		}
	}
	if s.total() != 49907 || afg != 307 {
		t.Errorf("total %d AFG %d, want 49907 307", s.total(), afg)
	}
}

func TestSharedMissingMigrants2026(t *testing.T) {
	s := readShared(t, "missing_migrants_global_2026_jan_apr.csv", Options{})
	s.want(t, KindIncidents, 238, 236, map[Reason]int64{NegativeCount: 1, RegionMismatch: 1})
	if s.total() != 1887 {
		t.Errorf("total %d, want 1887", s.total())
	}
	// Line 188 says "South America" but lies in Nangarhar, Afghanistan.
	for _, j := range s.rejs {
		if j.Reason == RegionMismatch && (j.Line != 188 || j.Value != "34.41144108, 70.397975") {
			t.Errorf("reject %+v", j)
		}
	}
}

func TestSharedUNMigrantStock(t *testing.T) {
	s := readShared(t, "un_migrant_stock_2019_long.csv", Options{})
	s.want(t, KindFlows, 76431, 76431, nil)
	var unknownOrig, unknownDest int
	for _, r := range s.recs {
		if r.Origin == Unknown {
			unknownOrig++
		}
		if r.Destination == Unknown {
			unknownDest++
		}
	}
	// Channel Islands has no ISO code: 34 rows as origin, 28 as destination.
	if unknownOrig != 34 || unknownDest != 28 || s.sum.SameCountry != 0 || s.total() != 1357969327 {
		t.Errorf("unknown %d/%d same %d total %d", unknownOrig, unknownDest, s.sum.SameCountry, s.total())
	}
}

func TestSharedUNHCR(t *testing.T) {
	s := readShared(t, "unhcr_refugees_bilateral_1995_2020.csv", Options{})
	// orig XXA (stateless) in 1448 rows and TIB in 80; refugees NA in 6.
	// XXA (stateless, 1,448 rows) is an unknown origin, counted; TIB
	// (Tibetans, 80 rows) has no ISO code and is rejected.
	s.want(t, KindFlows, 93936, 93850, map[Reason]int64{UnknownCountry: 80, MissingCount: 6})
	// The total adds the stateless rows' 581,490 refugees (checked with
	// a plain csv sum) to the 318,792,580 of the rows with two countries.
	if s.sum.SameCountry != 658 || s.total() != 319374070 {
		t.Errorf("same %d total %d, want 658 319374070", s.sum.SameCountry, s.total())
	}
}

// The other shared files are not inputs of any kind and are refused.
func TestSharedNonInputs(t *testing.T) {
	for _, name := range []string{"cfa_index_2024_indicators.csv", "ne_110m_admin0.geojson"} {
		if r, err := Open(testenv.SharedFile(t, name), Options{}); err == nil {
			r.Close()
			t.Errorf("%s opened", name)
		}
	}
}

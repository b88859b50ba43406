package routes

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/biter777/countries"
	"github.com/htmap/htmap/ingest"
	"github.com/htmap/htmap/internal/testenv"
)

// TestCTDCFlowsEqualGroupBy reads the CTDC subset with encoding/csv, counts
// citizenship -> country of exploitation pairs with a plain map on the raw
// alpha-2 columns, and compares with the accumulator fed alpha-3 records.
// The totals are the ones SOURCES.md publishes for the file.
func TestCTDCFlowsEqualGroupBy(t *testing.T) {
	f, err := os.Open(testenv.SharedFile(t, "ctdc_global_2020_subset.csv"))
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
	unknown := func(s string) bool { return s == "" || s == "0" || s == "00" || s == "-99" }
	alpha3 := func(t *testing.T, a2 string) string {
		if unknown(a2) {
			return ingest.Unknown
		}
		c := countries.ByName(a2)
		if c == countries.Unknown {
			t.Fatalf("no alpha-3 for %q", a2)
		}
		return c.Alpha3()
	}

	groupBy := map[[2]string]int64{}
	var excluded, domestic int64
	recs := make([]ingest.Record, 0, len(rows)-1)
	for _, r := range rows[1:] {
		o, d := r[col["citizenship"]], r[col["CountryOfExploitation"]]
		switch {
		case unknown(o) || unknown(d):
			excluded++
		case o == d:
			domestic++
		default:
			groupBy[[2]string{alpha3(t, o), alpha3(t, d)}]++
		}
		recs = append(recs, ingest.Record{Kind: ingest.KindCTDC, Origin: alpha3(t, o), Destination: alpha3(t, d), Count: 1})
	}

	// Two shards merged, as a parallel run would.
	a, b := NewAccumulator(Options{}), NewAccumulator(Options{})
	a.Add(recs[:len(recs)/3])
	b.Add(recs[len(recs)/3:])
	a.Merge(b)
	tab := a.Table()
	if err := tab.Check(); err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]int64{}
	var drawn int64
	for _, fl := range tab.Flows {
		got[[2]string{fl.Origin, fl.Dest}] = fl.Count
		drawn += fl.Count
	}
	if len(got) != len(groupBy) {
		t.Errorf("%d flows, group-by has %d", len(got), len(groupBy))
	}
	for k, v := range groupBy {
		if got[k] != v {
			t.Errorf("%v: %d, group-by %d", k, got[k], v)
		}
	}
	var dom, ex int64
	for _, v := range tab.Domestic {
		dom += v.Count
	}
	for _, v := range tab.Excluded {
		ex += v.Count
	}
	// SOURCES.md: 48,773 rows; 28,768 with both countries known, 9,577 of
	// them transnational; 100 distinct known pairs (78 transnational + 22
	// domestic).
	if tab.Total.Records != 48773 || drawn != 9577 || dom != 28768-9577 || ex != 48773-28768 {
		t.Errorf("total %d drawn %d domestic %d excluded %d", tab.Total.Records, drawn, dom, ex)
	}
	if len(tab.Flows)+len(tab.Domestic) != 100 {
		t.Errorf("%d flows + %d domestic countries, want 100 pairs", len(tab.Flows), len(tab.Domestic))
	}
	if dom != domestic || ex != excluded {
		t.Errorf("domestic %d/%d excluded %d/%d", dom, domestic, ex, excluded)
	}
	if top := tab.Flows[0]; top.Origin != "UKR" || top.Dest != "RUS" || top.Count != 1676 || top.Rank != 1 {
		t.Errorf("top flow %+v, want UKR->RUS 1676", top)
	}
	t.Logf("CTDC: %d flows, %d drawn, %d domestic, excluded %v", len(tab.Flows), drawn, dom, tab.Excluded)
}

package routes

import (
	"math"
	"reflect"
	"testing"

	"github.com/htmap/htmap/ingest"
)

func rec(kind ingest.Kind, o, d string, count int64, year int, cat string, transit ...string) ingest.Record {
	r := ingest.Record{Kind: kind, Origin: o, Destination: d, Count: count, Category: cat, Transit: transit}
	if year != 0 {
		r.Date = ingest.Date{Year: int16(year), Precision: ingest.PrecisionYear}
	}
	return r
}

// handRecords is a small record set whose flows are worked out by hand in
// TestFlowsByHand.
func handRecords() []ingest.Record {
	U := ingest.Unknown
	c := ingest.KindCases
	return []ingest.Record{
		rec(c, "NGA", "ITA", 3, 2018, "sexual"),
		rec(c, "NGA", "ITA", 2, 2019, "labour"),
		rec(c, "NGA", "ESP", 5, 2019, "sexual"),
		rec(c, "NGA", "ITA", 1, 2019, "sexual", "NER", "LBY"), // legs NGA-NER-LBY-ITA
		rec(c, "GHA", "ITA", 4, 2019, "labour", U, "LBY"),     // unknown transit skipped: GHA-LBY-ITA
		rec(c, "GHA", "GHA", 7, 2019, "labour"),               // domestic
		rec(c, "PHL", "PHL", 2, 0, "", "MYS"),                 // domestic with legs PHL-MYS-PHL
		rec(c, U, "ITA", 6, 2019, "sexual"),                   // origin unknown
		rec(c, "", "ITA", 1, 2019, "sexual"),                  // origin missing
		rec(c, "NGA", U, 2, 2019, "sexual"),                   // destination unknown
		rec(c, U, U, 1, 2019, ""),                             // both unknown
		rec(c, "NGA", "ITA", 1, 2019, "sexual", "ITA"),        // transit equal to destination: direct
		rec(ingest.KindFlows, "SYR", "DEU", 100, 2019, ""),
		rec(ingest.KindFlows, "DEU", "DEU", 50, 2019, ""), // set aside
		{Kind: ingest.KindIncidents, Origin: "ERI", Count: 3, HasPoint: true, Lat: 33, Lon: 12},
		{Kind: ingest.KindIncidents, Origin: "ERI", Count: 2, HasPoint: false}, // no cell
	}
}

func cellOf(r *ingest.Record) (string, bool) {
	if !r.HasPoint {
		return "", false
	}
	return "cell-33-12", true
}

func TestFlowsByHand(t *testing.T) {
	a := NewAccumulator(Options{CellOf: cellOf})
	a.Add(handRecords())
	tab := a.Table()
	if err := tab.Check(); err != nil {
		t.Fatal(err)
	}
	// Routes: NGA-ITA 3+2+1+1 = 7 (4 records), NGA-ESP 5, GHA-ITA 4,
	// SYR-DEU 100, ERI-cell 3. Ranked by count.
	want := []Flow{
		{Key: Key{Origin: "SYR", Dest: "DEU"}, Records: 1, Count: 100, Rank: 1, ShareOfOrigin: 1},
		{Key: Key{Origin: "NGA", Dest: "ITA"}, Records: 4, Count: 7, Rank: 2, ShareOfOrigin: 7.0 / 12},
		{Key: Key{Origin: "NGA", Dest: "ESP"}, Records: 1, Count: 5, Rank: 3, ShareOfOrigin: 5.0 / 12},
		{Key: Key{Origin: "GHA", Dest: "ITA"}, Records: 1, Count: 4, Rank: 4, ShareOfOrigin: 1},
		{Key: Key{Origin: "ERI", Dest: "cell-33-12"}, Records: 1, Count: 3, Rank: 5, ShareOfOrigin: 1},
	}
	if !reflect.DeepEqual(tab.Flows, want) {
		t.Errorf("flows\n got %+v\nwant %+v", tab.Flows, want)
	}
	legs := map[[2]string]int64{}
	for _, l := range tab.Legs {
		legs[[2]string{l.Origin, l.Dest}] = l.Count
	}
	wantLegs := map[[2]string]int64{
		{"NGA", "NER"}: 1, {"NER", "LBY"}: 1, {"LBY", "ITA"}: 1 + 4, {"GHA", "LBY"}: 4,
		{"PHL", "MYS"}: 2, {"MYS", "PHL"}: 2,
	}
	if !reflect.DeepEqual(legs, wantLegs) {
		t.Errorf("legs %v, want %v", legs, wantLegs)
	}
	// Hops: legs plus the direct flows of records without known transit.
	hops := map[[2]string]int64{}
	for _, h := range tab.Hops {
		hops[[2]string{h.Origin, h.Dest}] = h.Count
	}
	wantHops := map[[2]string]int64{
		{"NGA", "NER"}: 1, {"NER", "LBY"}: 1, {"LBY", "ITA"}: 5, {"GHA", "LBY"}: 4,
		{"PHL", "MYS"}: 2, {"MYS", "PHL"}: 2,
		{"NGA", "ITA"}: 3 + 2 + 1, {"NGA", "ESP"}: 5, {"SYR", "DEU"}: 100, {"ERI", "cell-33-12"}: 3,
	}
	if !reflect.DeepEqual(hops, wantHops) {
		t.Errorf("hops %v, want %v", hops, wantHops)
	}
	if got := tab.Domestic; !reflect.DeepEqual(got, map[string]Tally{"GHA": {1, 7}, "PHL": {1, 2}}) {
		t.Errorf("domestic %v", got)
	}
	if got := tab.SetAside; !reflect.DeepEqual(got, map[string]Tally{"DEU": {1, 50}}) {
		t.Errorf("set aside %v", got)
	}
	wantEx := map[Exclusion]Tally{
		{EndUnknown, EndKnown}:   {1, 6},
		{EndMissing, EndKnown}:   {1, 1},
		{EndKnown, EndUnknown}:   {1, 2},
		{EndUnknown, EndUnknown}: {1, 1},
		{EndKnown, EndMissing}:   {1, 2}, // the incident without a cell
	}
	if !reflect.DeepEqual(tab.Excluded, wantEx) {
		t.Errorf("excluded %v, want %v", tab.Excluded, wantEx)
	}
	if tab.Total != (Tally{16, 190}) {
		t.Errorf("total %v", tab.Total)
	}
	if !reflect.DeepEqual(tab.Cells, []string{"cell-33-12"}) {
		t.Errorf("cells %v", tab.Cells)
	}
}

func TestFlowsByYearAndCategory(t *testing.T) {
	a := NewAccumulator(Options{ByYear: true, ByCategory: true})
	a.Add(handRecords())
	tab := a.Table()
	if err := tab.Check(); err != nil {
		t.Fatal(err)
	}
	got := map[Key]int64{}
	rank := map[Key]int{}
	share := map[Key]float64{}
	for _, f := range tab.Flows {
		got[f.Key] = f.Count
		rank[f.Key] = f.Rank
		share[f.Key] = f.ShareOfOrigin
	}
	want := map[Key]int64{
		{"NGA", "ITA", 2018, "sexual"}: 3,
		{"NGA", "ITA", 2019, "labour"}: 2,
		{"NGA", "ITA", 2019, "sexual"}: 2,
		{"NGA", "ESP", 2019, "sexual"}: 5,
		{"GHA", "ITA", 2019, "labour"}: 4,
		{"SYR", "DEU", 2019, ""}:       100,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	// Within 2019/sexual NGA sends 5 + 2: ESP ranks first.
	if k := (Key{"NGA", "ESP", 2019, "sexual"}); rank[k] != 1 || math.Abs(share[k]-5.0/7) > 1e-15 {
		t.Errorf("NGA-ESP 2019 sexual: rank %d share %v", rank[k], share[k])
	}
	// 2019/labour: GHA-ITA 4 before NGA-ITA 2.
	if rank[Key{"GHA", "ITA", 2019, "labour"}] != 1 || rank[Key{"NGA", "ITA", 2019, "labour"}] != 2 {
		t.Errorf("labour ranks %v", rank)
	}
}

// TestMergeEqualsSingle: any split of the records into shards, merged,
// gives the same table as one pass.
func TestMergeEqualsSingle(t *testing.T) {
	recs := handRecords()
	opt := Options{ByYear: true, CellOf: cellOf}
	one := NewAccumulator(opt)
	one.Add(recs)
	for split := 0; split <= len(recs); split++ {
		a, b := NewAccumulator(opt), NewAccumulator(opt)
		a.Add(recs[:split])
		b.Add(recs[split:])
		b.Merge(a)
		if !reflect.DeepEqual(b.Table(), one.Table()) {
			t.Fatalf("split at %d differs", split)
		}
	}
}

func TestRankTiesByName(t *testing.T) {
	a := NewAccumulator(Options{})
	a.Add([]ingest.Record{
		rec(ingest.KindCases, "B", "C", 2, 0, ""),
		rec(ingest.KindCases, "A", "D", 2, 0, ""),
		rec(ingest.KindCases, "A", "C", 2, 0, ""),
		rec(ingest.KindCases, "Z", "Y", 3, 0, ""),
	})
	var got []string
	for _, f := range a.Table().Flows {
		got = append(got, f.Origin+f.Dest)
	}
	if want := []string{"ZY", "AC", "AD", "BC"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestAtLeast(t *testing.T) {
	a := NewAccumulator(Options{})
	a.Add(handRecords())
	kept, dropped := AtLeast(a.Table().Flows, 5)
	// Kept: SYR-DEU 100, NGA-ITA 7, NGA-ESP 5; dropped GHA-ITA 4 and
	// ERI-cell (none here: no CellOf, so the incidents are excluded).
	if len(kept) != 3 || kept[2].Dest != "ESP" || kept[2].Rank != 3 || dropped != (Tally{1, 4}) {
		t.Errorf("kept %+v dropped %v", kept, dropped)
	}
}

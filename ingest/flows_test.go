package ingest

import (
	"reflect"
	"testing"
)

func TestFlowsUNHCR(t *testing.T) {
	const in = "year,orig,dest,refugees,asylum_seekers\n" +
		"1995,AFG,AFG,0,0\n" + // same country: used, counted
		"2020,VEN,CYM,NA,NA\n" + // no count
		"1995,,,0,986458\n" + // both ends unknown: used
		"2019,XXA,DEU,120,3\n" + // UNHCR's stateless code: a known status, no country of origin
		"2019,SYR,DEU,532065,54000\n" +
		"2019,SYR,TUR,-1,0\n" +
		"19x9,SYR,TUR,1,0\n"
	recs, rejs, sum := readString(t, in, Options{})
	if sum.Kind != KindFlows {
		t.Fatalf("kind %v", sum.Kind)
	}
	want := []Record{
		{Kind: KindFlows, Row: 1, Line: 2, Date: Date{1995, 0, 0, PrecisionYear}, Origin: "AFG", Destination: "AFG", Count: 0},
		{Kind: KindFlows, Row: 3, Line: 4, Date: Date{1995, 0, 0, PrecisionYear}, Origin: Unknown, Destination: Unknown, Count: 0},
		{Kind: KindFlows, Row: 4, Line: 5, Date: Date{2019, 0, 0, PrecisionYear}, Origin: Unknown, Destination: "DEU", Count: 120},
		{Kind: KindFlows, Row: 5, Line: 6, Date: Date{2019, 0, 0, PrecisionYear}, Origin: "SYR", Destination: "DEU", Count: 532065},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{
		{Line: 3, Column: 4, Field: "refugees", Value: "NA", Reason: MissingCount},
		{Line: 7, Column: 4, Field: "refugees", Value: "-1", Reason: NegativeCount},
		{Line: 8, Column: 1, Field: "year", Value: "19x9", Reason: BadDate},
	})
	if sum.SameCountry != 1 || !reflect.DeepEqual(sum.Dropped, []string{"asylum_seekers"}) {
		t.Errorf("same %d dropped %v", sum.SameCountry, sum.Dropped)
	}

	// --count-column picks asylum seekers instead.
	recs, _, _ = readString(t, in, Options{CountColumn: "asylum_seekers"})
	if recs[1].Count != 986458 {
		t.Errorf("count column: %+v", recs[1])
	}
}

func TestFlowsAliases(t *testing.T) {
	for _, header := range []string{
		"origin,destination,year,count",
		"orig_iso3,dest_iso3,year,stock",
		"origin_iso3,destination_iso3,year,value",
		"Year\tOrig\tDest\tFlow",
	} {
		sep := ","
		if header[4] == '\t' {
			sep = "\t"
		}
		in := header + "\n"
		if sep == "\t" {
			in += "2019\tUkraine\tPoland\t12\n"
		} else {
			in += "UKR,POL,2019,12\n"
		}
		recs, _, sum := readString(t, in, Options{})
		if sum.Kind != KindFlows || len(recs) != 1 || recs[0].Origin != "UKR" || recs[0].Destination != "POL" || recs[0].Count != 12 {
			t.Errorf("%q: kind %v records %+v", header, sum.Kind, recs)
		}
	}
}

func TestFlowsMissingColumns(t *testing.T) {
	_, err := NewReader(stringsReader("orig,dest,year\nAFG,PAK,2019\n"), "f.csv", Options{})
	if err == nil || err.Error() != "f.csv:1: missing required columns for flows: count (count, value, flow, stock, refugees)" {
		t.Errorf("got %v", err)
	}
	_, err = NewReader(stringsReader("orig,dest,year,refugees\n"), "f.csv", Options{CountColumn: "n"})
	if err == nil || err.Error() != `f.csv:1: count column "n" is not in the header` {
		t.Errorf("got %v", err)
	}
	if !reflect.DeepEqual(DetectKind([]string{"orig", "dest", "year"}), KindFlows) {
		t.Error("detect")
	}
}

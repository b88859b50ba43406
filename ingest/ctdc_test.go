package ingest

import (
	"reflect"
	"testing"
)

// The CTDC header as published, with the third-party centroid columns.
const ctdcHeader = "yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation," +
	"nacionalidade_lat,nacionalidade_long,nacionalidade,pais_exploracao_lat,pais_exploracao_long,pais_exploracao," +
	"nacionalidade_alpha3,pais_exploracao_alpha3\n"

func TestCTDC(t *testing.T) {
	in := ctdcHeader +
		"2002,Female,18--20,CO,0.0,1.0,,4.57,-74.29,Colombia,,,,COL,\n" +
		"2016,Male,,NA,1.0,,-99,-22.9,18.4,Namibia,,,,NAM,\n" + // Namibia, not a null
		"2017,Female,9--17,0,1.0,1.0,US,,,,37.0,-95.7,United States,,USA\n" +
		"2018,Male,48+,,0.0,0.0,0,,,,,,,,\n" + // both unknown: counted, not rejected
		"2015,Female,30--38,UA,,,RU,,,,,,,,\n" +
		"2015,Female,30--38,UA,yes,,RU,,,,,,,,\n" + // bad flag
		"2015,Female,30--38,ZZ,,,RU,,,,,,,,\n" // unknown code
	recs, rejs, sum := readString(t, in, Options{})
	if sum.Kind != KindCTDC {
		t.Fatalf("kind %v", sum.Kind)
	}
	want := []Record{
		{Kind: KindCTDC, Row: 1, Line: 2, Date: Date{2002, 0, 0, PrecisionYear}, Origin: "COL", Destination: Unknown,
			Category: CategorySexualExploitation, Gender: "female", AgeBand: "18--20", Count: 1},
		{Kind: KindCTDC, Row: 2, Line: 3, Date: Date{2016, 0, 0, PrecisionYear}, Origin: "NAM", Destination: Unknown,
			Category: CategoryForcedLabour, Gender: "male", AgeBand: Unknown, Count: 1},
		{Kind: KindCTDC, Row: 3, Line: 4, Date: Date{2017, 0, 0, PrecisionYear}, Origin: Unknown, Destination: "USA",
			Category: CategoryBoth, Gender: "female", AgeBand: "9--17", Count: 1},
		{Kind: KindCTDC, Row: 4, Line: 5, Date: Date{2018, 0, 0, PrecisionYear}, Origin: Unknown, Destination: Unknown,
			Category: CategoryOther, Gender: "male", AgeBand: "48+", Count: 1},
		{Kind: KindCTDC, Row: 5, Line: 6, Date: Date{2015, 0, 0, PrecisionYear}, Origin: "UKR", Destination: "RUS",
			Category: Unknown, Gender: "female", AgeBand: "30--38", Count: 1},
	}
	// No record has a point: the centroid columns are not places.
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{
		{Line: 7, Column: 5, Field: "isForcedLabour", Value: "yes", Reason: BadFlag},
		{Line: 8, Column: 4, Field: "citizenship", Value: "ZZ", Reason: UnknownCountry},
	})
	wantDropped := []string{"nacionalidade_lat", "nacionalidade_long", "nacionalidade", "pais_exploracao_lat",
		"pais_exploracao_long", "pais_exploracao", "nacionalidade_alpha3", "pais_exploracao_alpha3"}
	if !reflect.DeepEqual(sum.Dropped, wantDropped) {
		t.Errorf("dropped %v", sum.Dropped)
	}
}

func TestCTDCCategory(t *testing.T) {
	for _, tc := range []struct {
		f, s int
		want string
	}{
		{1, 0, CategoryForcedLabour}, {1, -1, CategoryForcedLabour},
		{0, 1, CategorySexualExploitation}, {-1, 1, CategorySexualExploitation},
		{1, 1, CategoryBoth}, {0, 0, CategoryOther},
		{-1, -1, Unknown}, {0, -1, Unknown}, {-1, 0, Unknown},
	} {
		if got := ctdcCategory(tc.f, tc.s); got != tc.want {
			t.Errorf("ctdcCategory(%d, %d) = %q, want %q", tc.f, tc.s, got, tc.want)
		}
	}
}

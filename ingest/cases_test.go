package ingest

import (
	"reflect"
	"testing"
)

func TestCasesRecords(t *testing.T) {
	const in = "case_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count\n" +
		"A1,2019,PH,USA,,,,forced_labour,Female,18-20,\n" +
		"A2,2019-04,Namibia,NA,-22.56,17.08,ZAF;BWA,,male,,3\n" +
		"A3,2019-04-07,unknown,,,,,sexual_exploitation,,,0\n" + // no country, no point: rejected
		"A4,2020-02-29,840,Kosovo,,,;,,,,1\n"
	recs, rejs, sum := readString(t, in, Options{})
	if sum.Kind != KindCases {
		t.Fatalf("kind %v", sum.Kind)
	}
	want := []Record{
		{Kind: KindCases, Row: 1, Line: 2, CaseID: "A1", Date: Date{2019, 0, 0, PrecisionYear},
			Origin: "PHL", Destination: "USA", Category: "forced_labour", Gender: "female", AgeBand: "18-20", Count: 1},
		{Kind: KindCases, Row: 2, Line: 3, CaseID: "A2", Date: Date{2019, 4, 0, PrecisionMonth},
			Origin: "NAM", Destination: "NAM", Transit: []string{"ZAF", "BWA"}, HasPoint: true, Lat: -22.56, Lon: 17.08,
			Category: Unknown, Gender: "male", AgeBand: Unknown, Count: 3},
		{Kind: KindCases, Row: 4, Line: 5, CaseID: "A4", Date: Date{2020, 2, 29, PrecisionDay},
			Origin: "USA", Destination: "XKX", Category: Unknown, Gender: Unknown, AgeBand: Unknown, Count: 1},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{{Line: 4, Column: 0, Reason: MissingPlace}})
	if sum.RowsRead != 4 || sum.RowsUsed != 3 || sum.Rejected[MissingPlace] != 1 {
		t.Errorf("summary %+v", sum)
	}
}

// Each rule, one row each, with the exact column it must blame.
func TestCasesRejects(t *testing.T) {
	const in = "case_id,date,citizenship,exploitation_country,lat,lon,transit,count\n" +
		"r1,,PH,,,,,\n" + // missing date
		"r2,2019-02-30,PH,,,,,\n" + // not a day
		"r3,1899,PH,,,,,\n" + // before 1900
		"r4,2027,PH,,,,,\n" + // after Now (2026-06-15)
		"r5,2019,Atlantis,,,,,\n" +
		"r6,2019,PH,,91,10,,\n" + // 91 is no latitude but a longitude, 10 a latitude: swapped
		"r7,2019,PH,,95,100,,\n" +
		"r8,2019,PH,,10,190,,\n" +
		"r9,2019,PH,,10,,,\n" + // lat without lon
		"r10,2019,PH,,ten,10,,\n" +
		"r11,2019,PH,,,,UKR;Narnia,\n" +
		"r12,2019,PH,,,,,-2\n" +
		"r13,2019,PH,,,,,2.5\n" +
		"r14,2019,Atlantis,,,,,-2\n" + // two failures: the leftmost column wins
		"r15,2019,PH,,,,,NA\n" // NA count means "not given": default 1
	recs, rejs, sum := readString(t, in, Options{})
	wantRejects(t, rejs, []Reject{
		{Line: 2, Column: 2, Field: "date", Value: "", Reason: MissingDate},
		{Line: 3, Column: 2, Field: "date", Value: "2019-02-30", Reason: BadDate},
		{Line: 4, Column: 2, Field: "date", Value: "1899", Reason: DateOutOfRange},
		{Line: 5, Column: 2, Field: "date", Value: "2027", Reason: DateOutOfRange},
		{Line: 6, Column: 3, Field: "citizenship", Value: "Atlantis", Reason: UnknownCountry},
		{Line: 7, Column: 5, Field: "lat", Value: "91", Reason: SwappedLatLon},
		{Line: 8, Column: 5, Field: "lat", Value: "95", Reason: LatOutOfRange},
		{Line: 9, Column: 6, Field: "lon", Value: "190", Reason: LonOutOfRange},
		{Line: 10, Column: 6, Field: "lon", Value: "", Reason: BadCoordinate},
		{Line: 11, Column: 5, Field: "lat", Value: "ten", Reason: BadCoordinate},
		{Line: 12, Column: 7, Field: "transit", Value: "UKR;Narnia", Reason: UnknownCountry},
		{Line: 13, Column: 8, Field: "count", Value: "-2", Reason: NegativeCount},
		{Line: 14, Column: 8, Field: "count", Value: "2.5", Reason: BadCount},
		{Line: 15, Column: 3, Field: "citizenship", Value: "Atlantis", Reason: UnknownCountry},
	})
	if len(recs) != 1 || recs[0].CaseID != "r15" || recs[0].Count != 1 {
		t.Errorf("used %+v", recs)
	}
	if sum.Rejected[DateOutOfRange] != 2 || sum.Rejected[UnknownCountry] != 3 {
		t.Errorf("by reason %v", sum.Rejected)
	}
}

func TestFixSwapped(t *testing.T) {
	const in = "date,lat,lon\n2019,-114.5,32.4\n2019,32.4,-114.5\n"
	recs, rejs, sum := readString(t, in, Options{FixSwapped: true})
	if len(rejs) != 0 || len(recs) != 2 {
		t.Fatalf("recs %v rejs %v", recs, rejs)
	}
	for _, r := range recs {
		if r.Lat != 32.4 || r.Lon != -114.5 {
			t.Errorf("point %v,%v", r.Lat, r.Lon)
		}
	}
	if sum.Repaired[SwappedLatLon] != 1 || len(sum.Rejected) != 0 {
		t.Errorf("repaired %v rejected %v", sum.Repaired, sum.Rejected)
	}
}

func TestColumnsMapping(t *testing.T) {
	const in = "when;nationality;where;n;notes\n2018-05;Ukraine;Poland;4;call Ivan\n"
	recs, _, sum := readString(t, in, Options{Columns: map[string]string{
		"date": "when", "citizenship": "nationality", "exploitation_country": "where", "count": "n"}})
	if len(recs) != 1 || recs[0].Origin != "UKR" || recs[0].Destination != "POL" || recs[0].Count != 4 ||
		recs[0].Date != (Date{2018, 5, 0, PrecisionMonth}) {
		t.Fatalf("got %+v", recs)
	}
	if !reflect.DeepEqual(sum.Dropped, []string{"notes"}) {
		t.Errorf("dropped %v", sum.Dropped)
	}
}

func TestColumnsMappingErrors(t *testing.T) {
	const in = "when,nationality\n2018,UA\n"
	for _, tc := range []struct {
		cols map[string]string
		want string
	}{
		{map[string]string{"date": "when", "citizenship": "nation"}, "m.csv:1: cannot tell the format from the header (when, nationality); name it with --format cases, ctdc, incidents or flows"},
		{map[string]string{"dte": "when"}, "m.csv:1: cannot tell the format from the header (when, nationality); name it with --format cases, ctdc, incidents or flows"},
	} {
		_, err := NewReader(stringsReader(in), "m.csv", Options{Columns: tc.cols})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: got %v", tc.cols, err)
		}
	}
	_, err := NewReader(stringsReader(in), "m.csv", Options{Kind: KindCases, Columns: map[string]string{"date": "when", "citizenship": "nation"}})
	if err == nil || err.Error() != `m.csv:1: mapping: column "nation" for citizenship is not in the header` {
		t.Errorf("got %v", err)
	}
	_, err = NewReader(stringsReader(in), "m.csv", Options{Kind: KindCases, Columns: map[string]string{"dte": "when"}})
	want := `m.csv:1: mapping names field "dte", which the cases schema does not have (fields: age_band, case_id, citizenship, count, date, exploitation_country, exploitation_type, gender, lat, lon, transit)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v", err)
	}
}

package ingest

import (
	"reflect"
	"testing"
)

// The three Missing Migrants layouts, a few rows each, cut from the
// shared files and edited to hit each rule.
func TestIncidentsOldLayout(t *testing.T) {
	const in = `"Web ID","Region","Reported Date","Reported Year","Reported Month","Number Dead","Minimum Estimated Number of Missing","Total Dead and Missing","Number of Survivors","Cause of Death","Location Description","Location Coordinates","Migration Route","URL"
"58641","North Africa","August 31, 2021","2021","Aug","2","9","11","31","Presumed drowning","Boat found off Fuerteventura","28.025544671905, -13.789267742188","Western Africa / Atlantic route to the Canary Islands","https://archive.ph/x"
"1","Mediterranean","","2016","Mar","","","1,022","","Drowning","Off Libya","33.1, 13.2","Central Mediterranean",""
"2","US-Mexico Border","","2020","","1","","","","","Pima County","-114.579342, 32.468858","",""
"3","North America","May 1, 2019","2019","May","1","","1","","","Eagle Pass, Texas","28.695394910000, 100.509376500000","",""
"4","Europe","May 2, 2019","2019","May","","","","","","nowhere","45, 10","",""
"5","Europe","May 2, 2019","2019","May","1","","1","","","nowhere","45; 10","",""
"6","Europe","May 2, 2019","2019","May","1","","1","","","nowhere","","",""
"7","Europe","Maj 2, 2019","2019","May","1","","1","","","nowhere","45, 10","",""
`
	recs, rejs, sum := readString(t, in, Options{})
	if sum.Kind != KindIncidents {
		t.Fatalf("kind %v", sum.Kind)
	}
	want := []Record{
		{Kind: KindIncidents, Row: 1, Line: 2, CaseID: "58641", Date: Date{2021, 8, 31, PrecisionDay},
			HasPoint: true, Lat: 28.025544671905, Lon: -13.789267742188,
			Route: "Western Africa / Atlantic route to the Canary Islands", Count: 11},
		{Kind: KindIncidents, Row: 2, Line: 3, CaseID: "1", Date: Date{2016, 3, 0, PrecisionMonth},
			HasPoint: true, Lat: 33.1, Lon: 13.2, Route: "Central Mediterranean", Count: 1022},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{
		{Line: 4, Column: 12, Field: "Location Coordinates", Value: "-114.579342, 32.468858", Reason: SwappedLatLon},
		{Line: 5, Column: 12, Field: "Location Coordinates", Value: "28.695394910000, 100.509376500000", Reason: RegionMismatch},
		{Line: 6, Column: 8, Field: "Total Dead and Missing", Value: "", Reason: MissingCount},
		{Line: 7, Column: 12, Field: "Location Coordinates", Value: "45; 10", Reason: BadCoordinate},
		{Line: 8, Column: 12, Field: "Location Coordinates", Value: "", Reason: MissingPlace},
		{Line: 9, Column: 3, Field: "Reported Date", Value: "Maj 2, 2019", Reason: BadDate},
	})
	if !reflect.DeepEqual(sum.Dropped, []string{"Number of Survivors", "Cause of Death", "Location Description", "URL"}) {
		t.Errorf("dropped %v", sum.Dropped)
	}

	// With --fix-swapped the US-Mexico row is used, at year precision
	// (empty date, empty month), and counted as repaired.
	recs, _, sum = readString(t, in, Options{FixSwapped: true})
	if sum.Repaired[SwappedLatLon] != 1 || len(recs) != 3 {
		t.Fatalf("repaired %v, %d records", sum.Repaired, len(recs))
	}
	if r := recs[2]; r.Lat != 32.468858 || r.Lon != -114.579342 || r.Date != (Date{2020, 0, 0, PrecisionYear}) || r.Count != 1 || r.Route != Unknown {
		t.Errorf("repaired record %+v", r)
	}
}

func TestIncidentsEuropeLayout(t *testing.T) {
	const in = "Main ID,Incident ID,Incident Type,Region of Incident,Incident date,Incident year,Incident month,No. dead,No. missing,No. dead/missing,No. survivors,Country of Origin,Route,Location of death,Latitude,Longitude\n" +
		"2014.MMP00007,2014.MMP00007,Incident,Mediterranean,2014-01-19,2014,1,12,0,12,NA,Afghanistan,Eastern Mediterranean,Waters near Greece,37.2832,27\n" +
		"x,2014.MMP00008,Incident,Mediterranean,2014-01-20,2014,1,69,-13,56,NA,\"Eritrea,Ethiopia,Sudan,Unknown\",Central Mediterranean,Off Libya,33,13\n" +
		"x,2014.MMP00009,Incident,\"Mediterranean,Northern Africa\",,2015,2,NA,NA,3,NA,Iran (Islamic Republic of),,Off Libya,33,-5\n" +
		"x,2014.MMP00010,Incident,Southern Asia,2016-05-05,2016,5,1,0,1,NA,Mixed,,Somewhere,30,-60\n"
	recs, rejs, _ := readString(t, in, Options{})
	want := []Record{
		{Kind: KindIncidents, Row: 1, Line: 2, CaseID: "2014.MMP00007", Date: Date{2014, 1, 19, PrecisionDay},
			HasPoint: true, Lat: 37.2832, Lon: 27, Origin: "AFG", Route: "Eastern Mediterranean", Count: 12},
		{Kind: KindIncidents, Row: 3, Line: 4, CaseID: "2014.MMP00009", Date: Date{2015, 2, 0, PrecisionMonth},
			HasPoint: true, Lat: 33, Lon: -5, Origin: "IRN", Route: Unknown, Count: 3},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{
		{Line: 3, Column: 9, Field: "No. missing", Value: "-13", Reason: NegativeCount},
		{Line: 5, Column: 16, Field: "Longitude", Value: "-60", Reason: RegionMismatch},
	})
}

func TestIncidentsCurrentLayout(t *testing.T) {
	// No newline after the last record, as in the shared 2026 file.
	const in = `"Main ID","Incident ID",Region,"Incident Date",Year,"Reported Month","Number Dead","Minimum Estimated Number of Missing","Number of Survivors","Country of Origin","Location of death",Coordinates,"Migration route",URL
2026.MMP0001,2026.MMP0001,"Western Asia","Thu, 01/01/2026 - 12:00",2026,January,1,0,,Iraq,"In the snow","37.34265178, 42.99259985","Türkiye-Europe land route",https://perma.cc/x
2026.MMP0002,2026.MMP0002,Mediterranean,"Fri, 01/02/2026 - 12:00",2026,January,,4,,Unknown,"Off Ceuta","35.68266281, -5.31212994","Western Mediterranean",https://perma.cc/y
2026.MMP0003,2026.MMP0003,Mediterranean,"Sat, 07/04/2026 - 12:00",2026,July,1,,,Unknown,"Off Ceuta","35.68266281, -5.31212994","Western Mediterranean",https://perma.cc/y`
	recs, rejs, _ := readString(t, in, Options{}) // Now is 2026-06-15
	want := []Record{
		{Kind: KindIncidents, Row: 1, Line: 2, CaseID: "2026.MMP0001", Date: Date{2026, 1, 1, PrecisionDay},
			HasPoint: true, Lat: 37.34265178, Lon: 42.99259985, Origin: "IRQ", Route: "Türkiye-Europe land route", Count: 1},
		{Kind: KindIncidents, Row: 2, Line: 3, CaseID: "2026.MMP0002", Date: Date{2026, 1, 2, PrecisionDay},
			HasPoint: true, Lat: 35.68266281, Lon: -5.31212994, Origin: Unknown, Route: "Western Mediterranean", Count: 4},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v\nwant %+v", recs, want)
	}
	wantRejects(t, rejs, []Reject{
		{Line: 4, Column: 4, Field: "Incident Date", Value: "Sat, 07/04/2026 - 12:00", Reason: DateOutOfRange},
	})
}

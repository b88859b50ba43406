package routes

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"

	"github.com/paulmach/orb"
)

func TestFlowmapTables(t *testing.T) {
	places := []Place{
		{ID: "NGA", Name: "Nigeria", Point: orb.Point{8.1, 9.6}},
		{ID: "ITA", Name: "Italy", Point: orb.Point{12.6, 42.5}},
		{ID: "8a2a1072b59ffff", Kind: PlaceCell, Point: orb.Point{-73.98, 40.75}},
	}
	flows := []Flow{
		{Key: Key{Origin: "NGA", Dest: "ITA", Year: 2019, Category: "sexual"}, Count: 3},
		{Key: Key{Origin: "NGA", Dest: "ITA", Year: 2019, Category: "labour"}, Count: 2},
		{Key: Key{Origin: "NGA", Dest: "ITA", Year: 2018}, Count: 7},
		{Key: Key{Origin: "NGA", Dest: "8a2a1072b59ffff", Year: 2019}, Count: 1},
		{Key: Key{Origin: "NGA", Dest: "XXX", Year: 2019}, Count: 4}, // not placed
	}
	locs, rows := FlowmapTables(flows, MapLocator(places))
	var lb, fb bytes.Buffer
	if err := WriteFlowmap(&lb, &fb, locs, rows); err != nil {
		t.Fatal(err)
	}
	lrecs, err := csv.NewReader(&lb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	frecs, err := csv.NewReader(&fb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantL := [][]string{
		{"id", "name", "lat", "lon"},
		{"8a2a1072b59ffff", "8a2a1072b59ffff", "40.750000", "-73.980000"},
		{"ITA", "Italy", "42.500000", "12.600000"},
		{"NGA", "Nigeria", "9.600000", "8.100000"},
	}
	wantF := [][]string{
		{"origin", "dest", "count", "time"},
		{"NGA", "ITA", "7", "2018-01-01"},
		{"NGA", "ITA", "5", "2019-01-01"},
		{"NGA", "8a2a1072b59ffff", "1", "2019-01-01"},
	}
	if !reflect.DeepEqual(lrecs, wantL) {
		t.Errorf("locations %v", lrecs)
	}
	if !reflect.DeepEqual(frecs, wantF) {
		t.Errorf("flows %v", frecs)
	}
	// Without years there is no time column.
	_, rows = FlowmapTables([]Flow{{Key: Key{Origin: "NGA", Dest: "ITA"}, Count: 1}}, MapLocator(places))
	fb.Reset()
	lb.Reset()
	if err := WriteFlowmap(&lb, &fb, nil, rows); err != nil {
		t.Fatal(err)
	}
	if got := fb.String(); got != "origin,dest,count\nNGA,ITA,1\n" {
		t.Errorf("untimed flows %q", got)
	}
}

func TestDraw(t *testing.T) {
	loc := MapLocator([]Place{{ID: "JPN", Point: japan}, {ID: "USA", Point: usa}, {ID: "ITA", Point: orb.Point{12.6, 42.5}}})
	flows := []Flow{
		{Key: Key{Origin: "JPN", Dest: "USA"}, Count: 5},
		{Key: Key{Origin: "ITA", Dest: "USA"}, Count: 2},
		{Key: Key{Origin: "ITA", Dest: "ZZZ"}, Count: 1},
	}
	routes, undrawn := Draw(flows, loc, 0)
	if len(routes) != 2 || len(undrawn) != 1 || undrawn[0].Dest != "ZZZ" {
		t.Fatalf("routes %d undrawn %v", len(routes), undrawn)
	}
	if _, ok := routes[0].Geometry.(orb.MultiLineString); !ok {
		t.Errorf("JPN-USA is %T, want a split MultiLineString", routes[0].Geometry)
	}
	if _, ok := routes[1].Geometry.(orb.LineString); !ok || routes[1].Count != 2 {
		t.Errorf("ITA-USA %T %+v", routes[1].Geometry, routes[1].Flow)
	}
}

package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func testLayer() *Layer {
	// A clockwise exterior ring with a counter-clockwise hole: the writer
	// must rewind both.
	cw := orb.Ring{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}}
	hole := orb.Ring{{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}}
	return &Layer{
		Name:    "cells",
		Columns: []Column{{"cell_id", String}, {"count", Int}, {"z", Float}, {"hot", Bool}},
		Features: Slice([]Feature{
			{Geometry: orb.Polygon{cw, hole}, Values: []any{"a", int64(12), 1.5, true}},
			{Geometry: orb.Point{-179.12345678, -0.0000001}, Values: []any{"b\"q", nil, nil, false}},
		}),
	}
}

func TestWriteGeoJSONRFC7946(t *testing.T) {
	var buf bytes.Buffer
	st, err := WriteGeoJSON(&buf, testLayer(), GeoJSONOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Features != 2 {
		t.Fatalf("features = %d, want 2", st.Features)
	}
	fc, err := geojson.UnmarshalFeatureCollection(buf.Bytes())
	if err != nil {
		t.Fatalf("not valid GeoJSON: %v\n%s", err, buf.String())
	}
	poly := fc.Features[0].Geometry.(orb.Polygon)
	if o := poly[0].Orientation(); o != orb.CCW {
		t.Errorf("exterior orientation %v, want CCW", o)
	}
	if o := poly[1].Orientation(); o != orb.CW {
		t.Errorf("hole orientation %v, want CW", o)
	}
	pt := fc.Features[1].Geometry.(orb.Point)
	if pt != (orb.Point{-179.123457, 0}) {
		t.Errorf("point rounded to %v, want [-179.123457 0]", pt)
	}
	if strings.Contains(buf.String(), "-0,") || strings.Contains(buf.String(), `"crs"`) {
		t.Errorf("negative zero or crs member in output:\n%s", buf.String())
	}
	want := []float64{-179.123457, 0, 10, 10}
	if len(fc.BBox) != 4 {
		t.Fatalf("bbox = %v", fc.BBox)
	}
	for i := range want {
		if fc.BBox[i] != want[i] {
			t.Errorf("bbox = %v, want %v", fc.BBox, want)
			break
		}
	}
	// Every feature has every property, null where unknown.
	var raw struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	p := raw.Features[1].Properties
	if len(p) != 4 || p["count"] != nil || p["cell_id"] != "b\"q" || p["hot"] != false {
		t.Errorf("properties of feature 2 = %v", p)
	}
	if raw.Features[0].Properties["count"] != 12.0 {
		t.Errorf("count = %v", raw.Features[0].Properties["count"])
	}
}

func TestWriteGeoJSONSeq(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteGeoJSON(&buf, testLayer(), GeoJSONOptions{Seq: true}); err != nil {
		t.Fatal(err)
	}
	recs := strings.Split(buf.String(), "\x1e")
	if recs[0] != "" || len(recs) != 3 {
		t.Fatalf("want 2 RS-prefixed records, got %q", buf.String())
	}
	for _, r := range recs[1:] {
		if !strings.HasSuffix(r, "\n") {
			t.Errorf("record not newline-terminated: %q", r)
		}
		if _, err := geojson.UnmarshalFeature([]byte(r)); err != nil {
			t.Errorf("record is not a feature: %v", err)
		}
	}
}

func TestWriteGeoJSONRejectsBadInput(t *testing.T) {
	bad := &Layer{Name: "x", Columns: []Column{{"n", Int}}, Features: Slice([]Feature{
		{Geometry: orb.Ring{{0, 0}, {1, 1}}, Values: []any{int64(1)}},
	})}
	if _, err := WriteGeoJSON(&bytes.Buffer{}, bad, GeoJSONOptions{}); err == nil {
		t.Error("a two-point ring was written")
	}
	typed := &Layer{Name: "x", Columns: []Column{{"n", Int}}, Features: Slice([]Feature{{Values: []any{1.5}}})}
	if err := typed.Check(); err == nil {
		t.Error("Check accepted a float in an integer column")
	}
}

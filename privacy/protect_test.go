package privacy_test

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

func cellsLayer(counts ...int64) *export.Layer {
	var rs [][]any
	for i, c := range counts {
		rs = append(rs, []any{string(rune('a' + i)), c, c, "2020-01", 1.23456, 0.012345})
	}
	return layer("cells", []export.Column{col("cell_id", export.String), col("count", export.Int), col("n_records", export.Int),
		col("first_date", export.String), col("gi_z", export.Float), col("gi_p", export.Float)}, rs...)
}

// Small counts and zeros are withheld with a flag, values at or above k
// are published, and public tables get the same columns, all false.
func TestSmallCountsWithheld(t *testing.T) {
	tables := []privacy.Table{
		{Layer: cellsLayer(0, 1, 9, 10, 25), Output: "ctdc/cells", Sensitive: true, Counts: []string{"count", "n_records"},
			Attached: []string{"first_date"}, ZColumns: []string{"gi_z"}, PColumns: []string{"gi_p"}},
		{Layer: cellsLayer(0, 1, 9), Output: "incidents/cells", Counts: []string{"count", "n_records"}, ZColumns: []string{"gi_z"}},
	}
	out, rep := protect(t, tables, nil, privacy.Policy{})
	wantCols := []string{"cell_id", "count", "count_suppressed", "n_records", "n_records_suppressed", "first_date", "gi_z", "gi_p"}
	for _, l := range out {
		var got []string
		for _, c := range l.Columns {
			got = append(got, c.Name)
		}
		if !reflect.DeepEqual(got, wantCols) {
			t.Errorf("%s columns %v, want %v", l.Name, got, wantCols)
		}
	}
	want := [][]any{
		{"a", nil, true, nil, true, nil, 1.2, 0.012},
		{"b", nil, true, nil, true, nil, 1.2, 0.012},
		{"c", nil, true, nil, true, nil, 1.2, 0.012},
		{"d", int64(10), false, int64(10), false, "2020-01", 1.2, 0.012},
		{"e", int64(25), false, int64(25), false, "2020-01", 1.2, 0.012},
	}
	for i, r := range rows(out[0]) {
		for j, c := range wantCols {
			if r[c] != want[i][j] {
				t.Errorf("sensitive feature %d %s = %v, want %v", i, c, r[c], want[i][j])
			}
		}
	}
	for i, r := range rows(out[1]) { // public: unchanged, full precision
		if r["count"] != []int64{0, 1, 9}[i] || r["count_suppressed"] != false || r["gi_z"] != 1.23456 {
			t.Errorf("public feature %d changed: %v", i, r)
		}
	}
	if rep.Suppressed["ctdc/cells"] != 6 || rep.Suppressed["incidents/cells"] != 0 {
		t.Errorf("suppressed %v, want ctdc/cells 6", rep.Suppressed)
	}
	if !reflect.DeepEqual(rep.Sensitive, []string{"ctdc/cells"}) || rep.K != 10 {
		t.Errorf("report sensitive %v k %d", rep.Sensitive, rep.K)
	}
	// The input layer is untouched.
	if r := rows(tables[0].Layer); r[1]["count"] != int64(1) || len(r[1]) != 6 {
		t.Errorf("input layer modified: %v", r[1])
	}
}

// Rounding down to a multiple of R; a value whose rounded count falls
// below k is withheld.
func TestRounding(t *testing.T) {
	out, _ := protect(t, []privacy.Table{{Layer: cellsLayer(9, 10, 12, 14, 15, 99), Sensitive: true, Counts: []string{"count"}}}, nil,
		privacy.Policy{K: 10, Round: 5})
	want := []any{nil, int64(10), int64(10), int64(10), int64(15), int64(95)}
	for i, r := range rows(out[0]) {
		if r["count"] != want[i] {
			t.Errorf("count %d published %v, want %v", i, r["count"], want[i])
		}
	}
	out, _ = protect(t, []privacy.Table{{Layer: cellsLayer(12, 30), Sensitive: true, Counts: []string{"count"}}}, nil,
		privacy.Policy{K: 10, Round: 25})
	if r := rows(out[0]); r[0]["count"] != nil || r[1]["count"] != int64(25) {
		t.Errorf("round 25: %v %v, want null 25", r[0]["count"], r[1]["count"])
	}
	checkNoSmall(t, out, 10)
}

func routesLayer() *export.Layer {
	mk := func(o, d string, n int64) export.Feature {
		return export.Feature{Geometry: orb.LineString{{float64(len(o)), 1}, {2, 2}}, Values: []any{o, d, n, int64(0)}}
	}
	fs := []export.Feature{
		mk("PHL", "USA", 50), mk("PHL", "SAU", 3), mk("PHL", "JPN", 4),
		mk("MEX", "USA", 40), mk("MEX", "CAN", 5), mk("MEX", "ESP", 8), mk("MEX", "GTM", 12),
		mk("UKR", "POL", 2),
	}
	return &export.Layer{Name: "routes", Columns: []export.Column{col("origin", export.String), col("destination", export.String),
		col("count", export.Int), col("rank", export.Int)}, Features: export.Slice(fs)}
}

// Pairs below k are pooled into origin -> other; a pool below k is
// withheld; no named small pair survives.
func TestPairsPooled(t *testing.T) {
	out, rep := protect(t, []privacy.Table{{Layer: routesLayer(), Sensitive: true, Counts: []string{"count"}, Pairs: true}}, nil, privacy.Policy{})
	checkNoSmall(t, out, 10)
	got := map[string]any{}
	for _, r := range rows(out[0]) {
		got[r["origin"].(string)+">"+r["destination"].(string)] = r["count"]
	}
	want := map[string]any{
		"PHL>USA": int64(50), "PHL>other": nil, // 3 + 4 = 7 < 10: withheld
		"MEX>USA": int64(40), "MEX>GTM": int64(12), "MEX>other": int64(13), // 5 + 8
		"UKR>other": nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("published pairs %v, want %v", got, want)
	}
	if rep.Pooled["routes"] != 5 || rep.Suppressed["routes"] != 2 {
		t.Errorf("pooled %v suppressed %v, want 5 and 2", rep.Pooled, rep.Suppressed)
	}
	// The pool is drawn at its origin.
	var pools []orb.Geometry
	out[0].Features(func(f export.Feature) bool {
		if f.Values[1] == "other" {
			pools = append(pools, f.Geometry)
		}
		return true
	})
	if len(pools) != 3 || pools[0] != (orb.Point{3, 1}) {
		t.Errorf("pool geometries %v", pools)
	}
}

// With noise: counts stay non-negative integers, the same key gives the
// same bytes, another key other bytes, and the key is nowhere in the
// output; z and p of sensitive tables are withheld.
func TestNoiseKeyed(t *testing.T) {
	key := []byte("k3y-0f-the-run-7f1c9e")
	run := func(key []byte) ([]byte, privacy.Report) {
		var counts []int64
		for i := range 200 {
			counts = append(counts, int64(i%40))
		}
		tables := []privacy.Table{
			{Layer: cellsLayer(counts...), Output: "cases/cells", Source: "cases", Sensitive: true, Counts: []string{"count", "n_records"},
				ZColumns: []string{"gi_z"}, PColumns: []string{"gi_p"}},
			{Layer: routesLayer(), Output: "cases/routes", Source: "cases", Sensitive: true, Counts: []string{"count"}, Pairs: true},
		}
		out, rep := protect(t, tables, nil, privacy.Policy{Epsilon: 1, Key: key})
		checkNoSmall(t, out, 10)
		for _, l := range out {
			for _, r := range rows(l) {
				if r["gi_z"] != nil || r["gi_p"] != nil {
					t.Fatalf("z/p published under noise: %v", r)
				}
				if c, ok := r["count"].(int64); ok && c < 0 {
					t.Fatalf("negative count %d", c)
				}
			}
		}
		return geojson(t, out), rep
	}
	a, rep := run(key)
	b, _ := run(append([]byte(nil), key...))
	c, _ := run([]byte("another-key"))
	if !bytes.Equal(a, b) {
		t.Error("same key, different bytes")
	}
	if bytes.Equal(a, c) {
		t.Error("another key, same bytes")
	}
	for _, form := range []string{string(key), hex.EncodeToString(key), "k3y"} {
		if bytes.Contains(a, []byte(form)) {
			t.Errorf("key form %q found in output", form)
		}
	}
	// 3 count columns (cells count, n_records, routes count) share 1.
	if e := rep.EpsilonPerCount["cases"]; e < 0.333 || e > 0.334 {
		t.Errorf("epsilon per count %v, want 1/3", e)
	}
	// The noise changes published values: the published counts differ
	// from the true ones somewhere, yet track them.
	out, _, _ := privacy.Protect([]privacy.Table{{Layer: cellsLayer(500, 500, 500, 500), Sensitive: true, Counts: []string{"count"}}}, nil,
		privacy.Policy{Epsilon: 1, Key: key})
	diff := 0
	for _, r := range rows(out[0]) {
		v := r["count"].(int64)
		if v != 500 {
			diff++
		}
		if v < 480 || v > 520 {
			t.Errorf("noisy 500 published as %d", v)
		}
	}
	if diff == 0 {
		t.Error("no noise added")
	}
}

// Off publishes the true values, adds a privacy_off column to every
// layer and returns the warning.
func TestOffMarks(t *testing.T) {
	tables := []privacy.Table{
		{Layer: cellsLayer(3, 12), Sensitive: true, Counts: []string{"count"}, ZColumns: []string{"gi_z"}},
		{Layer: routesLayer(), Output: "flows/routes", Counts: []string{"count"}, Pairs: true},
	}
	out, rep := protect(t, tables, nil, privacy.Policy{Off: true})
	for _, l := range out {
		last := l.Columns[len(l.Columns)-1]
		if last.Name != privacy.OffColumn || last.Type != export.Bool {
			t.Errorf("%s: last column %v, want privacy_off", l.Name, last)
		}
		for _, r := range rows(l) {
			if r[privacy.OffColumn] != true || r["count_suppressed"] != false {
				t.Errorf("%s: %v", l.Name, r)
			}
		}
	}
	if r := rows(out[0]); r[0]["count"] != int64(3) || r[0]["gi_z"] != 1.23456 {
		t.Errorf("off changed values: %v", r[0])
	}
	if len(rows(out[1])) != 8 {
		t.Error("off pooled pairs")
	}
	if !rep.Off || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "privacy off") {
		t.Errorf("report %+v", rep)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		tables []privacy.Table
		p      privacy.Policy
		want   string
	}{
		{[]privacy.Table{{Layer: cellsLayer(1), Counts: []string{"cnt"}}}, privacy.Policy{}, `layer cells has no column "cnt"`},
		{[]privacy.Table{{Layer: cellsLayer(1), Counts: []string{"cell_id"}}}, privacy.Policy{}, `column "cell_id" is string, not integer`},
		{[]privacy.Table{{Layer: cellsLayer(1), Counts: []string{"count"}}}, privacy.Policy{Epsilon: 1}, "needs a --dp-key"},
		{[]privacy.Table{{Layer: cellsLayer(1), Counts: []string{"count"}}}, privacy.Policy{K: -1}, "k must be at least 1"},
		{[]privacy.Table{{Layer: cellsLayer(1), Counts: []string{"count"}, Gi: &privacy.GiStar{Z: "gi_z", P: "gi_p", Count: "count"}}}, privacy.Policy{}, "1 features but 0 neighbour lists"},
		{[]privacy.Table{{Layer: cellsLayer(1)}, {Layer: cellsLayer(2)}}, privacy.Policy{}, `two tables named "cells"`},
		{[]privacy.Table{{Layer: layer("cells", []export.Column{col("count", export.Int)}, []any{int64(-2)}), Counts: []string{"count"}}}, privacy.Policy{}, "feature 0 column count: negative count -2"},
	}
	for _, c := range cases {
		_, _, err := privacy.Protect(c.tables, nil, c.p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
	tables := []privacy.Table{{Layer: cellsLayer(1), Sensitive: true, Counts: []string{"count"}}}
	_, _, err := privacy.Protect(tables, []privacy.Sum{{Total: privacy.Ref{Table: 0, Feature: 3, Column: "count"}}}, privacy.Policy{})
	if err == nil || !strings.Contains(err.Error(), "layer cells has no feature 3") {
		t.Errorf("bad ref: %v", err)
	}
}

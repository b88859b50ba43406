package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, argv: args}
	code := execute(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("foo,bar\n1,2\n"), 0o644)
	cases := []struct {
		args []string
		code int
		want string // in stderr
	}{
		{nil, 2, "Commands:"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"run", "--help"}, 0, "Usage: htmap run"},
		{[]string{"validate", "--help"}, 0, "--json"},
		{[]string{"sample", "--help"}, 0, "--seed"},
		{[]string{"run", "--no-such-flag"}, 2, "no-such-flag"},
		{[]string{"run", "stray"}, 2, "unexpected argument"},
		{[]string{"run", "--step", "decade", "--out", filepath.Join(dir, "o")}, 2, "step"},
		{[]string{"validate"}, 2, "no input"},
		{[]string{"validate", filepath.Join(dir, "missing.csv")}, 1, "missing.csv"},
		{[]string{"validate", bad}, 1, "bad.csv"},
		{[]string{"sample"}, 2, "--out is required"},
		{[]string{"version"}, 0, ""},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("htmap %s: exit %d, stderr %q; want exit %d containing %q", strings.Join(c.args, " "), code, stderr, c.code, c.want)
		}
	}
}

func TestSampleThenValidateJSON(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("sample", "--out", dir, "--cases", "500"); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	files := []string{filepath.Join(dir, "cases.csv"), filepath.Join(dir, "incidents.csv"), filepath.Join(dir, "flows.csv")}
	code, stdout, stderr := runCLI(append([]string{"validate", "--json"}, files...)...)
	if code != 0 {
		t.Fatalf("validate: exit %d: %s", code, stderr)
	}
	var res struct {
		Files []struct {
			Name         string           `json:"name"`
			Format       string           `json:"format"`
			RowsRead     int64            `json:"rows_read"`
			RowsUsed     int64            `json:"rows_used"`
			RowsRejected int64            `json:"rows_rejected"`
			Rejected     map[string]int64 `json:"rejected_by_reason"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("validate --json printed invalid JSON: %v\n%s", err, stdout)
	}
	formats := []string{"cases", "incidents", "flows"}
	for i, f := range res.Files {
		if f.Format != formats[i] {
			t.Errorf("%s detected as %s, want %s", f.Name, f.Format, formats[i])
		}
		if f.RowsUsed+f.RowsRejected != f.RowsRead || f.RowsRead == 0 {
			t.Errorf("%s: %d used + %d rejected != %d read", f.Name, f.RowsUsed, f.RowsRejected, f.RowsRead)
		}
	}
	if len(res.Files) == 3 && res.Files[0].RowsRead < 500 {
		t.Errorf("cases.csv has %d rows, want at least 500", res.Files[0].RowsRead)
	}
}

// htmap run writes its manifest, maps and private files (on a small
// sample: the embedded one is run by the pipeline tests).
func TestRunWritesManifest(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("sample", "--out", dir, "--cases", "800"); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI("run", "--quiet", "--in", filepath.Join(dir, "cases.csv"), "--in", filepath.Join(dir, "incidents.csv"), "--out", out)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"manifest.json", "private/rejects.csv", "map.html", "map.png", "map.svg", "cases/routes.geojson", "incidents/cells.parquet"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}

// htmap hotspot works on a user's polygon layer and on a point layer,
// keeps the user's properties, and refuses a withheld (null) value.
func TestHotspotCommandOnUserLayers(t *testing.T) {
	dir := t.TempDir()
	// A 10 x 10 lattice of unit squares in projected metres, values 1,
	// with a 3 x 3 block of 50 in one corner: the block is a hot spot.
	var polys, points []string
	for r := 0; r < 10; r++ {
		for c := 0; c < 10; c++ {
			v := 1
			if r < 3 && c < 3 {
				v = 50
			}
			x, y := float64(c)*1000, float64(r)*1000
			props := fmt.Sprintf(`{"name":"r%dc%d","value":%d}`, r, c, v)
			polys = append(polys, fmt.Sprintf(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]},"properties":%s}`,
				x, y, x+1000, y, x+1000, y+1000, x, y+1000, x, y, props))
			points = append(points, fmt.Sprintf(`{"type":"Feature","geometry":{"type":"Point","coordinates":[%g,%g]},"properties":%s}`, x+500, y+500, props))
		}
	}
	write := func(name string, fs []string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(`{"type":"FeatureCollection","features":[`+strings.Join(fs, ",")+`]}`), 0o644)
		return p
	}
	for _, c := range []struct {
		file    string
		weights string
	}{
		{write("polys.geojson", polys), "contiguity"},
		{write("points.geojson", points), "distance:1500"},
	} {
		out := filepath.Join(dir, "out-"+filepath.Base(c.file))
		code, _, stderr := runCLI("hotspot", "--in", c.file, "--field", "value", "--weights", c.weights, "--planar", "--out", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "hotspots.geojson"))
		if err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Features []struct {
				Properties map[string]any `json:"properties"`
			} `json:"features"`
		}
		if err := json.Unmarshal(b, &fc); err != nil {
			t.Fatal(err)
		}
		if len(fc.Features) != 100 {
			t.Fatalf("%s: %d features", c.file, len(fc.Features))
		}
		for _, f := range fc.Features {
			p := f.Properties
			if p["name"] == "r1c1" && (p["gi_bin"] != 3.0 || p["lisa_cluster"] != "HH") {
				t.Errorf("%s: block centre gi_bin %v lisa %v, want 3 and HH", c.file, p["gi_bin"], p["lisa_cluster"])
			}
			if p["name"] == "r8c8" && p["gi_bin"].(float64) > 0 {
				t.Errorf("%s: far corner gi_bin %v, want not hot", c.file, p["gi_bin"])
			}
		}
	}
	nulls := write("nulls.geojson", []string{`{"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"count":null,"count_suppressed":true}}`})
	code, _, stderr := runCLI("hotspot", "--in", nulls, "--field", "count", "--out", filepath.Join(dir, "n"))
	if code != 1 || !strings.Contains(stderr, "null") {
		t.Errorf("a null field: exit %d, %q; want a refusal", code, stderr)
	}
}

// --stages runs only the stages named: no density or map files when they
// are left out, and a stage name that does not exist is a usage error.
func TestRunStages(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("sample", "--out", dir, "--cases", "800"); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI("run", "--quiet", "--in", filepath.Join(dir, "cases.csv"), "--stages", "cells,hotspots,routes", "--out", out)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for f, want := range map[string]bool{"cases/cells.geojson": true, "cases/routes.geojson": true, "cases/density.geojson": false, "cases/clusters.geojson": false, "map.html": false} {
		if _, err := os.Stat(filepath.Join(out, f)); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", f, err == nil, want)
		}
	}
	if code, _, _ := runCLI("run", "--quiet", "--stages", "cells,kde", "--out", filepath.Join(dir, "o2")); code != 2 {
		t.Errorf("unknown stage: exit %d, want 2", code)
	}
}

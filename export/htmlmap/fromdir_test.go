package htmlmap_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/export/htmlmap/maptest"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// outDir lays out a run's output folder by hand, with a private file that
// must never be read and files that are not GeoJSON layers.
func outDir(t *testing.T, manifest string) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "cases", "cells.geojson"), maptest.Cells())
	writeFile(t, filepath.Join(dir, "cases", "cube.geojson"), maptest.Cube())
	writeFile(t, filepath.Join(dir, "cases", "cells.parquet"), []byte("PAR1 not a layer"))
	writeFile(t, filepath.Join(dir, "flows", "routes.geojson"), maptest.Routes())
	writeFile(t, filepath.Join(dir, "private", "secret.geojson"), []byte(`{"type":"FeatureCollection","features":[],"secret":"PRIVATE-MARKER"}`))
	writeFile(t, filepath.Join(dir, "private", "rejects.csv"), []byte("file,line\n"))
	if manifest != "" {
		writeFile(t, filepath.Join(dir, "manifest.json"), []byte(manifest))
	}
	return dir
}

func TestFromDir(t *testing.T) {
	dir := outDir(t, `{
  "htmap": {"version": "0.3.1", "commit": "abc"},
  "config": {"inputs": [], "cell": "h3:5", "k": 11},
  "inputs": [
    {"name": "/home/analyst/secret/victims.csv", "format": "cases", "sensitive": true},
    {"name": "embedded:flows.csv", "format": "flows", "sensitive": false}
  ],
  "outputs": []
}`)
	in, err := htmlmap.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range in.Layers {
		got = append(got, l.Kind+"/"+l.Name)
		if strings.Contains(string(l.GeoJSON), "PRIVATE-MARKER") {
			t.Error("a private file was loaded")
		}
	}
	if strings.Join(got, " ") != "cases/cells cases/cube flows/routes" {
		t.Errorf("layers %v", got)
	}
	if in.Version != "0.3.1" || in.K != 11 {
		t.Errorf("version %q k %d", in.Version, in.K)
	}
	if strings.Join(in.Sources, "|") != "victims.csv (cases)|embedded:flows.csv (flows)" {
		t.Errorf("sources %q (no folders may leak)", in.Sources)
	}
	// No as-of in the manifest: the latest date in the layers (cells'
	// last_date 2021-11 is later than the cube's step 2021).
	if in.AsOf != "2021-11" {
		t.Errorf("AsOf %q, want 2021-11", in.AsOf)
	}
	if !strings.Contains(in.PrivacyNote, "below 11") {
		t.Errorf("privacy note %q", in.PrivacyNote)
	}
	// And the result draws.
	var b strings.Builder
	if err := htmlmap.Write(&b, in); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "PRIVATE-MARKER") || strings.Contains(b.String(), "/home/analyst") {
		t.Error("map holds private data")
	}
}

func TestFromDirAsOfAndDefaults(t *testing.T) {
	in, err := htmlmap.FromDir(outDir(t, `{"htmap":{"version":"1"},"as_of":"2020-06-30","inputs":[{"name":"f.csv","format":"flows"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if in.AsOf != "2020-06-30" || in.K != 10 || in.PrivacyNote != "" {
		t.Errorf("AsOf %q K %d note %q; want the manifest's date, k 10, no note for public inputs", in.AsOf, in.K, in.PrivacyNote)
	}
	in, err = htmlmap.FromDir(outDir(t, ""))
	if err != nil || len(in.Layers) != 3 || in.Version != "" {
		t.Errorf("no manifest: %d layers, version %q, err %v", len(in.Layers), in.Version, err)
	}
}

func TestFromDirErrors(t *testing.T) {
	_, err := htmlmap.FromDir(outDir(t, "{\n \"htmap\": {,\n}"))
	if err == nil || !strings.Contains(err.Error(), "manifest.json: line 2 column 12") {
		t.Errorf("broken manifest: %v", err)
	}
	dir := outDir(t, "")
	writeFile(t, filepath.Join(dir, "cases", "bad.geojson"), []byte("{\"type\":\"FeatureCollection\",\"features\":[\n{]}"))
	_, err = htmlmap.FromDir(dir)
	if err == nil || !strings.Contains(err.Error(), "bad.geojson: line 2 column 2") {
		t.Errorf("broken layer: %v", err)
	}
	if _, err := htmlmap.FromDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing folder accepted")
	}
}

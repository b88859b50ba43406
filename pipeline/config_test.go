package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A YAML config names each file's format and maps its own column names
// onto the schema; unknown keys are refused.
func TestConfigFormatsAndColumnMapping(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "victims.csv"), []byte(
		"when;nationality;where_exploited;n\n2019-05;Philippines;USA;12\n2020;UA;PL;11\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "run.yaml"), []byte(`inputs:
  - path: victims.csv
    format: cases
    columns: {date: when, citizenship: nationality, exploitation_country: where_exploited, count: n}
cell: country
stages: [cells, routes]
`), 0o644)
	cfg, err := LoadConfig(filepath.Join(dir, "run.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Inputs[0].Path != filepath.Join(dir, "victims.csv") {
		t.Errorf("input path %q is not taken relative to the config", cfg.Inputs[0].Path)
	}
	cfg.Out = filepath.Join(dir, "out")
	m, err := Run(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if in := m.Inputs[0]; in.Format != "cases" || in.RowsUsed != 2 || in.RowsRejected != 0 {
		t.Fatalf("input %+v", in)
	}
	routes := readLayer(t, filepath.Join(cfg.Out, "cases", "routes.geojson"))
	got := map[string]any{}
	for _, f := range routes {
		got[f.Properties["origin"].(string)+">"+f.Properties["destination"].(string)] = f.Properties["count"]
	}
	if got["PHL>USA"] != 12.0 || got["UKR>POL"] != 11.0 {
		t.Errorf("routes %v, want PHL>USA 12 and UKR>POL 11", got)
	}

	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("inputs: []\ncel: h3:4\n"), 0o644)
	if _, err := LoadConfig(filepath.Join(dir, "bad.yaml")); err == nil || !strings.Contains(err.Error(), "cel") {
		t.Errorf("a misspelt key: %v", err)
	}
}

package sample

import (
	"bytes"
	"io/fs"
	"testing"
)

// TestEmbeddedIsGenerated proves the embedded sample comes from the
// generator: its decompressed bytes equal a fresh Write(DefaultConfig()).
// If it fails, run `go generate ./data/sample`.
func TestEmbeddedIsGenerated(t *testing.T) {
	files, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	g := generate(t, DefaultConfig())
	want := map[string][]byte{"cases.csv": g.cases, "incidents.csv": g.incidents, "flows.csv": g.flows, "truth.json": g.truth}
	if len(files) != len(want) {
		t.Errorf("embedded files %v, want %d", sortedKeys(files), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(files[name], b) {
			t.Errorf("embedded %s (%d bytes) differs from the generator's output (%d bytes): run go generate ./data/sample", name, len(files[name]), len(b))
		}
	}
	tr, err := EmbeddedTruth()
	if err != nil {
		t.Fatal(err)
	}
	if tr.Files != g.t.Files || len(tr.Hotspots) != 3 || tr.Corridors[0].Count != g.t.Corridors[0].Count {
		t.Errorf("embedded truth %+v differs from the generated one", tr.Files)
	}
	// Each call returns its own map.
	files["cases.csv"] = nil
	again, _ := Embedded()
	if len(again["cases.csv"]) == 0 {
		t.Error("Embedded returned shared state")
	}
}

func TestEmbeddedIsSmall(t *testing.T) {
	var total int64
	err := fs.WalkDir(embedded, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total > 1<<20 {
		t.Errorf("embedded sample is %d bytes compressed, more than 1 MiB", total)
	}
	t.Logf("embedded sample: %d bytes compressed", total)
}

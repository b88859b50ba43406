package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/internal/testenv"
)

// The map.html of a sample run, opened in Debian's Chromium with every
// request but the file refused: no console error, every layer draws
// features, toggling a layer and moving the time slider change what is
// drawn. (export/htmlmap's own browser test checks exact counts on a
// hand-made input.)
func TestSampleMapInBrowser(t *testing.T) {
	node := testenv.Command(t, "node")
	chromium := testenv.Command(t, "chromium")
	nm := testenv.NodeModules(t, "playwright-core")
	out, _ := sampleOut(t)
	in, err := htmlmap.FromDir(out)
	if err != nil {
		t.Fatal(err)
	}
	in, err = htmlmap.Thin(in)
	if err != nil {
		t.Fatal(err)
	}
	expected := map[string]int{}
	for _, l := range in.Layers {
		var fc struct {
			Features []json.RawMessage `json:"features"`
		}
		json.Unmarshal(l.GeoJSON, &fc)
		if len(fc.Features) > 0 {
			expected["hm-"+l.Kind+"-"+l.Name] = len(fc.Features)
		}
	}
	dir := t.TempDir()
	cfg, _ := json.Marshal(map[string]any{
		"html": filepath.Join(out, "map.html"), "nodeModules": nm, "chromium": chromium, "outDir": dir,
		"expected": expected, "toggle": "hm-cases-cells", "cube": "hm-incidents-cube",
	})
	os.WriteFile(filepath.Join(dir, "config.json"), cfg, 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	script := filepath.Join(testenv.RepoRoot(t), "export", "htmlmap", "testdata", "browser_check.mjs")
	b, err := exec.CommandContext(ctx, node, script, filepath.Join(dir, "config.json")).Output()
	if err != nil {
		t.Fatalf("browser_check: %v", err)
	}
	var r struct {
		ConsoleErrors, PageErrors, Refused, Requests []string
		Counts                                       map[string]int
		ToggleOff, ToggleOn                          int
		SliderChanged                                bool
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report %s: %v", b, err)
	}
	if len(r.ConsoleErrors)+len(r.PageErrors)+len(r.Refused) > 0 || len(r.Requests) != 1 {
		t.Errorf("console %q, page errors %q, refused %q, requests %q", r.ConsoleErrors, r.PageErrors, r.Refused, r.Requests)
	}
	for id := range expected {
		if r.Counts[id] == 0 {
			t.Errorf("%s: nothing drawn", id)
		}
	}
	if r.ToggleOff != 0 || r.ToggleOn == 0 {
		t.Errorf("toggling the cases' cells: %d paths off, %d on", r.ToggleOff, r.ToggleOn)
	}
	if !r.SliderChanged {
		t.Error("moving the time slider changed nothing")
	}
	t.Logf("%d layers drawn: %v", len(r.Counts), r.Counts)
}

package htmlmap_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/export/htmlmap/maptest"
	"github.com/htmap/htmap/internal/testenv"
)

type browserReport struct {
	ConsoleErrors, PageErrors, Refused, Requests []string
	Counts                                       map[string]int
	Steps, Layers, CheckedAtStart                []string
	ToggleOff, ToggleOn                          int
	ToggleOffLegendHidden                        *bool
	SliderBefore, SliderAfter, SliderOutput      string
	SliderPaths                                  int
	SliderChanged                                bool
	Tooltip                                      string
	ArrowMarkers, Labels                         int
	Screenshot                                   string
}

// expectedPaths is what each layer's pane must hold with the layer on:
// one SVG path per feature, and for the cube only the features of the
// step the slider shows (the last one at first).
func expectedPaths(t *testing.T, in htmlmap.Input) map[string]int {
	out := map[string]int{}
	for _, l := range in.Layers {
		var fc struct {
			Features []struct {
				Properties map[string]any `json:"properties"`
			} `json:"features"`
		}
		if err := json.Unmarshal(l.GeoJSON, &fc); err != nil {
			t.Fatal(err)
		}
		n := len(fc.Features)
		if l.Name == "cube" {
			n = 0
			for _, f := range fc.Features {
				if f.Properties["step"] == maptest.Steps[len(maptest.Steps)-1] {
					n++
				}
			}
		}
		out["hm-"+l.Kind+"-"+l.Name] = n
	}
	return out
}

// TestBrowser opens the page in Debian's Chromium (driven by npm
// playwright-core, testdata/browser_check.mjs) with every request but the
// file itself refused, and checks what a user would see.
func TestBrowser(t *testing.T) {
	node := testenv.Command(t, "node")
	chromium := testenv.Command(t, "chromium")
	nm := testenv.NodeModules(t, "playwright-core")

	in := maptest.Input()
	dir := t.TempDir()
	page := filepath.Join(dir, "map.html")
	writeFile(t, page, write(t, in))
	want := expectedPaths(t, in)
	cfg, _ := json.Marshal(map[string]any{
		"html": page, "nodeModules": nm, "chromium": chromium, "outDir": dir,
		"expected": want, "toggle": "hm-cases-cells", "cube": "hm-cases-cube",
		"tooltip": map[string]any{"id": "hm-cases-clusters", "index": 1},
	})
	writeFile(t, filepath.Join(dir, "config.json"), cfg)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "browser_check.mjs"), filepath.Join(dir, "config.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("browser_check: %v\n%s", err, stderr.String())
	}
	var r browserReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("report %q: %v", out, err)
	}

	if len(r.ConsoleErrors)+len(r.PageErrors) > 0 {
		t.Errorf("console errors %q, page errors %q", r.ConsoleErrors, r.PageErrors)
	}
	fileURL := (&url.URL{Scheme: "file", Path: page}).String()
	if len(r.Refused) > 0 || len(r.Requests) != 1 || r.Requests[0] != fileURL {
		t.Errorf("requests %q, refused %q; want only %s", r.Requests, r.Refused, fileURL)
	}
	for id, n := range want {
		if r.Counts[id] != n {
			t.Errorf("%s: %d SVG paths drawn, want %d (one per feature)", id, r.Counts[id], n)
		}
	}
	if len(r.Counts) != len(want) {
		t.Errorf("counted %d layers, want %d", len(r.Counts), len(want))
	}
	if strings.Join(r.CheckedAtStart, " ") != "hm-cases-cells hm-cases-clusters hm-flows-routes hm-flows-nodes" {
		t.Errorf("layers on at start: %v", r.CheckedAtStart)
	}
	if r.ToggleOff != 0 || r.ToggleOn != want["hm-cases-cells"] || r.ToggleOffLegendHidden == nil || !*r.ToggleOffLegendHidden {
		t.Errorf("toggling cells by keyboard: off %d paths (legend hidden %v), on %d; want 0, true, %d",
			r.ToggleOff, r.ToggleOffLegendHidden, r.ToggleOn, want["hm-cases-cells"])
	}
	if !slices.Equal(r.Steps, maptest.Steps) {
		t.Errorf("slider steps %v, want %v", r.Steps, maptest.Steps)
	}
	if r.SliderBefore != "2" || r.SliderAfter != "0" || r.SliderOutput != "2019" || !r.SliderChanged || r.SliderPaths != 56 {
		t.Errorf("slider: %s -> %s (%q), changed %v, %d paths; want 2 -> 0 (2019), true, 56",
			r.SliderBefore, r.SliderAfter, r.SliderOutput, r.SliderChanged, r.SliderPaths)
	}
	if !strings.Contains(r.Tooltip, "fewer than 10") || !strings.Contains(r.Tooltip, "forced_labour") {
		t.Errorf("tooltip of the withheld cluster: %q", r.Tooltip)
	}
	if r.ArrowMarkers != want["hm-flows-routes"]+want["hm-flows-legs"] {
		t.Errorf("%d paths with an arrowhead, want %d", r.ArrowMarkers, want["hm-flows-routes"]+want["hm-flows-legs"])
	}
	if r.Labels < 10 {
		t.Errorf("%d country labels", r.Labels)
	}

	// The screenshot: not blank, and the 99 % hot spot's red is on it.
	data, err := os.ReadFile(r.Screenshot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[[3]uint32]bool{}
	red := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if r>>8 > 150 && g>>8 < 90 && bl>>8 < 100 {
				red++
			}
		}
	}
	if len(colours) < 100 || red < 20 {
		t.Errorf("screenshot has %d colours and %d dark-red pixels; want a drawn map with the hot spot", len(colours), red)
	}
	t.Logf("screenshot %dx%d: %d colours, %d dark-red pixels", b.Dx(), b.Dy(), len(colours), red)
	if p := os.Getenv("HTMAP_WRITE_DOC_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

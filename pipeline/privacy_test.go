package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/htmap/htmap/data/sample"
)

// publishedFiles lists every file of an output folder but private/.
func publishedFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == PrivateDir {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// isCountColumn tells the published count properties of docs/schema.md.
func isCountColumn(name string) bool {
	switch name {
	case "count", "n_records", "n_points", "in_count", "out_count":
		return true
	}
	return strings.HasPrefix(name, "count_") && !strings.HasSuffix(name, "_suppressed") && !strings.HasPrefix(name, "count_trend_")
}

// An attack on every published layer of the sample's sensitive cases: no
// count between 1 and k-1 appears, and a withheld count always carries
// its flag.
func TestNoSmallSensitiveCountPublished(t *testing.T) {
	out, m := sampleOut(t)
	k := m.Privacy.K
	if k != 10 {
		t.Fatalf("k = %d, want the default 10", k)
	}
	files, _ := filepath.Glob(filepath.Join(out, "cases", "*.geojson"))
	if len(files) < 5 {
		t.Fatalf("only %d sensitive layers", len(files))
	}
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
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
		for i, ft := range fc.Features {
			for name, v := range ft.Properties {
				if !isCountColumn(name) {
					continue
				}
				flag, hasFlag := ft.Properties[name+"_suppressed"].(bool)
				if !hasFlag {
					t.Errorf("%s feature %d: %s has no _suppressed flag", f, i, name)
				}
				if v == nil {
					if !flag {
						t.Errorf("%s feature %d: %s is null but not flagged", f, i, name)
					}
					continue
				}
				checked++
				if n := v.(float64); n > 0 && n < float64(k) {
					t.Errorf("%s feature %d: %s = %v is below k = %d", f, i, name, n, k)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no published count checked")
	}
	// The flow-map tables are published too.
	b, err := os.ReadFile(filepath.Join(out, "cases", "flowmap", "flows.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(line, ",")
		if n, _ := strconv.Atoi(f[2]); n > 0 && n < k {
			t.Errorf("flowmap flows.csv publishes %q", line)
		}
	}
}

// No coordinate of a sensitive record appears in any published file:
// clusters are drawn as H3 cells, not hulls around victims' places.
func TestNoSensitiveCoordinatePublished(t *testing.T) {
	out, _ := sampleOut(t)
	files, err := sample.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(files["cases.csv"]), "\n")
	points := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		if len(f) < 6 || f[4] == "" || f[5] == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		points[strconv.FormatFloat(lon, 'f', -1, 64)+","+strconv.FormatFloat(lat, 'f', -1, 64)] = true
	}
	if len(points) < 1000 {
		t.Fatalf("only %d sensitive points found in the sample", len(points))
	}
	pair := regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?,-?[0-9]+(?:\.[0-9]+)?`)
	for _, f := range publishedFiles(t, out) {
		if !strings.HasSuffix(f, ".geojson") && !strings.HasSuffix(f, ".html") && !strings.HasSuffix(f, ".csv") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range pair.FindAll(b, -1) {
			if points[string(m)] {
				n++
			}
		}
		if n > 0 {
			t.Errorf("%s: %d coordinates of sensitive records", f, n)
		}
	}
}

// With noise, the same key gives the same bytes, another key other bytes,
// and the key appears in no output.
func TestNoiseKeyedAndSecret(t *testing.T) {
	dir := t.TempDir()
	cfg := sample.DefaultConfig()
	cfg.Cases, cfg.Incidents, cfg.Flows = 3000, 0, false
	if _, err := sample.Generate(dir, cfg); err != nil {
		t.Fatal(err)
	}
	keyA, keyB := filepath.Join(dir, "a.key"), filepath.Join(dir, "b.key")
	os.WriteFile(keyA, []byte("SECRET-KEY-A-5f2c9e"), 0o600)
	os.WriteFile(keyB, []byte("SECRET-KEY-B-77d1aa"), 0o600)
	run := func(name, key string) map[string][]byte {
		out := filepath.Join(dir, name)
		c := Config{Inputs: []Input{{Path: filepath.Join(dir, "cases.csv")}}, Out: out, Quiet: true,
			Epsilon: 1, DPKey: key, Stages: []string{"cells", "routes"}, Cell: "country"}
		if _, err := Run(context.Background(), c, Options{}); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range publishedFiles(t, out) {
			b, _ := os.ReadFile(f)
			rel, _ := filepath.Rel(out, f)
			if rel != "timings.json" {
				files[rel] = b
			}
		}
		return files
	}
	a1, a2, b1 := run("a1", keyA), run("a2", keyA), run("b1", keyB)
	differs := false
	for name, b := range a1 {
		if !bytes.Equal(b, a2[name]) {
			t.Errorf("%s differs between two runs with the same key", name)
		}
		if !bytes.Equal(b, b1[name]) && strings.HasSuffix(name, ".geojson") {
			differs = true
		}
		for _, secret := range []string{"SECRET-KEY", "5f2c9e", "77d1aa"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s contains the key", name)
			}
		}
	}
	if !differs {
		t.Error("another key gave the same layers")
	}
}

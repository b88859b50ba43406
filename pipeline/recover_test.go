package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/data/sample"
)

type feature struct {
	Geometry   json.RawMessage `json:"geometry"`
	Properties map[string]any  `json:"properties"`
}

func readLayer(t *testing.T, path string) []feature {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []feature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	return fc.Features
}

// cellAt returns the features of a cell layer whose polygon contains p.
func cellsAt(t *testing.T, fs []feature, p orb.Point) []feature {
	t.Helper()
	var out []feature
	for _, f := range fs {
		var g struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		}
		json.Unmarshal(f.Geometry, &g)
		var polys []orb.Polygon
		switch g.Type {
		case "Polygon":
			var p orb.Polygon
			json.Unmarshal(g.Coordinates, &p)
			polys = append(polys, p)
		case "MultiPolygon":
			var mp orb.MultiPolygon
			json.Unmarshal(g.Coordinates, &mp)
			polys = append(polys, mp...)
		}
		for _, poly := range polys {
			if planar.PolygonContains(poly, p) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// The sample's planted signals come out of a default run: each planted
// hotspot's centre cell is hot at 99 %, the persistent, intensifying and
// diminishing hotspots are classified so, and the planted corridor
// (Nigeria -> Italy) is the top route. (That nothing far from a planted
// hotspot is hot is tested on a clean synthetic grid in analysis/hotspot:
// the sample's background cities are legitimately hot too.)
func TestSampleRunRecoversPlantedTruth(t *testing.T) {
	out, m := sampleOut(t)
	truth, err := sample.EmbeddedTruth()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range m.Analyses {
		if a.Kind == "cases" && a.Weights == "" {
			t.Fatal("no weights for the cases")
		}
	}
	cells := readLayer(t, filepath.Join(out, "cases", "cells.geojson"))
	emerging := readLayer(t, filepath.Join(out, "cases", "emerging.geojson"))
	want := map[string]string{
		sample.TrendIntensifying: "intensifying hot spot",
		sample.TrendDiminishing:  "diminishing hot spot",
		sample.TrendPersistent:   "persistent hot spot",
	}
	for _, h := range truth.Hotspots {
		c := orb.Point{h.Lon, h.Lat}
		at := cellsAt(t, cells, c)
		if len(at) != 1 {
			t.Fatalf("%s: %d cells contain the centre", h.Name, len(at))
		}
		if bin := at[0].Properties["gi_bin"]; bin != 3.0 {
			t.Errorf("%s: centre cell gi_bin %v, want 3 (hot at 99 %%)", h.Name, bin)
		}
		em := cellsAt(t, emerging, c)
		if len(em) != 1 || em[0].Properties["pattern"] != want[h.Trend] {
			var got any
			if len(em) == 1 {
				got = em[0].Properties["pattern"]
			}
			t.Errorf("%s (%s): pattern %v, want %q", h.Name, h.Trend, got, want[h.Trend])
		}
	}
	routes := readLayer(t, filepath.Join(out, "cases", "routes.geojson"))
	sort.Slice(routes, func(i, j int) bool {
		ci, _ := routes[i].Properties["count"].(float64)
		cj, _ := routes[j].Properties["count"].(float64)
		return ci > cj
	})
	top := truth.Corridors[0]
	if routes[0].Properties["origin"] != top.Origin || routes[0].Properties["destination"] != top.Destination ||
		routes[0].Properties["count"] != float64(top.Count) {
		t.Errorf("top route %v, want the planted %s -> %s (%d)", routes[0].Properties, top.Origin, top.Destination, top.Count)
	}
}

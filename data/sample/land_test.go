package sample

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/biter777/countries"
	"github.com/htmap/htmap/internal/testenv"
)

// TestPointsOnLand checks, with an independent reader (node, topojson-client
// and Natural Earth's 1:50m countries from world-atlas), that every
// geocoded case lies on land inside its country of exploitation: the
// jitter around coastal and border cities must not put victims at sea or
// across a border. Incidents are not checked: many are at sea on purpose.
func TestPointsOnLand(t *testing.T) {
	t.Parallel() // mostly waiting for an external process
	node := testenv.Command(t, "node")
	mods := testenv.NodeModules(t, "world-atlas", "topojson-client")
	cfg := DefaultConfig()
	g := generate(t, cfg)
	tb := readTable(t, g.cases)
	bad := invalidLines(g.t)

	type point struct {
		Num      string  `json:"num"`
		Lat      float64 `json:"lat"`
		Lon      float64 `json:"lon"`
		iso, row string
	}
	var pts []point
	for i, r := range tb.rows {
		if bad[int64(i)+2] || tb.get(r, "lat") == "" {
			continue
		}
		iso := tb.get(r, "exploitation_country")
		num := int(countries.ByName(iso))
		if num == 0 {
			t.Fatalf("no ISO numeric code for %q", iso)
		}
		pts = append(pts, point{Num: fmt.Sprintf("%03d", num), Lat: tb.num(t, r, "lat"), Lon: tb.num(t, r, "lon"), iso: iso, row: strconv.Itoa(i + 2)})
	}
	// Whatever the seed, a point is at most 2.5 sigma (a hotspot's
	// radius) from its centre: check each centre and 16 points on that
	// circle, so that no seed can put a point at sea.
	ring := func(iso, name string, lat, lon, maxKm float64) {
		num := fmt.Sprintf("%03d", int(countries.ByName(iso)))
		pts = append(pts, point{Num: num, Lat: lat, Lon: lon, iso: iso, row: "centre of " + name})
		for k := range 16 {
			la, lo := destinationPoint(lat, lon, float64(k)*math.Pi/8, maxKm)
			pts = append(pts, point{Num: num, Lat: la, Lon: lo, iso: iso, row: fmt.Sprintf("%g km at %d/16 turn from %s", maxKm, k, name)})
		}
	}
	for _, d := range destinations {
		for _, c := range d.cities {
			ring(d.iso3, c.name, c.lat, c.lon, 2.5*c.sigmaKm)
		}
	}
	for _, c := range corridorCities {
		ring(corridorDest, c.name, c.lat, c.lon, 2.5*c.sigmaKm)
	}
	for _, h := range hotspots {
		ring(h.iso3, h.name, h.lat, h.lon, h.radiusKm)
	}
	in, err := json.Marshal(map[string]any{"atlas": filepath.Join(mods, "world-atlas", "countries-50m.json"), "points": pts})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("testdata", "pip.js"))
	cmd.Env = append(cmd.Environ(), "NODE_MODULES="+mods)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var misses []struct {
		Index int     `json:"index"`
		In    string  `json:"in"`
		Known bool    `json:"known"`
		Lat   float64 `json:"lat"`
		Lon   float64 `json:"lon"`
	}
	if err := json.Unmarshal(out, &misses); err != nil {
		t.Fatal(err)
	}
	for i, m := range misses {
		if i == 20 {
			t.Errorf("... and %d more", len(misses)-20)
			break
		}
		p := pts[m.Index]
		t.Errorf("line %s: %.6f,%.6f is in %s, not in %s (in the atlas: %v)", p.row, m.Lat, m.Lon, m.In, p.iso, m.Known)
	}
	t.Logf("%d points checked, %d outside their country", len(pts), len(misses))
}

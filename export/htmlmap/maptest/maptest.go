// Package maptest builds small, hand-made layers that follow
// docs/schema.md, for the map tests and the README screenshots. Nothing
// here comes from the pipeline, so a map test fails only for the map's
// own faults.
//
// The planted signal: on a 1° grid over the Balkans (18..26°E, 39..46°N)
// the cell 21..22°E, 42..43°N (around Skopje) is a 99 % hot spot and its
// neighbours 95 % and 90 %; the south-east corner is cold. Routes run from
// Nigeria, Viet Nam, Romania, Ukraine and Albania to Western Europe, none
// over the hot cell.
package maptest

import (
	"bytes"
	"fmt"
	"math"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/data/country"
	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/export/htmlmap"
)

// HotLon, HotLat is the centre of the planted 99 % hot cell.
const HotLon, HotLat = 21.5, 42.5

// ColdLon, ColdLat is the centre of a planted 99 % cold cell.
const ColdLon, ColdLat = 25.5, 39.5

// Steps are the cube's time steps.
var Steps = []string{"2019", "2020", "2021"}

// K is the privacy threshold of the sample.
const K = 10

func square(lon, lat, size float64) orb.Polygon {
	return orb.Polygon{{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}, {lon, lat}}}
}

// bin is the planted gi_bin of the cell whose south-west corner is lon, lat.
func bin(lon, lat int) int64 {
	dx, dy := lon-21, lat-42
	switch {
	case dx == 0 && dy == 0:
		return 3
	case dx >= -1 && dx <= 1 && dy >= -1 && dy <= 1:
		return 2
	case dx >= -2 && dx <= 2 && dy >= -2 && dy <= 2 && (dx+dy)%2 == 0:
		return 1
	case lon == 25 && lat == 39:
		return -3
	case lon >= 24 && lat <= 40:
		return -2
	case lon >= 23 && lat <= 40:
		return -1
	}
	return 0
}

func count(b int64, lon, lat int) (any, bool) {
	c := int64(12 + 30*b + int64((lon*7+lat*3)%9))
	if b < 0 {
		c = int64((lon + lat) % 7)
	}
	if c < K {
		return nil, true
	}
	return c, false
}

func write(l *export.Layer) []byte {
	var buf bytes.Buffer
	if _, err := export.WriteGeoJSON(&buf, l, export.GeoJSONOptions{}); err != nil {
		panic(err) // hand-made layers: a failure is a bug in this file
	}
	return buf.Bytes()
}

// Cells returns a cells layer (schema "cells") of the grid.
func Cells() []byte {
	cols := []export.Column{
		{Name: "cell_id", Type: export.String}, {Name: "cell_system", Type: export.String},
		{Name: "count", Type: export.Int}, {Name: "count_suppressed", Type: export.Bool},
		{Name: "n_records", Type: export.Int}, {Name: "n_records_suppressed", Type: export.Bool},
		{Name: "area_km2", Type: export.Float}, {Name: "first_date", Type: export.String}, {Name: "last_date", Type: export.String},
		{Name: "gi_z", Type: export.Float}, {Name: "gi_p", Type: export.Float}, {Name: "gi_bin", Type: export.Int},
	}
	var fs []export.Feature
	for lat := 39; lat < 46; lat++ {
		for lon := 18; lon < 26; lon++ {
			b := bin(lon, lat)
			c, sup := count(b, lon, lat)
			z := []float64{-2.9, -2.2, -1.8, 0.3, 1.8, 2.3, 3.4}[b+3]
			area := 111.32 * 111.32 * math.Cos((float64(lat)+0.5)*math.Pi/180)
			fs = append(fs, export.Feature{Geometry: square(float64(lon), float64(lat), 1), Values: []any{
				fmt.Sprintf("g100_%d_%d", lon, lat), "grid:100", c, sup, c, sup, math.Round(area*10) / 10,
				"2019-01", "2021-11", z, math.Round(2*(1-phi(math.Abs(z)))*1e4) / 1e4, b,
			}})
		}
	}
	return write(&export.Layer{Name: "cells", Columns: cols, Features: export.Slice(fs)})
}

// phi is the standard normal CDF.
func phi(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// Cube returns a cube layer: the hot spot grows from one cell in 2019 to
// the planted pattern in 2021.
func Cube() []byte {
	cols := []export.Column{
		{Name: "cell_id", Type: export.String}, {Name: "step", Type: export.String},
		{Name: "count", Type: export.Int}, {Name: "count_suppressed", Type: export.Bool},
		{Name: "gi_z", Type: export.Float}, {Name: "gi_bin", Type: export.Int},
	}
	var fs []export.Feature
	for si, step := range Steps {
		for lat := 39; lat < 46; lat++ {
			for lon := 18; lon < 26; lon++ {
				b := bin(lon, lat)
				if si == 0 && b > 0 && !(lon == 21 && lat == 42) {
					b = 0
				}
				if si == 1 && b == 1 {
					b = 0
				}
				c, sup := count(b, lon, lat)
				fs = append(fs, export.Feature{Geometry: square(float64(lon), float64(lat), 1), Values: []any{
					fmt.Sprintf("g100_%d_%d", lon, lat), step, c, sup, float64(b) * 1.1, b,
				}})
			}
		}
	}
	return write(&export.Layer{Name: "cube", Columns: cols, Features: export.Slice(fs)})
}

// Emerging returns an emerging layer for the hot and cold cells.
func Emerging() []byte {
	cols := []export.Column{
		{Name: "cell_id", Type: export.String}, {Name: "pattern", Type: export.String}, {Name: "pattern_code", Type: export.Int},
		{Name: "count_trend_z", Type: export.Float}, {Name: "count_trend_p", Type: export.Float},
		{Name: "steps_hot", Type: export.Int}, {Name: "steps_cold", Type: export.Int}, {Name: "last_step_bin", Type: export.Int},
	}
	names := map[int64]string{3: "intensifying hot spot", 1: "new hot spot", 4: "persistent hot spot", 0: "no pattern detected", -4: "persistent cold spot"}
	var fs []export.Feature
	for lat := 39; lat < 46; lat++ {
		for lon := 18; lon < 26; lon++ {
			b := bin(lon, lat)
			code := map[int64]int64{3: 3, 2: 4, 1: 1, 0: 0, -1: 0, -2: -4, -3: -4}[b]
			fs = append(fs, export.Feature{Geometry: square(float64(lon), float64(lat), 1), Values: []any{
				fmt.Sprintf("g100_%d_%d", lon, lat), names[code], code, float64(code) * 0.7, 0.04, max(b, 0), max(-b, 0), b,
			}})
		}
	}
	return write(&export.Layer{Name: "emerging", Columns: cols, Features: export.Slice(fs)})
}

// Clusters returns two point clusters (convex hulls).
func Clusters() []byte {
	cols := []export.Column{
		{Name: "cluster_id", Type: export.Int}, {Name: "n_points", Type: export.Int}, {Name: "count", Type: export.Int},
		{Name: "first_date", Type: export.String}, {Name: "last_date", Type: export.String}, {Name: "top_category", Type: export.String},
		{Name: "centroid_lon", Type: export.Float}, {Name: "centroid_lat", Type: export.Float},
	}
	fs := []export.Feature{
		{Geometry: orb.Polygon{{{21.2, 41.8}, {22.3, 42.0}, {22.1, 42.9}, {21.0, 42.7}, {21.2, 41.8}}}, Values: []any{int64(1), int64(41), int64(57), "2019-02", "2021-11", "sexual_exploitation", 21.6, 42.35}},
		{Geometry: orb.Polygon{{{19.6, 41.1}, {20.2, 41.2}, {20.0, 41.7}, {19.5, 41.5}, {19.6, 41.1}}}, Values: []any{int64(2), int64(12), nil, "2020-03", "2021-06", "forced_labour", 19.8, 41.4}},
	}
	cols = append(cols[:3], append([]export.Column{{Name: "count_suppressed", Type: export.Bool}}, cols[3:]...)...)
	fs[0].Values = append(fs[0].Values[:3], append([]any{false}, fs[0].Values[3:]...)...)
	fs[1].Values = append(fs[1].Values[:3], append([]any{true}, fs[1].Values[3:]...)...)
	return write(&export.Layer{Name: "clusters", Columns: cols, Features: export.Slice(fs)})
}

// Density returns a density surface of 0.25° cells around the hot spot.
func Density() []byte {
	cols := []export.Column{{Name: "cell_id", Type: export.String}, {Name: "density", Type: export.Float}, {Name: "bandwidth_km", Type: export.Float}}
	var fs []export.Feature
	for i := 0; i < 16; i++ {
		for j := 0; j < 16; j++ {
			lon, lat := 19.5+0.25*float64(i), 40.5+0.25*float64(j)
			d := math.Hypot(lon+0.125-HotLon, (lat+0.125-HotLat)*1.3)
			if d > 2 {
				continue
			}
			v := math.Pow(1-(d/2)*(d/2), 2) * 0.05
			fs = append(fs, export.Feature{Geometry: square(lon, lat, 0.25), Values: []any{fmt.Sprintf("g25_%d_%d", i, j), math.Round(v*1e6) / 1e6, 180.0}})
		}
	}
	return write(&export.Layer{Name: "density", Columns: cols, Features: export.Slice(fs)})
}

// Flow is one planted route.
type Flow struct {
	Origin, Destination string
	Count               int64 // 0 means withheld
}

// Flows are the planted routes, largest first.
var Flows = []Flow{
	{"NGA", "ITA", 420}, {"ROU", "DEU", 310}, {"ALB", "GBR", 260}, {"VNM", "GBR", 190},
	{"UKR", "POL", 150}, {"BGR", "FRA", 90}, {"MDA", "TUR", 40}, {"ERI", "LBY", 0},
}

// arc samples the great circle from a to b.
func arc(a, b orb.Point, n int) orb.LineString {
	rad := math.Pi / 180
	v := func(p orb.Point) [3]float64 {
		lo, la := p[0]*rad, p[1]*rad
		return [3]float64{math.Cos(la) * math.Cos(lo), math.Cos(la) * math.Sin(lo), math.Sin(la)}
	}
	va, vb := v(a), v(b)
	dot := va[0]*vb[0] + va[1]*vb[1] + va[2]*vb[2]
	om := math.Acos(math.Max(-1, math.Min(1, dot)))
	var ls orb.LineString
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		s1, s2 := math.Sin((1-t)*om)/math.Sin(om), math.Sin(t*om)/math.Sin(om)
		x, y, z := s1*va[0]+s2*vb[0], s1*va[1]+s2*vb[1], s1*va[2]+s2*vb[2]
		ls = append(ls, orb.Point{math.Atan2(y, x) / rad, math.Atan2(z, math.Hypot(x, y)) / rad})
	}
	return ls
}

// Point is a country's representative point from the embedded table.
func Point(iso3 string) orb.Point {
	c, ok := country.Lookup(iso3)
	if !ok {
		panic("maptest: unknown country " + iso3)
	}
	return c.Point
}

// Routes returns the routes layer (schema "routes").
func Routes() []byte {
	cols := []export.Column{
		{Name: "origin", Type: export.String}, {Name: "destination", Type: export.String},
		{Name: "count", Type: export.Int}, {Name: "count_suppressed", Type: export.Bool},
		{Name: "share_of_origin", Type: export.Float}, {Name: "rank", Type: export.Int}, {Name: "flow_z", Type: export.Float},
	}
	var fs []export.Feature
	for i, f := range Flows {
		var c any = f.Count
		if f.Count == 0 {
			c = nil
		}
		fs = append(fs, export.Feature{Geometry: arc(Point(f.Origin), Point(f.Destination), 32), Values: []any{
			f.Origin, f.Destination, c, f.Count == 0, 0.5, int64(i + 1), 4.0 - 0.5*float64(i),
		}})
	}
	return write(&export.Layer{Name: "routes", Columns: cols, Features: export.Slice(fs)})
}

// Legs returns two legs of the Nigeria-Italy route through Niger and Libya.
func Legs() []byte {
	cols := []export.Column{
		{Name: "origin", Type: export.String}, {Name: "destination", Type: export.String},
		{Name: "count", Type: export.Int}, {Name: "count_suppressed", Type: export.Bool},
		{Name: "share_of_origin", Type: export.Float}, {Name: "rank", Type: export.Int}, {Name: "flow_z", Type: export.Float},
	}
	hops := []string{"NGA", "NER", "LBY", "ITA"}
	var fs []export.Feature
	for i := 0; i+1 < len(hops); i++ {
		fs = append(fs, export.Feature{Geometry: arc(Point(hops[i]), Point(hops[i+1]), 16), Values: []any{
			hops[i], hops[i+1], int64(300 - 50*i), false, 0.7, int64(i + 1), 3.0,
		}})
	}
	return write(&export.Layer{Name: "legs", Columns: cols, Features: export.Slice(fs)})
}

// Nodes returns the places of the routes with planted betweenness (Libya
// and Italy are the hubs).
func Nodes() []byte {
	cols := []export.Column{
		{Name: "node_id", Type: export.String}, {Name: "node_type", Type: export.String}, {Name: "role", Type: export.String},
		{Name: "in_count", Type: export.Int}, {Name: "out_count", Type: export.Int},
		{Name: "betweenness", Type: export.Float}, {Name: "pagerank", Type: export.Float}, {Name: "community", Type: export.Int},
	}
	type n struct {
		id, role string
		b        float64
	}
	ns := []n{{"NGA", "origin", 0}, {"NER", "transit", 4}, {"LBY", "transit", 9}, {"ITA", "destination", 6}, {"DEU", "destination", 1},
		{"GBR", "destination", 0}, {"ROU", "origin", 0}, {"ALB", "origin", 0}, {"POL", "destination", 0}, {"UKR", "origin", 0}}
	var fs []export.Feature
	for i, x := range ns {
		fs = append(fs, export.Feature{Geometry: Point(x.id), Values: []any{
			x.id, "country", x.role, int64(10 * i), int64(100 - 10*i), x.b, 0.1, int64(i % 3),
		}})
	}
	return write(&export.Layer{Name: "nodes", Columns: cols, Features: export.Slice(fs)})
}

// Input returns a complete map input: cases layers (cells, cube, emerging,
// clusters, density) and flows layers (routes, legs, nodes).
func Input() htmlmap.Input {
	return htmlmap.Input{
		Title:       "Trafficking hotspots and routes (illustrative data)",
		Subtitle:    "Hand-made sample: not real cases",
		AsOf:        "2021-11",
		Version:     "0.1.0-test",
		Sources:     []string{"cases.csv (cases, hand-made)", "flows.csv (flows, hand-made)"},
		PrivacyNote: "counts below 10 from sensitive inputs are withheld",
		K:           K,
		Layers: []htmlmap.Layer{
			{Kind: "flows", Name: "routes", GeoJSON: Routes()},
			{Kind: "cases", Name: "cells", GeoJSON: Cells()},
			{Kind: "cases", Name: "cube", GeoJSON: Cube()},
			{Kind: "cases", Name: "emerging", GeoJSON: Emerging()},
			{Kind: "cases", Name: "clusters", GeoJSON: Clusters()},
			{Kind: "cases", Name: "density", GeoJSON: Density()},
			{Kind: "flows", Name: "legs", GeoJSON: Legs()},
			{Kind: "flows", Name: "nodes", GeoJSON: Nodes()},
		},
	}
}

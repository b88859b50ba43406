package gen

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON file the generator reads.
type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]int64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []rawGeometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type rawGeometry struct {
	Type       string                `json:"type"`
	ID         *string               `json:"id"`
	Properties struct{ Name string } `json:"properties"`
	Arcs       json.RawMessage       `json:"arcs"`
}

// feature is one decoded TopoJSON geometry: polygons as lists of rings, each
// ring a list of arc references (TopoJSON's ~i means arc i reversed).
type feature struct {
	ID, Name string
	Polygons [][][]int
}

// pt is a position on the integer grid of the TopoJSON quantisation.
type pt = [2]int64

// decodeTopology parses the file and turns delta-encoded arcs into absolute
// grid positions.
func decodeTopology(data []byte) (topology, [][]pt, []feature, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return t, nil, nil, fmt.Errorf("topojson: %w", err)
	}
	if t.Transform.Scale[0] == 0 {
		return t, nil, nil, fmt.Errorf("topojson: not quantised (no transform)")
	}
	arcs := make([][]pt, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y int64
		out := make([]pt, len(a))
		for j, d := range a {
			x += d[0]
			y += d[1]
			out[j] = pt{x, y}
		}
		arcs[i] = out
	}
	var feats []feature
	for i, g := range t.Objects.Countries.Geometries {
		f := feature{Name: g.Properties.Name}
		if g.ID != nil {
			f.ID = *g.ID
		}
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return t, nil, nil, fmt.Errorf("topojson: geometry %d (%s): %w", i, f.Name, err)
			}
			f.Polygons = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &f.Polygons); err != nil {
				return t, nil, nil, fmt.Errorf("topojson: geometry %d (%s): %w", i, f.Name, err)
			}
		default:
			return t, nil, nil, fmt.Errorf("topojson: geometry %d (%s): unexpected type %q", i, f.Name, g.Type)
		}
		feats = append(feats, f)
	}
	return t, arcs, feats, nil
}

// ringPoints joins the referenced arcs into one closed ring of grid points.
func ringPoints(arcs [][]pt, refs []int) []pt {
	var out []pt
	for k, r := range refs {
		a := arcs[arcIndex(r)]
		seq := make([]pt, len(a))
		if r >= 0 {
			copy(seq, a)
		} else {
			for i := range a {
				seq[i] = a[len(a)-1-i]
			}
		}
		if k > 0 {
			seq = seq[1:] // the first point repeats the previous arc's last
		}
		out = append(out, seq...)
	}
	return out
}

func arcIndex(r int) int {
	if r < 0 {
		return ^r
	}
	return r
}

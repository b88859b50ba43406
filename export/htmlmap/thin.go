package htmlmap

import (
	"encoding/json"
	"fmt"
)

// Thin drops the features a reader of the map cannot see anything in, so
// a map of a large run stays small enough to open on a policymaker's
// laptop: cells and cube cells that are neither significant (gi_bin 0 or
// null) nor hold a published, non-zero count, and emerging locations
// with no pattern. The layer files themselves keep every feature; only
// the maps are thinned. Other layers are kept whole.
func Thin(in Input) (Input, error) {
	out := in
	out.Layers = make([]Layer, 0, len(in.Layers))
	for _, l := range in.Layers {
		keep := thinRule(l.Name)
		if keep == nil {
			out.Layers = append(out.Layers, l)
			continue
		}
		var fc struct {
			Type     string            `json:"type"`
			Name     string            `json:"name,omitempty"`
			Features []json.RawMessage `json:"features"`
			BBox     []float64         `json:"bbox,omitempty"`
		}
		if err := json.Unmarshal(l.GeoJSON, &fc); err != nil {
			return in, fmt.Errorf("%s/%s: %w", l.Kind, l.Name, err)
		}
		kept := fc.Features[:0]
		for _, f := range fc.Features {
			var p struct {
				Properties map[string]any `json:"properties"`
			}
			if err := json.Unmarshal(f, &p); err != nil {
				return in, fmt.Errorf("%s/%s: %w", l.Kind, l.Name, err)
			}
			if keep(p.Properties) {
				kept = append(kept, f)
			}
		}
		fc.Features = kept
		b, err := json.Marshal(fc)
		if err != nil {
			return in, err
		}
		l.GeoJSON = b
		out.Layers = append(out.Layers, l)
	}
	return out, nil
}

func thinRule(layer string) func(map[string]any) bool {
	significant := func(p map[string]any) bool {
		b, ok := p["gi_bin"].(float64)
		return ok && b != 0
	}
	counted := func(p map[string]any) bool {
		c, ok := p["count"].(float64)
		return ok && c > 0
	}
	switch layer {
	case "cells", "cube":
		return func(p map[string]any) bool { return significant(p) || counted(p) }
	case "emerging":
		return func(p map[string]any) bool {
			c, ok := p["pattern_code"].(float64)
			return ok && c != 0
		}
	}
	return nil
}

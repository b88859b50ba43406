package htmlmap

import (
	"slices"
	"strings"
)

// Input is everything a map shows. It holds published layers only: the
// maps never read an output folder's private/ files.
type Input struct {
	Title, Subtitle string
	// AsOf is the run date taken from the data (--as-of or the latest
	// record date), never the clock, so a map is reproducible.
	AsOf    string
	Version string   // htmap version that made the layers
	Sources []string // data source lines, shown in the footer
	// PrivacyNote is shown in the footer, e.g. "Counts below 10 are
	// withheld".
	PrivacyNote string
	// K is the privacy threshold: a withheld count reads "fewer than K".
	K      int
	Layers []Layer
}

// Layer is one published GeoJSON layer of a run.
type Layer struct {
	Kind    string // input kind folder: cases, ctdc, incidents, flows, ...
	Name    string // layer name: cells, emerging, cube, routes, ...
	GeoJSON []byte // an RFC 7946 FeatureCollection as published
}

// layerOrder is the drawing order, bottom to top: areas under lines under
// points. Unknown layer names come last, in name order.
var layerOrder = []string{"density", "cells", "cube", "emerging", "clusters", "corridors", "routes", "legs", "nodes"}

func layerRank(name string) int {
	if i := slices.Index(layerOrder, name); i >= 0 {
		return i
	}
	return len(layerOrder)
}

// sortedLayers returns the layers by kind, then drawing order, then name,
// so the map does not depend on the order the caller listed them in.
func sortedLayers(ls []Layer) []Layer {
	out := slices.Clone(ls)
	slices.SortStableFunc(out, func(a, b Layer) int {
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := layerRank(a.Name) - layerRank(b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// Only returns in with just the layers whose name (cells, routes, ...) or
// kind/name (cases/cells) is listed; an empty list keeps every layer. It
// serves `htmap map --layers`.
func (in Input) Only(names []string) Input {
	if len(names) == 0 {
		return in
	}
	var keep []Layer
	for _, l := range in.Layers {
		if slices.Contains(names, l.Name) || slices.Contains(names, l.Kind+"/"+l.Name) {
			keep = append(keep, l)
		}
	}
	in.Layers = keep
	return in
}

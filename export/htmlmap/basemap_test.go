package htmlmap

import (
	"testing"

	"github.com/htmap/htmap/data/country"
)

// TestBasemap: simplification keeps every country with a shape, keeps
// small islands, keeps rings valid, shrinks the data, and leaves the
// embedded shapes untouched.
func TestBasemap(t *testing.T) {
	all := country.All()
	before := 0
	withShape := 0
	for _, c := range all {
		if len(c.Shape) > 0 {
			withShape++
		}
		for _, p := range c.Shape {
			for _, r := range p {
				before += len(r)
			}
		}
	}
	bm := Basemap(basemapTolerance)
	after := 0
	got := map[string]bool{}
	for _, c := range bm {
		got[c.ISO3] = true
		for _, p := range c.Shape {
			for _, r := range p {
				after += len(r)
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Errorf("%s: ring of %d positions, open or degenerate", c.ISO3, len(r))
				}
			}
		}
	}
	if len(bm) != withShape {
		t.Errorf("basemap has %d countries, the table %d with a shape", len(bm), withShape)
	}
	for _, iso := range []string{"MLT", "SGP", "BHR", "NRU", "RUS", "FJI"} {
		if !got[iso] {
			t.Errorf("%s missing from the basemap", iso)
		}
	}
	if after*3 > before {
		t.Errorf("simplified to %d of %d positions; want under a third", after, before)
	}
	again := 0
	for _, c := range country.All() {
		for _, p := range c.Shape {
			for _, r := range p {
				again += len(r)
			}
		}
	}
	if again != before {
		t.Errorf("Basemap changed the embedded shapes: %d positions, was %d", again, before)
	}
	t.Logf("basemap: %d countries, %d positions (from %d)", len(bm), after, before)
}

package routes

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

func TestCountryAdapters(t *testing.T) {
	p, ok := CountryPlace("FJI")
	if !ok || p.ID != "FJI" || p.Kind != PlaceCountry || p.Point[1] > -15 || p.Point[1] < -20 {
		t.Fatalf("FJI %+v %v", p, ok)
	}
	if _, ok := CountryPlace("unknown"); ok {
		t.Error("placed unknown")
	}
	if n := CountryNeighbours("FRA"); !slices.Contains(n, "ESP") || !slices.Contains(n, "DEU") {
		t.Errorf("FRA neighbours %v", n)
	}
	cell := MapLocator([]Place{{ID: "c1", Kind: PlaceCell, Point: orb.Point{1, 2}}})
	loc := Chain(CountryPlace, cell)
	if p, ok := loc("c1"); !ok || p.Kind != PlaceCell {
		t.Errorf("chain cell %+v", p)
	}
	if p, ok := loc("ITA"); !ok || p.Name == "" {
		t.Errorf("chain ITA %+v", p)
	}
	// Routes between real country points: Japan-USA and Philippines-USA
	// cross the Pacific and split; Fiji-Tonga crosses the antimeridian.
	for _, c := range []struct {
		o, d  string
		split bool
	}{{"JPN", "USA", true}, {"PHL", "USA", true}, {"FJI", "TON", true}, {"FJI", "AUS", false}, {"NGA", "ITA", false}} {
		rs, undrawn := Draw([]Flow{{Key: Key{Origin: c.o, Dest: c.d}, Count: 1}}, CountryPlace, 100)
		if len(undrawn) != 0 {
			t.Fatalf("%s-%s undrawn", c.o, c.d)
		}
		_, multi := rs[0].Geometry.(orb.MultiLineString)
		if multi != c.split {
			t.Errorf("%s-%s: %T", c.o, c.d, rs[0].Geometry)
		}
	}
}

package routes

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

var testPlaces = []Place{
	{ID: "NGA", Point: orb.Point{8.1, 9.6}}, {ID: "GHA", Point: orb.Point{-1.0, 7.9}},
	{ID: "BEN", Point: orb.Point{2.3, 9.3}}, {ID: "TGO", Point: orb.Point{0.9, 8.5}},
	{ID: "ITA", Point: orb.Point{12.6, 42.5}}, {ID: "ESP", Point: orb.Point{-3.7, 40.2}},
	{ID: "FRA", Point: orb.Point{2.2, 46.2}},
	{ID: "BRA", Point: orb.Point{-51.9, -14.2}}, {ID: "USA", Point: orb.Point{-98.6, 39.8}},
	{ID: "CHN", Point: orb.Point{104.2, 35.9}}, {ID: "IND", Point: orb.Point{78.9, 20.6}},
	{ID: "RUS", Point: orb.Point{105.3, 61.5}}, {ID: "AUS", Point: orb.Point{133.8, -25.3}},
	{ID: "ZAF", Point: orb.Point{22.9, -30.6}}, {ID: "MEX", Point: orb.Point{-102.6, 23.6}},
	{ID: "JPN", Point: orb.Point{138.3, 36.2}}, {ID: "PHL", Point: orb.Point{121.8, 12.9}},
	{ID: "ARG", Point: orb.Point{-63.6, -38.4}}, {ID: "KAZ", Point: orb.Point{66.9, 48.0}},
}

func TestFlowDistanceByHand(t *testing.T) {
	// Parallel 10° flows one degree apart on the equator: both ends
	// 111.195 km apart, both flows 1111.95 km long: sqrt(2)/10.
	d := FlowDistance(orb.Point{0, 0}, orb.Point{10, 0}, orb.Point{0, 1}, orb.Point{10, 1}, 100)
	if want := math.Sqrt(2) / 10; math.Abs(d-want) > 1e-3 {
		t.Errorf("flow distance %v, want about %v", d, want)
	}
	if d := FlowDistance(orb.Point{0, 0}, orb.Point{10, 0}, orb.Point{0, 0}, orb.Point{10, 0}, 100); d != 0 {
		t.Errorf("identical flows at %v", d)
	}
}

// TestPlantedCorridor: 12 flows of 40 from four West African countries to
// three European ones, among 40 random flows of up to 30 elsewhere (no
// random flow starts in West Africa or ends in Europe). The planted
// corridor must come out first, with exactly its 12 flows.
func TestPlantedCorridor(t *testing.T) {
	west := []string{"NGA", "GHA", "BEN", "TGO"}
	europe := []string{"ITA", "ESP", "FRA"}
	var flows []Flow
	planted := map[[2]string]bool{}
	for _, o := range west {
		for _, d := range europe {
			flows = append(flows, Flow{Key: Key{Origin: o, Dest: d, Category: "sexual"}, Count: 30})
			flows = append(flows, Flow{Key: Key{Origin: o, Dest: d, Category: "labour"}, Count: 10})
			planted[[2]string{o, d}] = true
		}
	}
	others := []string{"BRA", "USA", "CHN", "IND", "RUS", "AUS", "ZAF", "MEX", "JPN", "PHL", "ARG", "KAZ"}
	rng := rand.New(rand.NewPCG(42, 0))
	seen := map[[2]string]bool{}
	for len(seen) < 40 {
		o, d := others[rng.IntN(len(others))], others[rng.IntN(len(others))]
		if o == d || seen[[2]string{o, d}] {
			continue
		}
		seen[[2]string{o, d}] = true
		flows = append(flows, Flow{Key: Key{Origin: o, Dest: d, Category: "labour"}, Count: 1 + rng.Int64N(30)})
	}
	flows = append(flows, Flow{Key: Key{Origin: "NGA", Dest: "XXX"}, Count: 99}) // cannot be placed
	rng.Shuffle(len(flows), func(i, j int) { flows[i], flows[j] = flows[j], flows[i] })

	cs, unplaced := Corridors(flows, MapLocator(testPlaces), CorridorOptions{})
	if len(unplaced) != 1 || unplaced[0].Dest != "XXX" || unplaced[0].Count != 99 {
		t.Errorf("unplaced %v", unplaced)
	}
	top := cs[0]
	if top.Count != 12*40 || len(top.Members) != 12 {
		t.Fatalf("top corridor count %d with %d members, want 480 and 12: %+v", top.Count, len(top.Members), top.Members)
	}
	for _, m := range top.Members {
		if !planted[[2]string{m.Origin, m.Dest}] {
			t.Errorf("member %s-%s is not planted", m.Origin, m.Dest)
		}
	}
	if len(top.Categories) != 2 || top.Categories[0] != (CategoryShare{"sexual", 360, 0.75}) {
		t.Errorf("categories %+v", top.Categories)
	}
	// The representative arc runs from West Africa to Western Europe.
	if o, d := top.Origin, top.Dest; o[0] < -1 || o[0] > 8.1 || o[1] < 7.9 || o[1] > 9.6 || d[1] < 40 || d[1] > 46.2 {
		t.Errorf("corridor ends %v %v", o, d)
	}
	if _, ok := top.Geometry.(orb.LineString); !ok {
		t.Errorf("geometry %T", top.Geometry)
	}
	var total int64
	for i, c := range cs {
		total += c.Count
		if c.ID != i || (i > 0 && c.Count > cs[i-1].Count) {
			t.Errorf("corridor %d out of order", i)
		}
	}
	var want int64
	for _, f := range flows {
		if f.Dest != "XXX" {
			want += f.Count
		}
	}
	if total != want {
		t.Errorf("corridors hold %d, flows %d", total, want)
	}
	// Input order does not matter.
	slices.Reverse(flows)
	cs2, _ := Corridors(flows, MapLocator(testPlaces), CorridorOptions{})
	if len(cs2) != len(cs) || cs2[0].Count != top.Count {
		t.Errorf("reversed input gives %d corridors", len(cs2))
	}
	t.Logf("%d corridors; top %d, second %d", len(cs), cs[0].Count, cs[1].Count)
}

package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// checkRFC7946 fails unless every ring is closed with at least 4
// positions, exteriors are counter-clockwise and holes clockwise, and all
// coordinates are finite and in range.
func checkRFC7946(t *testing.T, name string, g orb.Geometry) {
	t.Helper()
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	default:
		t.Errorf("%s: geometry %T", name, g)
		return
	}
	for _, p := range polys {
		for i, r := range p {
			if len(r) < 4 || r[0] != r[len(r)-1] {
				t.Errorf("%s: ring %d not closed or too short: %v", name, i, r)
				continue
			}
			a := ringArea(r)
			if (i == 0 && a <= 0) || (i > 0 && a >= 0) {
				t.Errorf("%s: ring %d has signed area %v", name, i, a)
			}
			for _, q := range r {
				if !(q[0] >= -180 && q[0] <= 180 && q[1] >= -90 && q[1] <= 90) {
					t.Errorf("%s: position %v out of range", name, q)
				}
			}
		}
	}
}

func planarArea(g orb.Geometry) float64 {
	s := 0.0
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			s += ringArea(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			s += planarArea(p)
		}
	}
	return s
}

func TestSplitAntimeridian(t *testing.T) {
	cases := []struct {
		name   string
		in     orb.Polygon
		pieces int
		area   float64 // square degrees, hand-computed
	}{
		{"box across 180", orb.Polygon{{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}, {170, -10}}}, 2, 400},
		{"clockwise box across 180", orb.Polygon{{{170, -10}, {170, 10}, {-170, 10}, {-170, -10}, {170, -10}}}, 2, 400},
		{"box not crossing", orb.Polygon{{{10, 0}, {20, 0}, {20, 5}, {10, 5}, {10, 0}}}, 1, 50},
		{"box with a hole across 180", orb.Polygon{
			{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}, {170, -10}},
			{{175, -5}, {175, 5}, {-175, 5}, {-175, -5}, {175, -5}},
		}, 2, 400 - 100},
		// Fiji-like island straddling 180: 179.5..180.5 = -179.5
		{"Fiji-like triangle", orb.Polygon{{{179.5, -17}, {-179.5, -16.5}, {179.8, -16}, {179.5, -17}}}, 2, 0.5*(1*0.5) + 0.5*(0.3*1) - 0.5*(0.3*1) + 0},
		// cap round the north pole, eastward (counter-clockwise seen from above)
		{"north polar cap", orb.Polygon{{{0, 80}, {90, 80}, {180, 80}, {-90, 80}, {0, 80}}}, 1, 360 * 10},
		{"south polar cap", orb.Polygon{{{0, -80}, {-90, -80}, {180, -80}, {90, -80}, {0, -80}}}, 1, 360 * 10},
	}
	for _, c := range cases {
		g := SplitAntimeridian(c.in)
		checkRFC7946(t, c.name, g)
		n := 1
		if mp, ok := g.(orb.MultiPolygon); ok {
			n = len(mp)
		}
		if n != c.pieces {
			t.Errorf("%s: %d pieces, want %d: %v", c.name, n, c.pieces, g)
		}
		if span := MaxLonSpan(g); span > 180 && c.pieces > 1 {
			t.Errorf("%s: ring spans %.1f°", c.name, span)
		}
		want := c.area
		if c.name == "Fiji-like triangle" {
			// shoelace on the unwrapped triangle (179.5,-17) (180.5,-16.5) (179.8,-16)
			want = math.Abs(0.5 * ((180.5-179.5)*(-16+17) - (179.8-179.5)*(-16.5+17)))
		}
		if got := planarArea(g); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: area %.6f square degrees, want %.6f", c.name, got, want)
		}
	}
}

// Natural Earth's Antarctica already runs along the pole from 180° to
// -180°; that edge is not a crossing and must be left alone.
func TestSplitLeavesCutRingsAlone(t *testing.T) {
	p := orb.Polygon{{{-180, -90}, {-180, -80}, {0, -70}, {180, -80}, {180, -90}, {-180, -90}}}
	g := SplitAntimeridian(p)
	if _, ok := g.(orb.Polygon); !ok || math.Abs(planarArea(g)-planarArea(orient(clonePolygon(p)))) > 1e-9 {
		t.Errorf("already-cut ring changed: %v", g)
	}
	checkRFC7946(t, "antarctica-like", g)
}

package gen

import (
	"math"
	"testing"
)

// unit is a 1-degree grid: x = 0 is -180, x = 360 is +180, y = 0 is -90.
var unit = grid{W: 360, PoleY: 0, scaleX: 1, scaleY: 1, transX: -180, transY: -90}

func TestSplitRingAntimeridian(t *testing.T) {
	// A 2x1 degree box from 179E to 179W at the equator.
	ring := []pt{{359, 90}, {1, 90}, {1, 91}, {359, 91}, {359, 90}}
	pieces, pole, err := splitRing(unit, ring)
	if err != nil || pole {
		t.Fatalf("err %v pole %v", err, pole)
	}
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2: %v", len(pieces), pieces)
	}
	var xs []int64
	for _, p := range pieces {
		if a := signedArea2(p); a != 2 && a != -2 {
			t.Errorf("piece %v: twice the area %d, want ±2", p, a)
		}
		minX, maxX := p[0][0], p[0][0]
		for _, q := range p {
			minX, maxX = min(minX, q[0]), max(maxX, q[0])
		}
		xs = append(xs, minX, maxX)
	}
	if !(xs[0] == 359 && xs[1] == 360 && xs[2] == 0 && xs[3] == 1) {
		t.Errorf("pieces span %v, want [359 360] then [0 1]", xs)
	}
}

func TestSplitRingPole(t *testing.T) {
	// A coast at 80S running once around the globe, written as world-atlas
	// writes Antarctica's: it starts and ends at -180.
	ring := []pt{{0, 10}, {90, 10}, {180, 10}, {270, 10}, {0, 10}}
	pieces, pole, err := splitRing(unit, ring)
	if err != nil || !pole || len(pieces) != 1 {
		t.Fatalf("pieces %v pole %v err %v", pieces, pole, err)
	}
	if a := signedArea2(pieces[0]); a != 7200 && a != -7200 {
		t.Errorf("twice the area %d, want ±7200 (360 x 10 degrees)", a)
	}
	polys, err := buildPolygon(unit, [][]pt{{{0, 0}, {180, 0}, {0, 0}, {0, 0}}, ring})
	if err != nil || len(polys) != 1 || signedArea2(polys[0][0]) != 7200 {
		t.Fatalf("buildPolygon: %v %v", polys, err)
	}
}

// TestAreaWholeEllipsoid: a ring around the whole map has the published
// surface area of the WGS84 ellipsoid, 510 065 621.7 km²; the northern
// hemisphere half of it.
func TestAreaWholeEllipsoid(t *testing.T) {
	all := ringAreaKm2([][2]float64{{-180, -90}, {180, -90}, {180, 90}, {-180, 90}, {-180, -90}})
	if math.Abs(all-510065621.7) > 1 {
		t.Errorf("ellipsoid area %.1f km², want 510065621.7", all)
	}
	north := ringAreaKm2([][2]float64{{-180, 0}, {180, 0}, {180, 90}, {-180, 90}, {-180, 0}})
	if math.Abs(north-all/2) > 1 {
		t.Errorf("hemisphere %.1f, want %.1f", north, all/2)
	}
	cw := ringAreaKm2([][2]float64{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}})
	// 1x1 degree at the equator: 12 308.8 km² (pyproj's geodesic square is
	// 12 308.78; the parallel at 1N differs from a geodesic by less).
	if math.Abs(-cw-12308.8) > 1 {
		t.Errorf("clockwise 1x1 degree cell %.2f, want -12308.8", cw)
	}
}

// TestPoleOfInaccessibility: for a C shape the centroid is in the gap; the
// pole must be inside, in the thick back of the C.
func TestPoleOfInaccessibility(t *testing.T) {
	// Centred on the equator so the cos(latitude) frame scale is 1.
	c := [][][2]float64{{{0, -5}, {10, -5}, {10, -3}, {2, -3}, {2, 3}, {10, 3}, {10, 5}, {0, 5}, {0, -5}}}
	x, y := poleOfInaccessibility(c, 1e-4)
	if signedDistance(x, y, c) <= 0 {
		t.Fatalf("pole %v,%v is outside", x, y)
	}
	// The thickest spot is an inner corner of the C: the point (a, a) as far
	// from both outer sides as from the corner (2, 2), a = 2√2/(1+√2).
	a := 2 * math.Sqrt2 / (1 + math.Sqrt2)
	if math.Abs(x-a) > 1e-3 || (math.Abs(y-(a-5)) > 1e-3 && math.Abs(y-(5-a)) > 1e-3) {
		t.Errorf("pole %v,%v; want %.4f,%.4f (or its mirror)", x, y, a, a)
	}
	sq := [][][2]float64{{{0, -2}, {4, -2}, {4, 2}, {0, 2}, {0, -2}}}
	if x, y := poleOfInaccessibility(sq, 1e-6); math.Abs(x-2) > 1e-3 || math.Abs(y) > 1e-3 {
		t.Errorf("square pole %v,%v, want 2,0", x, y)
	}
}

func TestRingSimple(t *testing.T) {
	square := []pt{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}
	bowtie := []pt{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}
	pinched := []pt{{0, 0}, {4, 0}, {2, 2}, {4, 4}, {0, 4}, {2, 2}, {0, 0}}
	spike := []pt{{0, 0}, {4, 0}, {2, 0}, {2, 2}, {0, 0}} // folds back along itself
	for _, c := range []struct {
		name string
		r    []pt
		want bool
	}{{"square", square, true}, {"bow tie", bowtie, false}, {"pinched", pinched, false}, {"spike", spike, false}} {
		if got := ringSimple(c.r); got != c.want {
			t.Errorf("%s: ringSimple = %v, want %v", c.name, got, c.want)
		}
	}
}

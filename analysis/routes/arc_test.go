package routes

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// Representative points (lon, lat) close to the ones data/country gives.
var (
	japan       = orb.Point{138.25, 36.20}
	usa         = orb.Point{-98.58, 39.83}
	philippines = orb.Point{121.77, 12.88}
	fiji        = orb.Point{178.07, -17.71}  // main island Viti Levu, west of 180
	fijiLau     = orb.Point{-178.80, -18.20} // Lau group, east of 180
	australia   = orb.Point{133.78, -25.27}
	tonga       = orb.Point{-175.20, -21.18}
	uk          = orb.Point{-1.47, 52.56}
	newYork     = orb.Point{-74.0, 40.7}
)

// haversineKm is an independent distance on the same sphere.
func haversineKm(a, b orb.Point) float64 {
	r := math.Pi / 180
	dlat, dlon := (b[1]-a[1])*r, (b[0]-a[0])*r
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(a[1]*r)*math.Cos(b[1]*r)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * EarthRadiusKm * math.Asin(math.Sqrt(h))
}

// latOnCircle is the latitude at longitude lon of the great circle through
// a and b (Williams' Aviation Formulary), independent of Arc's vectors.
func latOnCircle(a, b orb.Point, lon float64) float64 {
	r := math.Pi / 180
	l1, f1, l2, f2, l := a[0]*r, a[1]*r, b[0]*r, b[1]*r, lon*r
	num := math.Sin(f1)*math.Cos(f2)*math.Sin(l-l2) - math.Sin(f2)*math.Cos(f1)*math.Sin(l-l1)
	den := math.Cos(f1) * math.Cos(f2) * math.Sin(l1-l2)
	return math.Atan(num/den) / r
}

func parts(g orb.Geometry) []orb.LineString {
	switch g := g.(type) {
	case orb.LineString:
		return []orb.LineString{g}
	case orb.MultiLineString:
		return g
	}
	return nil
}

func checkArc(t *testing.T, name string, a, b orb.Point, wantParts int) []orb.LineString {
	t.Helper()
	g := Arc(a, b, 100)
	ps := parts(g)
	if len(ps) != wantParts {
		t.Fatalf("%s: %d parts (%T), want %d", name, len(ps), g, wantParts)
	}
	if wantParts == 1 {
		if _, ok := g.(orb.LineString); !ok {
			t.Errorf("%s: %T, want LineString", name, g)
		}
	}
	if ps[0][0] != a || ps[len(ps)-1][len(ps[len(ps)-1])-1] != b {
		t.Errorf("%s: ends %v %v, want %v %v", name, ps[0][0], ps[len(ps)-1][len(ps[len(ps)-1])-1], a, b)
	}
	var length float64
	for pi, p := range ps {
		for i, q := range p {
			if q[0] < -180 || q[0] > 180 || math.IsNaN(q[1]) {
				t.Fatalf("%s: bad point %v", name, q)
			}
			if d := math.Abs(latOnCircle(a, b, q[0]) - q[1]); d > 1e-9 {
				t.Errorf("%s: point %v off the great circle by %g°", name, q, d)
			}
			if i > 0 {
				s := haversineKm(p[i-1], q)
				length += s
				if s > 100+1e-9 || s == 0 {
					t.Errorf("%s: segment %d of part %d is %.3f km", name, i, pi, s)
				}
				if math.Abs(q[0]-p[i-1][0]) > 180 {
					t.Errorf("%s: part %d jumps the antimeridian at %v", name, pi, q)
				}
			}
		}
		if pi > 0 {
			end, start := ps[pi-1][len(ps[pi-1])-1], p[0]
			if math.Abs(end[0]) != 180 || end[0] != -start[0] || end[1] != start[1] {
				t.Errorf("%s: split %v -> %v not at ±180", name, end, start)
			}
			if d := math.Abs(latOnCircle(a, b, 180) - end[1]); d > 1e-9 {
				t.Errorf("%s: crossing latitude %v, formulary %v", name, end[1], latOnCircle(a, b, 180))
			}
		}
	}
	if want := haversineKm(a, b); math.Abs(length-want) > 1e-6*want {
		t.Errorf("%s: drawn length %.3f km, distance %.3f km", name, length, want)
	}
	return ps
}

func TestArcAntimeridian(t *testing.T) {
	ps := checkArc(t, "Japan-USA", japan, usa, 2)
	if ps[0][len(ps[0])-1][0] != 180 {
		t.Errorf("Japan-USA should leave Asia eastwards at +180, got %v", ps[0][len(ps[0])-1])
	}
	t.Logf("Japan-USA crosses 180 at lat %.6f", ps[0][len(ps[0])-1][1])
	ps = checkArc(t, "USA-Japan", usa, japan, 2)
	if ps[0][len(ps[0])-1][0] != -180 {
		t.Errorf("USA-Japan should reach -180 first, got %v", ps[0][len(ps[0])-1])
	}
	checkArc(t, "Philippines-USA", philippines, usa, 2)
	checkArc(t, "Fiji-Tonga", fiji, tonga, 2)
	checkArc(t, "Fiji(Lau)-Australia", fijiLau, australia, 2)
	ps = checkArc(t, "Fiji-Australia", fiji, australia, 1)
	for _, q := range ps[0] {
		if q[0] < australia[0]-1e-9 || q[0] > fiji[0]+1e-9 {
			t.Errorf("Fiji-Australia leaves the longitudes between its ends: %v", q)
		}
	}
	checkArc(t, "UK-New York", uk, newYork, 1)
}

func TestArcShortAndOpposite(t *testing.T) {
	if g := Arc(orb.Point{10, 10}, orb.Point{10.1, 10}, 100); len(g.(orb.LineString)) != 2 {
		t.Errorf("short arc %v, want its two ends", g)
	}
	// Opposite points: through the north pole region, each segment short.
	g := Arc(orb.Point{0, 0}, orb.Point{180, 0}, 100)
	var n int
	for _, p := range parts(g) {
		for i := 1; i < len(p); i++ {
			if s := haversineKm(p[i-1], p[i]); s > 100+1e-9 {
				t.Errorf("segment %g km", s)
			}
			n++
		}
	}
	if want := int(math.Ceil(math.Pi*EarthRadiusKm/2/100)) * 2; n != want {
		t.Errorf("%d segments, want %d", n, want)
	}
}

// TestArcMatchesPyproj compares the interpolated points with pyproj's
// geodesic points on the same sphere (a = 6371008.8 m, f = 0).
func TestArcMatchesPyproj(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	for _, c := range [][2]orb.Point{{japan, usa}, {philippines, usa}, {fiji, australia}, {uk, newYork}} {
		a, b := c[0], c[1]
		pts := densify(toVec(a), toVec(b), 100/EarthRadiusKm)
		script := fmt.Sprintf("import json\nfrom pyproj import Geod\ng=Geod(a=%g,f=0)\nprint(json.dumps(g.npts(%v,%v,%v,%v,%d)))",
			EarthRadiusKm*1000, a[0], a[1], b[0], b[1], len(pts)-2)
		out, err := exec.Command(py, "-c", script).Output()
		if err != nil {
			t.Fatal(err)
		}
		var ref [][2]float64
		if err := json.Unmarshal([]byte(strings.TrimSpace(string(out))), &ref); err != nil {
			t.Fatal(err)
		}
		if len(ref) != len(pts)-2 {
			t.Fatalf("pyproj gave %d points, want %d", len(ref), len(pts)-2)
		}
		for i, r := range ref {
			if d := haversineKm(orb.Point(r), pts[i+1].point()); d > 1e-6 {
				t.Errorf("%v-%v point %d: %v vs pyproj %v (%g km)", a, b, i+1, pts[i+1].point(), r, d)
			}
		}
	}
}

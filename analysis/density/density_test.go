package density

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// peerKDE holds the kde_quartic_arcgis entry of the peer oracles: ArcGIS's
// formulas evaluated by hand (numpy) on the six points of the Getis-Ord
// fixture, unweighted, radius 15.
type peerKDE struct {
	Points [][2]float64       `json:"-"`
	R15    map[string]float64 `json:"R15"`
	Rule   float64            `json:"silverman_default_radius"`
	Dm     float64            `json:"Dm"`
	SD     float64            `json:"SD"`
}

func loadPeer(t *testing.T) peerKDE {
	t.Helper()
	raw, err := os.ReadFile(testenv.Fixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	var all struct {
		KDE peerKDE `json:"kde_quartic_arcgis"`
		G   struct {
			Points [][2]float64 `json:"points"`
		} `json:"getisord_fixture"`
	}
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatal(err)
	}
	all.KDE.Points = all.G.Points
	if len(all.KDE.Points) != 6 || len(all.KDE.R15) != 3 {
		t.Fatalf("unexpected fixture shape: %+v", all.KDE)
	}
	return all.KDE
}

var oracleAt = map[string]orb.Point{"(20,20)": {20, 20}, "(25,15)": {25, 15}, "(30,25)": {30, 25}}

func near(got, want, rtol float64) bool {
	return math.Abs(got-want) <= rtol*math.Abs(want)
}

func TestPlanarPeerOracle(t *testing.T) {
	f := loadPeer(t)
	pts := make([]orb.Point, len(f.Points))
	for i, p := range f.Points {
		pts[i] = orb.Point{p[0], p[1]}
	}
	b, err := RuleOfThumbPlanar(pts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(b.SD, f.SD, 1e-12) || !near(b.Dm, f.Dm, 1e-12) || !near(b.Rule, f.Rule, 1e-12) {
		t.Errorf("rule of thumb SD %v Dm %v r %v, oracle %v %v %v", b.SD, b.Dm, b.Rule, f.SD, f.Dm, f.Rule)
	}
	for key, want := range f.R15 {
		got, err := EstimatePlanar(pts, nil, []orb.Point{oracleAt[key]}, 15)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got[0], want, 1e-12) {
			t.Errorf("density at %s = %.17g, oracle %.17g", key, got[0], want)
		}
	}
}

// The same six points laid out at the equator with one unit = 10 m are flat
// to within 1e-10, so the geodesic estimator must give the planar oracle's
// numbers divided by 0.01² (units² -> km²), and the rule of thumb times 0.01.
func TestGeodesicPeerOracle(t *testing.T) {
	f := loadPeer(t)
	const unitKm = 0.01
	deg := unitKm / (EarthRadiusKm * math.Pi / 180)
	toLL := func(x, y float64) orb.Point { return orb.Point{x * deg, y * deg} }
	pts := make([]orb.Point, len(f.Points))
	for i, p := range f.Points {
		pts[i] = toLL(p[0], p[1])
	}
	b, err := RuleOfThumb(pts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(b.SD, f.SD*unitKm, 1e-7) || !near(b.Dm, f.Dm*unitKm, 1e-7) || !near(b.Rule, f.Rule*unitKm, 1e-7) {
		t.Errorf("rule of thumb SD %v Dm %v r %v km, oracle x0.01: %v %v %v", b.SD, b.Dm, b.Rule, f.SD*unitKm, f.Dm*unitKm, f.Rule*unitKm)
	}
	for key, want := range f.R15 {
		q := oracleAt[key]
		s, err := Estimate(pts, nil, []orb.Point{toLL(q[0], q[1])}, Options{BandwidthKm: 15 * unitKm})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Density[0]; !near(got, want/(unitKm*unitKm), 1e-7) {
			t.Errorf("density at %s = %.10g /km², oracle %.10g", key, got, want/(unitKm*unitKm))
		}
	}
	// Default options reproduce the rule (far below the cap).
	s, err := Estimate(pts, nil, pts[:1], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !near(s.Bandwidth.Radius, f.Rule*unitKm, 1e-7) || s.Bandwidth.Capped || s.Bandwidth.Raised {
		t.Errorf("default bandwidth %+v", s.Bandwidth)
	}
}

// A single point's kernel integrates to its weight: summing density times
// cell area over a fine lon/lat grid (area R² cos φ dλ dφ) must give the
// weight back, here 7 at 60° N where a degree of longitude is half a degree
// of latitude, and across the antimeridian.
func TestKernelIntegratesToWeight(t *testing.T) {
	for _, c := range []orb.Point{{179.9, 60}, {10, -5}} {
		const r = 40.0
		step := 0.01 // degrees
		var at []orb.Point
		var area []float64
		for lat := c[1] - 0.5; lat <= c[1]+0.5; lat += step {
			for dlon := -1.0; dlon <= 1.0; dlon += step {
				lon := c[0] + dlon
				if lon > 180 {
					lon -= 360
				}
				at = append(at, orb.Point{lon, lat})
				rad := math.Pi / 180
				area = append(area, EarthRadiusKm*EarthRadiusKm*math.Cos(lat*rad)*step*rad*step*rad)
			}
		}
		s, err := Estimate([]orb.Point{c}, []float64{7}, at, Options{BandwidthKm: r})
		if err != nil {
			t.Fatal(err)
		}
		total := 0.0
		for i, d := range s.Density {
			total += d * area[i]
		}
		if math.Abs(total-7) > 7e-3 {
			t.Errorf("centre %v: integral %v, want 7", c, total)
		}
		// The peak is (3/π)·7/r² at the point itself.
		one, _ := Estimate([]orb.Point{c}, []float64{7}, []orb.Point{c}, Options{BandwidthKm: r})
		if want := 3 / math.Pi * 7 / (r * r); !near(one.Density[0], want, 1e-12) {
			t.Errorf("peak %v, want %v", one.Density[0], want)
		}
	}
}

// The index never loses a point: compare with a brute-force sum over every
// pair using the haversine formula.
func TestEstimateMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var pts, at []orb.Point
	var w []float64
	for i := 0; i < 3000; i++ {
		pts = append(pts, orb.Point{rng.Float64()*40 - 20 + 160*float64(i%2), rng.Float64()*30 + 30})
		w = append(w, float64(1+rng.IntN(5)))
	}
	for i := 0; i < 400; i++ {
		at = append(at, orb.Point{rng.Float64()*60 - 30 + 160*float64(i%2), rng.Float64()*40 + 25})
	}
	for i := range at { // wrap into [-180, 180]
		if at[i][0] > 180 {
			at[i][0] -= 360
		}
	}
	for i := range pts {
		if pts[i][0] > 180 {
			pts[i][0] -= 360
		}
	}
	const r = 300.0
	s, err := Estimate(pts, w, at, Options{BandwidthKm: r})
	if err != nil {
		t.Fatal(err)
	}
	nonzero := 0
	for i, q := range at {
		want := 0.0
		for j, p := range pts {
			want += w[j] * Quartic(haversine(p, q), r)
		}
		if math.Abs(s.Density[i]-want) > 1e-9*want+1e-15 {
			t.Fatalf("location %v: %v, brute force %v", q, s.Density[i], want)
		}
		if want > 0 {
			nonzero++
		}
	}
	if nonzero < 100 {
		t.Fatalf("only %d locations with density; test too weak", nonzero)
	}
}

func haversine(a, b orb.Point) float64 {
	rad := math.Pi / 180
	dla, dlo := (b[1]-a[1])*rad, (b[0]-a[0])*rad
	h := math.Pow(math.Sin(dla/2), 2) + math.Cos(a[1]*rad)*math.Cos(b[1]*rad)*math.Pow(math.Sin(dlo/2), 2)
	return 2 * math.Asin(math.Sqrt(h)) * EarthRadiusKm
}

// Weights act like repeated rows in the rule of thumb (weighted mean centre,
// weighted median, n = total weight).
func TestRuleOfThumbWeightsAreRepeats(t *testing.T) {
	pts := []orb.Point{{10, 50}, {11, 50.5}, {12.5, 49}, {9, 51}, {10.2, 50.1}}
	w := []float64{3, 1, 2, 4, 2}
	var rep []orb.Point
	for i, p := range pts {
		for k := 0; k < int(w[i]); k++ {
			rep = append(rep, p)
		}
	}
	a, err := RuleOfThumb(pts, w)
	if err != nil {
		t.Fatal(err)
	}
	b, err := RuleOfThumb(rep, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(a.Rule, b.Rule, 1e-12) || !near(a.Dm, b.Dm, 1e-12) || !near(a.SD, b.SD, 1e-12) || a.N != 12 {
		t.Errorf("weighted %+v, repeated %+v", a, b)
	}
}

// A worldwide dataset hits the 500 km cap; a floor raises a small radius.
func TestCapAndFloor(t *testing.T) {
	pts := []orb.Point{{-74, 40.7}, {2.35, 48.85}, {139.7, 35.7}, {-43.2, -22.9}, {28, -26.2}, {77.2, 28.6}}
	s, err := Estimate(pts, nil, pts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Bandwidth.Capped || s.Bandwidth.Radius != DefaultMaxBandwidthKm || s.Bandwidth.Rule < 3000 {
		t.Errorf("global bandwidth %+v", s.Bandwidth)
	}
	if want := 3 / math.Pi / (500 * 500); !near(s.Density[0], want, 1e-12) {
		t.Errorf("density at an isolated point %v, want %v", s.Density[0], want)
	}
	s, err = Estimate(pts[:2], nil, pts, Options{BandwidthKm: 5, MinBandwidthKm: SensitiveMinBandwidthKm})
	if err != nil {
		t.Fatal(err)
	}
	if s.Bandwidth.Radius != 25 || !s.Bandwidth.Raised {
		t.Errorf("floored bandwidth %+v", s.Bandwidth)
	}
	if _, err := Estimate([]orb.Point{{0, 95}}, nil, pts, Options{BandwidthKm: 5}); err == nil || err.Error() != "point 0: latitude 95 outside [-90, 90]" {
		t.Errorf("bad latitude: %v", err)
	}
	if _, err := Estimate([]orb.Point{{1, 1}, {1, 1}}, nil, pts, Options{}); err == nil {
		t.Error("zero rule-of-thumb bandwidth accepted")
	}
}

package cluster

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestSummarizeAntimeridian(t *testing.T) {
	pts := []orb.Point{{179, 0}, {-179, 0}, {179, 1}, {-179, 1}, {-179.5, 0.5}, {10, 10}, {10, 10}, {11, 10}, {12, 10}}
	w := []float64{1, 1, 1, 1, 2, 1, 1, 1, 1}
	labels := []int{0, 0, 0, 0, 0, -1, 1, 1, 1}
	s, err := Summarize(pts, w, labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 {
		t.Fatalf("%d summaries", len(s))
	}
	a := s[0]
	if a.NPoints != 5 || a.Weight != 6 || !a.CrossesAntimeridian {
		t.Errorf("cluster 0: %+v", a)
	}
	assertInts(t, "members", a.Members, []int{0, 1, 2, 3, 4})
	// The four corners alone average to (180, 0.5); the weight-2 point at
	// (-179.5, 0.5) pulls the mean just east of 180. Compare with the
	// unit-vector mean computed here independently.
	var x, y, z float64
	for i := 0; i < 5; i++ {
		la, lo := pts[i][1]*math.Pi/180, pts[i][0]*math.Pi/180
		x += w[i] * math.Cos(la) * math.Cos(lo)
		y += w[i] * math.Cos(la) * math.Sin(lo)
		z += w[i] * math.Sin(la)
	}
	wantLon := math.Atan2(y, x) * 180 / math.Pi
	wantLat := math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi
	if math.Abs(a.Centroid[0]-wantLon) > 1e-9 || math.Abs(a.Centroid[1]-wantLat) > 1e-9 {
		t.Errorf("centroid %v, want (%v, %v)", a.Centroid, wantLon, wantLat)
	}
	if wantLon > -179.5 || wantLon < -180 { // east of 180, west of the heavy point
		t.Errorf("independent centroid lon %v out of the expected range", wantLon)
	}
	poly, ok := a.Hull.(orb.Polygon)
	if !ok {
		t.Fatalf("hull %T", a.Hull)
	}
	r := poly[0]
	if len(r) != 5 || r[0] != r[len(r)-1] || r.Orientation() != orb.CCW {
		t.Errorf("hull ring %v", r)
	}
	// Unwrapped around the centroid (just east of -180), the hull spans
	// -181..-179, two degrees of longitude rather than 358.
	b := r.Bound()
	if b.Min != (orb.Point{-181, 0}) || b.Max != (orb.Point{-179, 1}) {
		t.Errorf("hull bound %v", b)
	}
	c := s[1]
	if c.NPoints != 3 || c.Weight != 3 {
		t.Errorf("cluster 1: %+v", c)
	}
	if _, ok := c.Hull.(orb.LineString); !ok {
		t.Errorf("collinear cluster hull %T %v", c.Hull, c.Hull)
	}
	if _, err := Summarize(pts, nil, labels[:3]); err == nil {
		t.Error("label count mismatch accepted")
	}
}

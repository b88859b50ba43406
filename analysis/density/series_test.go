package density

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// The series gives (d/r)² as chordToKm does, to rounding (the arcsine path
// rounds about eight times, the series about three: 1.2e-15 is ten units
// of 2^-53), for every chord within the radius, and refuses radii it
// cannot reach that way.
func TestArcSeries(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	for _, r := range []float64{1e-3, 1, 25, 357, 500, 1000, 1270} {
		c := kmToChord(r)
		a, ok := arcSeries(c, r)
		if !ok {
			t.Fatalf("r %v: no series", r)
		}
		worst := 0.0
		for i := 0; i < 10000; i++ {
			x := c * rng.Float64()
			d2 := x * x
			u2 := 0.0
			for n := seriesTerms - 1; n >= 0; n-- {
				u2 = u2*d2 + a[n]
			}
			u2 *= d2
			u := chordToKm(x) / r
			want := u * u
			if math.Abs(u2-want) > 1.2e-15*want {
				t.Fatalf("r %v, chord %v: (d/r)² %.17g, asin %.17g", r, x, u2, want)
			}
			worst = math.Max(worst, math.Abs(u2-want)/want)
		}
		t.Logf("r %v km: largest relative difference %.2g", r, worst)
	}
	for _, r := range []float64{1400, 5000, 30000} {
		if _, ok := arcSeries(kmToChord(r), r); ok {
			t.Errorf("r %v: series accepted", r)
		}
	}
}

// unit's math.Sincos is bit for bit math.Sin and math.Cos.
func TestUnitSincos(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 17))
	for i := 0; i < 200000; i++ {
		p := orb.Point{rng.Float64()*360 - 180, rng.Float64()*180 - 90}
		if i%4 == 0 { // coordinates as CSVs give them
			p = orb.Point{math.Round(p[0]*1e6) / 1e6, math.Round(p[1]*1e4) / 1e4}
		}
		la, lo := p[1]*math.Pi/180, p[0]*math.Pi/180
		want := [3]float64{math.Cos(la) * math.Cos(lo), math.Cos(la) * math.Sin(lo), math.Sin(la)}
		if got := unit(p); got != want {
			t.Fatalf("%v: %v, want %v", p, got, want)
		}
	}
}

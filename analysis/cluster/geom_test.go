package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
)

// unitVector uses math.Sincos; its bits must be those of the math.Sin and
// math.Cos formula every earlier result (and the scikit-learn fixtures)
// came from, for ordinary, huge, negative-zero and polar coordinates.
func TestUnitVectorMatchesSinCos(t *testing.T) {
	old := func(lon, lat float64) vec3 {
		la, lo := lat*math.Pi/180, lon*math.Pi/180
		cl := math.Cos(la)
		return vec3{cl * math.Cos(lo), cl * math.Sin(lo), math.Sin(la)}
	}
	r := rand.New(rand.NewPCG(3, 4))
	check := func(lon, lat float64) {
		got, want := unitVector(lon, lat), old(lon, lat)
		for k := range got {
			if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
				t.Fatalf("unitVector(%v, %v) = %v, want %v", lon, lat, got, want)
			}
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 90, -90, 180, -180, 45, 360, 1e-300, 1e12, -1e300, math.MaxFloat64} {
		check(v, 0)
		check(v, 90)
		check(0, math.Max(-90, math.Min(90, v)))
	}
	for i := 0; i < 1_000_000; i++ {
		check(720*r.Float64()-360, 180*r.Float64()-90)
		check(math.Ldexp(r.NormFloat64(), r.IntN(2000)-1000), 90*r.NormFloat64()/4)
	}
}

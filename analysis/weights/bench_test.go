package weights

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// benchPoints: 100,000 random points over about 316 x 316 km near the
// equator (one per square kilometre, the density of fine H3 cells).
func benchPoints() []orb.Point {
	rng := rand.New(rand.NewPCG(7, 7))
	pts := make([]orb.Point, 100_000)
	for i := range pts {
		pts[i] = orb.Point{rng.Float64() * 2.84, rng.Float64() * 2.84}
	}
	return pts
}

// About 9.4 neighbours per point within 1.73 km.
func BenchmarkDistanceBand100k(b *testing.B) {
	pts := benchPoints()
	for b.Loop() {
		if _, err := DistanceBand(pts, 1.73, Geodesic); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKNN8_100k(b *testing.B) {
	pts := benchPoints()
	for b.Loop() {
		if _, err := KNN(pts, 8, Geodesic); err != nil {
			b.Fatal(err)
		}
	}
}

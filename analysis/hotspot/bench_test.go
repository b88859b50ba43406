package hotspot

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
)

// benchSites returns 100,000 random points over a 316 x 316 km square
// near the equator with 8 nearest neighbours each, and Poisson-like counts.
func benchSites(b *testing.B) ([]float64, *weights.W) {
	b.Helper()
	const n = 100_000
	rng := rand.New(rand.NewPCG(7, 7))
	pts := make([]orb.Point, n)
	x := make([]float64, n)
	for i := range pts {
		pts[i] = orb.Point{rng.Float64() * 2.84, rng.Float64() * 2.84}
		x[i] = float64(rng.IntN(20))
	}
	w, err := weights.KNN(pts, 8, weights.Geodesic)
	if err != nil {
		b.Fatal(err)
	}
	return x, w
}

// BenchmarkAnalyze100k is the speed goal: Gi* and Local Moran with
// 999 permutations on 100,000 sites of 8 neighbours, under 2 s on 2 cores.
func BenchmarkAnalyze100k(b *testing.B) {
	x, w := benchSites(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(x, w, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyze100kNoPerm is the analytic part alone.
func BenchmarkAnalyze100kNoPerm(b *testing.B) {
	x, w := benchSites(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(x, w, Options{Permutations: -1}); err != nil {
			b.Fatal(err)
		}
	}
}

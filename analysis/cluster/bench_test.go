package cluster

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// benchData makes about n points: blobs of 500 with a 5 km spread around
// random land-ish centres, 1% uniform noise, and 10% exact duplicates.
func benchData(n int) ([]orb.Point, []float64) {
	r := rand.New(rand.NewPCG(99, 1))
	nb := int(float64(n) / 1.1 / 500)
	centres := make([]orb.Point, nb)
	for i := range centres {
		centres[i] = orb.Point{360*r.Float64() - 180, math.Asin(1.6*r.Float64()-0.8) * 180 / math.Pi}
	}
	return blobs(1, centres, 500, 5, n/100)
}

// BenchmarkDBSCAN1M: about 1.0 million points, eps 2 km, minPoints 10.
func BenchmarkDBSCAN1M(b *testing.B) {
	pts, w := benchData(1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := DBSCAN(pts, w, 2, 10)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.NClusters), "clusters")
	}
	b.ReportMetric(float64(len(pts)), "points")
}

// BenchmarkHDBSCAN100k: about 100,000 points, min cluster size 50.
func BenchmarkHDBSCAN100k(b *testing.B) {
	pts, w := benchData(100_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := HDBSCAN(pts, w, HDBSCANOptions{MinClusterSize: 50, MinSamples: 10})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.NClusters), "clusters")
	}
	b.ReportMetric(float64(len(pts)), "points")
}

// BenchmarkSuggestEps1M: the k-distance curve of about a million points.
func BenchmarkSuggestEps1M(b *testing.B) {
	pts, w := benchData(1_000_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := SuggestEps(pts, w, 10); err != nil {
			b.Fatal(err)
		}
	}
}

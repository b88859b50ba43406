package cluster

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/internal/testenv"
)

// benchPoints is bench/run's points file (testenv.BenchPoints) without
// the rows that weigh nothing, which the pipeline leaves out of clustering.
func benchPoints(b testing.TB) ([]orb.Point, []float64) {
	b.Helper()
	all, counts := testenv.BenchPoints(b)
	var pts []orb.Point
	var w []float64
	for i, c := range counts {
		if c > 0 {
			pts, w = append(pts, all[i]), append(w, c)
		}
	}
	return pts, w
}

// benchEps is bench/run's radius for n points: 1 km at 100,000 points scaled
// by sqrt(100000/n), rounded to the metre, in km.
func benchEps(n int) float64 {
	return math.Round(1000*math.Sqrt(100_000/float64(n))) / 1000
}

// BenchmarkDBSCANBench1M runs DBSCAN on bench/run's points file (1 M rows
// for the name, any size works) with bench/run's parameters: benchEps
// (0.316 km at 1 M rows, 0.707 km at 200,000), minPoints 10, weighted by
// count.
func BenchmarkDBSCANBench1M(b *testing.B) {
	pts, w := benchPoints(b)
	eps := benchEps(len(pts))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := DBSCAN(pts, w, eps, 10)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.NClusters), "clusters")
	}
	b.ReportMetric(float64(len(pts)), "points")
	b.ReportMetric(eps, "eps_km")
}

// On bench/run's points (HTMAP_BENCH_POINTS), at its radius, a third of it
// and three times it, the grid gives the labels of the k-d tree it replaced.
// The reference takes about a minute at a million points.
func TestDBSCANBenchPointsMatchKDTree(t *testing.T) {
	pts, w := benchPoints(t)
	eps := benchEps(len(pts))
	for _, e := range []float64{eps, eps / 3, eps * 3} {
		for _, m := range []float64{3, 10, 40} {
			got, err := DBSCAN(pts, w, e, m)
			if err != nil {
				t.Fatal(err)
			}
			if err := sameResult(got, kdDBSCAN(space{}, pts, w, e, m)); err != nil {
				t.Errorf("eps %v km, minPoints %v: %v", e, m, err)
			}
			t.Logf("eps %v km, minPoints %v: %d clusters, as the k-d tree", e, m, got.NClusters)
		}
	}
}

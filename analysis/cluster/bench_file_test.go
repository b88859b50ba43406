package cluster

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
)

// benchPoints reads lat, lon and count from the CSV named by
// HTMAP_BENCH_POINTS (bench/run's points_N.csv: a header with lat, lon and
// count columns), skipping rows that weigh nothing as the pipeline does. It
// skips the benchmark when the variable is unset, so CI never needs the file.
func benchPoints(b testing.TB) ([]orb.Point, []float64) {
	b.Helper()
	path := os.Getenv("HTMAP_BENCH_POINTS")
	if path == "" {
		b.Skip("HTMAP_BENCH_POINTS is not set")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		b.Fatal(err)
	}
	lat, lon, cnt := -1, -1, -1
	for i, h := range head {
		switch h {
		case "lat":
			lat = i
		case "lon":
			lon = i
		case "count":
			cnt = i
		}
	}
	if lat < 0 || lon < 0 || cnt < 0 {
		b.Fatalf("%s: header %v lacks lat, lon or count", path, head)
	}
	var pts []orb.Point
	var w []float64
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		y, err1 := strconv.ParseFloat(rec[lat], 64)
		x, err2 := strconv.ParseFloat(rec[lon], 64)
		c, err3 := strconv.ParseFloat(rec[cnt], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			continue // rows without coordinates: ingest drops them too
		}
		if c > 0 {
			pts, w = append(pts, orb.Point{x, y}), append(w, c)
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

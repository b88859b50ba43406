package density

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/htmap/htmap/geo"
	"github.com/paulmach/orb"
)

// benchPoints reads lat, lon and count from the CSV named by
// HTMAP_BENCH_POINTS (the bench/ case files), skipping the benchmark when
// the variable is unset so that CI never needs the file.
func benchPoints(b *testing.B) ([]orb.Point, []float64) {
	b.Helper()
	path := os.Getenv("HTMAP_BENCH_POINTS")
	if path == "" {
		b.Skip("HTMAP_BENCH_POINTS not set")
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
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	la, okLa := col["lat"]
	lo, okLo := col["lon"]
	cn, okCn := col["count"]
	if !okLa || !okLo || !okCn {
		b.Fatalf("%s: want lat, lon and count columns, have %v", path, head)
	}
	var pts []orb.Point
	var w []float64
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		lat, err1 := strconv.ParseFloat(rec[la], 64)
		lon, err2 := strconv.ParseFloat(rec[lo], 64)
		if err1 != nil || err2 != nil {
			continue // no coordinates: the pipeline has no point either
		}
		c, err := strconv.ParseFloat(rec[cn], 64)
		if err != nil {
			c = 1
		}
		pts = append(pts, orb.Point{lon, lat})
		w = append(w, c)
	}
	return pts, w
}

// pipelineLocations builds the locations pipeline.densityTable evaluates
// at: the centres of the grid:radius/5 cells within one radius of any
// occupied cell, in key order.
func pipelineLocations(b *testing.B, pts []orb.Point, radius float64) []orb.Point {
	b.Helper()
	sys, err := geo.ParseSystem(fmt.Sprintf("grid:%d", int(math.Max(5, math.Min(100, math.Round(radius/5))))))
	if err != nil {
		b.Fatal(err)
	}
	occ := map[geo.Key]bool{}
	for _, p := range pts {
		if k, ok := sys.Locate(p[1], p[0]); ok {
			occ[k] = true
		}
	}
	area := map[geo.Key]bool{}
	for k := range occ {
		for _, n := range sys.Within(k, radius) {
			area[n] = true
		}
	}
	keys := make([]geo.Key, 0, len(area))
	for k := range area {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	at := make([]orb.Point, len(keys))
	for i, k := range keys {
		at[i] = sys.Shape(k).Point
	}
	return at
}

// The Pipeline benchmarks time what pipeline.densityTable does on the
// bench file's points: BenchmarkPipelineDensity both of its calls into this
// package (RuleOfThumb, then Estimate at the grid cells it picks), the
// others each part, BenchmarkPipelineLocations the picking of the cells.
//
//	HTMAP_BENCH_POINTS=/tmp/bench-final/points_1000000.csv go test -run XXX -bench Pipeline -count 5 ./analysis/density
func BenchmarkPipelineDensity(b *testing.B) {
	pts, w := benchPoints(b)
	bw, err := RuleOfThumb(pts, w)
	if err != nil {
		b.Fatal(err)
	}
	radius := math.Min(bw.Rule, DefaultMaxBandwidthKm)
	at := pipelineLocations(b, pts, radius)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bw, err := RuleOfThumb(pts, w)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Estimate(pts, w, at, Options{BandwidthKm: math.Min(bw.Rule, DefaultMaxBandwidthKm)}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPipelineRuleOfThumb(b *testing.B) {
	pts, w := benchPoints(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := RuleOfThumb(pts, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPipelineEstimate(b *testing.B) {
	pts, w := benchPoints(b)
	bw, err := RuleOfThumb(pts, w)
	if err != nil {
		b.Fatal(err)
	}
	radius := math.Min(bw.Rule, DefaultMaxBandwidthKm)
	at := pipelineLocations(b, pts, radius)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Estimate(pts, w, at, Options{BandwidthKm: radius}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(at)), "locations")
	b.ReportMetric(radius, "km")
}

func BenchmarkPipelineLocations(b *testing.B) {
	pts, w := benchPoints(b)
	bw, err := RuleOfThumb(pts, w)
	if err != nil {
		b.Fatal(err)
	}
	radius := math.Min(bw.Rule, DefaultMaxBandwidthKm)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pipelineLocations(b, pts, radius)
	}
}

package density

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/internal/testenv"
)

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

// pipelinePoints is the bench file's points and the radius
// pipeline.densityTable takes for them (the rule of thumb, capped).
func pipelinePoints(b *testing.B) ([]orb.Point, []float64, float64) {
	b.Helper()
	pts, w := testenv.BenchPoints(b)
	bw, err := RuleOfThumb(pts, w)
	if err != nil {
		b.Fatal(err)
	}
	return pts, w, math.Min(bw.Rule, DefaultMaxBandwidthKm)
}

// The Pipeline benchmarks time what pipeline.densityTable does on the
// bench file's points: BenchmarkPipelineDensity both of its calls into this
// package (RuleOfThumb, then Estimate at the grid cells it picks), the
// others each part, BenchmarkPipelineLocations the picking of the cells.
//
//	HTMAP_BENCH_POINTS=/tmp/bench-final/points_1000000.csv go test -run XXX -bench Pipeline -count 5 ./analysis/density
func BenchmarkPipelineDensity(b *testing.B) {
	pts, w, radius := pipelinePoints(b)
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
	pts, w := testenv.BenchPoints(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := RuleOfThumb(pts, w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPipelineEstimate(b *testing.B) {
	pts, w, radius := pipelinePoints(b)
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
	pts, _, radius := pipelinePoints(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pipelineLocations(b, pts, radius)
	}
}

package density

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// BenchmarkEstimate: 1 million weighted points in 2,000 blobs, evaluated at
// the centres of a 0.25° grid over the blobs' latitudes (about 590,000
// cells), 50 km kernel.
func BenchmarkEstimate(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	pts := make([]orb.Point, 0, 1_000_000)
	w := make([]float64, 0, 1_000_000)
	for len(pts) < 1_000_000 {
		cx, cy := 360*r.Float64()-180, 120*r.Float64()-60
		for i := 0; i < 500; i++ {
			lon := cx + r.NormFloat64()*0.1/math.Cos(cy*math.Pi/180)
			lon = math.Mod(lon+540, 360) - 180
			pts = append(pts, orb.Point{lon, cy + r.NormFloat64()*0.1})
			w = append(w, float64(1+r.IntN(4)))
		}
	}
	var at []orb.Point
	for lat := -60.0; lat < 60; lat += 0.25 {
		for lon := -180.0; lon < 180; lon += 0.25 {
			at = append(at, orb.Point{lon + 0.125, lat + 0.125})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Estimate(pts, w, at, Options{BandwidthKm: 50}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(at)), "cells")
}

package geo

import (
	"math/rand/v2"
	"testing"

	"github.com/htmap/htmap/ingest"
)

// Speed goals (issue 3): at least 1 million points/s on one core for H3
// and 20 million for the grid. Run with
//
//	go test -run '^$' -bench Locate ./geo
//
// and read the points/s metric.

func benchPoints() [][2]float64 {
	r := rand.New(rand.NewPCG(5, 6))
	pts := make([][2]float64, 1<<16)
	for i := range pts {
		pts[i] = [2]float64{r.Float64()*170 - 85, r.Float64()*360 - 180}
	}
	return pts
}

func benchLocate(b *testing.B, s System) {
	pts := benchPoints()
	b.ResetTimer()
	var sink Key
	for i := 0; i < b.N; i++ {
		p := pts[i&(len(pts)-1)]
		k, _ := s.Locate(p[0], p[1])
		sink ^= k
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "points/s")
	_ = sink
}

func BenchmarkLocateH3Res5(b *testing.B) { benchLocate(b, NewH3(5)) }

func BenchmarkLocateGrid25(b *testing.B) { benchLocate(b, mustGrid(b, 25)) }

func BenchmarkLocateGrid1(b *testing.B) { benchLocate(b, mustGrid(b, 1)) }

func BenchmarkLocateCountry(b *testing.B) { benchLocate(b, DefaultCountries()) }

// BenchmarkAggregate measures records/s through AggregateParallel with
// one and two workers (dated, with a breakdown column).
func BenchmarkAggregate(b *testing.B) {
	// points clustered round 2000 places (σ = 0.1°), as real records are
	centres := benchPoints()[:2000]
	r := rand.New(rand.NewPCG(7, 8))
	recs := make([]ingest.Record, 200000)
	for i := range recs {
		c := centres[r.IntN(len(centres))]
		p := [2]float64{c[0] + r.NormFloat64()*0.1, c[1] + r.NormFloat64()*0.1}
		recs[i] = ingest.Record{Kind: ingest.KindIncidents, HasPoint: true, Lat: p[0], Lon: p[1], Count: 1,
			Date: ingest.Date{Year: int16(2014 + i%8), Month: uint8(1 + i%12), Precision: ingest.PrecisionMonth}, Route: "r"}
	}
	for _, sys := range []System{NewH3(5), mustGrid(b, 25)} {
		for _, w := range []int{1, 2} {
			b.Run(sys.Spec()+"/workers="+string(rune('0'+w)), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := AggregateParallel(sys, Options{Step: StepYear, By: []string{"route"}}, [][]ingest.Record{recs}, w); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(recs))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			})
		}
	}
}

package routes

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/htmap/htmap/ingest"
	"github.com/paulmach/orb"
)

// benchWorld is n places spread over the globe and m random flows
// between them, deterministic.
func benchWorld(n, m int) ([]Place, []Flow) {
	rng := rand.New(rand.NewPCG(1, 2))
	places := make([]Place, n)
	for i := range places {
		places[i] = Place{ID: fmt.Sprintf("P%03d", i), Point: orb.Point{rng.Float64()*360 - 180, rng.Float64()*140 - 70}}
	}
	seen := map[[2]int]bool{}
	var flows []Flow
	for len(flows) < m {
		i, j := rng.IntN(n), rng.IntN(n)
		if i == j || seen[[2]int{i, j}] {
			continue
		}
		seen[[2]int{i, j}] = true
		flows = append(flows, Flow{Key: Key{Origin: places[i].ID, Dest: places[j].ID}, Count: 1 + rng.Int64N(1000)})
	}
	return places, flows
}

func BenchmarkAccumulatorAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	recs := make([]ingest.Record, 50000) // about the CTDC file
	for i := range recs {
		recs[i] = ingest.Record{Kind: ingest.KindCTDC, Origin: fmt.Sprintf("C%02d", rng.IntN(50)),
			Destination: fmt.Sprintf("C%02d", rng.IntN(60)), Count: 1, Category: "sexual",
			Date: ingest.Date{Year: int16(2002 + rng.IntN(17)), Precision: ingest.PrecisionYear}}
	}
	b.ResetTimer()
	for b.Loop() {
		a := NewAccumulator(Options{ByYear: true, ByCategory: true})
		a.Add(recs)
		a.Table()
	}
}

func BenchmarkArcPacific(b *testing.B) {
	for b.Loop() {
		Arc(japan, usa, 100)
	}
}

func BenchmarkAnalyzeNetwork(b *testing.B) {
	_, flows := benchWorld(200, 3000) // about a country network
	b.ResetTimer()
	for b.Loop() {
		AnalyzeNetwork(flows, NetworkOptions{})
	}
}

func BenchmarkCorridors(b *testing.B) {
	places, flows := benchWorld(230, 4000)
	loc := MapLocator(places)
	b.ResetTimer()
	for b.Loop() {
		Corridors(flows, loc, CorridorOptions{})
	}
}

func BenchmarkFlowHotspots(b *testing.B) {
	places, flows := benchWorld(230, 4000)
	opt := HotspotOptions{Locate: MapLocator(places), BandKm: 1500, Permutations: 999}
	b.ResetTimer()
	for b.Loop() {
		FlowHotspots(flows, opt)
	}
}

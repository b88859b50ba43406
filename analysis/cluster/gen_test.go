package cluster

import (
	"math"
	"math/rand/v2"

	"github.com/paulmach/orb"
)

// blobs plants Gaussian point clusters (sigma in km) around the given
// centres, plus uniform background noise over the globe, and duplicates some
// rows with weights so that merged points matter. It is deterministic for a
// seed.
func blobs(seed uint64, centres []orb.Point, perBlob int, sigmaKm float64, noise int) ([]orb.Point, []float64) {
	r := rand.New(rand.NewPCG(seed, 7))
	var pts []orb.Point
	var w []float64
	for _, c := range centres {
		for i := 0; i < perBlob; i++ {
			dy := r.NormFloat64() * sigmaKm / 111.195
			dx := r.NormFloat64() * sigmaKm / (111.195 * math.Cos(c[1]*math.Pi/180))
			lon := c[0] + dx
			if lon > 180 {
				lon -= 360
			} else if lon < -180 {
				lon += 360
			}
			pts = append(pts, orb.Point{lon, math.Max(-90, math.Min(90, c[1]+dy))})
			w = append(w, float64(1+r.IntN(3)))
		}
	}
	for i := 0; i < noise; i++ {
		lat := math.Asin(2*r.Float64()-1) * 180 / math.Pi
		pts = append(pts, orb.Point{360*r.Float64() - 180, lat})
		w = append(w, 1)
	}
	// Repeat every tenth row exactly, so the inputs hold true duplicates.
	n := len(pts)
	for i := 0; i < n; i += 10 {
		pts = append(pts, pts[i])
		w = append(w, 1)
	}
	r.Shuffle(len(pts), func(i, j int) { pts[i], pts[j] = pts[j], pts[i]; w[i], w[j] = w[j], w[i] })
	return pts, w
}

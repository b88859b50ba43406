package density

import (
	"math"
	"testing"

	"github.com/htmap/htmap/data/sample"
	"github.com/paulmach/orb"
)

// On the synthetic sample the density surface peaks at the planted
// clusters: with a 30 km kernel every planted centre has more incidents per
// km² than any incident location more than 100 km from all of them, and the
// dead-and-missing mass over a fine grid around a cluster is its dead and
// missing (weighted, one large shipwreck elsewhere can outweigh a cluster of
// small incidents, so the peak check counts incidents).
func TestSamplePeaksAtPlantedClusters(t *testing.T) {
	truth, err := sample.EmbeddedTruth()
	if err != nil {
		t.Fatal(err)
	}
	pts, w, err := sample.EmbeddedIncidentPoints()
	if err != nil {
		t.Fatal(err)
	}
	const r = 30.0
	var centres []orb.Point
	for _, pc := range truth.Clusters {
		centres = append(centres, orb.Point{pc.Lon, pc.Lat})
	}
	far := []orb.Point{}
	for _, p := range pts {
		ok := true
		for _, c := range centres {
			if haversine(p, c) < 100 {
				ok = false
			}
		}
		if ok {
			far = append(far, p)
		}
	}
	s, err := Estimate(pts, nil, append(centres, far...), Options{BandwidthKm: r})
	if err != nil {
		t.Fatal(err)
	}
	maxFar := 0.0
	for _, d := range s.Density[len(centres):] {
		maxFar = math.Max(maxFar, d)
	}
	for i, pc := range truth.Clusters {
		if s.Density[i] <= maxFar {
			t.Errorf("%s: density %.4g/km² not above the background maximum %.4g", pc.Name, s.Density[i], maxFar)
		}
		t.Logf("%s: %.4g incidents per km² (background max %.4g)", pc.Name, s.Density[i], maxFar)
	}
	// Mass around Zuwara: integrate over a 0.02° grid 1.5° wide.
	z := truth.Clusters[0]
	var grid []orb.Point
	var area []float64
	const step = 0.02
	rad := math.Pi / 180
	for lat := z.Lat - 0.75; lat < z.Lat+0.75; lat += step {
		for lon := z.Lon - 0.9; lon < z.Lon+0.9; lon += step {
			grid = append(grid, orb.Point{lon, lat})
			area = append(area, EarthRadiusKm*EarthRadiusKm*math.Cos(lat*rad)*step*rad*step*rad)
		}
	}
	g, err := Estimate(pts, w, grid, Options{BandwidthKm: r})
	if err != nil {
		t.Fatal(err)
	}
	mass := 0.0
	for i, d := range g.Density {
		mass += d * area[i]
	}
	// Every incident within 40 km of the centre is fully inside the grid
	// (radius + 30 km kernel < 0.75° of latitude); count those as the floor
	// and those within 100 km as the ceiling.
	var lo, hi float64
	for i, p := range pts {
		d := haversine(p, orb.Point{z.Lon, z.Lat})
		if d < 40 {
			lo += w[i]
		}
		if d < 100 {
			hi += w[i]
		}
	}
	if mass < 0.99*lo || mass > hi {
		t.Errorf("mass around %s %.1f, want between %.0f and %.0f", z.Name, mass, lo, hi)
	}
	t.Logf("mass around %s: %.1f (planted %d, within 40 km %.0f)", z.Name, mass, z.Count, lo)
}

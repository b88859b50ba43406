package cluster

import (
	"math"
	"sort"
	"testing"

	"github.com/paulmach/orb"
)

// The curve holds each point's k-th nearest distance (itself first), checked
// by brute force, and its knee separates planted clusters from noise: the
// suggested eps lets DBSCAN recover the planted blobs.
func TestSuggestEpsRecoversPlantedClusters(t *testing.T) {
	centres := []orb.Point{{10, 45}, {-75, 5}, {120, -30}, {179.95, 60}}
	pts, _ := blobs(5, centres, 150, 3, 80)
	ones := make([]float64, len(pts)) // duplicates stay as repeated rows
	for i := range ones {
		ones[i] = 1
	}
	const k = 6
	c, err := SuggestEps(pts, ones, k)
	if err != nil {
		t.Fatal(err)
	}
	// Brute force k-distances on the distinct points.
	m, _ := merge(pts, ones)
	var want []float64
	for _, p := range m.pts {
		var ds []float64
		for j, q := range m.pts {
			for r := 0; r < int(m.w[j]); r++ {
				ds = append(ds, HaversineKm(p, q))
			}
		}
		sort.Float64s(ds)
		want = append(want, ds[k-1])
	}
	sort.Float64s(want)
	if len(want) != len(c.DistancesKm) {
		t.Fatalf("curve has %d points, want %d", len(c.DistancesKm), len(want))
	}
	for i := range want {
		if math.Abs(c.DistancesKm[i]-want[i]) > 1e-6 {
			t.Fatalf("k-distance %d = %v, brute force %v", i, c.DistancesKm[i], want[i])
		}
	}
	// Inside a 3 km blob of 150 the 6th neighbour is ~1-3 km away; noise
	// points over the globe are hundreds of km apart.
	if c.EpsKm < 1 || c.EpsKm > 50 {
		t.Errorf("suggested eps %.2f km (knee %d of %d)", c.EpsKm, c.Knee, len(c.DistancesKm))
	}
	res, err := DBSCAN(pts, nil, c.EpsKm, k)
	if err != nil {
		t.Fatal(err)
	}
	// Every planted blob is one cluster holding most of its points.
	for _, ctr := range centres {
		count := map[int]int{}
		for i, p := range pts {
			if HaversineKm(p, ctr) < 15 {
				count[res.Labels[i]]++
			}
		}
		top, topN, all := 0, 0, 0
		for l, n := range count {
			all += n
			if n > topN {
				top, topN = l, n
			}
		}
		if top == Noise || float64(topN) < 0.9*float64(all) {
			t.Errorf("blob at %v: labels %v", ctr, count)
		}
	}
	t.Logf("suggested eps %.3f km at knee %d of %d; DBSCAN found %d clusters", c.EpsKm, c.Knee, len(c.DistancesKm), res.NClusters)
}

func TestKneeIndex(t *testing.T) {
	// A hockey stick: flat then steep; the knee is the last flat point.
	d := []float64{1, 1, 1, 1, 1, 1, 1, 1, 2, 10, 20}
	if got := kneeIndex(d); got != 8 {
		t.Errorf("knee %d, want 8", got)
	}
	if got := kneeIndex([]float64{3, 3, 3}); got != 2 {
		t.Errorf("flat curve knee %d, want 2", got)
	}
}

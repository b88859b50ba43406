package hotspot

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
)

func gridPoints(n int) []orb.Point {
	pts := make([]orb.Point, 0, n*n)
	for r := 0; r < n; r++ {
		for q := 0; q < n; q++ {
			pts = append(pts, orb.Point{float64(q), float64(r)})
		}
	}
	return pts
}

// Values high in alternating 5 x 5 blocks on a unit grid: every site's
// nearest neighbour is 1 away, so the bands are exactly 1, 2, ..., 10, and
// global Moran's z peaks at band 2 (z about 31), well above 1.65.
func TestOptimizedBandPatches(t *testing.T) {
	pts := gridPoints(30)
	rng := rand.New(rand.NewPCG(1, 2))
	y := make([]float64, len(pts))
	for i, p := range pts {
		y[i] = rng.Float64()
		if (int(p[0])/5+int(p[1])/5)%2 == 0 {
			y[i] += 2
		}
	}
	b, err := OptimizedBand(pts, y, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	if b.Start != 1 || b.Step != 1 || !slices.Equal(b.Bands, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Fatalf("bands start %v step %v: %v", b.Start, b.Step, b.Bands)
	}
	if b.Distance != 2 || !strings.Contains(b.Reason, "first significant peak") {
		t.Errorf("band %v (%s), z %v", b.Distance, b.Reason, b.Z)
	}
	if !(b.Z[1] > b.Z[0] && b.Z[1] > b.Z[2] && b.Z[1] > 20) {
		t.Errorf("z %v does not peak at band 2", b.Z)
	}
}

// A linear trend keeps raising Moran's z with the band, so there is no
// peak and the band falls back to the average distance to the k-th
// nearest neighbour, k = clamp(0.05*900, 3, 30) = 30. On the unit grid an
// interior site's 30th neighbour is sqrt(10) = 3.162 away (4 at 1, 4 at
// sqrt 2, 4 at 2, 8 at sqrt 5, 4 at sqrt 8, 4 at 3, 8 at sqrt 10), edge
// sites farther.
func TestOptimizedBandFallback(t *testing.T) {
	pts := gridPoints(30)
	y := make([]float64, len(pts))
	for i, p := range pts {
		y[i] = p[0]
	}
	b, err := OptimizedBand(pts, y, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Reason, "30-th nearest neighbour") || b.Distance <= math.Sqrt(10) || b.Distance > 4.5 {
		t.Errorf("band %v (%s)", b.Distance, b.Reason)
	}
	kd, err := weights.KthNeighborDistances(pts, 30, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	if kd[15*30+15] != math.Sqrt(10) {
		t.Errorf("interior 30th neighbour at %v, want sqrt(10)", kd[15*30+15])
	}
}

// One remote site would make the first band span the map; it is set aside
// as a locational outlier and the bands still start at 1.
func TestOptimizedBandOutlier(t *testing.T) {
	pts := append(gridPoints(30), orb.Point{1000, 1000})
	y := make([]float64, len(pts))
	for i, p := range pts {
		y[i] = float64((int(p[0])/5 + int(p[1])/5) % 2)
	}
	b, err := OptimizedBand(pts, y, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Outliers, []int{900}) || b.Start != 1 {
		t.Errorf("outliers %v start %v", b.Outliers, b.Start)
	}
	if _, err := OptimizedBand(pts[:29], y[:29], weights.Planar); err == nil {
		t.Error("29 features accepted")
	}
}

package cluster

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// hdbscanFixture is worked out by hand below, following scikit-learn 1.3's
// HDBSCAN step by step (min_cluster_size=3, min_samples=2, EOM, no single
// cluster). The points lie on the x axis:
//
//	X1 = 0, 1, 2        X2 = 3.5, 4.5, 5.5     (X = X1 ∪ X2)
//	Y  = 20, 21, 22, 24
//	W1 = 50, 51, 52     W2 = 60, 61, 62        (W = W1 ∪ W2)
//	N  = 100
//
// Core distance (min_samples=2: the nearest other point): 1 for every point
// except 24 (2, to 22) and 100 (38, to 62). The mutual-reachability MST has
// edges of length 1 inside X1, X2, Y\{24}, W1, W2, and X1–X2 1.5, 22–24 2,
// X–Y 14.5, W1–W2 8, Y–W 26 (24 to 50), W–N 38.
//
// Condensed tree, reading the single-linkage tree from the top (λ = 1/d):
//   - λ=1/38: N (size 1 < 3) falls out of the root; the root goes on.
//   - λ=1/26: {X,Y} (10) and W (6) both reach 3: clusters A and W are born.
//   - λ=1/14.5: A splits into X (6) and Y (4), both clusters.
//   - λ=1/8: W splits into W1 and W2; λ=2/3: X splits into X1 and X2.
//   - λ=1/2: point 24 falls out of Y; λ=1: every remaining point falls out.
//
// Stabilities Σ(λ − λ_birth)·size:
//
//	X1 = X2 = 3(1 − 2/3) = 1        X = 6(2/3 − 1/14.5) = 3.5862
//	Y = (1/2 − 1/14.5) + 3(1 − 1/14.5) = 3.2241
//	A = 10(1/14.5 − 1/26) = 0.3050
//	W1 = W2 = 3(1 − 1/8) = 2.625     W = 6(1/8 − 1/26) = 0.5192
//
// Excess of mass, children first: X keeps itself (1 + 1 < 3.5862), so X1
// and X2 are dropped; A gives way to X and Y (3.5862 + 3.2241 > 0.3050); W
// gives way to W1 and W2 (5.25 > 0.5192). Selected: X, Y, W1, W2; N is
// noise. Numbered by first member: X 0, Y 1, W1 2, W2 3.
//
// Probabilities: λ_point / (largest λ among the cluster's own rows), capped
// at 1. X's own rows are its two child clusters at λ=2/3, and its points
// leave at λ=1, so they all get 1; in Y, 24 leaves at 1/2 against a death of
// 1, so 0.5; every other point 1; noise 0.
var hdbscanFixture = struct {
	x      []float64
	labels []int
	prob   []float64
}{
	x:      []float64{0, 1, 2, 3.5, 4.5, 5.5, 20, 21, 22, 24, 50, 51, 52, 60, 61, 62, 100},
	labels: []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, -1},
	prob:   []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1, 1, 0},
}

func TestHDBSCANHandFixture(t *testing.T) {
	f := hdbscanFixture
	pts := make([]orb.Point, len(f.x))
	for i, x := range f.x {
		pts[i] = orb.Point{x, 0}
	}
	res, err := HDBSCANPlanar(pts, nil, HDBSCANOptions{MinClusterSize: 3, MinSamples: 2})
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "labels", res.Labels, f.labels)
	for i, p := range res.Probabilities {
		if math.Abs(p-f.prob[i]) > 1e-12 {
			t.Errorf("probability of x=%v: %v, want %v", f.x[i], p, f.prob[i])
		}
	}
	if res.NClusters != 4 {
		t.Errorf("NClusters = %d, want 4", res.NClusters)
	}

	// Reversing the input changes nothing but the numbering (by first member).
	rev := make([]orb.Point, len(pts))
	for i := range pts {
		rev[len(pts)-1-i] = pts[i]
	}
	res2, err := HDBSCANPlanar(rev, nil, HDBSCANOptions{MinClusterSize: 3, MinSamples: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]int{0: 3, 1: 2, 2: 1, 3: 0, -1: -1}
	for i := range pts {
		if got := res2.Labels[len(pts)-1-i]; got != want[f.labels[i]] {
			t.Fatalf("reversed input: x=%v label %d, want %d", f.x[i], got, want[f.labels[i]])
		}
	}

	// The same fixture on the globe: one unit = 1 km along the equator is
	// flat enough that nothing changes.
	geo := make([]orb.Point, len(f.x))
	for i, x := range f.x {
		geo[i] = orb.Point{x / (EarthRadiusKm * math.Pi / 180), 0}
	}
	res3, err := HDBSCAN(geo, nil, HDBSCANOptions{MinClusterSize: 3, MinSamples: 2})
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "geodesic labels", res3.Labels, f.labels)
}

// min_samples defaults to min_cluster_size. With both 3 every core distance is
// the second-nearest neighbour's (2 at the ends of X1, X2, W1, W2 and for
// 20 and 22, 1 for their middles, 3 for 24, 39 for N); the tree's shape is unchanged,
// so N stays noise and X stays apart from W.
func TestHDBSCANDefaultMinSamples(t *testing.T) {
	f := hdbscanFixture
	pts := make([]orb.Point, len(f.x))
	for i, x := range f.x {
		pts[i] = orb.Point{x, 0}
	}
	res, err := HDBSCANPlanar(pts, nil, HDBSCANOptions{MinClusterSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.Labels[16] != Noise || res.Labels[0] == Noise || res.Labels[10] == res.Labels[0] {
		t.Errorf("labels %v", res.Labels)
	}
}

// Rows repeated k times behave like one row of weight k.
func TestHDBSCANWeightsAreRepeats(t *testing.T) {
	f := hdbscanFixture
	var pts, rep []orb.Point
	var w []float64
	var rowOf []int
	for i, x := range f.x {
		p := orb.Point{x, 0}
		pts = append(pts, p)
		k := 1 + i%2
		w = append(w, float64(k))
		for j := 0; j < k; j++ {
			rep = append(rep, p)
			rowOf = append(rowOf, i)
		}
	}
	opt := HDBSCANOptions{MinClusterSize: 4, MinSamples: 3}
	a, err := HDBSCANPlanar(pts, w, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := HDBSCANPlanar(rep, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	for k, i := range rowOf {
		if a.Labels[i] != b.Labels[k] || math.Abs(a.Probabilities[i]-b.Probabilities[k]) > 1e-12 {
			t.Fatalf("x=%v: weighted label %d p %v, repeated rows %d p %v", f.x[i], a.Labels[i], a.Probabilities[i], b.Labels[k], b.Probabilities[k])
		}
	}
	if a.NClusters < 2 {
		t.Errorf("weighted run found %d clusters: %v", a.NClusters, a.Labels)
	}
	t.Logf("weighted labels %v", a.Labels)
}

func TestHDBSCANErrors(t *testing.T) {
	pts := []orb.Point{{0, 0}, {1, 1}}
	if _, err := HDBSCAN(pts, nil, HDBSCANOptions{MinClusterSize: 1}); err == nil {
		t.Error("MinClusterSize 1 accepted")
	}
	if _, err := HDBSCAN(pts, nil, HDBSCANOptions{MinClusterSize: 5}); err == nil {
		t.Error("MinSamples above the total weight accepted")
	}
	res, err := HDBSCAN(pts, nil, HDBSCANOptions{MinClusterSize: 2})
	if err != nil || res.NClusters != 0 {
		t.Errorf("two points cannot make two clusters and the root is never one: %+v %v", res, err)
	}
}

package cluster

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// TestHDBSCANMatchesBruteForceReference compares HDBSCANPlanar with
// testdata/hdbscan_ref.py, which rebuilds scikit-learn 1.3's HDBSCAN steps
// from scratch and gets the MST from scipy over the full dense
// mutual-reachability matrix (no k-d tree, no Borůvka). Blobs of different
// spread and size plus uniform noise make a tree where excess of mass has
// real choices. The MST's total length (against scipy), every label and
// every probability must agree. Labels can agree exactly because both sides
// break ties between equal mutual-reachability edges by input order
// (scikit-learn breaks them by its Prim order instead, so on real
// scikit-learn a point whose edges tie at a split may land on the other
// side; the partition is otherwise the same).
func TestHDBSCANMatchesBruteForceReference(t *testing.T) {
	py := testenv.DebianPython(t, "scipy", "numpy")
	rng := rand.New(rand.NewPCG(11, 12))
	var pts []orb.Point
	blob := func(cx, cy, s float64, n int) {
		for i := 0; i < n; i++ {
			pts = append(pts, orb.Point{cx + rng.NormFloat64()*s, cy + rng.NormFloat64()*s})
		}
	}
	blob(0, 0, 1, 300)
	blob(6, 0, 1, 200)   // touches the first blob
	blob(30, 30, 4, 400) // wide and sparse
	blob(33, 31, 0.5, 60)
	blob(-20, 25, 0.2, 40)
	for i := 0; i < 200; i++ {
		pts = append(pts, orb.Point{rng.Float64()*80 - 40, rng.Float64()*80 - 30})
	}
	in := filepath.Join(t.TempDir(), "pts.csv")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pts {
		fmt.Fprintf(f, "%.17g,%.17g\n", p[0], p[1])
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ mcs, ms int }{{15, 5}, {40, 10}, {5, 5}}
	args := []string{"testdata/hdbscan_ref.py", in}
	for _, c := range cases {
		args = append(args, fmt.Sprintf("%d:%d", c.mcs, c.ms))
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("reference: %v", err)
	}
	var wants []struct {
		Labels []int     `json:"labels"`
		Prob   []float64 `json:"probabilities"`
		MST    float64   `json:"mst_total"`
	}
	if err := json.Unmarshal(out, &wants); err != nil || len(wants) != len(cases) {
		t.Fatalf("reference output: %v (%d results)", err, len(wants))
	}
	for k, c := range cases {
		want := wants[k]
		got, err := HDBSCANPlanar(pts, nil, HDBSCANOptions{MinClusterSize: float64(c.mcs), MinSamples: float64(c.ms)})
		if err != nil {
			t.Fatal(err)
		}
		// The MST through the k-d tree.
		emb, _ := space{planar: true}.embed(pts)
		w := make([]float64, len(pts))
		for i := range w {
			w[i] = 1
		}
		tr := newKDTree(emb, w)
		core2 := make([]float64, len(pts))
		for i := range core2 {
			core2[i], _, _ = tr.coreDist2(tr.pts[i], float64(c.ms), nil, nil)
		}
		total := 0.0
		edges := mutualReachabilityMST(tr, core2)
		for _, e := range edges {
			total += math.Sqrt(e.m2)
		}
		if len(edges) != len(pts)-1 || math.Abs(total-want.MST) > 1e-9*want.MST {
			t.Errorf("mcs %d ms %d: MST %d edges total %.12g, scipy %.12g", c.mcs, c.ms, len(edges), total, want.MST)
		}
		assertInts(t, fmt.Sprintf("mcs %d ms %d labels", c.mcs, c.ms), got.Labels, want.Labels)
		for i := range got.Probabilities {
			if math.Abs(got.Probabilities[i]-want.Prob[i]) > 1e-9 {
				t.Errorf("mcs %d ms %d: probability %d = %v, reference %v", c.mcs, c.ms, i, got.Probabilities[i], want.Prob[i])
				break
			}
		}
		noise := 0
		for _, l := range got.Labels {
			if l == Noise {
				noise++
			}
		}
		t.Logf("mcs %d ms %d: %d points, %d clusters, %d noise, MST %.6f - same as the reference", c.mcs, c.ms, len(pts), got.NClusters, noise, total)
	}
}

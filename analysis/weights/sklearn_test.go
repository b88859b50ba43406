package weights

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/internal/testenv"
)

// sklearnScript answers, for points in lon/lat degrees, the distance band
// and k nearest neighbours by scikit-learn's BallTree on the haversine
// metric (radius 6371.0088 km), an implementation that shares nothing
// with ours (no k-d tree, no unit vectors).
const sklearnScript = `
import json, sys
import numpy as np
from sklearn.neighbors import BallTree
d = json.load(open(sys.argv[1]))
R = 6371.0088
ll = np.radians(np.array([[p[1], p[0]] for p in d["pts"]]))
t = BallTree(ll, metric="haversine")
band = t.query_radius(ll, r=d["band"] / R)
dist, knn = t.query(ll, k=d["k"] + 1)
out = {"band": [sorted(int(j) for j in b if j != i) for i, b in enumerate(band)],
       "knn": [sorted(int(j) for j in row if j != i)[:d["k"]] for i, row in enumerate(knn)],
       "kdist": [float(r[-1]) * R for r in dist]}
json.dump(out, sys.stdout)
`

func TestAgainstSklearnBallTree(t *testing.T) {
	py := testenv.DebianPython(t, "sklearn", "numpy")
	rng := rand.New(rand.NewPCG(5, 5))
	const n = 3000
	pts := make([]orb.Point, n)
	for i := range pts {
		// Uniform on the sphere, plus a cluster straddling the antimeridian.
		lon := rng.Float64()*360 - 180
		lat := math.Asin(2*rng.Float64()-1) * 180 / math.Pi
		if i%20 == 0 {
			lon, lat = 180-rng.Float64()*2, rng.Float64()*2-1
			if i%40 == 0 {
				lon = -lon
			}
		}
		pts[i] = orb.Point{lon, lat}
	}
	const band, k = 400.0, 6
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	b, _ := json.Marshal(map[string]any{"pts": pts, "band": band, "k": k})
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", sklearnScript, in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("sklearn: %v", err)
	}
	var want struct {
		Band, KNN [][]int
		KDist     []float64
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	w, err := DistanceBand(pts, band, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	for i := range n {
		got := row(w, i)
		links += len(got)
		if !slices.Equal(got, want.Band[i]) && !(len(got) == 0 && len(want.Band[i]) == 0) {
			t.Errorf("band site %d: %v, sklearn %v", i, got, want.Band[i])
		}
	}
	if links < 5*n {
		t.Fatalf("only %d links: the test would prove little", links)
	}
	kw, err := KNN(pts, k, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if got := row(kw, i); !slices.Equal(got, want.KNN[i]) {
			t.Errorf("knn site %d: %v, sklearn %v", i, got, want.KNN[i])
		}
	}
	kd, err := KthNeighborDistances(pts, k, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	var worst float64
	for i := range n {
		worst = max(worst, math.Abs(kd[i]-want.KDist[i]))
	}
	if worst > 1e-6 {
		t.Errorf("k-th neighbour distances differ from sklearn by up to %v km", worst)
	}
	t.Logf("%d band links, max k-th distance difference %.2g km", links, worst)
}

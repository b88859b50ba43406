package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// TestDBSCANMatchesScikitLearn runs scikit-learn's DBSCAN (haversine metric,
// ball tree, sample_weight) on generated data - blobs at the antimeridian,
// near a pole and at mid latitudes, uniform noise, duplicated rows - and
// requires the same core points, the same noise set and, because border
// points follow scikit-learn's expansion order, the very same labels.
func TestDBSCANMatchesScikitLearn(t *testing.T) {
	py := testenv.DebianPython(t, "sklearn", "numpy")
	centres := []orb.Point{{179.9, -17}, {-179.8, -16.9}, {12.5, 41.9}, {12.9, 41.7}, {-99.1, 19.4}, {30, 88.5}, {-60, -64}}
	pts, w := blobs(42, centres, 250, 15, 600)
	dir := t.TempDir()
	in := filepath.Join(dir, "pts.csv")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pts {
		fmt.Fprintf(f, "%.17g,%.17g,%g\n", p[0], p[1], w[i])
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		eps float64
		min float64
	}{{10, 8}, {25, 20}, {60, 5}}
	args := []string{"testdata/sklearn_dbscan.py", in}
	for _, c := range cases {
		args = append(args, fmt.Sprintf("%v:%v", c.eps, c.min))
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("scikit-learn: %v", err)
	}
	var wants []struct {
		Labels []int `json:"labels"`
		Core   []int `json:"core"`
	}
	if err := json.Unmarshal(out, &wants); err != nil || len(wants) != len(cases) {
		t.Fatalf("scikit-learn output: %v (%d results)", err, len(wants))
	}
	for k, c := range cases {
		want := wants[k]
		got, err := DBSCAN(pts, w, c.eps, c.min)
		if err != nil {
			t.Fatal(err)
		}
		var core []int
		for i, isCore := range got.Core {
			if isCore {
				core = append(core, i)
			}
		}
		assertInts(t, fmt.Sprintf("eps %v min %v core", c.eps, c.min), core, want.Core)
		assertInts(t, fmt.Sprintf("eps %v min %v labels", c.eps, c.min), got.Labels, want.Labels)
		noise := 0
		for _, l := range got.Labels {
			if l == Noise {
				noise++
			}
		}
		t.Logf("eps %v km, minPoints %v: %d points, %d clusters, %d core, %d noise - identical to scikit-learn",
			c.eps, c.min, len(pts), got.NClusters, len(core), noise)
		if got.NClusters < 2 || len(core) == 0 {
			t.Errorf("degenerate case: %d clusters", got.NClusters)
		}
	}
}

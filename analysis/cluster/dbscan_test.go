package cluster

import (
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// peerDBSCAN is the dbscan_haversine entry of shared/fixtures/peer-oracles.json:
// scikit-learn DBSCAN(metric="haversine") on eight Manhattan points, eps 100 m.
type peerDBSCAN struct {
	LatLon [][2]float64 `json:"latlon_deg"`
	Min3   struct {
		Labels []int `json:"labels"`
		Core   []int `json:"core"`
	} `json:"min_samples3"`
	Min4 struct {
		Labels []int `json:"labels"`
	} `json:"min_samples4"`
	PairM map[string]float64 `json:"pair_m"`
}

func loadPeerDBSCAN(t *testing.T) peerDBSCAN {
	t.Helper()
	raw, err := os.ReadFile(testenv.Fixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	var all struct {
		D peerDBSCAN `json:"dbscan_haversine"`
	}
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatal(err)
	}
	if len(all.D.LatLon) != 8 {
		t.Fatalf("fixture has %d points, want 8", len(all.D.LatLon))
	}
	return all.D
}

func TestDBSCANPeerOracle(t *testing.T) {
	f := loadPeerDBSCAN(t)
	pts := make([]orb.Point, len(f.LatLon))
	for i, ll := range f.LatLon {
		pts[i] = orb.Point{ll[1], ll[0]}
	}
	// The fixture's pair distances (metres) check the distance function.
	for _, c := range []struct {
		key  string
		a, b int
	}{{"0-1", 0, 1}, {"0-2", 0, 2}, {"0-3", 0, 3}, {"1-2", 1, 2}, {"1-3", 1, 3}} {
		got := HaversineKm(pts[c.a], pts[c.b]) * 1000
		if want := f.PairM[c.key]; abs(got-want) > 0.006 {
			t.Errorf("distance %s = %.3f m, fixture %.2f m", c.key, got, want)
		}
	}
	res, err := DBSCAN(pts, nil, 0.1, 3)
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "labels min_samples=3", res.Labels, f.Min3.Labels)
	var core []int
	for i, c := range res.Core {
		if c {
			core = append(core, i)
		}
	}
	assertInts(t, "core min_samples=3", core, f.Min3.Core)
	if res.NClusters != 2 {
		t.Errorf("NClusters = %d, want 2", res.NClusters)
	}
	res, err = DBSCAN(pts, nil, 0.1, 4)
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "labels min_samples=4", res.Labels, f.Min4.Labels)

	// Weight 2 on point 7 alone does not make it core with minPoints 3; weight
	// 3 does, and a lone core point is a cluster of its own (numbered after
	// the two earlier clusters).
	w := []float64{1, 1, 1, 1, 1, 1, 1, 3}
	res, err = DBSCAN(pts, w, 0.1, 3)
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "labels weighted", res.Labels, []int{0, 0, 0, 0, 1, 1, 1, 2})
}

// Duplicated rows behave like one row carrying their summed weight.
func TestDBSCANDuplicatesEqualWeights(t *testing.T) {
	f := loadPeerDBSCAN(t)
	var pts []orb.Point
	var w []float64
	var dup []orb.Point
	var rowOf []int
	for i, ll := range f.LatLon {
		p := orb.Point{ll[1], ll[0]}
		pts = append(pts, p)
		w = append(w, float64(i%3+1))
		for k := 0; k <= i%3; k++ {
			dup = append(dup, p)
			rowOf = append(rowOf, i)
		}
	}
	a, err := DBSCAN(pts, w, 0.1, 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DBSCAN(dup, nil, 0.1, 4)
	if err != nil {
		t.Fatal(err)
	}
	for k, i := range rowOf {
		if b.Labels[k] != a.Labels[i] || b.Core[k] != a.Core[i] {
			t.Fatalf("duplicate row %d (point %d): label %d core %v, weighted %d %v", k, i, b.Labels[k], b.Core[k], a.Labels[i], a.Core[i])
		}
	}
	if a.NClusters == 0 {
		t.Fatalf("weighted run found no cluster: %v", a.Labels)
	}
}

func TestDBSCANErrors(t *testing.T) {
	pts := []orb.Point{{0, 0}, {1, 91}}
	if _, err := DBSCAN(pts, nil, 1, 2); err == nil || err.Error() != "point 1: latitude 91 outside [-90, 90]" {
		t.Errorf("bad latitude: err = %v", err)
	}
	if _, err := DBSCAN(pts[:1], []float64{-1}, 1, 2); err == nil {
		t.Error("negative weight accepted")
	}
	if _, err := DBSCAN(pts[:1], nil, 0, 2); err == nil {
		t.Error("eps 0 accepted")
	}
	res, err := DBSCAN(nil, nil, 1, 2)
	if err != nil || len(res.Labels) != 0 {
		t.Errorf("empty input: %v %v", res, err)
	}
}

// With many invalid rows, spread over parallel chunks, the error names the
// first, whatever GOMAXPROCS.
func TestDBSCANFirstInvalidPoint(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	pts := make([]orb.Point, 50_000)
	for i := range pts {
		pts[i] = orb.Point{float64(i%360) - 180, 10}
	}
	for _, i := range []int{49_000, 30_000, 17_123, 4_097} {
		pts[i][1] = 95
	}
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		if _, err := DBSCAN(pts, nil, 1, 2); err == nil || err.Error() != "point 4097: latitude 95 outside [-90, 90]" {
			t.Errorf("GOMAXPROCS %d: err = %v", procs, err)
		}
	}
}

// Points on both sides of the antimeridian are neighbours.
func TestDBSCANAntimeridian(t *testing.T) {
	pts := []orb.Point{{179.999, 10}, {-179.999, 10}, {179.9995, 10.0005}, {0, 10}}
	res, err := DBSCAN(pts, nil, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	assertInts(t, "labels", res.Labels, []int{0, 0, 0, -1})
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func assertInts(t *testing.T, what string, got, want []int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: got %v, want %v", what, got, want)
			return
		}
	}
}

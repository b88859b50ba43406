package cluster

import (
	"testing"

	"github.com/paulmach/orb"
)

// 300,000 rows at three spots would be 9·10^10 neighbour pairs without
// merging; merged they are three tree entries. The labels are those of three
// points weighing 100,000 each: Paris and Versailles (17 km apart) are one
// cluster at eps 20 km, Lyon another.
func TestDBSCANHeavyDuplicatesMerge(t *testing.T) {
	spots := []orb.Point{{2.3522, 48.8566}, {2.1301, 48.8049}, {4.8357, 45.764}}
	pts := make([]orb.Point, 0, 300_000)
	for i := 0; i < 300_000; i++ {
		pts = append(pts, spots[i%3])
	}
	m, err := merge(pts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.pts) != 3 || m.w[0] != 100_000 {
		t.Fatalf("merged to %d points, weights %v", len(m.pts), m.w)
	}
	res, err := DBSCAN(pts, nil, 20, 150_000)
	if err != nil {
		t.Fatal(err)
	}
	if res.NClusters != 1 || res.Labels[0] != 0 || res.Labels[1] != 0 || res.Labels[2] != Noise || res.Labels[299_999] != Noise {
		t.Errorf("minPoints 150,000: %d clusters, labels %v", res.NClusters, res.Labels[:3])
	}
	res, err = DBSCAN(pts, nil, 20, 100_000)
	if err != nil {
		t.Fatal(err)
	}
	if res.NClusters != 2 || res.Labels[2] != 1 || res.Labels[299_998] != 0 {
		t.Errorf("minPoints 100,000: %d clusters, labels %v", res.NClusters, res.Labels[:3])
	}
	h, err := HDBSCAN(pts, nil, HDBSCANOptions{MinClusterSize: 1000, MinSamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	// HDBSCAN sees three infinitely dense spots (core distance 0, lambda
	// infinite), so each is a cluster of its own, as scikit-learn would find
	// on the repeated rows.
	if h.NClusters != 3 || h.Labels[0] != 0 || h.Labels[1] != 1 || h.Labels[2] != 2 || h.Labels[299_999] != 2 || h.Probabilities[5] != 1 {
		t.Errorf("HDBSCAN: %d clusters, labels %v", h.NClusters, h.Labels[:3])
	}
}

package cluster

import (
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// missingMigrants reads the real Missing Migrants incidents 2014-2021:
// "lat, lon" coordinates and total dead and missing per incident.
func missingMigrants(t *testing.T) ([]orb.Point, []float64) {
	t.Helper()
	f, err := os.Open(testenv.SharedFile(t, "missing_migrants_global_2014_2021.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var pts []orb.Point
	var w []float64
	for _, r := range rows[1:] {
		ll := strings.Split(r[col["Location Coordinates"]], ",")
		if len(ll) != 2 {
			continue
		}
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(ll[0]), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(ll[1]), 64)
		n, err3 := strconv.ParseFloat(r[col["Total Dead and Missing"]], 64)
		// A few rows have latitude and longitude swapped (latitude -114.6);
		// sorting those out is ingest's job, here they are skipped.
		if err1 != nil || err2 != nil || err3 != nil || n <= 0 || lat < -90 || lat > 90 {
			continue
		}
		pts = append(pts, orb.Point{lon, lat})
		w = append(w, n)
	}
	if len(pts) < 8000 {
		t.Fatalf("only %d usable incidents", len(pts))
	}
	return pts, w
}

// On the real incidents the clusters are where the deaths are known to
// concentrate: the heaviest in the central Mediterranean between Libya and
// Italy, the most numerous on the US-Mexico border. (Some West African rows
// of this file have longitude and latitude swapped and form a spurious
// cluster in Gabon; ingest has to catch those.)
func TestMissingMigrantsClusters(t *testing.T) {
	pts, w := missingMigrants(t)
	for _, run := range []struct {
		name string
		res  func() (Result, error)
	}{
		{"DBSCAN 50 km, 30 incidents", func() (Result, error) { return DBSCAN(pts, nil, 50, 30) }},
		{"HDBSCAN 30/10", func() (Result, error) {
			return HDBSCAN(pts, nil, HDBSCANOptions{MinClusterSize: 30, MinSamples: 10})
		}},
	} {
		res, err := run.res()
		if err != nil {
			t.Fatal(err)
		}
		sums, err := Summarize(pts, w, res.Labels)
		if err != nil {
			t.Fatal(err)
		}
		inMed, inUSMX := false, false
		// Heaviest by dead and missing: the Mediterranean's shipwrecks.
		slices.SortFunc(sums, func(a, b Summary) int { return int(b.Weight - a.Weight) })
		for i, s := range sums[:min(3, len(sums))] {
			c := s.Centroid
			t.Logf("%s: heaviest #%d cluster %d: %d incidents, %v dead/missing, centroid %.2f,%.2f", run.name, i+1, s.Label, s.NPoints, s.Weight, c[0], c[1])
			inMed = inMed || c[0] > 5 && c[0] < 25 && c[1] > 30 && c[1] < 40
		}
		// Largest by incidents: the Sonoran desert's many single deaths.
		slices.SortFunc(sums, func(a, b Summary) int { return b.NPoints - a.NPoints })
		for i, s := range sums[:min(3, len(sums))] {
			c := s.Centroid
			t.Logf("%s: largest #%d cluster %d: %d incidents, %v dead/missing, centroid %.2f,%.2f", run.name, i+1, s.Label, s.NPoints, s.Weight, c[0], c[1])
			inUSMX = inUSMX || c[0] > -118 && c[0] < -97 && c[1] > 25 && c[1] < 33
		}
		if !inMed || !inUSMX {
			t.Errorf("%s: three largest clusters miss the Mediterranean (%v) or the US-Mexico border (%v)", run.name, inMed, inUSMX)
		}
		t.Logf("%s: %d clusters over %d incidents", run.name, res.NClusters, len(pts))
	}
}

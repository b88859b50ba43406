package hotspot

import (
	"encoding/csv"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/uber/h3-go/v4"

	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/internal/testenv"
)

// TestMissingMigrantsHotspots is the real-data check: IOM Missing
// Migrants incidents 2014-2021 counted per H3 resolution 3 cell, the band
// chosen by OptimizedBand on the cells' centres, and Analyze. The Central
// Mediterranean and the US-Mexico border must come out hot at 99 %. The
// CSV is read minimally here (coordinates only; rows whose "lat, lon"
// falls outside the valid range, the swapped ones, are skipped); the
// ingest stage does the full cleaning.
func TestMissingMigrantsHotspots(t *testing.T) {
	if testing.Short() {
		t.Skip("real data in -short mode")
	}
	f, err := os.Open(testenv.SharedFile(t, "missing_migrants_global_2014_2021.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for k, name := range recs[0] {
		if name == "Location Coordinates" {
			col = k
		}
	}
	if col < 0 {
		t.Fatal("no Location Coordinates column")
	}
	count := map[h3.Cell]float64{}
	for _, r := range recs[1:] {
		ll := strings.Split(r[col], ",")
		if len(ll) != 2 {
			continue
		}
		lat, err1 := strconv.ParseFloat(strings.TrimSpace(ll[0]), 64)
		lon, err2 := strconv.ParseFloat(strings.TrimSpace(ll[1]), 64)
		if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
			continue
		}
		c, err := h3.LatLngToCell(h3.NewLatLng(lat, lon), 3)
		if err != nil {
			t.Fatal(err)
		}
		count[c]++
	}
	// As ArcGIS's Optimized Hot Spot Analysis counts incidents in a fishnet
	// that includes the empty cells, the cells two rings around every cell
	// with an incident join with a count of 0: a hot spot is a place with
	// more incidents than its surroundings, and the surroundings include
	// the places where nothing was recorded.
	withRing := map[h3.Cell]float64{}
	for c, v := range count {
		disk, err := h3.GridDisk(c, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range disk {
			if _, ok := withRing[d]; !ok {
				withRing[d] = 0
			}
		}
		withRing[c] = v
	}
	// Map order is random; sort the cells so the run is reproducible.
	keys := make([]h3.Cell, 0, len(withRing))
	for c := range withRing {
		keys = append(keys, c)
	}
	slices.Sort(keys)
	var cells []h3.Cell
	var pts []orb.Point
	var y []float64
	for _, c := range keys {
		v := withRing[c]
		ll, err := c.LatLng()
		if err != nil {
			t.Fatal(err)
		}
		cells = append(cells, c)
		pts = append(pts, orb.Point{ll.Lng, ll.Lat})
		y = append(y, v)
	}
	band, err := OptimizedBand(pts, y, weights.Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	w, err := weights.DistanceBand(pts, band.Distance, weights.Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(y, w, Options{Permutations: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cells; band %.1f km: %s; %d islands", len(cells), band.Distance, band.Reason, len(r.Islands))
	hotNear := func(name string, lon, lat, km float64) {
		t.Helper()
		n, best := 0, 0.0
		for i, p := range pts {
			if haversineKm(p, orb.Point{lon, lat}) <= km && r.GiBin[i] == 3 {
				n++
				best = max(best, r.GiZ[i])
			}
		}
		if n == 0 {
			t.Errorf("%s: no cell within %v km hot at 99 %%", name, km)
		}
		t.Logf("%s: %d cells hot at 99 %% within %v km, max z %.1f", name, n, km, best)
	}
	hotNear("Central Mediterranean (Lampedusa)", 12.6, 35.5, 300)
	hotNear("US-Mexico border (Arizona, Sonoran desert)", -111.5, 31.8, 300)
	hotNear("US-Mexico border (lower Rio Grande)", -98.2, 26.3, 300)
}

func haversineKm(a, b orb.Point) float64 {
	la1, la2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dla, dlo := la2-la1, (b[0]-a[0])*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * weights.EarthRadiusKm * math.Asin(math.Sqrt(h))
}

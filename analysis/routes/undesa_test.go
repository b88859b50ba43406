package routes

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/biter777/countries"
	"github.com/htmap/htmap/ingest"
	"github.com/htmap/htmap/internal/testenv"
	"github.com/paulmach/orb"
)

// centroidLocator reads the shared country centroids (alpha-2 keyed) and
// places alpha-3 ids through biter777/countries: a stand-in for
// data/country in tests.
func centroidLocator(t *testing.T) Locator {
	t.Helper()
	f, err := os.Open(testenv.SharedFile(t, "country_centroids.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var places []Place
	for _, r := range rows[1:] {
		c := countries.ByName(r[3])
		if c == countries.Unknown {
			continue
		}
		lon, err1 := strconv.ParseFloat(r[0], 64)
		lat, err2 := strconv.ParseFloat(r[1], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("centroid row %v", r)
		}
		places = append(places, Place{ID: c.Alpha3(), Name: r[2], Point: orb.Point{lon, lat}})
	}
	return MapLocator(places)
}

func inEurope(iso3 string) bool { return countries.ByName(iso3).Region() == countries.RegionEU }

// TestUNDESACorridorsIntoEurope: migrant stock in Europe in 2019 from
// outside Europe folds into a few corridors that carry most of it.
func TestUNDESACorridorsIntoEurope(t *testing.T) {
	f, err := os.Open(testenv.SharedFile(t, "un_migrant_stock_2019_long.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var recs []ingest.Record
	for _, r := range rows[1:] {
		if r[0] != "2019" || !inEurope(r[2]) || inEurope(r[1]) || r[1] == "" {
			continue
		}
		n, err := strconv.ParseInt(r[5], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, ingest.Record{Kind: ingest.KindFlows, Origin: r[1], Destination: r[2], Count: n,
			Date: ingest.Date{Year: 2019, Precision: ingest.PrecisionYear}})
	}
	a := NewAccumulator(Options{})
	a.Add(recs)
	tab := a.Table()
	cs, unplaced := Corridors(tab.Flows, centroidLocator(t), CorridorOptions{})
	var total int64
	for _, c := range cs {
		total += c.Count
	}
	var top10 int64
	for _, c := range cs[:10] {
		top10 += c.Count
	}
	var placed int64
	for _, fl := range tab.Flows {
		placed += fl.Count
	}
	for _, u := range unplaced {
		placed -= u.Count
	}
	if total != placed {
		t.Errorf("corridors hold %d, placed flows %d", total, placed)
	}
	if len(cs) > len(tab.Flows)/20 || float64(top10) < 0.6*float64(total) {
		t.Errorf("%d corridors for %d flows, top 10 carry %d of %d: not readable", len(cs), len(tab.Flows), top10, total)
	}
	if m := cs[0].Members[0]; m.Origin != "KAZ" || m.Dest != "RUS" {
		t.Errorf("largest corridor led by %s-%s, want KAZ-RUS", m.Origin, m.Dest)
	}
	t.Logf("%d flows -> %d corridors (%d unplaced); top 10 carry %.1f%%", len(tab.Flows), len(cs), len(unplaced), 100*float64(top10)/float64(total))
	for _, c := range cs[:10] {
		t.Logf("corridor %d: %d, %d flows, %v -> %v, first %s-%s", c.ID, c.Count, len(c.Members), c.Origin, c.Dest, c.Members[0].Origin, c.Members[0].Dest)
	}
}

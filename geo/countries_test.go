package geo

import (
	"encoding/csv"
	"os"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/ingest"
	"github.com/htmap/htmap/internal/testenv"
)

// readCTDC reads the CTDC subset with encoding/csv: one record per victim,
// the country of exploitation from pais_exploracao_alpha3 (CTDC's "0" is
// unknown, an empty field missing).
func readCTDC(t *testing.T) (recs []ingest.Record, groupBy map[string]int64) {
	t.Helper()
	f, err := os.Open(testenv.SharedFile(t, "ctdc_global_2020_subset.csv"))
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
	groupBy = map[string]int64{}
	for _, row := range rows[1:] {
		r := ingest.Record{Kind: ingest.KindCTDC, Count: 1, Gender: row[col["gender"]]}
		switch iso, a2 := row[col["pais_exploracao_alpha3"]], row[col["CountryOfExploitation"]]; {
		case iso != "":
			r.Destination = iso
			groupBy[iso]++
		case a2 == "0":
			r.Destination = ingest.Unknown
		}
		recs = append(recs, r)
	}
	return recs, groupBy
}

// Done-when of issue 3: counts per country on the CTDC file equal a plain
// group-by, and under a fine system the same records are not placed.
func TestCountryCountsMatchGroupByOnCTDC(t *testing.T) {
	recs, groupBy := readCTDC(t)
	a, err := AggregateParallel(DefaultCountries(), Options{By: []string{"gender"}}, [][]ingest.Record{recs}, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, c := range a.Cells() {
		got[c.ID] = c.Count
		if c.NRecords != c.Count {
			t.Errorf("%s: %d records, count %d", c.ID, c.NRecords, c.Count)
		}
	}
	if !reflect.DeepEqual(got, groupBy) {
		t.Errorf("per country:\n got %v\nwant %v", got, groupBy)
	}
	u := a.Unplaced()
	if u.UnknownCountry.Records != 844 || u.NoLocation.Records != 10175 || a.Placed().Records+u.Total().Records != int64(len(recs)) {
		t.Errorf("unplaced %+v, placed %+v of %d", u, a.Placed(), len(recs))
	}
	t.Logf("CTDC: %d countries, USA %d, UKR %d; %d unknown, %d missing", len(got), got["USA"], got["UKR"], u.UnknownCountry.Records, u.NoLocation.Records)

	fine, _ := NewAggregate(NewH3(5), Options{})
	fine.Add(recs)
	var known int64
	for _, n := range groupBy {
		known += n
	}
	if len(fine.Cells()) != 0 || fine.Unplaced().CountryOnly.Records != known {
		t.Errorf("h3:5 placed %d cells, country-only %d, want 0 and %d", len(fine.Cells()), fine.Unplaced().CountryOnly.Records, known)
	}
}

// Done-when: Fiji and Russia render without a band across the map.
func TestCountryShapesAtTheAntimeridian(t *testing.T) {
	s := DefaultCountries()
	for _, iso := range []string{"FJI", "RUS", "USA", "KIR", "NZL", "ATA"} {
		k, ok := s.Lookup(iso)
		if !ok {
			t.Fatalf("%s missing", iso)
		}
		sh := s.Shape(k)
		checkRFC7946(t, iso, sh.Geometry)
		span := MaxLonSpan(sh.Geometry)
		if iso == "ATA" {
			// Antarctica is closed along the pole: the one ring that
			// may span every longitude
			continue
		}
		if span > 180 {
			t.Errorf("%s: a ring spans %.1f° of longitude", iso, span)
		}
		east, west := false, false
		for _, p := range sh.Geometry.(orb.MultiPolygon) {
			b := p.Bound()
			east = east || b.Max[0] > 170
			west = west || b.Min[0] < -170
		}
		if (iso == "FJI" || iso == "RUS") && !(east && west) {
			t.Errorf("%s should have parts on both sides of 180°", iso)
		}
		if sh.AreaKm2 <= 0 || sh.ID != iso {
			t.Errorf("%s: %+v", iso, sh)
		}
	}
}

func TestCountrySystem(t *testing.T) {
	s := DefaultCountries()
	for _, c := range []struct {
		lat, lon float64
		want     string
	}{
		{48.8566, 2.3522, "FRA"},
		{-33.87, 151.21, "AUS"},
		{-17.8, 178.0, "FJI"},
		{30, -40, ""},       // mid-Atlantic: at sea
		{35.9, 14.4, "MLT"}, // Malta, present at 1:50m
	} {
		k, ok := s.Locate(c.lat, c.lon)
		if got := s.ID(k); ok != (c.want != "") || got != c.want {
			t.Errorf("Locate(%v, %v) = %q, %v; want %q", c.lat, c.lon, got, ok, c.want)
		}
	}
	k, _ := s.Lookup("FRA")
	nb := map[string]bool{}
	for _, n := range s.Neighbours(k, Queen) {
		nb[s.ID(n)] = true
	}
	if !nb["ESP"] || !nb["DEU"] || !nb["BEL"] || nb["GBR"] {
		t.Errorf("France's neighbours %v", nb)
	}
	for _, island := range []string{"ISL", "JPN", "NZL"} {
		k, _ := s.Lookup(island)
		if n := s.Neighbours(k, Rook); n == nil || len(n) != 0 {
			t.Errorf("%s neighbours %v, want empty", island, n)
		}
	}
	if id, err := s.Parse("DEU"); err != nil || s.ID(id) != "DEU" {
		t.Errorf("Parse(DEU) %v %v", id, err)
	}
	if _, err := s.Parse("XXX"); err == nil {
		t.Error("XXX accepted")
	}
	if _, err := ParseSystem("country"); err != nil {
		t.Error(err)
	}
	// incidents at sea are counted, not lost
	recs := readMissingMigrants(t, "missing_migrants_europe_med_2014_2026.csv")
	a, _ := NewAggregate(s, Options{})
	a.Add(recs)
	var total int64
	for _, r := range recs {
		total += r.Count
	}
	if a.Placed().Count+a.Unplaced().Total().Count != total || a.Unplaced().AtSea.Records == 0 {
		t.Errorf("placed %+v unplaced %+v total %d", a.Placed(), a.Unplaced(), total)
	}
	t.Logf("Europe incidents on countries: placed %+v, at sea %+v", a.Placed(), a.Unplaced().AtSea)
}

// Every country's outline is RFC 7946 and none but Antarctica (closed
// along the pole) has a ring wider than 180°.
func TestAllCountryShapes(t *testing.T) {
	s := DefaultCountries()
	withShape := 0
	for k := Key(1); int(k) <= s.Len(); k++ {
		sh := s.Shape(k)
		if sh.Geometry == nil {
			continue
		}
		withShape++
		checkRFC7946(t, sh.ID, sh.Geometry)
		if span := MaxLonSpan(sh.Geometry); span > 180 && sh.ID != "ATA" {
			t.Errorf("%s: ring spans %.1f°", sh.ID, span)
		}
	}
	if withShape < 240 {
		t.Errorf("only %d countries with a shape", withShape)
	}
	t.Logf("%d of %d countries have a shape", withShape, s.Len())
}

package geo

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/htmap/htmap/ingest"
)

func day(y, m, d int) ingest.Date {
	return ingest.Date{Year: int16(y), Month: uint8(m), Day: uint8(d), Precision: ingest.PrecisionDay}
}

func pt(lat, lon float64, n int64, d ingest.Date, cat, gender string) ingest.Record {
	return ingest.Record{Kind: ingest.KindCases, HasPoint: true, Lat: lat, Lon: lon, Count: n, Date: d, Category: cat, Gender: gender}
}

// A hand-computed case on grid:100: two points in Paris's cell, one in
// Lagos's, one country-only record and one without any place.
func TestAggregateHandComputed(t *testing.T) {
	g := mustGrid(t, 100)
	paris, _ := g.Locate(48.8566, 2.3522)
	lagos, _ := g.Locate(6.5244, 3.3792)
	recs := []ingest.Record{
		pt(48.8566, 2.3522, 3, day(2019, 4, 7), "sexual", "Female"),
		pt(48.8570, 2.3530, 2, ingest.Date{Year: 2018, Precision: ingest.PrecisionYear}, "labour", ""),
		pt(6.5244, 3.3792, 5, ingest.Date{Year: 2020, Month: 11, Precision: ingest.PrecisionMonth}, "labour", "Male"),
		pt(6.5244, 3.3792, 1, ingest.Date{}, "labour", "Male"),
		{Kind: ingest.KindCTDC, Destination: "FRA", Count: 1},
		{Kind: ingest.KindCTDC, Destination: ingest.Unknown, Count: 1},
		{Kind: ingest.KindIncidents, HasPoint: true, Lat: 95, Lon: 0, Count: 4},
	}
	a, err := NewAggregate(g, Options{Step: StepQuarter, By: []string{"exploitation", "gender"},
		Denominator: &Denominator{Name: "population", Values: map[string]float64{g.ID(paris): 2e6}}})
	if err != nil {
		t.Fatal(err)
	}
	a.Add(recs)
	cells := a.Cells()
	if len(cells) != 2 {
		t.Fatalf("%d cells", len(cells))
	}
	byKey := map[Key]Cell{}
	for _, c := range cells {
		byKey[c.Key] = c
	}
	p, l := byKey[paris], byKey[lagos]
	if p.Count != 5 || p.NRecords != 2 || l.Count != 6 || l.NRecords != 2 {
		t.Errorf("counts: Paris %d/%d, Lagos %d/%d", p.Count, p.NRecords, l.Count, l.NRecords)
	}
	// quarterly: 2019-04-07 is 2019-Q2; the year-only 2018 is coarser
	if !reflect.DeepEqual(p.ByTime, map[string]int64{"2019-Q2": 3}) || p.Coarse != 2 || p.Undated != 0 {
		t.Errorf("Paris time %v coarse %d undated %d", p.ByTime, p.Coarse, p.Undated)
	}
	if !reflect.DeepEqual(l.ByTime, map[string]int64{"2020-Q4": 5}) || l.Coarse != 0 || l.Undated != 1 {
		t.Errorf("Lagos time %v coarse %d undated %d", l.ByTime, l.Coarse, l.Undated)
	}
	wantBy := map[string]map[string]int64{"category": {"sexual": 3, "labour": 2}, "gender": {"Female": 3, ingest.Unknown: 2}}
	if !reflect.DeepEqual(p.By, wantBy) {
		t.Errorf("Paris breakdown %v", p.By)
	}
	if p.FirstDate.String() != "2018" || p.LastDate.String() != "2019-04-07" {
		t.Errorf("Paris dates %s..%s", p.FirstDate, p.LastDate)
	}
	if l.FirstDate.String() != "2020-11" || l.LastDate.String() != "2020-11" {
		t.Errorf("Lagos dates %s..%s", l.FirstDate, l.LastDate)
	}
	// 5 per 2,000,000 is 0.25 per 100,000
	if !p.HasRate || p.Rate != 0.25 || p.DenominatorName != "population" || l.HasRate {
		t.Errorf("rates: Paris %v %v, Lagos %v", p.Rate, p.HasRate, l.HasRate)
	}
	u := a.Unplaced()
	if u.CountryOnly != (Tally{1, 1}) || u.NoLocation != (Tally{2, 5}) || u.AtSea != (Tally{}) {
		t.Errorf("unplaced %+v", u)
	}
	if a.Placed() != (Tally{4, 11}) {
		t.Errorf("placed %+v", a.Placed())
	}
	if _, err := NewAggregate(g, Options{By: []string{"shoe size"}}); err == nil {
		t.Error("unknown column accepted")
	}
}

func TestStepBuckets(t *testing.T) {
	d := day(2021, 12, 31)
	for s, want := range map[Step]string{StepYear: "2021", StepQuarter: "2021-Q4", StepMonth: "2021-12"} {
		if got, ok := s.Bucket(d); !ok || got != want {
			t.Errorf("%s: %q", s, got)
		}
	}
	if _, ok := StepMonth.Bucket(ingest.Date{Year: 2021, Precision: ingest.PrecisionYear}); ok {
		t.Error("a year-only date got a month")
	}
	if _, err := ParseStep("week"); err == nil {
		t.Error("week accepted")
	}
}

// The result must not depend on the number of workers, nor on how the
// records are cut into batches, nor on the order of the batches.
func TestAggregateIndependentOfWorkers(t *testing.T) {
	recs := readMissingMigrants(t, "missing_migrants_global_2014_2021.csv")
	recs = append(recs, readMissingMigrants(t, "missing_migrants_europe_med_2014_2026.csv")...)
	opt := Options{Step: StepMonth, By: []string{"route"}}
	for _, sys := range []System{NewH3(4), mustGrid(t, 50)} {
		ref, _ := NewAggregate(sys, opt)
		ref.Add(recs)
		want := ref.Cells()
		r := rand.New(rand.NewPCG(3, 4))
		for _, workers := range []int{1, 2, 3, 8} {
			var batches [][]ingest.Record
			for rest := recs; len(rest) > 0; {
				n := min(len(rest), 1+r.IntN(3000))
				batches = append(batches, rest[:n])
				rest = rest[n:]
			}
			r.Shuffle(len(batches), func(i, j int) { batches[i], batches[j] = batches[j], batches[i] })
			a, err := AggregateParallel(sys, opt, batches, workers)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Cells(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s with %d workers differs from one sequential Add", sys.Spec(), workers)
			}
			if a.Placed() != ref.Placed() || a.Unplaced() != ref.Unplaced() {
				t.Errorf("%s with %d workers: tallies differ", sys.Spec(), workers)
			}
		}
		var sum, timeSum int64
		for _, c := range want {
			sum += c.Count
			timeSum += c.Coarse + c.Undated
			for _, v := range c.ByTime {
				timeSum += v
			}
		}
		if sum != ref.Placed().Count || timeSum != sum {
			t.Errorf("%s: cells %d, time buckets %d, placed %d", sys.Spec(), sum, timeSum, ref.Placed().Count)
		}
		t.Logf("%s: %d cells, %d placed, %d unplaced records", sys.Spec(), len(want), ref.Placed().Count, ref.Unplaced().Total().Records)
	}
}

func TestParseSystem(t *testing.T) {
	for spec, want := range map[string]string{"h3:5": "h3:5", "H3:0": "h3:0", "grid:25": "grid:25", "grid:12.5": "grid:12.5"} {
		s, err := ParseSystem(spec)
		if err != nil || s.Spec() != want {
			t.Errorf("ParseSystem(%q) = %v, %v", spec, s, err)
		}
	}
	for _, bad := range []string{"h3", "h3:16", "h3:-1", "h3:x", "grid", "grid:0", "grid:-5", "grid:abc", "country:1", "hex:5", ""} {
		if _, err := ParseSystem(bad); err == nil {
			t.Errorf("ParseSystem(%q) accepted", bad)
		}
	}
}

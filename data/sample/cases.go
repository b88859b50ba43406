package sample

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// casesHeader is the generic cases schema plus a notes column that is not
// part of it, so that tests see ingest drop it.
const casesHeader = "case_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count,notes\n"

// Components of the cases, in the order of a year's quota: the hotspots
// (0 to nHotspots-1), then the corridor, then the background.
const (
	compCorridor   = nHotspots
	compBackground = compCorridor + 1
)

// caseRow is one case before it is written.
type caseRow struct {
	year, month, day int
	prec             int // 1 year, 2 month, 3 day, 0 none
	origin, dest     string
	hasPoint         bool
	lat, lon         float64
	transit          string
	category         int
	gender, age      string
	count            int64
}

// casesWriter streams cases.csv and tallies what it writes.
type casesWriter struct {
	cfg     Config
	r       *rand.Rand
	w       *bufio.Writer
	buf     row
	scratch []byte
	truth   *Truth

	destW    []float64 // background destination weights
	pCoord   float64   // probability that a background case is geocoded
	pairs    map[[2]string]int64
	hsYearly [][]int64
	corr     *Corridor
}

// quotas plans how many rows of each component every year gets.
func (cw *casesWriter) quotas(valid int64) [][]int64 {
	cfg := cw.cfg
	n := cfg.years()
	q := make([][]int64, n)
	var planted int64
	for y := range q {
		q[y] = make([]int64, compBackground+1)
		for h, hs := range hotspots {
			v := int64(math.Round(hs.perYear(y, n) * cfg.scale()))
			q[y][h] = v
			planted += v
		}
	}
	cw2 := make([]float64, n)
	bgw := make([]float64, n)
	for y := range n {
		cw2[y] = corridorPerYear(y, n)
		bgw[y] = 1 + 0.04*float64(y) // detection grows slowly over the years
	}
	corr := apportion(int64(math.Round(corridorCases*cfg.scale())), cw2)
	var corrTotal int64
	for y := range n {
		q[y][compCorridor] = corr[y]
		corrTotal += corr[y]
	}
	bg := valid - planted - corrTotal
	// Tiny samples: planted rows cannot exceed the rows asked for.
	for y := n - 1; bg < 0 && y >= 0; y-- {
		for c := compCorridor; c >= 0 && bg < 0; c-- {
			take := min(q[y][c], -bg)
			q[y][c] -= take
			bg += take
			planted -= take
		}
	}
	bgs := apportion(bg, bgw)
	for y := range n {
		q[y][compBackground] = bgs[y]
	}
	// Background geocoding fills the coordinate share left by the
	// hotspots (all geocoded) and the corridor (a tenth geocoded).
	need := coordinateShare*float64(valid) - float64(planted) - corridorCoordPct*float64(corrTotal)
	cw.pCoord = 0
	if bg > 0 {
		cw.pCoord = math.Min(1, math.Max(0.02, need/float64(bg)))
	}
	return q
}

// writeCases writes the cases file and fills truth.
func writeCases(out io.Writer, cfg Config, truth *Truth) error {
	cw := &casesWriter{
		cfg:   cfg,
		r:     newRand(cfg.Seed, streamCases),
		w:     bufio.NewWriterSize(out, 1<<16),
		truth: truth,
		pairs: map[[2]string]int64{},
		corr:  &Corridor{Origin: corridorOrigin, Destination: corridorDest, Transit: slices.Clone(corridorTransit)},
	}
	for _, d := range destinations {
		cw.destW = append(cw.destW, d.weight)
	}
	cw.hsYearly = make([][]int64, len(hotspots))
	for h := range hotspots {
		cw.hsYearly[h] = make([]int64, cfg.years())
	}
	cf := &truth.Files.Cases
	cf.Name = "cases.csv"

	// Where the broken rows go.
	var bad []int64
	if cfg.Cases >= minCasesForInvalid {
		for len(bad) < len(invalidKinds) {
			p := cw.r.Int64N(int64(cfg.Cases))
			if !slices.Contains(bad, p) {
				bad = append(bad, p)
			}
		}
		slices.Sort(bad)
	}
	valid := int64(cfg.Cases) - int64(len(bad))
	quota := cw.quotas(valid)

	if _, err := cw.w.WriteString(casesHeader); err != nil {
		return err
	}
	y := 0
	seq := newSequence(quota[0])
	for i := int64(0); i < int64(cfg.Cases); i++ {
		year := cfg.StartYear + y
		if len(bad) > 0 && bad[0] == i {
			k := len(invalidKinds) - len(bad)
			bad = bad[1:]
			if err := cw.invalid(i, year, k); err != nil {
				return err
			}
			continue
		}
		c := seq.next(cw.r)
		for c < 0 && y+1 < cfg.years() {
			y++
			year = cfg.StartYear + y
			seq = newSequence(quota[y])
			c = seq.next(cw.r)
		}
		if c < 0 {
			return fmt.Errorf("sample: internal error: case quotas exhausted at row %d", i+1)
		}
		var cr caseRow
		switch {
		case c < compCorridor:
			cr = cw.hotspotCase(c, year)
			cw.hsYearly[c][y] += cr.count
		case c == compCorridor:
			cr = cw.corridorCase(year)
		default:
			cr = cw.backgroundCase(year)
		}
		cw.tally(&cr)
		if err := cw.emit(i, &cr, ""); err != nil {
			return err
		}
	}
	if err := cw.w.Flush(); err != nil {
		return err
	}
	cw.finish()
	return nil
}

// finish copies the tallies into the truth.
func (cw *casesWriter) finish() {
	for h, hs := range hotspots {
		t := Hotspot{Name: hs.name, Lon: hs.lon, Lat: hs.lat, RadiusKm: hs.radiusKm, ISO3: hs.iso3, Trend: hs.trend, Years: []int{}, Yearly: []int64{}}
		for y, v := range cw.hsYearly[h] {
			if v > 0 {
				t.Years = append(t.Years, cw.cfg.StartYear+y)
				t.Yearly = append(t.Yearly, v)
				t.Count += v
			}
		}
		cw.truth.Hotspots = append(cw.truth.Hotspots, t)
	}
	for p, v := range cw.pairs {
		if p != [2]string{corridorOrigin, corridorDest} && v > cw.corr.NextLargest {
			cw.corr.NextLargest = v
		}
	}
	cw.truth.Corridors = append(cw.truth.Corridors, *cw.corr)
}

// tally counts a valid row into the truth.
func (cw *casesWriter) tally(cr *caseRow) {
	cf := &cw.truth.Files.Cases
	cf.ValidRows++
	cf.Count += cr.count
	if cr.hasPoint {
		cf.CoordinateRows++
	}
	switch {
	case cr.origin == "":
		cf.UnknownOrigin++
	case cr.origin == cr.dest:
		cf.Domestic++
	default:
		cw.pairs[[2]string{cr.origin, cr.dest}] += cr.count
	}
	if cr.transit != "" {
		cf.TransitRows++
	}
	switch cr.prec {
	case 1:
		cf.YearOnlyDates++
	case 2:
		cf.MonthOnlyDates++
	}
	if cr.origin == corridorOrigin && cr.dest == corridorDest {
		cw.corr.Rows++
		cw.corr.Count += cr.count
		if cr.transit != "" {
			cw.corr.TransitRows++
		}
		if cr.transit == strings.Join(corridorTransit, ";") {
			cw.corr.ViaTransit++
		}
	}
}

// common fills what every case draws the same way: date, demographics.
func (cw *casesWriter) common(cr *caseRow, year int, mix *[5]float64) {
	r := cw.r
	cr.year = year
	cr.month, cr.day = drawDate(r, year)
	switch u := r.Float64(); {
	case u < 0.08:
		cr.prec = 1
	case u < 0.20:
		cr.prec = 2
	default:
		cr.prec = 3
	}
	cr.category = pickWeight(r, mix[:])
	cr.gender = genders[pickWeight(r, genderWeights[cr.category])]
	aw := ageWeights
	if categories[cr.category] == "forced_marriage" {
		aw = ageWeightsMarriage
	}
	cr.age = ageBands[pickWeight(r, aw)]
	cr.count = 1
}

// origin draws a citizenship for a victim exploited in dest: the
// destination's own citizens with probability domestic, unknown (empty)
// with probability 5 %, else one of the origins.
func (cw *casesWriter) origin(dest string, domestic float64, origins []share) string {
	switch u := cw.r.Float64(); {
	case u < 0.05:
		return ""
	case u < 0.05+0.95*domestic:
		return dest
	}
	return pickShare(cw.r, origins)
}

// group returns a case's count: mostly 1, sometimes a group of 2 to 15
// victims identified together.
func (cw *casesWriter) group(p float64) int64 {
	if cw.r.Float64() >= p {
		return 1
	}
	u := cw.r.Float64()
	return 2 + int64(13*u*u)
}

func (cw *casesWriter) hotspotCase(h, year int) caseRow {
	hs := hotspots[h]
	var cr caseRow
	cw.common(&cr, year, hs.mix)
	cr.dest = hs.iso3
	cr.origin = cw.origin(hs.iso3, hs.domestic, hs.origins)
	if cr.origin != "" && cr.origin != cr.dest && cw.r.Float64() < 0.2 {
		cr.transit = transitFor(cr.origin, cr.dest)
	}
	cr.hasPoint = true
	cr.lat, cr.lon = jitter(cw.r, hs.lat, hs.lon, hs.radiusKm/2.5, hs.radiusKm)
	return cr
}

func (cw *casesWriter) corridorCase(year int) caseRow {
	var cr caseRow
	cw.common(&cr, year, &corridorMix)
	cr.origin, cr.dest = corridorOrigin, corridorDest
	switch u := cw.r.Float64(); {
	case u < 0.60:
		cr.transit = strings.Join(corridorTransit, ";")
	case u < 0.85:
		cr.transit = "LBY"
	}
	cr.count = cw.group(0.05)
	if cw.r.Float64() < corridorCoordPct {
		c := corridorCities[cw.r.IntN(len(corridorCities))]
		cr.hasPoint = true
		cr.lat, cr.lon = jitter(cw.r, c.lat, c.lon, c.sigmaKm, 2.5*c.sigmaKm)
	}
	return cr
}

func (cw *casesWriter) backgroundCase(year int) caseRow {
	d := &destinations[pickWeight(cw.r, cw.destW)]
	var cr caseRow
	cw.common(&cr, year, d.mix)
	cr.dest = d.iso3
	cr.origin = cw.origin(d.iso3, d.domestic, d.origins)
	if cr.origin != "" && cr.origin != cr.dest && cw.r.Float64() < 0.25 {
		cr.transit = transitFor(cr.origin, cr.dest)
	}
	cr.count = cw.group(0.04)
	if len(d.cities) > 0 && cw.r.Float64() < cw.pCoord {
		c := d.cities[cw.r.IntN(len(d.cities))]
		cr.hasPoint = true
		cr.lat, cr.lon = jitter(cw.r, c.lat, c.lon, c.sigmaKm, 2.5*c.sigmaKm)
	}
	return cr
}

// invalid writes broken row number k (of invalidKinds) at data row i.
func (cw *casesWriter) invalid(i int64, year, k int) error {
	cr := cw.backgroundCase(year)
	if cr.origin == "" {
		cr.origin = destinations[0].origins[0].iso3
	}
	cr.prec = 3
	kind := invalidKinds[k]
	if kind.column == "lat" || kind.column == "lon" {
		// A point in Bangkok: with a longitude beyond 90 degrees, swapping
		// lat and lon cannot repair the broken row, so its only honest
		// reason is the out-of-range value.
		cr.origin, cr.dest, cr.hasPoint = "MMR", "THA", true
		cr.lat, cr.lon = 13.780, 100.520
	}
	if kind.reason == "missing_place" {
		cr.origin, cr.dest, cr.hasPoint = "", "", false
	}
	cw.truth.Invalid = append(cw.truth.Invalid, InvalidRow{
		Line: i + 2, CaseID: caseID(i), Column: kind.column, Value: kind.value, Reason: kind.reason,
	})
	return cw.emit(i, &cr, kind.column+"="+kind.value)
}

func caseID(i int64) string { return string(appendCaseID(nil, i)) }

func appendCaseID(b []byte, i int64) []byte { return appendPad(append(b, "HT"...), i+1, 7) }

// appendPad appends v in decimal, zero-padded to width digits.
func appendPad(b []byte, v int64, width int) []byte {
	var d [20]byte
	n := strconv.AppendInt(d[:0], v, 10)
	for k := len(n); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, n...)
}

// appendDate appends the date at the row's precision.
func appendDate(b []byte, cr *caseRow) []byte {
	if cr.prec == 0 {
		return b
	}
	b = appendPad(b, int64(cr.year), 4)
	if cr.prec >= 2 {
		b = appendPad(append(b, '-'), int64(cr.month), 2)
	}
	if cr.prec >= 3 {
		b = appendPad(append(b, '-'), int64(cr.day), 2)
	}
	return b
}

// emit writes one case. override, "column=value", replaces one field with
// a broken value.
func (cw *casesWriter) emit(i int64, cr *caseRow, override string) error {
	col, val, _ := strings.Cut(override, "=")
	if override == "" {
		col = ""
	}
	b := &cw.buf
	b.reset()
	sc := cw.scratch[:0]
	put := func(name string, v []byte) {
		if name == col {
			b.str(val)
		} else {
			b.bytes(v)
		}
	}
	b.bytes(appendCaseID(sc, i))
	put("date", appendDate(sc, cr))
	put("citizenship", append(sc, cr.origin...))
	put("exploitation_country", append(sc, cr.dest...))
	if cr.hasPoint {
		put("lat", strconv.AppendFloat(sc, cr.lat, 'f', 6, 64))
		put("lon", strconv.AppendFloat(sc, cr.lon, 'f', 6, 64))
	} else {
		b.empty()
		b.empty()
	}
	b.str(cr.transit)
	b.str(categories[cr.category])
	b.str(cr.gender)
	b.str(cr.age)
	put("count", strconv.AppendInt(sc, cr.count, 10))
	if cw.r.Float64() < 0.35 {
		sc = append(sc, notePhrases[cw.r.IntN(len(notePhrases))]...)
		sc = append(append(sc, ' '), notesMarker...)
		sc = appendPad(append(sc, '-'), i+1, 7)
		b.bytes(sc)
	} else {
		b.empty()
	}
	cw.scratch = sc
	cw.truth.Files.Cases.Rows++
	_, err := cw.w.Write(b.end())
	return err
}

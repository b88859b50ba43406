package geo

import (
	"sort"

	"github.com/htmap/htmap/ingest"
)

// Options say what a cell's breakdowns hold.
type Options struct {
	Step Step     // width of the time buckets
	By   []string // breakdown columns (see Column); may be empty
	// Denominator, when set, gives each cell a rate per 100,000.
	Denominator *Denominator
}

// Denominator is a population-like table keyed by cell id (an ISO3 code
// for the country system, an H3 or grid id otherwise), e.g. population or
// migrant stock. Cells missing from it get no rate.
type Denominator struct {
	Name   string // what it counts, e.g. "population 2020"; reported with the rate
	Values map[string]float64
}

// Tally is a number of records and the sum of their counts.
type Tally struct {
	Records int64
	Count   int64
}

func (t *Tally) add(c int64) { t.Records++; t.Count += c }

func (t *Tally) merge(o Tally) { t.Records += o.Records; t.Count += o.Count }

// Unplaced counts the records that landed on no cell, by reason. The
// pipeline warns about each non-zero tally and writes them to the manifest.
type Unplaced struct {
	// CountryOnly: records with a country but no coordinates, under a
	// fine (H3 or grid) system. They are never spread over hexagons;
	// aggregate them with the country system instead.
	CountryOnly Tally
	// AtSea: points further than SeaKm from every country (country system).
	AtSea Tally
	// UnknownCountry: country-only records whose country is unknown or not
	// in the country table (country system).
	UnknownCountry Tally
	// NoLocation: records with neither a usable point nor a country.
	NoLocation Tally
}

// Total returns the sum of all reasons.
func (u Unplaced) Total() Tally {
	var t Tally
	for _, x := range []Tally{u.CountryOnly, u.AtSea, u.UnknownCountry, u.NoLocation} {
		t.merge(x)
	}
	return t
}

func (u *Unplaced) merge(o Unplaced) {
	u.CountryOnly.merge(o.CountryOnly)
	u.AtSea.merge(o.AtSea)
	u.UnknownCountry.merge(o.UnknownCountry)
	u.NoLocation.merge(o.NoLocation)
}

// acc is the running state of one occupied cell. Breakdowns are short
// slices searched linearly rather than maps: a cell sees a few dozen time
// buckets and category values at most, and a slice costs one allocation
// instead of a map's several.
type acc struct {
	count, n    int64
	time        []tally[int32] // bucket code (see Step.code) -> count
	coarse      int64          // count dated more coarsely than the step
	undated     int64          // count without a date
	by          [][]tally[string]
	first, last ingest.Date
	hasDate     bool
}

type tally[K comparable] struct {
	k K
	n int64
}

func bump[K comparable](ts []tally[K], k K, n int64) []tally[K] {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].k == k {
			ts[i].n += n
			return ts
		}
	}
	return append(ts, tally[K]{k, n})
}

// Aggregate sums records onto the cells of one System. It is a map and
// combine: Add folds a batch in, Merge folds another Aggregate in, and
// the result depends only on the multiset of records added, never on how
// they were split or in which order the parts were merged. An Aggregate
// is not safe for concurrent use; run one per worker and merge (see
// AggregateParallel).
type Aggregate struct {
	sys      System
	opt      Options
	cols     []string // canonical By columns
	country  *Countries
	cells    map[Key]*acc
	placed   Tally
	unplaced Unplaced
}

// NewAggregate returns an empty aggregate. It fails on an unknown
// breakdown column.
func NewAggregate(sys System, opt Options) (*Aggregate, error) {
	a := &Aggregate{sys: sys, opt: opt, cells: make(map[Key]*acc)}
	for _, b := range opt.By {
		c, err := Column(b)
		if err != nil {
			return nil, err
		}
		a.cols = append(a.cols, c)
	}
	a.country, _ = sys.(*Countries)
	return a, nil
}

// System returns the cell system.
func (a *Aggregate) System() System { return a.sys }

// Placed returns the records and total count that landed on a cell. It
// equals the sum of Count and NRecords over Cells.
func (a *Aggregate) Placed() Tally { return a.placed }

// Unplaced returns the records that landed on no cell, by reason.
func (a *Aggregate) Unplaced() Unplaced { return a.unplaced }

// Occupied returns the keys of the cells holding at least one record,
// sorted by key.
func (a *Aggregate) Occupied() []Key {
	ks := make([]Key, 0, len(a.cells))
	for k := range a.cells {
		ks = append(ks, k)
	}
	sortKeys(ks)
	return ks
}

// countryOf is the country a record without coordinates is placed by:
// where the victim was exploited for cases and ctdc, the destination for
// flows. Incidents are placed by their point only.
func countryOf(r *ingest.Record) string {
	switch r.Kind {
	case ingest.KindIncidents:
		return ""
	}
	return r.Destination
}

// place returns the cell a record goes to, or, when it goes to none, the
// Unplaced tally that counts it.
func (a *Aggregate) place(r *ingest.Record) (Key, *Tally) {
	if r.HasPoint {
		if k, ok := a.sys.Locate(r.Lat, r.Lon); ok {
			return k, nil
		}
		if a.country != nil && r.Lat >= -90 && r.Lat <= 90 && r.Lon >= -180 && r.Lon <= 180 {
			return 0, &a.unplaced.AtSea
		}
		return 0, &a.unplaced.NoLocation
	}
	iso := countryOf(r)
	if a.country == nil {
		if iso != "" && iso != ingest.Unknown {
			return 0, &a.unplaced.CountryOnly
		}
		return 0, &a.unplaced.NoLocation
	}
	if iso == "" {
		return 0, &a.unplaced.NoLocation
	}
	if k, ok := a.country.Lookup(iso); ok {
		return k, nil
	}
	return 0, &a.unplaced.UnknownCountry
}

// Add folds a batch of records in.
func (a *Aggregate) Add(batch []ingest.Record) {
	for i := range batch {
		r := &batch[i]
		k, miss := a.place(r)
		if miss != nil {
			miss.add(r.Count)
			continue
		}
		a.placed.add(r.Count)
		c := a.cell(k)
		c.count += r.Count
		c.n++
		if r.Date.Precision == ingest.PrecisionNone {
			c.undated += r.Count
		} else {
			if b, ok := a.opt.Step.code(r.Date); ok {
				c.time = bump(c.time, b, r.Count)
			} else {
				c.coarse += r.Count
			}
			c.takeDate(r.Date)
		}
		for j, col := range a.cols {
			c.by[j] = bump(c.by[j], columnValue(r, col), r.Count)
		}
	}
}

// cell returns the accumulator of k, creating it.
func (a *Aggregate) cell(k Key) *acc {
	c := a.cells[k]
	if c == nil {
		c = &acc{}
		if len(a.cols) > 0 {
			c.by = make([][]tally[string], len(a.cols))
		}
		a.cells[k] = c
	}
	return c
}

func (c *acc) takeDate(d ingest.Date) {
	if !c.hasDate {
		c.first, c.last, c.hasDate = d, d, true
		return
	}
	if earlier(d, c.first) {
		c.first = d
	}
	if later(d, c.last) {
		c.last = d
	}
}

// Merge folds b into a. Both must use the same system and options; b is
// left unchanged.
func (a *Aggregate) Merge(b *Aggregate) {
	a.placed.merge(b.placed)
	a.unplaced.merge(b.unplaced)
	for k, bc := range b.cells {
		c := a.cell(k)
		c.count += bc.count
		c.n += bc.n
		c.coarse += bc.coarse
		c.undated += bc.undated
		for _, t := range bc.time {
			c.time = bump(c.time, t.k, t.n)
		}
		for j := range bc.by {
			for _, t := range bc.by[j] {
				c.by[j] = bump(c.by[j], t.k, t.n)
			}
		}
		if bc.hasDate {
			c.takeDate(bc.first)
			c.takeDate(bc.last)
		}
	}
}

// Cell is one cell of the output layer with what it holds.
type Cell struct {
	Key Key
	Shape
	Count    int64 // sum of the records' counts
	NRecords int64 // number of records
	// ByTime maps a time bucket (see Step.Bucket) to the count dated in it.
	ByTime map[string]int64
	// Coarse is the count of records dated less precisely than the step
	// (a year-only date under a monthly step); Undated the count without a
	// date. ByTime, Coarse and Undated sum to Count.
	Coarse, Undated int64
	// By maps a breakdown column (canonical name) to value -> count.
	By map[string]map[string]int64
	// FirstDate and LastDate bound the dated records, each at its own
	// precision; zero (PrecisionNone) when no record is dated.
	FirstDate, LastDate ingest.Date
	// Denominator is the table's value for this cell and Rate the count
	// per 100,000 of it; HasRate is false when the table has no positive
	// value for the cell (or no table was given).
	Denominator float64
	Rate        float64
	HasRate     bool
	// DenominatorName repeats Options.Denominator.Name when HasRate.
	DenominatorName string
}

// Cells returns the occupied cells, sorted by ID.
func (a *Aggregate) Cells() []Cell {
	return a.build(a.Occupied())
}

// CellsIn returns the cells of a study area, occupied or not (empty cells
// carry count 0), sorted by ID. Occupied cells outside the area are left
// out and their records and counts returned as outside, for the pipeline
// to report.
func (a *Aggregate) CellsIn(area []Key) (cells []Cell, outside Tally) {
	in := make(map[Key]bool, len(area))
	for _, k := range area {
		in[k] = true
	}
	for k, c := range a.cells {
		if !in[k] {
			outside.Records += c.n
			outside.Count += c.count
		}
	}
	keys := make([]Key, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	return a.build(keys), outside
}

func (a *Aggregate) build(keys []Key) []Cell {
	out := make([]Cell, 0, len(keys))
	for _, k := range keys {
		cell := Cell{Key: k, Shape: a.sys.Shape(k), ByTime: map[string]int64{}, By: map[string]map[string]int64{}}
		for _, col := range a.cols {
			cell.By[col] = map[string]int64{}
		}
		if c := a.cells[k]; c != nil {
			cell.Count, cell.NRecords = c.count, c.n
			cell.Coarse, cell.Undated = c.coarse, c.undated
			for _, t := range c.time {
				cell.ByTime[a.opt.Step.label(t.k)] = t.n
			}
			for j, col := range a.cols {
				for _, t := range c.by[j] {
					cell.By[col][t.k] = t.n
				}
			}
			if c.hasDate {
				cell.FirstDate, cell.LastDate = c.first, c.last
			}
		}
		if d := a.opt.Denominator; d != nil {
			if v, ok := d.Values[cell.ID]; ok && v > 0 {
				cell.Denominator = v
				cell.Rate = float64(cell.Count) / v * 1e5
				cell.HasRate = true
				cell.DenominatorName = d.Name
			}
		}
		out = append(out, cell)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

package routes

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/htmap/htmap/ingest"
)

// Options choose how finely flows are split and how incidents find their
// destination.
type Options struct {
	// ByYear splits flows by the record's year (0 for undated records).
	ByYear bool
	// ByCategory splits flows by the record's category ("" when absent).
	ByCategory bool
	// CellOf names the destination cell of an incident record. Incidents
	// have a point, not a destination country, so without CellOf (or when
	// it returns false) they are excluded with a missing destination.
	CellOf func(r *ingest.Record) (cell string, ok bool)
}

// Key identifies one aggregated flow (or leg, or hop): its two places and,
// when the table is split, its year and category.
type Key struct {
	Origin, Dest string
	Year         int    // 0 unless Options.ByYear
	Category     string // "" unless Options.ByCategory
}

// Tally is how many records and how much weight (the sum of Record.Count)
// went somewhere.
type Tally struct {
	Records int64
	Count   int64
}

func (t Tally) add(o Tally) Tally { return Tally{t.Records + o.Records, t.Count + o.Count} }

// End is the state of one end of a record.
type End uint8

// The states of an end. Unknown is the source saying it does not know
// (CTDC's -99 or 00, ingest.Unknown); missing is no value at all.
const (
	EndKnown End = iota
	EndUnknown
	EndMissing
)

func (e End) String() string {
	switch e {
	case EndUnknown:
		return "unknown"
	case EndMissing:
		return "missing"
	}
	return "known"
}

func endOf(s string) End {
	switch s {
	case "":
		return EndMissing
	case ingest.Unknown:
		return EndUnknown
	}
	return EndKnown
}

// Exclusion is why a record was not drawn: the state of both its ends, so
// "origin unknown" and "both unknown" stay apart in the manifest.
type Exclusion struct {
	Origin, Dest End
}

func (e Exclusion) String() string {
	return fmt.Sprintf("origin %s, destination %s", e.Origin, e.Dest)
}

// Accumulator aggregates records into flows. It is a combiner: Add and
// Merge in any order and grouping give the same Table. The zero value is
// not usable; call NewAccumulator.
type Accumulator struct {
	opt      Options
	routes   map[Key]Tally
	legs     map[Key]Tally
	hops     map[Key]Tally
	domestic map[string]Tally
	setAside map[string]Tally
	excluded map[Exclusion]Tally
	cells    map[string]bool
	total    Tally
}

// NewAccumulator returns an empty accumulator.
func NewAccumulator(opt Options) *Accumulator {
	return &Accumulator{
		opt:      opt,
		routes:   map[Key]Tally{},
		legs:     map[Key]Tally{},
		hops:     map[Key]Tally{},
		domestic: map[string]Tally{},
		setAside: map[string]Tally{},
		excluded: map[Exclusion]Tally{},
		cells:    map[string]bool{},
	}
}

// Add folds a batch of records in.
func (a *Accumulator) Add(batch []ingest.Record) {
	for i := range batch {
		a.add(&batch[i])
	}
}

func (a *Accumulator) key(r *ingest.Record, o, d string) Key {
	k := Key{Origin: o, Dest: d}
	if a.opt.ByYear && r.Date.Precision != ingest.PrecisionNone {
		k.Year = int(r.Date.Year)
	}
	if a.opt.ByCategory {
		k.Category = r.Category
	}
	return k
}

func (a *Accumulator) add(r *ingest.Record) {
	w := Tally{1, r.Count}
	a.total = a.total.add(w)
	o, d := r.Origin, r.Destination
	if r.Kind == ingest.KindIncidents {
		d = ""
		if a.opt.CellOf != nil {
			if c, ok := a.opt.CellOf(r); ok && c != "" {
				d = c
				a.cells[c] = true
			}
		}
	}
	eo, ed := endOf(o), endOf(d)
	if eo != EndKnown || ed != EndKnown {
		ex := Exclusion{eo, ed}
		a.excluded[ex] = a.excluded[ex].add(w)
		return
	}
	var chain []string
	if r.Kind != ingest.KindFlows && r.Kind != ingest.KindIncidents && len(r.Transit) > 0 {
		chain = hopChain(o, r.Transit, d)
	}
	for i := 1; i < len(chain); i++ {
		k := a.key(r, chain[i-1], chain[i])
		a.legs[k] = a.legs[k].add(w)
		a.hops[k] = a.hops[k].add(w)
	}
	if o == d {
		if r.Kind == ingest.KindFlows {
			a.setAside[o] = a.setAside[o].add(w)
		} else {
			a.domestic[o] = a.domestic[o].add(w)
		}
		return
	}
	k := a.key(r, o, d)
	a.routes[k] = a.routes[k].add(w)
	if len(chain) < 2 {
		a.hops[k] = a.hops[k].add(w)
	}
}

// hopChain is origin, the known transit places, destination, without
// repeats of the same place in a row. Unknown or empty transit entries are
// skipped: the hop joins the places on either side of them. A chain that
// ends up as origin -> destination only is returned as nil, so the record
// is a direct flow.
func hopChain(o string, transit []string, d string) []string {
	chain := []string{o}
	for _, t := range transit {
		if endOf(t) == EndKnown && t != chain[len(chain)-1] {
			chain = append(chain, t)
		}
	}
	if d != chain[len(chain)-1] {
		chain = append(chain, d)
	}
	if len(chain) < 3 {
		return nil
	}
	return chain
}

// Merge folds b into a. b is left unchanged. Both must have been made with
// the same Options.
func (a *Accumulator) Merge(b *Accumulator) {
	mergeMap(a.routes, b.routes)
	mergeMap(a.legs, b.legs)
	mergeMap(a.hops, b.hops)
	mergeMap(a.domestic, b.domestic)
	mergeMap(a.setAside, b.setAside)
	mergeMap(a.excluded, b.excluded)
	for c := range b.cells {
		a.cells[c] = true
	}
	a.total = a.total.add(b.total)
}

func mergeMap[K comparable](dst, src map[K]Tally) {
	for k, v := range src {
		dst[k] = dst[k].add(v)
	}
}

// Flow is one aggregated origin-destination pair (per year and category
// when the table is split).
type Flow struct {
	Key
	Records int64 // records behind the flow
	Count   int64 // sum of their Count
	// Rank is the flow's place by Count among the flows of the same year
	// and category (among all flows when the table is not split), from 1.
	// Equal counts are ranked by origin, then destination, in byte order,
	// so ranks are unique and stable.
	Rank int
	// ShareOfOrigin is Count over the origin's total drawn outflow in the
	// same year and category. Domestic and excluded records are not part
	// of that total.
	ShareOfOrigin float64
}

// Table is the result of an Accumulator.
type Table struct {
	Flows []Flow // one per origin-destination pair: what routes draws
	Legs  []Flow // hops of records whose transit is known
	// Hops are the network's edges: each record's legs where its transit
	// is known, else its direct flow. Rank and share are set as for Flows.
	Hops     []Flow
	Domestic map[string]Tally    // cases whose origin is their destination, per place
	SetAside map[string]Tally    // flow-table rows from a place to itself, per place
	Excluded map[Exclusion]Tally // records with an end not known, per reason
	Total    Tally               // every record added
	Cells    []string            // destinations that are cells (incidents), sorted
}

// Table returns the flows so far. The accumulator stays usable.
func (a *Accumulator) Table() *Table {
	t := &Table{
		Flows:    finish(a.routes),
		Legs:     finish(a.legs),
		Hops:     finish(a.hops),
		Domestic: clone(a.domestic),
		SetAside: clone(a.setAside),
		Excluded: clone(a.excluded),
		Total:    a.total,
	}
	for c := range a.cells {
		t.Cells = append(t.Cells, c)
	}
	slices.Sort(t.Cells)
	return t
}

func clone[K comparable](m map[K]Tally) map[K]Tally {
	out := make(map[K]Tally, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// finish sorts flows by year, category, descending count, origin and
// destination, and sets Rank and ShareOfOrigin within each year-category
// slice.
func finish(m map[Key]Tally) []Flow {
	flows := make([]Flow, 0, len(m))
	for k, v := range m {
		flows = append(flows, Flow{Key: k, Records: v.Records, Count: v.Count})
	}
	slices.SortFunc(flows, compareFlows)
	type slice struct {
		year int
		cat  string
	}
	out := map[slice]map[string]int64{}
	for _, f := range flows {
		s := slice{f.Year, f.Category}
		if out[s] == nil {
			out[s] = map[string]int64{}
		}
		out[s][f.Origin] += f.Count
	}
	rank := 0
	for i := range flows {
		f := &flows[i]
		if i == 0 || f.Year != flows[i-1].Year || f.Category != flows[i-1].Category {
			rank = 0
		}
		rank++
		f.Rank = rank
		if tot := out[slice{f.Year, f.Category}][f.Origin]; tot > 0 {
			f.ShareOfOrigin = float64(f.Count) / float64(tot)
		}
	}
	return flows
}

func compareFlows(a, b Flow) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Category, b.Category); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Count, a.Count); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Origin, b.Origin); c != 0 {
		return c
	}
	return cmp.Compare(a.Dest, b.Dest)
}

// Check verifies that every record added is accounted for exactly once:
// in Flows, Domestic, SetAside or Excluded. A failure is a bug in this
// package, reported as an error rather than a panic.
func (t *Table) Check() error {
	var s Tally
	for _, f := range t.Flows {
		s = s.add(Tally{f.Records, f.Count})
	}
	for _, m := range []map[string]Tally{t.Domestic, t.SetAside} {
		for _, v := range m {
			s = s.add(v)
		}
	}
	for _, v := range t.Excluded {
		s = s.add(v)
	}
	if s != t.Total {
		return fmt.Errorf("routes: %d records (weight %d) added but %d (weight %d) accounted for", t.Total.Records, t.Total.Count, s.Records, s.Count)
	}
	return nil
}

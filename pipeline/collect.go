package pipeline

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/routes"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// collector folds the records of one input kind into everything the
// later stages need, batch by batch, so ingest streams and memory stays
// bounded by the aggregates, not the input: cell aggregates for the point
// system and for countries, the route accumulator, and the points
// themselves (for clustering and density) of kinds that have them.
type collector struct {
	kind      ingest.Kind
	sensitive bool
	fine      *geo.Aggregate // the --cell system, for records with coordinates
	countries *geo.Aggregate // the country system
	routes    *routes.Accumulator
	points    pointSet
	// Aggregation runs on workers, each folding batches into its own
	// part; finish merges them. Merging is exact (integer sums), so the
	// result does not depend on the number of workers or on which worker
	// got which batch.
	ch        chan []ingest.Record
	free      chan []ingest.Record // batch buffers to reuse
	wg        sync.WaitGroup
	parts     []*part
	lastDate  ingest.Date // latest record date, for --as-of
	firstDate ingest.Date
}

// pointSet holds the records with coordinates, column-wise and compact
// (38 bytes a point), since at ten million points it is most of a run's
// memory: categories as indexes into a table, rows and inputs as the
// smallest integers that hold them.
type pointSet struct {
	pts      []orb.Point
	counts   []float64 // float64, as clustering and density take weights
	dates    []ingest.Date
	cats     []uint16 // index into catNames
	rows     []uint32 // 1-based data row in its input
	inputs   []uint16
	catNames []string
	catIndex map[string]uint16
}

// otherCategory stands for every category after the first 65,535
// distinct ones of a kind (no real data has that many).
const otherCategory = "other (too many categories)"

func (ps *pointSet) add(r *ingest.Record, cat string) error {
	if r.Row > math.MaxUint32 || r.Input > math.MaxUint16 {
		return fmt.Errorf("input %d row %d: more rows or inputs than a run can hold (%d rows of an input, %d inputs)", r.Input+1, r.Row, uint32(math.MaxUint32), math.MaxUint16+1)
	}
	ci, ok := ps.catIndex[cat]
	if !ok {
		if ps.catIndex == nil {
			ps.catIndex = map[string]uint16{}
		}
		if len(ps.catNames) == math.MaxUint16 {
			cat = otherCategory
		}
		if ci, ok = ps.catIndex[cat]; !ok {
			ci = uint16(len(ps.catNames))
			ps.catNames = append(ps.catNames, cat)
			ps.catIndex[cat] = ci
		}
	}
	ps.pts = append(ps.pts, orb.Point{r.Lon, r.Lat})
	ps.counts = append(ps.counts, float64(r.Count))
	ps.dates = append(ps.dates, r.Date)
	ps.cats = append(ps.cats, ci)
	ps.rows = append(ps.rows, uint32(r.Row))
	ps.inputs = append(ps.inputs, uint16(r.Input))
	return nil
}

// cat returns the category of point i.
func (ps *pointSet) cat(i int) string { return ps.catNames[ps.cats[i]] }

// part is one worker's share of a collector's aggregates.
type part struct {
	fine, countries *geo.Aggregate
	routes          *routes.Accumulator
}

func (p *part) add(recs []ingest.Record) {
	if p.fine != nil {
		p.fine.Add(recs)
		p.countries.Add(recs)
	}
	p.routes.Add(recs)
}

func newCollector(k ingest.Kind, sensitive bool, fine, countries geo.System, opt geo.Options, ropt routes.Options, cellOf func(*ingest.Record) (string, bool), workers int) (*collector, error) {
	c := &collector{kind: k, sensitive: sensitive}
	if k == ingest.KindIncidents {
		ropt.CellOf = cellOf
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		p := &part{routes: routes.NewAccumulator(ropt)}
		if k != ingest.KindFlows {
			var err error
			if p.fine, err = geo.NewAggregate(fine, opt); err != nil {
				return nil, err
			}
			if p.countries, err = geo.NewAggregate(countries, opt); err != nil {
				return nil, err
			}
		}
		c.parts = append(c.parts, p)
	}
	c.ch = make(chan []ingest.Record, 2*workers)
	c.free = make(chan []ingest.Record, 3*workers)
	for _, p := range c.parts {
		c.wg.Go(func() {
			for batch := range c.ch {
				p.add(batch)
				clear(batch) // drop the strings before the buffer waits for reuse
				select {
				case c.free <- batch:
				default:
				}
			}
		})
	}
	return c, nil
}

// finish waits for the workers and merges their parts. It must be called
// once, after the last add.
func (c *collector) finish() {
	close(c.ch)
	c.wg.Wait()
	first := c.parts[0]
	for _, p := range c.parts[1:] {
		if first.fine != nil {
			first.fine.Merge(p.fine)
			first.countries.Merge(p.countries)
		}
		first.routes.Merge(p.routes)
	}
	c.fine, c.countries, c.routes = first.fine, first.countries, first.routes
	c.parts = nil
}

// add hands a batch to the workers (a copy: ingest reuses the slice)
// and keeps the points, in input order, for clustering and density.
func (c *collector) add(recs []ingest.Record) error {
	var buf []ingest.Record
	select {
	case buf = <-c.free:
	default:
	}
	c.ch <- append(buf[:0], recs...)
	for i := range recs {
		r := &recs[i]
		if r.Date.Precision != ingest.PrecisionNone {
			if c.lastDate.Precision == ingest.PrecisionNone || dateAfter(r.Date, c.lastDate) {
				c.lastDate = r.Date
			}
			if c.firstDate.Precision == ingest.PrecisionNone || dateAfter(c.firstDate, r.Date) {
				c.firstDate = r.Date
			}
		}
		if !r.HasPoint || c.kind == ingest.KindFlows {
			continue
		}
		cat := r.Category
		if c.kind == ingest.KindIncidents {
			cat = r.Route
		}
		if err := c.points.add(r, cat); err != nil {
			return err
		}
	}
	return nil
}

// dateAfter compares two dates by the last day each covers, so "2019"
// is after "2019-06-30".
func dateAfter(a, b ingest.Date) bool {
	ay, am, ad := lastDay(a)
	by, bm, bd := lastDay(b)
	if ay != by {
		return ay > by
	}
	if am != bm {
		return am > bm
	}
	return ad > bd
}

func lastDay(d ingest.Date) (int, int, int) {
	switch d.Precision {
	case ingest.PrecisionYear:
		return int(d.Year), 12, 31
	case ingest.PrecisionMonth:
		return int(d.Year), int(d.Month), 31
	}
	return int(d.Year), int(d.Month), int(d.Day)
}

// kindOrder is the order kinds are processed and reported in.
var kindOrder = []ingest.Kind{ingest.KindCases, ingest.KindCTDC, ingest.KindIncidents, ingest.KindFlows}

func checkTotals(name string, placed, unplaced geo.Tally, want int64) error {
	if placed.Records+unplaced.Records != want {
		return fmt.Errorf("%s: internal error: %d placed + %d unplaced records != %d used", name, placed.Records, unplaced.Records, want)
	}
	return nil
}

package pipeline

import (
	"fmt"
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
	wg        sync.WaitGroup
	parts     []*part
	lastDate  ingest.Date // latest record date, for --as-of
	firstDate ingest.Date
}

// pointSet holds the records with coordinates, column-wise.
type pointSet struct {
	pts    []orb.Point
	counts []float64
	dates  []ingest.Date
	cats   []string
	rows   []int64 // 1-based data row in its input
	inputs []int
}

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
	for _, p := range c.parts {
		c.wg.Go(func() {
			for batch := range c.ch {
				p.add(batch)
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
func (c *collector) add(recs []ingest.Record) {
	c.ch <- append([]ingest.Record(nil), recs...)
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
		c.points.pts = append(c.points.pts, orb.Point{r.Lon, r.Lat})
		c.points.counts = append(c.points.counts, float64(r.Count))
		c.points.dates = append(c.points.dates, r.Date)
		cat := r.Category
		if c.kind == ingest.KindIncidents {
			cat = r.Route
		}
		c.points.cats = append(c.points.cats, cat)
		c.points.rows = append(c.points.rows, r.Row)
		c.points.inputs = append(c.points.inputs, r.Input)
	}
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

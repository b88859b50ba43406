package pipeline

import (
	"fmt"

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

func newCollector(k ingest.Kind, sensitive bool, fine, countries geo.System, opt geo.Options, ropt routes.Options, cellOf func(*ingest.Record) (string, bool)) (*collector, error) {
	c := &collector{kind: k, sensitive: sensitive}
	var err error
	if k != ingest.KindFlows {
		if c.fine, err = geo.NewAggregate(fine, opt); err != nil {
			return nil, err
		}
		if c.countries, err = geo.NewAggregate(countries, opt); err != nil {
			return nil, err
		}
	}
	if k == ingest.KindIncidents {
		ropt.CellOf = cellOf
	}
	c.routes = routes.NewAccumulator(ropt)
	return c, nil
}

func (c *collector) add(recs []ingest.Record) {
	if c.fine != nil {
		c.fine.Add(recs)
		c.countries.Add(recs)
	}
	c.routes.Add(recs)
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

package pipeline

import (
	"fmt"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/emerging"
	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// emergingResult is the space-time analysis of one kind's cells.
type emergingResult struct {
	cells  []geo.Cell // the cube's locations: cells with a record in any step
	labels []string   // the steps kept
	counts [][]float64
	res    *emerging.Result
}

// minEmergingSteps is the fewest time steps a trend is read from.
const minEmergingSteps = 4

// analyzeEmerging builds the space-time cube of a kind's cells (the
// locations are the cells with a record in any step, as ArcGIS's rule)
// and classifies each location's pattern. It returns nil when the data
// have too few steps.
func analyzeEmerging(kind ingest.Kind, cs *cellStats, lastDate ingest.Date, cfg *Config, warn func(string, ...any)) (*emergingResult, error) {
	if cs.weights.Kind == "" || lastDate.Precision == ingest.PrecisionNone {
		return nil, nil
	}
	var cells []geo.Cell
	first, last := "", ""
	for _, c := range cs.cells {
		if len(c.ByTime) == 0 {
			continue
		}

		cells = append(cells, c)
		for s := range c.ByTime {
			if first == "" || s < first {
				first = s
			}
			if s > last {
				last = s
			}
		}
	}
	if len(cells) == 0 {
		return nil, nil
	}
	labels, err := emerging.StepLabels(first, last)
	if err != nil {
		return nil, err
	}
	series := make([]map[string]int64, len(cells))
	for i, c := range cells {
		series[i] = c.ByTime
	}
	counts, err := emerging.BuildCube(series, labels)
	if err != nil {
		return nil, err
	}
	through := emerging.CoveredThrough(int(lastDate.Year), int(lastDate.Month), int(lastDate.Day))
	counts, labels, w, err := emerging.DropPartialFinalStep(counts, labels, through)
	if err != nil {
		return nil, err
	}
	if w != "" {
		warn("%s: %s", kind, w)
	}
	if len(labels) < minEmergingSteps {
		warn("%s: %d time steps, fewer than %d; emerging hot spots skipped", kind, len(labels), minEmergingSteps)
		return nil, nil
	}
	pts := make([]orb.Point, len(cells))
	ids := make([]string, len(cells))
	for i, c := range cells {
		pts[i], ids[i] = c.Point, c.ID
	}
	wts, err := buildWeights(cs.weights, pts, weights.Geodesic, func() [][]int {
		return geo.NeighbourIndex(cs.sys, cells, geo.Queen)
	}, ids)
	if err != nil {
		return nil, fmt.Errorf("%s emerging weights: %w", kind, err)
	}
	nb := make([][]int, wts.N())
	for i := range nb {
		nb[i], _ = wts.Neighbors(i)
	}
	opt := emerging.DefaultOptions()
	opt.TimeWindow = cfg.TimeWindow
	res, err := emerging.Analyze(counts, nb, opt)
	if err != nil {
		return nil, fmt.Errorf("%s emerging: %w", kind, err)
	}
	return &emergingResult{cells: cells, labels: labels, counts: counts, res: res}, nil
}

// emergingTables builds the emerging layer (a pattern per location) and
// the cube layer (a row per location and step).
func emergingTables(kind ingest.Kind, sensitive bool, k int, er *emergingResult) []*table {
	ec := cols("cell_id", export.String, "pattern", export.String, "pattern_code", export.Int,
		"count_trend_z", export.Float, "count_trend_p", export.Float, "gi_trend_z", export.Float, "gi_trend_p", export.Float,
		"steps_hot", export.Int, "steps_cold", export.Int, "last_step_bin", export.Int)
	feats := make([]export.Feature, 0, len(er.cells))
	for i, c := range er.cells {
		if sensitive && c.Count < int64(k) {
			// The analysis runs over every cell with a record, as
			// ArcGIS's; but a published location would say the cell
			// holds someone although its count is withheld, so sensitive
			// layers show only cells whose total reaches k.
			continue
		}
		l := er.res.Locations[i]
		feats = append(feats, export.Feature{Geometry: c.Geometry, Values: []any{c.ID, l.Pattern, int64(l.PatternCode),
			num(l.CountTrendZ), num(l.CountTrendP), num(l.GiTrendZ), num(l.GiTrendP),
			int64(l.StepsHot), int64(l.StepsCold), int64(l.LastStepBin)}})
	}
	em := &table{kind: kind, sensitive: sensitive, layer: &export.Layer{Name: "emerging", Columns: ec, Features: export.Slice(feats)},
		zcols: []string{"count_trend_z", "gi_trend_z"}, pcols: []string{"count_trend_p", "gi_trend_p"}}
	out := []*table{em}
	if sensitive {
		// The cube is a per-cell time breakdown: for sensitive inputs its
		// true counts stay in private/ (written by the caller) and the
		// published cube carries no counts.
		return out
	}
	cc := cols("cell_id", export.String, "step", export.String, "count", export.Int, "gi_z", export.Float, "gi_bin", export.Int)
	cube := make([]export.Feature, 0, len(er.cells)*len(er.labels))
	for i, c := range er.cells {
		for t, s := range er.labels {
			b := er.res.Bins[i][t]
			cube = append(cube, export.Feature{Geometry: c.Geometry, Values: []any{c.ID, s, int64(er.counts[i][t]), num(b.GiZ), int64(b.Bin)}})
		}
	}
	out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"count"}, zcols: []string{"gi_z"},
		layer: &export.Layer{Name: "cube", Columns: cc, Features: export.Slice(cube)}})
	return out
}

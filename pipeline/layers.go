package pipeline

import (
	"sort"
	"strings"

	"github.com/htmap/htmap/analysis/hotspot"
	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/ingest"
)

// table is a layer on its way to publication, with what the privacy
// stage must know about it.
type table struct {
	kind ingest.Kind
	// folder overrides the output folder, which is the kind's name by
	// default (the vulnerability layer has its own).
	folder    string
	sensitive bool
	layer     *export.Layer
	counts    []string // count columns: suppressed, rounded or noised for sensitive inputs
	zcols     []string // z-scores: published to 1 decimal for sensitive inputs
	pcols     []string // p-values: published to 3 decimals for sensitive inputs
	pairs     bool     // origin/destination pairs: small ones pooled into origin -> other
	// neighbours of each feature (cells layers: Gi* neighbours, self
	// excluded) and the column Gi* ran on, for the z-score audit.
	neighbours [][]int
	giCount    string
	// For the privacy stage: per-step count columns (a partition of the
	// count), columns that follow the main count's fate, columns derived
	// from counts that sensitive tables do not publish, and whether a
	// withheld feature's geometry is hidden.
	breakdown, attached, derived []string
	byGroups                     [][]string // per --by column, its value columns
	hideGeometry                 bool
	// Links between tables: whether cells are
	// countries, whether nodes come from transit legs, and corridors'
	// member routes (feature positions in the routes table).
	countryCells bool
	hasLegs      bool
	caseLink     bool // vulnerability: case_count per country is the kind's country total
	partialLinks bool // some flows are not drawn: the nodes' sums of routes are partial
	members      [][]int
}

// cols is a small helper to declare columns.
func cols(spec ...any) []export.Column {
	out := make([]export.Column, 0, len(spec)/2)
	for i := 0; i+1 < len(spec); i += 2 {
		out = append(out, export.Column{Name: spec[i].(string), Type: spec[i+1].(export.Type)})
	}
	return out
}

// nullable returns nil for a NaN or infinite float, so it is written as null.
func num(x float64) any {
	if x != x || x > 1e308 || x < -1e308 {
		return nil
	}
	return x
}

func dateValue(d ingest.Date) any {
	if d.Precision == ingest.PrecisionNone {
		return nil
	}
	return d.String()
}

// sortedStrings returns the keys of a set of strings, sorted.
func sortedStrings[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// hotspotColumns are the statistics columns of a cells layer.
var hotspotColumns = cols(
	"gi_z", export.Float, "gi_p", export.Float, "gi_psim", export.Float, "gi_bin", export.Int,
	"lisa_i", export.Float, "lisa_z", export.Float, "lisa_p", export.Float, "lisa_psim", export.Float,
	"lisa_q", export.Int, "lisa_cluster", export.String,
)

// cellsTable builds the cells layer: one feature per study-area cell
// with its counts, breakdowns and hotspot statistics. Per-step columns
// (count_2019, ...) are published for public inputs and, for sensitive
// ones, only at country level: one spatial breakdown per sensitive run,
// time at country level only (docs/privacy.md).
func cellsTable(kind ingest.Kind, sensitive bool, cs *cellStats, withStats bool) *table {
	c := cols("cell_id", export.String, "cell_system", export.String, "count", export.Int, "n_records", export.Int,
		"area_km2", export.Float, "first_date", export.String, "last_date", export.String)
	counts := []string{"count", "n_records"}
	steps := map[string]bool{}
	withSteps := !sensitive || cs.sys.Spec() == "country"
	if withSteps {
		for _, cell := range cs.cells {
			for s := range cell.ByTime {
				steps[s] = true
			}
		}
	}
	stepNames := sortedStrings(steps)
	for _, s := range stepNames {
		c = append(c, export.Column{Name: "count_" + s, Type: export.Int})
		counts = append(counts, "count_"+s)
	}
	// Breakdowns by column (--by): <column>_<value> counts, for public
	// inputs and, for sensitive ones, at country level only.
	// Values that make the same column name (Forced Labour,
	// forced_labour) share the column and their counts add up.
	type byCol struct {
		col, name string
		vals      []string
	}
	var bys []*byCol
	var byGroups [][]string
	if withSteps {
		seen := map[string]bool{}
		cols := map[string]map[string]bool{}
		for _, cell := range cs.cells {
			for col, vals := range cell.By {
				if cols[col] == nil {
					cols[col] = map[string]bool{}
				}
				for v := range vals {
					cols[col][v] = true
				}
			}
		}
		at := map[string]*byCol{}
		for _, col := range sortedStrings(cols) {
			var group []string
			for _, v := range sortedStrings(cols[col]) {
				name := col + "_" + columnSafe(v)
				if seen[name] {
					at[name].vals = append(at[name].vals, v)
					continue
				}
				seen[name] = true
				b := &byCol{col: col, name: name, vals: []string{v}}
				at[name] = b
				bys = append(bys, b)
				c = append(c, export.Column{Name: name, Type: export.Int})
				counts = append(counts, name)
				group = append(group, name)
			}
			byGroups = append(byGroups, group)
		}
	}
	withRate := false
	for _, cell := range cs.cells {
		withRate = withRate || cell.HasRate
	}
	var eb map[int]float64
	if withRate {
		c = append(c, cols("rate", export.Float, "rate_eb", export.Float, "denominator", export.Float, "denominator_name", export.String)...)
		// Empirical Bayes smoothing over the cells that have a
		// denominator, in rate per 100,000 like rate.
		var ev, base []float64
		var at []int
		for i, cell := range cs.cells {
			if cell.HasRate {
				ev, base, at = append(ev, float64(cell.Count)), append(base, cell.Denominator), append(at, i)
			}
		}
		if sm, err := hotspot.EmpiricalBayes(ev, base); err == nil {
			eb = map[int]float64{}
			for j, i := range at {
				eb[i] = sm[j] * 1e5
			}
		}
	}
	if withStats {
		c = append(c, hotspotColumns...)
	}
	feats := make([]export.Feature, len(cs.cells))
	for i, cell := range cs.cells {
		v := []any{cell.ID, cs.sys.Spec(), cell.Count, cell.NRecords, cell.AreaKm2, dateValue(cell.FirstDate), dateValue(cell.LastDate)}
		for _, s := range stepNames {
			v = append(v, cell.ByTime[s])
		}
		for _, b := range bys {
			var n int64
			for _, val := range b.vals {
				n += cell.By[b.col][val]
			}
			v = append(v, n)
		}
		if withRate {
			if cell.HasRate {
				var smoothed any
				if x, ok := eb[i]; ok {
					smoothed = x
				}
				v = append(v, cell.Rate, smoothed, cell.Denominator, cell.DenominatorName)
			} else {
				v = append(v, nil, nil, nil, nil)
			}
		}
		if h := cs.hot; !withStats {
		} else if h != nil {
			v = append(v, num(h.GiZ[i]), num(h.GiP[i]), sim(h.GiPSim, i), int64(h.GiBin[i]),
				num(h.LisaI[i]), num(h.LisaZ[i]), num(h.LisaP[i]), sim(h.LisaPSim, i), int64(h.LisaQ[i]), h.LisaCluster[i])
		} else {
			v = append(v, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)
		}
		feats[i] = export.Feature{Geometry: cell.Geometry, Values: v}
	}
	t := &table{kind: kind, sensitive: sensitive, counts: counts, breakdown: counts[2 : 2+len(stepNames)], byGroups: byGroups,
		attached: []string{"first_date", "last_date"}, countryCells: cs.sys.Spec() == "country",
		layer: &export.Layer{Name: "cells", Columns: c, Features: export.Slice(feats)},
	}
	if withRate {
		t.derived = append(t.derived, "rate", "rate_eb")
	}
	if withStats {
		t.zcols, t.pcols = []string{"gi_z", "lisa_z", "lisa_i"}, []string{"gi_p", "gi_psim", "lisa_p", "lisa_psim"}
	}
	if cs.w != nil && withStats && cs.hot != nil {
		t.giCount = cs.field
		t.neighbours = make([][]int, cs.w.N())
		for i := range t.neighbours {
			t.neighbours[i], _ = cs.w.Neighbors(i)
		}
	}
	return t
}

func sim(p []float64, i int) any {
	if p == nil {
		return nil
	}
	return num(p[i])
}

// dir is the table's output folder: its input kind, or its own.
func (t *table) dir() string {
	if t.folder != "" {
		return t.folder
	}
	return t.kind.String()
}

// columnSafe makes a category value usable in a column name.
func columnSafe(v string) string {
	b := []byte(strings.ToLower(v))
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

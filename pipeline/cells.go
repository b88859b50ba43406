package pipeline

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/hotspot"
	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// cellStats is the cells stage's result for one input kind: the study
// area's cells, the weights between them and the hotspot statistics.
type cellStats struct {
	sys      geo.System
	cells    []geo.Cell // the study area, sorted by cell id
	outside  geo.Tally  // occupied cells' records outside a given study area
	unplaced geo.Unplaced
	placed   geo.Tally
	field    string      // the value the statistics ran on: count or n_records
	weights  WeightsSpec // as resolved (the optimized band becomes distance:KM)
	reason   string      // why these weights
	w        *weights.W
	hot      *hotspot.Result // nil when there are too few cells
}

// maxBandNeighbours bounds the cells a distance band may reach from one
// cell (see analyzeCells).
const maxBandNeighbours = 1000

// minHotspotCells is the fewest cells hotspot statistics run on, as
// ArcGIS's Optimized Hot Spot Analysis asks for 30 features.
const minHotspotCells = hotspot.MinOptimizedFeatures

// analyzeCells chooses the cell system for a kind's records (the --cell
// system when any record has coordinates, countries otherwise), sets
// the study area, builds the weights and runs Gi* and Local Moran.
func analyzeCells(c *collector, cfg *Config, studyArea func(geo.System) ([]geo.Key, error), stats bool, warn func(string, ...any)) (*cellStats, error) {
	agg := c.fine
	if agg.Placed().Records == 0 {
		agg = c.countries
	} else if u := agg.Unplaced().CountryOnly; u.Records > 0 {
		warn("%s: %s records have a country but no coordinates; they are not placed on %s cells (their countries appear in routes)", c.kind, small(c.sensitive, cfg.K, u.Records), agg.System().Spec())
	}
	cs := &cellStats{sys: agg.System(), unplaced: agg.Unplaced(), placed: agg.Placed(), field: cfg.HotspotField}
	if cs.field == "" {
		cs.field = "count"
		if c.kind == ingest.KindIncidents {
			cs.field = "n_records"
		}
	}
	value := func(cell geo.Cell) float64 {
		if cs.field == "n_records" {
			return float64(cell.NRecords)
		}
		return float64(cell.Count)
	}
	spec, err := ParseWeights(cfg.Weights)
	if err != nil {
		return nil, err
	}
	isCountry := cs.sys.Spec() == "country"
	if spec.Kind == "optimized" && isCountry {
		// Islands (the Philippines, a top origin) have no land border,
		// so countries default to their 8 nearest neighbours.
		spec = WeightsSpec{Kind: "knn", K: 8}
		cs.reason = "countries default to knn:8, since islands have no contiguity neighbours"
	}
	occupied := agg.Cells()
	if spec.Kind == "optimized" {
		// Incremental spatial autocorrelation runs over the occupied
		// cells and two rings of empty ones around them, as ArcGIS's
		// fishnet holds empty cells: on occupied cells alone the zeros
		// that make a hotspot stand out are missing and the band comes
		// out far too wide.
		ring := ringArea(cs.sys, agg.Occupied(), 2)
		pre, _ := agg.CellsIn(ring)
		prePts := make([]orb.Point, len(pre))
		preVals := make([]float64, len(pre))
		for i, cell := range pre {
			prePts[i], preVals[i] = cell.Point, value(cell)
		}
		band, err := hotspot.OptimizedBand(prePts, preVals, weights.Geodesic)
		if err != nil {
			warn("%s: no optimized distance band (%v); hotspot statistics skipped", c.kind, err)
			cs.cells = occupied
			cs.reason = err.Error()
			return cs, nil
		}
		spec = WeightsSpec{Kind: "distance", Km: band.Distance}
		cs.reason = band.Reason
	}
	// A band far wider than the cells (few, scattered records on a fine
	// grid) would put millions of empty cells in the study area, each
	// with tens of thousands of neighbours; cap it where a cell has about
	// maxBandNeighbours neighbours, and say so.
	if spec.Kind == "distance" && !isCountry && len(occupied) > 0 {
		var area float64
		for _, cell := range occupied {
			area += cell.AreaKm2
		}
		area /= float64(len(occupied))
		if limit := math.Sqrt(maxBandNeighbours * area / math.Pi); spec.Km > limit {
			warn("%s: distance band %.0f km is capped at %.0f km (about %d neighbours per %s cell); choose a coarser --cell or give --weights", c.kind, spec.Km, limit, maxBandNeighbours, cs.sys.Spec())
			cs.reason += fmt.Sprintf("; capped from %.1f km at %.1f km", spec.Km, limit)
			spec.Km = limit
		}
	}
	cs.weights = spec

	// The study area: a given polygon layer, or every cell within one
	// weights band of an occupied cell.
	var area []geo.Key
	if studyArea != nil {
		if area, err = studyArea(cs.sys); err != nil {
			return nil, err
		}
	} else {
		area = defaultArea(cs.sys, agg.Occupied(), occupied, spec)
	}
	cs.cells, cs.outside = agg.CellsIn(area)
	sort.Slice(cs.cells, func(i, j int) bool { return cs.cells[i].ID < cs.cells[j].ID })
	if cs.outside.Records > 0 {
		warn("%s: %s records fall outside the study area", c.kind, small(c.sensitive, cfg.K, cs.outside.Records))
	}
	if !stats {
		return cs, nil
	}
	if len(cs.cells) < minHotspotCells {
		warn("%s: %d cells in the study area, fewer than %d; hotspot statistics skipped", c.kind, len(cs.cells), minHotspotCells)
		return cs, nil
	}
	pts := make([]orb.Point, len(cs.cells))
	vals := make([]float64, len(cs.cells))
	ids := make([]string, len(cs.cells))
	for i, cell := range cs.cells {
		pts[i], vals[i], ids[i] = cell.Point, value(cell), cell.ID
	}
	cs.w, err = buildWeights(spec, pts, weights.Geodesic, func() [][]int {
		return geo.NeighbourIndex(cs.sys, cs.cells, geo.Queen)
	}, ids)
	if err != nil {
		return nil, fmt.Errorf("%s weights: %w", c.kind, err)
	}
	if isl := cs.w.Islands(); len(isl) > 0 {
		warn("%s: %d cells have no neighbour under %s; they get neutral statistics (z 0, p 1)", c.kind, len(isl), spec)
	}
	res, err := hotspot.Analyze(vals, cs.w, hotspot.Options{
		Permutations: cfg.Permutations, Seed: cfg.Seed, Workers: cfg.Workers, NoFDR: cfg.NoFDR,
	})
	if err != nil {
		return nil, fmt.Errorf("%s hotspots: %w", c.kind, err)
	}
	cs.hot = &res
	return cs, nil
}

// defaultArea is the default study area: for a distance band every cell
// within the band of an occupied cell, sea included; for neighbour-based
// weights the occupied cells and their neighbours.
func defaultArea(sys geo.System, occ []geo.Key, occupied []geo.Cell, spec WeightsSpec) []geo.Key {
	switch spec.Kind {
	case "distance":
		return geo.DefaultStudyArea(sys, occ, spec.Km)
	case "contiguity":
		set := map[geo.Key]bool{}
		for _, k := range occ {
			set[k] = true
			for _, n := range sys.Neighbours(k, geo.Queen) {
				set[n] = true
			}
		}
		return sortedKeys(set)
	case "knn":
		// The occupied cells' k nearest cells of the system: for
		// countries, every country; for fine cells, rings around them.
		if sys.Spec() == "country" {
			return countryKNNArea(sys, occupied, spec.K)
		}
		set := map[geo.Key]bool{}
		for _, k := range occ {
			set[k] = true
			for _, n := range sys.Neighbours(k, geo.Queen) {
				set[n] = true
			}
		}
		return sortedKeys(set)
	}
	return occ // gal: exactly the cells the file names must be occupied ones
}

// countryKNNArea is the occupied countries and each one's k nearest
// countries by representative point.
func countryKNNArea(sys geo.System, occupied []geo.Cell, k int) []geo.Key {
	cs, ok := sys.(*geo.Countries)
	if !ok {
		return nil
	}
	keys := make([]geo.Key, cs.Len())
	for i := range keys {
		keys[i] = geo.Key(i + 1) // a country's key is its position plus one
	}
	pts := make([]orb.Point, len(keys))
	index := map[geo.Key]int{}
	for i, key := range keys {
		pts[i] = sys.Shape(key).Point
		index[key] = i
	}
	set := map[geo.Key]bool{}
	w, err := weights.KNN(pts, min(k, len(pts)-1), weights.Geodesic)
	for _, cell := range occupied {
		set[cell.Key] = true
		i, ok := index[cell.Key]
		if !ok || err != nil {
			continue
		}
		nb, _ := w.Neighbors(i)
		for _, j := range nb {
			set[keys[j]] = true
		}
	}
	return sortedKeys(set)
}

// ringArea is the occupied cells and every cell up to n contiguity
// steps away from one.
func ringArea(sys geo.System, occ []geo.Key, n int) []geo.Key {
	set := map[geo.Key]bool{}
	front := occ
	for _, k := range occ {
		set[k] = true
	}
	for range n {
		var next []geo.Key
		for _, k := range front {
			for _, nb := range sys.Neighbours(k, geo.Queen) {
				if !set[nb] {
					set[nb] = true
					next = append(next, nb)
				}
			}
		}
		front = next
	}
	return sortedKeys(set)
}

func sortedKeys(set map[geo.Key]bool) []geo.Key {
	out := make([]geo.Key, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

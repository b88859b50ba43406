package emerging

import (
	"fmt"
	"math"
)

// Options tune the analysis. Start from DefaultOptions; the zero value is
// rejected because a trend level of 0 can never be met.
type Options struct {
	// TimeWindow is K, the number of previous steps in each bin's
	// neighbourhood: bin (i, t) looks at steps t-K..t. ArcGIS's
	// "neighborhood time step" defaults to 1, read here as the step
	// itself plus one previous step. 0 makes each step purely spatial.
	// Must be below the number of steps.
	TimeWindow int
	// TrendAlpha is the two-sided p-value at or below which a
	// Mann-Kendall trend of Gi* z-scores counts as significant when
	// telling intensifying and diminishing spots from persistent ones.
	TrendAlpha float64
}

// DefaultOptions returns ArcGIS's neighbourhood time step of 1 and a trend
// level of 0.05, the conventional level of the Mann-Kendall test.
func DefaultOptions() Options {
	return Options{TimeWindow: 1, TrendAlpha: 0.05}
}

// Bin is the Gi* result for one location in one step.
type Bin struct {
	GiZ float64 // space-time Gi* z-score
	GiP float64 // its two-sided normal p-value, before FDR
	// Bin is ArcGIS's confidence bin after FDR: 3, 2, 1 for a hot spot
	// at 99, 95, 90 %, the negatives for cold spots, 0 otherwise.
	Bin int
}

// Location is the summary of one location's time series.
type Location struct {
	Pattern     string  // the pattern in words, e.g. "intensifying hot spot"
	PatternCode Pattern // 1..8 hot, -1..-8 cold, 0 none (see Pattern)
	// CountTrendZ and CountTrendP are the Mann-Kendall Z and two-sided p
	// of the location's counts over time.
	CountTrendZ, CountTrendP float64
	// GiTrendZ and GiTrendP are the same for its Gi* z-scores: the trend
	// in how strongly it clusters, which decides intensifying versus
	// diminishing.
	GiTrendZ, GiTrendP float64
	StepsHot           int // steps with a positive bin (hot at 90 % after FDR)
	StepsCold          int // steps with a negative bin
	LastStepBin        int // the bin of the final step
}

// Result holds the per-bin and per-location outputs.
type Result struct {
	// Bins[i][t] is location i in step t.
	Bins [][]Bin
	// Locations[i] summarises location i.
	Locations []Location
	// Mean and StdDev are the mean and population standard deviation of
	// all bins, the reference every Gi* z-score is measured against.
	Mean, StdDev float64
	// N is the number of bins (locations x steps).
	N int
	// Cutoffs are the Benjamini-Hochberg p-value thresholds over all bins.
	Cutoffs Cutoffs
}

// Analyze runs Emerging Hot Spot Analysis on a space-time cube.
//
// counts[i][t] is the count of location i in step t, oldest step first;
// every location has the same number of steps, at least two. nb[i] lists
// the spatial neighbours of location i by index, without i itself and
// without repeats (any weights the caller had are ignored: the method uses
// binary weights). Counts must be finite.
//
// Bad input returns an error naming the location and step; nothing
// panics.
func Analyze(counts [][]float64, nb [][]int, opt Options) (*Result, error) {
	if err := validate(counts, nb, opt); err != nil {
		return nil, err
	}
	nloc, nt := len(counts), len(counts[0])
	z, p, mean, sd := spaceTimeGi(counts, nb, opt.TimeWindow)
	cut := fdrCutoffs(p)

	res := &Result{
		Bins:      make([][]Bin, nloc),
		Locations: make([]Location, nloc),
		Mean:      mean,
		StdDev:    sd,
		N:         nloc * nt,
		Cutoffs:   cut,
	}
	flat := make([]Bin, nloc*nt)
	bins := make([]int, nt)
	for i := range counts {
		row := flat[i*nt : (i+1)*nt : (i+1)*nt]
		zs := z[i*nt : (i+1)*nt]
		for t := range row {
			b := cut.ConfidenceBin(zs[t], p[i*nt+t])
			row[t] = Bin{GiZ: zs[t], GiP: p[i*nt+t], Bin: b}
			bins[t] = b
		}
		res.Bins[i] = row
		ct := MannKendall(counts[i])
		gt := MannKendall(zs)
		pat := Classify(bins, gt, opt.TrendAlpha)
		hot, cold := tally(bins, 1)
		res.Locations[i] = Location{
			Pattern:     pat.String(),
			PatternCode: pat,
			CountTrendZ: ct.Z,
			CountTrendP: ct.P,
			GiTrendZ:    gt.Z,
			GiTrendP:    gt.P,
			StepsHot:    hot,
			StepsCold:   cold,
			LastStepBin: bins[nt-1],
		}
	}
	return res, nil
}

// validate checks the cube, the neighbour lists and the options.
func validate(counts [][]float64, nb [][]int, opt Options) error {
	if len(counts) == 0 {
		return fmt.Errorf("emerging: empty cube (no locations)")
	}
	nt := len(counts[0])
	if nt < 2 {
		return fmt.Errorf("emerging: %d time step(s); a trend needs at least 2", nt)
	}
	if len(nb) != len(counts) {
		return fmt.Errorf("emerging: %d neighbour lists for %d locations", len(nb), len(counts))
	}
	if opt.TimeWindow < 0 || opt.TimeWindow >= nt {
		return fmt.Errorf("emerging: time window %d outside 0..%d (the cube has %d steps)", opt.TimeWindow, nt-1, nt)
	}
	if !(opt.TrendAlpha > 0 && opt.TrendAlpha < 1) {
		return fmt.Errorf("emerging: trend alpha %v outside (0, 1); start from DefaultOptions()", opt.TrendAlpha)
	}
	for i, row := range counts {
		if len(row) != nt {
			return fmt.Errorf("emerging: location %d has %d steps, location 0 has %d", i, len(row), nt)
		}
		for t, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("emerging: location %d, step %d: count %v is not finite", i, t, v)
			}
		}
	}
	seen := make(map[int]bool)
	for i, list := range nb {
		clear(seen)
		for _, j := range list {
			switch {
			case j < 0 || j >= len(counts):
				return fmt.Errorf("emerging: location %d: neighbour %d out of range 0..%d", i, j, len(counts)-1)
			case j == i:
				return fmt.Errorf("emerging: location %d lists itself as a neighbour; Gi* adds the location itself, leave it out", i)
			case seen[j]:
				return fmt.Errorf("emerging: location %d lists neighbour %d twice", i, j)
			}
			seen[j] = true
		}
	}
	return nil
}

// Occupied returns the indices of the locations with a nonzero count in
// some step, in order. ArcGIS analyses only such "locations with data";
// build the cube and its neighbour lists over these, after dropping a
// partial final step, since a location seen only in a dropped step has no
// data left.
func Occupied(counts [][]float64) []int {
	var out []int
	for i, row := range counts {
		for _, v := range row {
			if v != 0 {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

package hotspot

import (
	"fmt"

	"github.com/htmap/htmap/analysis/weights"
)

// DefaultPermutations is the number of conditional permutations when
// Options.Permutations is 0, as esda and ArcGIS.
const DefaultPermutations = 999

// Options tunes [Analyze]. The zero value is the documented default.
type Options struct {
	// Permutations for the pseudo p-values: 0 means DefaultPermutations,
	// a negative number skips them (GiPSim and LisaPSim are then nil).
	Permutations int
	// Seed of the permutation table; equal seeds give equal pseudo p.
	Seed uint64
	// Workers running the permutations; 0 means one per core. The results
	// never depend on it.
	Workers int
	// NoFDR turns off the Benjamini-Hochberg correction of GiBin and
	// LisaCluster (ArcGIS's "Apply False Discovery Rate" unchecked).
	NoFDR bool
	// Alpha is the significance level of LisaCluster; 0 means 0.05.
	Alpha float64
}

// Result holds one entry per site for every local statistic, plus global
// Moran's I. Field names follow the published properties (gi_z, gi_p, ...).
type Result struct {
	GiZ, GiP    []float64 // ArcGIS Gi* z and two-sided p
	GiPSim      []float64 // Gi* conditional permutation pseudo p
	GiBin       []int     // -3..3 confidence bin, after FDR unless NoFDR
	LisaI       []float64 // Local Moran's I (row-standardised weights)
	LisaZ       []float64 // analytic z under total randomisation
	LisaP       []float64 // two-sided p of LisaZ
	LisaPSim    []float64 // conditional permutation pseudo p
	LisaQ       []int     // 1 HH, 2 LH, 3 LL, 4 HL (0 island)
	LisaCluster []string  // "HH", "LH", "LL", "HL" where significant, else "NS"
	Moran       MoranResult
	Islands     []int // sites without neighbours, given neutral values
	// Permutations actually run (0 when skipped) and the seed used.
	Permutations int
	Seed         uint64
}

// quadrantNames maps esda's quadrant codes to cluster labels.
var quadrantNames = [5]string{"NS", "HH", "LH", "LL", "HL"}

// Analyze computes every published statistic of values on w: Gi* with the
// weights as given plus self-weight 1 ([GiStar]), Local Moran's I and
// global Moran's I on the row-standardised weights ([LocalMoran],
// [Moran]), shared-draw conditional permutation pseudo p-values for both
// (one pass), FDR-corrected bins and clusters. It needs at least 4 sites.
func Analyze(values []float64, w *weights.W, opt Options) (Result, error) {
	if err := check(values, w); err != nil {
		return Result{}, err
	}
	n := len(values)
	if n < 4 {
		return Result{}, fmt.Errorf("hotspot: need at least 4 sites, have %d", n)
	}
	alpha := opt.Alpha
	if alpha == 0 {
		alpha = 0.05
	}
	if alpha < 0 || alpha >= 1 {
		return Result{}, fmt.Errorf("hotspot: significance level %v outside (0, 1)", alpha)
	}
	var r Result
	var err error
	if r.GiZ, r.GiP, err = GiStar(values, w); err != nil {
		return Result{}, err
	}
	r.GiBin = Bins(r.GiZ, r.GiP, !opt.NoFDR)

	wr := w.RowStandardized()
	lm, err := LocalMoran(values, wr)
	if err != nil {
		return Result{}, err
	}
	r.LisaI, r.LisaZ, r.LisaP, r.LisaQ = lm.Is, lm.Z, lm.P, lm.Q
	cut := alpha
	if !opt.NoFDR {
		cut = FDR(r.LisaP, alpha)
	}
	r.LisaCluster = make([]string, n)
	for i := range n {
		r.LisaCluster[i] = "NS"
		if lm.Q[i] != 0 && lm.VI[i] > 0 && r.LisaP[i] <= cut {
			r.LisaCluster[i] = quadrantNames[lm.Q[i]]
		}
	}
	if r.Moran, err = Moran(values, wr); err != nil {
		return Result{}, err
	}
	r.Islands = w.Islands()

	perms := opt.Permutations
	if perms == 0 {
		perms = DefaultPermutations
	}
	if perms > 0 {
		r.Permutations, r.Seed = perms, opt.Seed
		d := newDraws(n, w.MaxCardinality(), perms, opt.Seed)
		ge, le := permCounts(values, w, d, opt.Workers)
		mean, _ := meanVar(values)
		R := int32(perms)
		r.GiPSim = make([]float64, n)
		r.LisaPSim = make([]float64, n)
		for i := range n {
			r.GiPSim[i], r.LisaPSim[i] = 1, 1
			if w.Cardinality(i) == 0 {
				continue
			}
			r.GiPSim[i] = pseudoP(ge[i], R)
			// Local Moran I_i = c z_i (S/W_i - xbar) rises with the
			// neighbour sum S when z_i > 0 and falls when z_i < 0.
			switch zi := values[i] - mean; {
			case zi > 0:
				r.LisaPSim[i] = pseudoP(ge[i], R)
			case zi < 0:
				r.LisaPSim[i] = pseudoP(le[i], R)
			}
		}
	}
	return r, nil
}

package main

import (
	"flag"
	"strings"

	"github.com/htmap/htmap/pipeline"
)

// settings are the analysis flags shared by run and the stage commands.
// A flag left at its zero value keeps the config file's value, then the
// default.
type settings struct {
	out, cell, step, by, studyArea, weights, method, asOf, title string
	dpKey, privacy, hotspotField, denominator, denominatorColumn string
	round                                                        int
	epsilon                                                      float64
	seed                                                         uint64
	permutations, timeWindow, k, decimals                        int
	epsKm, minPoints, bandwidthKm                                float64
	noFDR, geojsonSeq, force                                     bool
}

func (s *settings) register(fs *flag.FlagSet) {
	fs.StringVar(&s.out, "out", "", "output `DIR` (default \"out\")")
	fs.BoolVar(&s.force, "force", false, "replace a non-empty --out that holds no htmap manifest")
	fs.StringVar(&s.cell, "cell", "", "cell `SPEC` for point inputs: h3:RES, grid:KM or country (default h3:5; country-only inputs always use country)")
	fs.StringVar(&s.step, "step", "", "time step: year, quarter or month (default year)")
	fs.StringVar(&s.by, "by", "", "breakdown `COLUMNS` of the cells, comma-separated (category, gender, age_band, route, origin, destination)")
	fs.StringVar(&s.studyArea, "study-area", "", "polygon layer `FILE` (GeoJSON) bounding the cells (default: every cell within one weights band of an occupied cell)")
	fs.StringVar(&s.denominator, "denominator", "", "population-like `FILE` (cell id or country, value) for rates per 100,000")
	fs.StringVar(&s.denominatorColumn, "denominator-column", "", "value `COLUMN` of --denominator (default: the second column)")
	fs.StringVar(&s.weights, "weights", "", "spatial weights: distance:KM, knn:K, contiguity, gal:FILE (default: optimized band; knn:8 for countries)")
	fs.IntVar(&s.permutations, "permutations", 0, "permutations for pseudo p-values (default 999; -1 for none)")
	fs.Uint64Var(&s.seed, "seed", 0, "random seed (default 1); the same seed gives the same bytes")
	fs.BoolVar(&s.noFDR, "no-fdr", false, "do not apply the Benjamini-Hochberg false discovery rate correction")
	fs.IntVar(&s.timeWindow, "time-window", 0, "previous time steps in a space-time neighbourhood (default 1)")
	fs.Float64Var(&s.epsKm, "eps-km", 0, "DBSCAN radius in km (default: the knee of the k-distance curve)")
	fs.Float64Var(&s.minPoints, "min-points", 0, "DBSCAN minimum points, the point itself counted, weighted by count (default 10); HDBSCAN minimum cluster size")
	fs.StringVar(&s.method, "method", "", "point clustering: dbscan or hdbscan (default dbscan)")
	fs.Float64Var(&s.bandwidthKm, "bandwidth-km", 0, "kernel density search radius in km (default: ArcGIS's rule of thumb, capped at 500)")
	fs.IntVar(&s.k, "k", 0, "privacy threshold: sensitive counts below k are withheld (default 10)")
	fs.IntVar(&s.round, "round", 0, "publish sensitive counts rounded down to a multiple of `R`")
	fs.Float64Var(&s.epsilon, "dp-epsilon", 0, "add two-sided geometric noise with privacy budget `E` to sensitive counts (needs --dp-key)")
	fs.StringVar(&s.dpKey, "dp-key", "", "secret `FILE` keying the noise; never written to any output")
	fs.StringVar(&s.privacy, "privacy", "", "on (default) or off: off publishes true counts and marks every output")
	fs.StringVar(&s.hotspotField, "hotspot-field", "", "cell value for hotspots: count or n_records (default n_records for incidents, count otherwise)")
	fs.StringVar(&s.asOf, "as-of", "", "date shown in outputs and maps (default: the latest record date)")
	fs.BoolVar(&s.geojsonSeq, "geojsonseq", false, "also write GeoJSON text sequences (RFC 8142, .geojsons)")
	fs.IntVar(&s.decimals, "decimals", 0, "decimals kept in GeoJSON coordinates (default 6)")
	fs.StringVar(&s.title, "title", "", "title of the maps")
}

// apply copies the flags that were given onto cfg.
func (s *settings) apply(cfg *pipeline.Config) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&cfg.Out, s.out)
	set(&cfg.Cell, s.cell)
	set(&cfg.Step, s.step)
	set(&cfg.StudyArea, s.studyArea)
	set(&cfg.Weights, s.weights)
	set(&cfg.ClusterMethod, s.method)
	set(&cfg.AsOf, s.asOf)
	set(&cfg.Title, s.title)
	set(&cfg.DPKey, s.dpKey)
	set(&cfg.Privacy, s.privacy)
	set(&cfg.HotspotField, s.hotspotField)
	set(&cfg.Denominator, s.denominator)
	set(&cfg.DenominatorColumn, s.denominatorColumn)
	if s.round != 0 {
		cfg.Round = s.round
	}
	if s.epsilon != 0 {
		cfg.Epsilon = s.epsilon
	}
	if s.by != "" {
		cfg.By = strings.Split(s.by, ",")
	}
	if s.seed != 0 {
		cfg.Seed = s.seed
	}
	for dst, v := range map[*int]int{&cfg.Permutations: s.permutations, &cfg.TimeWindow: s.timeWindow, &cfg.K: s.k, &cfg.Decimals: s.decimals} {
		if v != 0 {
			*dst = v
		}
	}
	for dst, v := range map[*float64]float64{&cfg.EpsKm: s.epsKm, &cfg.MinPoints: s.minPoints, &cfg.BandwidthKm: s.bandwidthKm} {
		if v != 0 {
			*dst = v
		}
	}
	cfg.Force = cfg.Force || s.force
	cfg.NoFDR = cfg.NoFDR || s.noFDR
	cfg.GeoJSONSeq = cfg.GeoJSONSeq || s.geojsonSeq
}

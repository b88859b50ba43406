// Package pipeline wires htmap's stages into runs: it reads the inputs
// through ingest, aggregates them onto cells (geo), finds hotspots
// (analysis), applies the privacy rules once, and hands generic layers to
// export, then records everything in a manifest.
//
// A run is a plain function of a Config: the same inputs, config and seed
// give byte-identical outputs, whatever the number of workers or where the
// output folder is. Outputs are built in a temporary folder beside the
// target and swapped into place at the end, so a failed run never leaves a
// half-written feed.
package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/htmap/htmap/ingest"
)

// Input is one input file of a run.
type Input struct {
	// Path is the file's path as given; "embedded:NAME" names a file of
	// the embedded sample.
	Path string `yaml:"path" json:"name"`
	// Format is cases, ctdc, incidents or flows; empty means detect it
	// from the header.
	Format string `yaml:"format,omitempty" json:"format"`
	// Sensitive overrides the format's default (cases and ctdc are
	// sensitive, incidents and flows are not).
	Sensitive *bool `yaml:"sensitive,omitempty" json:"sensitive,omitempty"`
	// Columns maps schema fields to this file's column names.
	Columns map[string]string `yaml:"columns,omitempty" json:"columns,omitempty"`
	// CountColumn picks the count column of a flows table.
	CountColumn string `yaml:"count_column,omitempty" json:"count_column,omitempty"`
}

// Config is everything a run depends on. It is written, resolved, into
// the manifest, so a run can be repeated from its manifest alone.
type Config struct {
	Inputs     []Input `yaml:"inputs" json:"inputs"`
	Out        string  `yaml:"out" json:"-"`
	Force      bool    `yaml:"force,omitempty" json:"-"`
	FixSwapped bool    `yaml:"fix_swapped,omitempty" json:"fix_swapped"`
	// Cell is the cell system for point inputs (h3:RES, grid:KM,
	// country); country-only inputs always use country.
	Cell string `yaml:"cell,omitempty" json:"cell"`
	// Step is the time bucket: year, quarter or month.
	Step string `yaml:"step,omitempty" json:"step"`
	Seed uint64 `yaml:"seed,omitempty" json:"seed"`
	// By names breakdown columns of the cells (category, gender, ...).
	By []string `yaml:"by,omitempty" json:"by,omitempty"`
	// Denominator is a table (cell id or country, value) giving each cell
	// a rate per 100,000; DenominatorColumn picks its value column.
	Denominator       string `yaml:"denominator,omitempty" json:"denominator,omitempty"`
	DenominatorColumn string `yaml:"denominator_column,omitempty" json:"denominator_column,omitempty"`
	// StudyArea is a polygon layer (GeoJSON) bounding the cells.
	StudyArea string `yaml:"study_area,omitempty" json:"study_area,omitempty"`
	// Weights: distance:KM, knn:K, contiguity, gal:FILE or optimized.
	Weights string `yaml:"weights,omitempty" json:"weights"`
	// Permutations for pseudo p-values (default 999; negative: none).
	Permutations int  `yaml:"permutations,omitempty" json:"permutations"`
	NoFDR        bool `yaml:"no_fdr,omitempty" json:"no_fdr"`
	// TimeWindow is the number of previous steps in a space-time
	// neighbourhood (emerging hot spots).
	TimeWindow int `yaml:"time_window,omitempty" json:"time_window"`
	// Clusters: DBSCAN radius (0: the k-distance knee) and minimum points.
	EpsKm     float64 `yaml:"eps_km,omitempty" json:"eps_km"`
	MinPoints float64 `yaml:"min_points,omitempty" json:"min_points"`
	// ClusterMethod is dbscan (default) or hdbscan (MinPoints is then
	// the minimum cluster size).
	ClusterMethod string `yaml:"cluster_method,omitempty" json:"cluster_method"`
	// BandwidthKm of the kernel density (0: ArcGIS's rule of thumb,
	// capped); DensityCell the equal-area grid it is evaluated on (empty:
	// grid:KM with KM a fifth of the bandwidth, between 5 and 100).
	BandwidthKm float64 `yaml:"bandwidth_km,omitempty" json:"bandwidth_km"`
	DensityCell string  `yaml:"density_cell,omitempty" json:"density_cell"`
	// AsOf is the date shown in outputs and maps (default: the latest
	// record date), never the clock.
	AsOf string `yaml:"as_of,omitempty" json:"as_of"`
	// Decimals kept in GeoJSON coordinates (default 6).
	Decimals int `yaml:"decimals,omitempty" json:"decimals"`
	// GeoJSONSeq also writes RFC 8142 GeoJSON text sequences.
	GeoJSONSeq bool `yaml:"geojsonseq,omitempty" json:"geojsonseq"`
	// K is the small-count threshold of the privacy rules (default 10).
	K int `yaml:"k,omitempty" json:"k"`
	// Round publishes sensitive counts rounded down to a multiple of it.
	Round int `yaml:"round,omitempty" json:"round"`
	// Epsilon adds two-sided geometric noise to sensitive counts, keyed
	// by the secret in the file DPKey (never written anywhere).
	Epsilon float64 `yaml:"dp_epsilon,omitempty" json:"dp_epsilon"`
	DPKey   string  `yaml:"dp_key,omitempty" json:"-"`
	// Privacy "off" publishes true counts, marked in every output.
	Privacy string `yaml:"privacy,omitempty" json:"privacy_mode"`
	// HotspotField is the cell value the hotspot statistics run on:
	// count, n_records, or "" for the default (n_records for incidents,
	// as ArcGIS's Optimized Hot Spot Analysis counts incident points;
	// count otherwise).
	HotspotField string `yaml:"hotspot_field,omitempty" json:"hotspot_field,omitempty"`
	// Stages limits a run to some stages (cells, hotspots, emerging,
	// clusters, density, routes, maps); empty runs them all. The stage
	// commands (htmap cells, htmap routes, ...) set it.
	Stages []string `yaml:"stages,omitempty" json:"stages,omitempty"`
	// Flat writes layers as OUT/<layer>.geojson instead of
	// OUT/<kind>/<layer>.geojson; the run must then hold one input kind.
	Flat bool `yaml:"flat,omitempty" json:"flat,omitempty"`
	// MinCount drops flows with a smaller count from the routes (counted
	// in the warnings).
	MinCount int64 `yaml:"min_count,omitempty" json:"min_count,omitempty"`
	// RoutesBy splits flows by year and/or category.
	RoutesBy []string `yaml:"routes_by,omitempty" json:"routes_by,omitempty"`
	// Indicators are country indicator tables for the vulnerability
	// index; IndicatorConfig its YAML configuration (default: the
	// embedded one for the CFA World Index table). Population (with its
	// PopulationColumn) turns case counts into rates; Compare is a table
	// with the Global Slavery Index prevalence to correlate with.
	Indicators       []string `yaml:"indicators,omitempty" json:"indicators,omitempty"`
	IndicatorConfig  string   `yaml:"indicator_config,omitempty" json:"indicator_config,omitempty"`
	Population       string   `yaml:"population,omitempty" json:"population,omitempty"`
	PopulationColumn string   `yaml:"population_column,omitempty" json:"population_column,omitempty"`
	Compare          string   `yaml:"compare,omitempty" json:"compare,omitempty"`
	// Title of the maps.
	Title string `yaml:"title,omitempty" json:"title"`
	// Workers bounds parallelism (0: all cores). It never changes results.
	Workers int `yaml:"workers,omitempty" json:"-"`
	// NoSample: no input means no records (htmap vulnerability without
	// --cases), not the embedded sample.
	NoSample bool `yaml:"-" json:"-"`
	Quiet    bool `yaml:"quiet,omitempty" json:"-"`
}

// Defaults fills what the user left empty.
func (c *Config) Defaults() {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Cell == "" {
		c.Cell = "h3:5"
	}
	if c.Step == "" {
		c.Step = "year"
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Weights == "" {
		c.Weights = "optimized"
	}
	if c.Permutations == 0 {
		c.Permutations = 999
	}
	if c.TimeWindow == 0 {
		c.TimeWindow = 1
	}
	if c.ClusterMethod == "" {
		c.ClusterMethod = "dbscan"
	}
	if c.MinPoints == 0 {
		c.MinPoints = 10
	}
	if c.Decimals == 0 {
		c.Decimals = 6
	}
	if c.K == 0 {
		c.K = 10
	}
	if c.PopulationColumn == "" {
		c.PopulationColumn = "Population"
	}
	if c.Privacy == "" {
		c.Privacy = "on"
	}
	if c.Title == "" {
		c.Title = "Human trafficking hotspots and routes"
	}
}

// Stages a run can hold.
var allStages = []string{"cells", "hotspots", "emerging", "clusters", "density", "routes", "vulnerability", "maps"}

// wants reports whether the run includes a stage.
func (c *Config) wants(stage string) bool {
	if len(c.Stages) == 0 {
		return true
	}
	for _, s := range c.Stages {
		if s == stage {
			return true
		}
	}
	return false
}

// Validate checks the config without touching any input.
func (c *Config) Validate() error {
	for _, s := range c.Stages {
		ok := false
		for _, a := range allStages {
			ok = ok || s == a
		}
		if !ok {
			return fmt.Errorf("stage %q: want one of %v", s, allStages)
		}
	}
	if c.Privacy != "on" && c.Privacy != "off" {
		return fmt.Errorf("privacy %q: want on or off", c.Privacy)
	}
	if c.HotspotField != "" && c.HotspotField != "count" && c.HotspotField != "n_records" {
		return fmt.Errorf("hotspot field %q: want count or n_records", c.HotspotField)
	}
	for _, b := range c.RoutesBy {
		if b != "year" && b != "category" {
			return fmt.Errorf("routes by %q: want year or category", b)
		}
	}
	for i, in := range c.Inputs {
		if in.Path == "" {
			return fmt.Errorf("input %d: no path", i+1)
		}
		if in.Format != "" {
			if _, err := ingest.ParseKind(in.Format); err != nil {
				return fmt.Errorf("input %s: %w", in.Path, err)
			}
		}
	}
	switch c.Step {
	case "year", "quarter", "month":
	default:
		return fmt.Errorf("step %q: want year, quarter or month", c.Step)
	}
	return nil
}

// LoadConfig reads a YAML config file. Relative input paths are taken
// relative to the config file's folder. Unknown keys are an error, so a
// typo never silently falls back to a default.
func LoadConfig(path string) (Config, error) {
	var c Config
	f, err := os.Open(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	base := filepath.Dir(path)
	for i := range c.Inputs {
		p := c.Inputs[i].Path
		if p != "" && !filepath.IsAbs(p) && !isEmbedded(p) {
			c.Inputs[i].Path = filepath.Join(base, p)
		}
	}
	return c, nil
}

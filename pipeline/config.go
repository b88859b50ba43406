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
	// Workers bounds parallelism (0: all cores). It never changes results.
	Workers int  `yaml:"workers,omitempty" json:"-"`
	Quiet   bool `yaml:"quiet,omitempty" json:"-"`
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
}

// Validate checks the config without touching any input.
func (c *Config) Validate() error {
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

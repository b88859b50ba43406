package main

import (
	"context"
	"fmt"

	"github.com/htmap/htmap/pipeline"
)

func cmdRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run", "[--in FILE]... [--config FILE] [--out DIR]",
		"Runs the whole pipeline: ingest, cells, hotspots, routes and maps. With no --in it\n"+
			"runs on the embedded synthetic sample. Publishable files go to DIR, per-record\n"+
			"files (rejects) to DIR/private, and DIR/manifest.json records the run.")
	var in inputFlags
	in.register(fs)
	out := fs.String("out", "", "output `DIR` (default \"out\", or the config's out)")
	force := fs.Bool("force", false, "replace a non-empty --out that holds no htmap manifest")
	cell := fs.String("cell", "", "cell system for point inputs: h3:RES, grid:KM or country (default h3:5)")
	step := fs.String("step", "", "time step: year, quarter or month (default year)")
	seed := fs.Uint64("seed", 0, "random seed for permutations (default 1)")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	cfg, err := in.configFrom()
	if err != nil {
		return err
	}
	if *out != "" {
		cfg.Out = *out
	}
	if *force {
		cfg.Force = true
	}
	if *cell != "" {
		cfg.Cell = *cell
	}
	if *step != "" {
		cfg.Step = *step
	}
	if *seed != 0 {
		cfg.Seed = *seed
	}
	cfg.Quiet = cfg.Quiet || *quiet
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	opt := pipeline.Options{Command: append([]string{"htmap"}, e.argv...), Warn: e.stderr}
	if e.stderrTTY && !cfg.Quiet {
		opt.Progress = pipeline.NewProgress(e.stderr)
	}
	m, err := pipeline.Run(ctx, cfg, opt)
	if err != nil {
		return err
	}
	if !cfg.Quiet {
		fmt.Fprintf(e.stderr, "htmap: %d rows read, %d used, %d rejected; wrote %d files to %s\n",
			m.Totals.RowsRead, m.Totals.RowsUsed, m.Totals.RowsRejected, len(m.Outputs)+1, cfg.Out)
	}
	return nil
}

package main

import (
	"context"
	"fmt"

	"github.com/htmap/htmap/data/sample"
	"github.com/htmap/htmap/pipeline"
)

func cmdSample(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sample", "--out DIR [--seed N] [--cases N]",
		"Writes deterministic synthetic data (cases.csv, incidents.csv, flows.csv) with\n"+
			"planted hotspots, corridors and trends, and truth.json describing them. The same\n"+
			"seed and size give the same bytes.")
	def := sample.DefaultConfig()
	out := fs.String("out", "", "output `DIR` (required)")
	seed := fs.Uint64("seed", def.Seed, "random seed")
	cases := fs.Int("cases", def.Cases, "number of case rows")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out is required")
	}
	if *cases < 1 {
		return usagef("--cases must be at least 1")
	}
	cfg := def
	cfg.Seed = *seed
	cfg.Cases = *cases
	if _, err := sample.Generate(*out, cfg); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "htmap: wrote sample (seed %d, %d cases) to %s\n", cfg.Seed, cfg.Cases, *out)
	return nil
}

func cmdVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "", "Prints htmap's version.")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "htmap %s\n", pipeline.Version)
	return nil
}

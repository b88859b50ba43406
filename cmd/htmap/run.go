package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/htmap/htmap/pipeline"
)

func cmdRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "run", "[--in FILE]... [--config FILE] [--out DIR]",
		"Runs the whole pipeline: ingest, cells, hotspots, routes and maps. With no --in it\n"+
			"runs on the embedded synthetic sample. Publishable files go to DIR, per-record\n"+
			"files (rejects) to DIR/private, and DIR/manifest.json records the run.")
	var in inputFlags
	in.register(fs)
	var st settings
	st.register(fs)
	var indicators []string
	fs.Func("indicators", "country indicator table `FILE` for the vulnerability layer (repeatable)", func(v string) error {
		indicators = append(indicators, v)
		return nil
	})
	var stages []string
	fs.Func("stages", "run only these `STAGES` (comma-separated: cells, hotspots, emerging, clusters,\ndensity, routes, vulnerability, maps); ingest, privacy and the manifest always run", func(v string) error {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				stages = append(stages, s)
			}
		}
		return nil
	})
	compare := fs.String("compare", "", "Global Slavery Index table `FILE` to correlate the vulnerability index with")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	verbose := fs.Bool("verbose", false, "print each stage's time on stderr")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (for pprof)")
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
	st.apply(&cfg)
	cfg.Indicators = append(cfg.Indicators, indicators...)
	if len(stages) > 0 {
		cfg.Stages = stages
	}
	if *compare != "" {
		cfg.Compare = *compare
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
	if *verbose {
		opt.Log = e.stderr
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	tuneGC(cfg.Inputs)
	m, err := pipeline.Run(ctx, cfg, opt)
	if err != nil {
		return err
	}
	if !cfg.Quiet {
		fmt.Fprintf(e.stderr, "htmap: %d rows read, %d used, %d rejected; wrote %d files to %s\n",
			m.Totals.RowsRead, m.Totals.RowsUsed, m.Totals.RowsRejected, len(m.Outputs)+2, cfg.Out)
	}
	return nil
}

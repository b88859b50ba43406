package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/htmap/htmap/pipeline"
)

func cmdMap(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "map", "--from OUT_DIR [--title T] [--layers L,...] [--dpi N]",
		"Redraws map.html (offline, self-contained), map.png and map.svg in OUT_DIR from an\n"+
			"earlier run's published layers, without recomputing. It never reads OUT_DIR/private.")
	from := fs.String("from", "", "output `DIR` of an earlier run (required)")
	title := fs.String("title", "", "map title")
	layers := fs.String("layers", "", "comma-separated `LAYERS` to show (cells, routes, cases/cells, ...; default all)")
	dpi := fs.Float64("dpi", 0, "resolution of map.png (default 96; 300 for reports)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *from == "" {
		return usagef("--from is required")
	}
	opt := pipeline.MapOptions{Title: *title, DPI: *dpi}
	if *layers != "" {
		opt.Layers = strings.Split(*layers, ",")
	}
	outs, err := pipeline.WriteMaps(*from, opt)
	if err != nil {
		return err
	}
	for _, o := range outs {
		fmt.Fprintf(e.stderr, "htmap: wrote %s/%s\n", *from, o.Path)
	}
	return nil
}

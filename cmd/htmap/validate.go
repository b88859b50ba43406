package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/htmap/htmap/pipeline"
)

func cmdValidate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "validate", "[--format F] [--json] FILE...",
		"Reads each file as a run would and prints, per file, the rows read, used and\n"+
			"rejected, with the rejections counted by reason. It writes nothing else.")
	format := fs.String("format", "", "input layout for every file: cases, ctdc, incidents or flows (default: detect)")
	asJSON := fs.Bool("json", false, "print one JSON object with the counts of every file")
	fix := fs.Bool("fix-swapped", false, "count likely swapped lat/lon as repaired instead of rejected")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no input file")
	}
	var inputs []pipeline.Input
	for _, p := range fs.Args() {
		inputs = append(inputs, pipeline.Input{Path: p, Format: *format})
	}
	recs, err := pipeline.ReadInputs(ctx, inputs, *fix, nil, nil, nil)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Files []pipeline.InputRecord `json:"files"`
		}{recs}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
		return nil
	}
	for _, r := range recs {
		fmt.Fprintf(e.stdout, "%s (%s): %d rows read, %d used, %d rejected\n", r.Name, r.Format, r.RowsRead, r.RowsUsed, r.RowsRejected)
		reasons := make([]string, 0, len(r.Rejected))
		for k := range r.Rejected {
			reasons = append(reasons, k)
		}
		sort.Strings(reasons)
		for _, k := range reasons {
			fmt.Fprintf(e.stdout, "  %-24s %d\n", k, r.Rejected[k])
		}
		if len(r.DroppedColumns) > 0 {
			fmt.Fprintf(e.stdout, "  dropped %d non-schema columns\n", len(r.DroppedColumns))
		}
	}
	return nil
}

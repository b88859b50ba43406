package sample

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write generates the sample and streams it to the four writers: the
// cases, incidents and flows CSV files and truth.json. A nil writer
// discards that file (its rows are still generated and counted, so the
// Truth is the same whichever files are kept); flows are written only
// when cfg.Flows is set. Memory stays small whatever the size, so
// benchmarks can write millions of rows.
func Write(cases, incidents, flows, truth io.Writer, cfg Config) (Truth, error) {
	if err := cfg.validate(); err != nil {
		return Truth{}, err
	}
	t := Truth{Generator: "htmap sample", Config: cfg, NotesMarker: notesMarker, Invalid: []InvalidRow{}}
	if cases == nil {
		cases = io.Discard
	}
	if incidents == nil {
		incidents = io.Discard
	}
	if flows == nil {
		flows = io.Discard
	}
	if err := writeCases(cases, cfg, &t); err != nil {
		return Truth{}, fmt.Errorf("sample: writing cases: %w", err)
	}
	if err := writeIncidents(incidents, cfg, &t); err != nil {
		return Truth{}, fmt.Errorf("sample: writing incidents: %w", err)
	}
	if cfg.Flows {
		if err := writeFlows(flows, cfg, &t); err != nil {
			return Truth{}, fmt.Errorf("sample: writing flows: %w", err)
		}
	}
	if truth != nil {
		b, err := json.MarshalIndent(t, "", "  ")
		if err != nil {
			return Truth{}, err
		}
		if _, err := truth.Write(append(b, '\n')); err != nil {
			return Truth{}, fmt.Errorf("sample: writing truth: %w", err)
		}
	}
	return t, nil
}

// Generate writes cases.csv, incidents.csv, flows.csv (when cfg.Flows)
// and truth.json into dir, creating it if needed. The CSV files are in
// the layouts ingest detects from their headers.
func Generate(dir string, cfg Config) (Truth, error) {
	if err := cfg.validate(); err != nil {
		return Truth{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Truth{}, err
	}
	names := []string{"cases.csv", "incidents.csv", "flows.csv", "truth.json"}
	if !cfg.Flows {
		names[2] = ""
	}
	files := make([]*os.File, len(names))
	writers := make([]io.Writer, len(names))
	closeAll := func() error {
		var errs []error
		for _, f := range files {
			if f != nil {
				errs = append(errs, f.Close())
			}
		}
		return errors.Join(errs...)
	}
	for i, n := range names {
		if n == "" {
			continue
		}
		f, err := os.Create(filepath.Join(dir, n))
		if err != nil {
			_ = closeAll()
			return Truth{}, err
		}
		files[i], writers[i] = f, f
	}
	t, err := Write(writers[0], writers[1], writers[2], writers[3], cfg)
	if cerr := closeAll(); err == nil {
		err = cerr
	}
	return t, err
}

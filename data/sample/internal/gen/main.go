// Command gen writes the embedded sample: the files of
// sample.DefaultConfig, gzip-compressed, into the embedded directory of
// package sample. Run it with `go generate ./data/sample`.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"

	"github.com/htmap/htmap/data/sample"
)

func main() {
	dir := "embedded"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	var cases, incidents, flows, truth bytes.Buffer
	if _, err := sample.Write(&cases, &incidents, &flows, &truth, sample.DefaultConfig()); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{
		{"cases.csv", cases.Bytes()},
		{"incidents.csv", incidents.Bytes()},
		{"flows.csv", flows.Bytes()},
		{"truth.json", truth.Bytes()},
	} {
		var z bytes.Buffer
		// No name and no time in the header, so the same input always
		// gives the same compressed bytes.
		zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := zw.Write(f.b); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.name+".gz"), z.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

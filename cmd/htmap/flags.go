package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/htmap/htmap/pipeline"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// newFlags makes a flag set whose errors are usage errors and whose
// --help prints the synopsis, the description and the flags.
func newFlags(e *env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: htmap %s %s\n\n%s\n\nFlags:\n", name, synopsis, about)
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning flag errors into usage errors. The usage
// text is printed for --help only; a mistake gets one line.
func parse(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		usage()
		return err
	}
	if err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// inputFlags are the input conventions every command shares.
type inputFlags struct {
	ins     []string
	format  string
	config  string
	fixSwap bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.Func("in", "input `FILE` (repeatable): CSV (any common delimiter, optionally .gz), Arrow IPC or Parquet", func(s string) error {
		f.ins = append(f.ins, s)
		return nil
	})
	fs.StringVar(&f.format, "format", "", "input layout for every --in: cases, ctdc, incidents or flows (default: detect from the header)")
	fs.StringVar(&f.config, "config", "", "YAML config `FILE` (inputs with per-file formats and column mappings, and any run setting)")
	fs.BoolVar(&f.fixSwap, "fix-swapped", false, "repair likely swapped lat/lon instead of rejecting them (repairs are counted)")
}

// configFrom builds a config from --config (if any), then the flags.
func (f *inputFlags) configFrom() (pipeline.Config, error) {
	var cfg pipeline.Config
	if f.config != "" {
		c, err := pipeline.LoadConfig(f.config)
		if err != nil {
			return cfg, err
		}
		cfg = c
	}
	for _, p := range f.ins {
		cfg.Inputs = append(cfg.Inputs, pipeline.Input{Path: p})
	}
	if f.format != "" {
		for i := range cfg.Inputs {
			cfg.Inputs[i].Format = f.format
		}
	}
	if f.fixSwap {
		cfg.FixSwapped = true
	}
	return cfg, nil
}

func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (inputs are given with --in)", strings.Join(fs.Args(), " "))
	}
	return nil
}

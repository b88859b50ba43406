// Command htmap maps human-trafficking hotspots and routes from case
// records and migration data.
//
// Usage:
//
//	htmap <command> [flags]
//
// Each stage is a command of its own, as ArcGIS exposes each tool, and
// `htmap run` chains them. Every command takes its inputs as --in FILE
// (repeatable; the layout is detected from the header, --format
// overrides) and writes to --out DIR. Exit status: 0 on success, 1 on a
// runtime error, 2 on a usage error. Run `htmap <command> --help` for a
// command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// usageError is an error in how htmap was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch besides its flags.
type env struct {
	stdout, stderr io.Writer
	stderrTTY      bool
	argv           []string
}

func commands() []command {
	return []command{
		{"run", "run the whole pipeline (on the embedded sample when no --in is given)", cmdRun},
		{"cells", "aggregate records onto H3, equal-area grid or country cells", cmdCells},
		{"hotspot", "Getis-Ord Gi* and Local Moran on any GeoJSON point or polygon layer", cmdHotspot},
		{"emerging", "emerging hot spots: space-time trends per cell", cmdEmerging},
		{"cluster", "density-based point clusters (DBSCAN, HDBSCAN)", cmdCluster},
		{"density", "kernel density surface (quartic kernel) on an equal-area grid", cmdDensity},
		{"routes", "origin-destination routes, transit hubs and corridors", cmdRoutes},
		{"vulnerability", "risk-factor index per country beside detected cases", cmdVulnerability},
		{"validate", "check input files and print what would be used and rejected", cmdValidate},
		{"map", "redraw the offline HTML map and the static PNG/SVG map of an earlier run", cmdMap},
		{"sample", "write deterministic synthetic data with planted hotspots, corridors and trends", cmdSample},
		{"version", "print htmap's version", cmdVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stderrTTY: isTerminal(os.Stderr), argv: os.Args[1:]}
	os.Exit(execute(ctx, e, os.Args[1:]))
}

// execute runs one command line and returns the exit status.
func execute(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		mainUsage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "htmap %s: %v\nRun 'htmap %s --help' for usage.\n", c.name, err, c.name)
			return 2
		default:
			fmt.Fprintf(e.stderr, "htmap %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "htmap: unknown command %q\n\n", args[0])
	mainUsage(e.stderr)
	return 2
}

func mainUsage(w io.Writer) {
	fmt.Fprintf(w, "htmap maps human-trafficking hotspots and routes.\n\nUsage: htmap <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'htmap <command> --help' for a command's flags.\n")
}

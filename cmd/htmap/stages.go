package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/htmap/htmap/pipeline"
)

// stageCommand is a command that runs some stages of the pipeline on
// inputs of one kind and writes their layers flat into --out, as ArcGIS
// exposes each tool on its own. The privacy rules apply as in htmap run.
func stageCommand(name, synopsis, about string, stages []string, extra func(*settingsFlags)) func(context.Context, *env, []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, name, synopsis, about)
		var in inputFlags
		in.register(fs)
		var st settings
		st.register(fs)
		sf := &settingsFlags{}
		if extra != nil {
			extra(sf)
			sf.register(fs)
		}
		quiet := fs.Bool("quiet", false, "no progress on stderr")
		if err := parse(fs, args); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
		if len(in.ins) == 0 && in.config == "" {
			return usagef("no input: give --in FILE")
		}
		cfg, err := in.configFrom()
		if err != nil {
			return err
		}
		st.apply(&cfg)
		sf.apply(&cfg)
		cfg.Stages, cfg.Flat = stages, true
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
			var files []string
			for _, o := range m.Outputs {
				if !o.Private && strings.HasSuffix(o.Path, ".geojson") {
					files = append(files, o.Path)
				}
			}
			fmt.Fprintf(e.stderr, "htmap %s: %d rows used, %d rejected; wrote %s in %s\n", name, m.Totals.RowsUsed, m.Totals.RowsRejected, strings.Join(files, ", "), cfg.Out)
		}
		return nil
	}
}

// settingsFlags are a stage command's own flags.
type settingsFlags struct {
	routesBy string
	minCount int64
	routes   bool
}

func (s *settingsFlags) register(fsx interface {
	StringVar(*string, string, string, string)
	Int64Var(*int64, string, int64, string)
}) {
	if s.routes {
		fsx.StringVar(&s.routesBy, "routes-by", "", "split flows by `year,category`")
		fsx.Int64Var(&s.minCount, "min-count", 0, "draw only flows with at least `K` counted")
	}
}

func (s *settingsFlags) apply(cfg *pipeline.Config) {
	if s.routesBy != "" {
		cfg.RoutesBy = strings.Split(s.routesBy, ",")
	}
	if s.minCount > 0 {
		cfg.MinCount = s.minCount
	}
}

var (
	cmdCells = stageCommand("cells", "--in FILE [--format F] --cell SPEC [--step S] [--by COLUMN] --out DIR",
		"Aggregates records onto cells (H3 hexagons, an equal-area grid or countries) and\n"+
			"writes DIR/cells.geojson (.arrow, .parquet): cell_id, count, n_records, area_km2,\n"+
			"dates and per-step counts. Records with only a country are placed only by --cell country.",
		[]string{"cells"}, nil)
	cmdEmerging = stageCommand("emerging", "--in FILE [--format F] --cell SPEC --step S [--time-window K] --out DIR",
		"Emerging hot spot analysis: Gi* over a space-time cube and a Mann-Kendall trend per\n"+
			"cell, classified into ArcGIS's 17 patterns (docs/emerging.md). Writes\n"+
			"DIR/emerging.geojson and DIR/cube.geojson (for sensitive inputs the true-count cube\n"+
			"goes to DIR/private only).",
		[]string{"emerging"}, nil)
	cmdCluster = stageCommand("cluster", "--in FILE [--format F] [--eps-km E] [--min-points M] [--method dbscan|hdbscan] --out DIR",
		"Density-based point clusters on great-circle distance (DBSCAN, or HDBSCAN for varying\n"+
			"density), points weighted by their count. Writes DIR/clusters.geojson and\n"+
			"DIR/private/labels.csv (row,cluster_id; -1 is noise).",
		[]string{"clusters"}, nil)
	cmdDensity = stageCommand("density", "--in FILE [--format F] [--bandwidth-km B] --out DIR",
		"Kernel density with ArcGIS's quartic kernel, weighted by count, on an equal-area grid\n"+
			"(--density-cell grid:KM in a config; default a fifth of the bandwidth). Writes\n"+
			"DIR/density.geojson with density per km².",
		[]string{"density"}, nil)
	cmdRoutes = stageCommand("routes", "--in FILE [--format F] [--routes-by year,category] [--min-count K] --out DIR",
		"Origin-destination flows drawn as great-circle arcs, transit legs, the place network\n"+
			"(roles, betweenness, PageRank, communities), corridors and flow hotspots. Writes\n"+
			"DIR/routes, legs, nodes and corridors (.geojson, .arrow, .parquet) and\n"+
			"DIR/flowmap/{locations,flows}.csv for flowmap.blue.",
		[]string{"routes"}, func(s *settingsFlags) { s.routes = true })
)

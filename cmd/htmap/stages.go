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
		if sf.suggest {
			cfg, err := in.configFrom()
			if err != nil {
				return err
			}
			st.apply(&cfg)
			curve, err := pipeline.SuggestEps(ctx, cfg)
			if err != nil {
				return err
			}
			n := len(curve.DistancesKm)
			fmt.Fprintf(e.stdout, "suggested --eps-km %.3f (knee of the %d-distance curve at location %d of %d)\n", curve.EpsKm, int(cfg.MinPoints), curve.Knee+1, n)
			fmt.Fprintf(e.stdout, "k-distance quantiles (km):")
			for _, q := range []float64{0.1, 0.25, 0.5, 0.75, 0.9, 0.99} {
				fmt.Fprintf(e.stdout, " %g%%=%.3f", q*100, curve.DistancesKm[min(n-1, int(q*float64(n)))])
			}
			fmt.Fprintln(e.stdout)
			return nil
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
		if sf.routes && st.by != "" {
			// htmap routes --by year,category splits the flows.
			cfg.RoutesBy, cfg.By = strings.Split(st.by, ","), nil
		}
		if sf.density && st.cell != "" {
			cfg.DensityCell, cfg.Cell = st.cell, ""
		}
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
		tuneGC(cfg.Inputs)
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
	// cluster: --suggest-eps; density: --cell is the density grid.
	cluster, suggest, density bool
}

func (s *settingsFlags) register(fsx interface {
	StringVar(*string, string, string, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
}) {
	if s.cluster {
		fsx.BoolVar(&s.suggest, "suggest-eps", false, "print the k-distance curve's knee (k = --min-points) as a radius to try, and write nothing")
	}
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
		[]string{"clusters"}, func(s *settingsFlags) { s.cluster = true })
	cmdDensity = stageCommand("density", "--in FILE [--format F] [--bandwidth-km B] [--cell grid:KM] --out DIR",
		"Kernel density with ArcGIS's quartic kernel, weighted by count, on an equal-area grid\n"+
			"(--cell grid:KM; default a fifth of the bandwidth, 5 to 100 km). Writes\n"+
			"DIR/density.geojson with density per km².",
		[]string{"density"}, func(s *settingsFlags) { s.density = true })
	cmdRoutes = stageCommand("routes", "--in FILE [--format F] [--by year,category] [--min-count K] --out DIR",
		"Origin-destination flows drawn as great-circle arcs, transit legs, the place network\n"+
			"(roles, betweenness, PageRank, communities), corridors and flow hotspots. Writes\n"+
			"DIR/routes, legs, nodes and corridors (.geojson, .arrow, .parquet) and\n"+
			"DIR/flowmap/{locations,flows}.csv for flowmap.blue.",
		[]string{"routes"}, func(s *settingsFlags) { s.routes = true })
)

func cmdVulnerability(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "vulnerability", "--indicators FILE... [--config FILE] [--cases FILE] [--population FILE] [--compare FILE] --out DIR",
		"Builds a risk-factor (vulnerability) index per country from indicator tables, as the\n"+
			"JRC/OECD handbook describes, with rank intervals from a Monte Carlo sensitivity\n"+
			"analysis, and relates it to detected cases (bivariate classes and Local Moran).\n"+
			"Writes DIR/vulnerability.geojson (.arrow, .parquet). See docs/vulnerability.md.")
	var cfg pipeline.Config
	fs.Func("indicators", "indicator table `FILE` (repeatable; long, wide or World Bank layout)", func(s string) error {
		cfg.Indicators = append(cfg.Indicators, s)
		return nil
	})
	fs.Func("cases", "case `FILE` (cases or ctdc layout; repeatable): counted per country of exploitation", func(s string) error {
		cfg.Inputs = append(cfg.Inputs, pipeline.Input{Path: s})
		return nil
	})
	fs.StringVar(&cfg.IndicatorConfig, "config", "", "indicator configuration `FILE` (YAML; default: the embedded one for the CFA World Index table)")
	fs.StringVar(&cfg.Population, "population", "", "country population `FILE` for case rates per 100,000")
	fs.StringVar(&cfg.PopulationColumn, "population-column", "Population", "population column of --population")
	fs.StringVar(&cfg.Compare, "compare", "", "Global Slavery Index table `FILE` to correlate the index with (never an input of it)")
	var st settings
	st.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if len(cfg.Indicators) == 0 {
		return usagef("no indicator table: give --indicators FILE")
	}
	st.apply(&cfg)
	cfg.Stages, cfg.Flat, cfg.NoSample = []string{"vulnerability"}, true, true
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	tuneGC(cfg.Inputs)
	m, err := pipeline.Run(ctx, cfg, pipeline.Options{Command: append([]string{"htmap"}, e.argv...), Warn: e.stderr})
	if err != nil {
		return err
	}
	if v := m.Vulnerability; v != nil {
		fmt.Fprintf(e.stderr, "htmap vulnerability: %d countries ranked, %d with too few indicators", v.Ranked, v.LowCoverage)
		if v.Reference.N > 0 {
			fmt.Fprintf(e.stderr, "; Spearman rho with the comparison table %+.3f (n = %d, p = %.2g)", v.Reference.Rho, v.Reference.N, v.Reference.P)
		}
		fmt.Fprintf(e.stderr, "; wrote %s/vulnerability.geojson\n", cfg.Out)
	}
	return nil
}

package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/htmap/htmap/analysis/routes"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// Options are the parts of a run that are not configuration: where
// progress goes and how the run was invoked.
type Options struct {
	// Command is the command line, recorded in the manifest with the
	// output folder replaced by "<out>".
	Command []string
	// Progress receives progress reports; nil for none.
	Progress *Progress
	// Warn receives warnings as they happen (they also go into the
	// manifest); nil to discard.
	Warn io.Writer
	// Log receives each stage's time as it ends (--verbose); nil for none.
	Log io.Writer
}

// ReadInputs reads every input through ingest, passing each batch of
// records to fn and each rejected row to rej, and returns the manifest
// records of the inputs. Nothing else is written: it is the whole of
// `htmap validate`, and the first stage of a run.
func ReadInputs(ctx context.Context, inputs []Input, fixSwapped bool, prog *Progress,
	fn func(in int, kind ingest.Kind, recs []ingest.Record) error, rej func(ingest.Reject) error) ([]InputRecord, error) {
	var out []InputRecord
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		r, size, digest, err := openInput(in, fixSwapped)
		if err != nil {
			return out, err
		}
		prog.Start("ingest " + in.Path)
		kind := r.Kind()
		s, err := r.Read(func(recs []ingest.Record) error {
			prog.Add(int64(len(recs)))
			if fn == nil {
				return nil
			}
			for j := range recs {
				recs[j].Input = i
			}
			return fn(i, kind, recs)
		}, func(rj ingest.Reject) error {
			prog.Add(1)
			if rej == nil {
				return nil
			}
			return rej(rj)
		})
		prog.Done()
		r.Close()
		if err != nil {
			return out, err
		}
		if s.RowsUsed+s.RowsRejected != s.RowsRead {
			return out, fmt.Errorf("%s: internal error: %d used + %d rejected != %d read", in.Path, s.RowsUsed, s.RowsRejected, s.RowsRead)
		}
		sum, err := digest()
		if err != nil {
			return out, err
		}
		out = append(out, record(in, s, size, sum))
	}
	return out, nil
}

// Run executes a whole run and returns its manifest: ingest every
// input, then per input kind the cells with their hotspot statistics,
// emerging hot spots, point clusters, density and routes; the privacy
// rules are applied to all of it at once, and only then is anything
// written.
func Run(ctx context.Context, cfg Config, opt Options) (*Manifest, error) {
	cfg.Defaults()
	if len(cfg.Inputs) == 0 && !cfg.NoSample {
		cfg.Inputs = SampleInputs()
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	fine, err := geo.ParseSystem(cfg.Cell)
	if err != nil {
		return nil, err
	}
	step, err := geo.ParseStep(cfg.Step)
	if err != nil {
		return nil, err
	}
	countries, err := geo.ParseSystem("country")
	if err != nil {
		return nil, err
	}
	var studyArea func(geo.System) ([]geo.Key, error)
	if cfg.StudyArea != "" {
		b, err := os.ReadFile(cfg.StudyArea)
		if err != nil {
			return nil, fmt.Errorf("study area: %w", err)
		}
		studyArea = func(sys geo.System) ([]geo.Key, error) { return geo.StudyAreaFromGeoJSON(sys, cfg.StudyArea, b) }
	}
	gopt := geo.Options{Step: step, By: cfg.By}
	if cfg.Denominator != "" {
		if gopt.Denominator, err = readDenominator(cfg.Denominator, cfg.DenominatorColumn); err != nil {
			return nil, err
		}
	}
	od, err := newOutDir(cfg.Out, cfg.Force)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			od.abort()
		}
	}()
	tm := newTimer(opt.Log)

	m := &Manifest{Htmap: buildInfo(), Command: redactOut(opt.Command, cfg.Out), Config: cfg, Warnings: []string{}}
	warn := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		m.Warnings = append(m.Warnings, msg)
		if opt.Warn != nil {
			fmt.Fprintf(opt.Warn, "htmap: warning: %s\n", msg)
		}
	}

	// Ingest, folding every batch into its kind's collector.
	rejPath := PrivateDir + "/rejects.csv"
	rf, err := os.Create(od.path(rejPath))
	if err != nil {
		return nil, err
	}
	rw := ingest.NewRejectsWriter(rf)
	colls := map[ingest.Kind]*collector{}
	cellOf := func(r *ingest.Record) (string, bool) {
		k, ok := fine.Locate(r.Lat, r.Lon)
		if !ok || !r.HasPoint {
			return "", false
		}
		return fine.ID(k), true
	}
	inputs, err := ReadInputs(ctx, cfg.Inputs, cfg.FixSwapped, opt.Progress, func(i int, kind ingest.Kind, recs []ingest.Record) error {
		c := colls[kind]
		if c == nil {
			var err error
			ropt := routes.Options{ByYear: slices.Contains(cfg.RoutesBy, "year"), ByCategory: slices.Contains(cfg.RoutesBy, "category")}
			c, err = newCollector(kind, cfg.Inputs[i].sensitive(kind), fine, countries, gopt, ropt, cellOf, cfg.Workers)
			if err != nil {
				return err
			}
			colls[kind] = c
		}
		if cfg.Inputs[i].sensitive(kind) {
			c.sensitive = true // a kind is sensitive when any of its inputs is
		}
		return c.add(recs)
	}, rw.Write)
	for _, c := range colls {
		c.finish()
	}
	if err == nil {
		err = rw.Flush()
	}
	if cerr := rf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	tm.lap("ingest")
	m.Inputs = inputs
	for i, in := range inputs {
		m.Config.Inputs[i].Format = in.Format // the resolved layout
		m.Totals.RowsRead += in.RowsRead
		m.Totals.RowsUsed += in.RowsUsed
		m.Totals.RowsRejected += in.RowsRejected
	}
	if err := m.addOutput(od, rejPath, "csv", m.Totals.RowsRejected, true); err != nil {
		return nil, err
	}

	// Analysis, per input kind; counts of different kinds never mix.
	var tables []*table
	m.Analyses = []KindAnalysis{}
	for _, kind := range kindOrder {
		c := colls[kind]
		if c == nil {
			continue
		}
		ka := KindAnalysis{Kind: kind.String(), Sensitive: c.sensitive, FirstDate: publicDate(c.firstDate, c.sensitive), LastDate: publicDate(c.lastDate, c.sensitive)}
		needCells := cfg.wants("cells") || cfg.wants("hotspots") || cfg.wants("emerging")
		if c.fine != nil && needCells {
			cs, err := analyzeCells(c, &cfg, studyArea, cfg.wants("hotspots"), warn)
			if err != nil {
				return nil, err
			}
			if err := checkTotals(kind.String(), cs.placed, cs.unplaced.Total(), usedRows(inputs, kind)); err != nil {
				return nil, err
			}
			ka.CellSystem, ka.Weights, ka.WeightsReason = cs.sys.Spec(), cs.weights.String(), cs.reason
			ka.Cells = len(cs.cells)
			ka.HotspotField = cs.field
			if !c.sensitive {
				// For sensitive inputs these tallies would publish small
				// counts; the warnings say "fewer than k" instead.
				ka.Unplaced = &cs.unplaced
			}
			if cfg.wants("cells") || cfg.wants("hotspots") {
				tables = append(tables, cellsTable(kind, c.sensitive, cs, cfg.wants("hotspots")))
			}
			tm.lap(kind.String() + ": cells and hotspots")
			if cfg.wants("emerging") {
				er, err := analyzeEmerging(kind, cs, c.lastDate, &cfg, warn)
				if err != nil {
					return nil, err
				}
				if er != nil {
					ka.Steps = er.labels
					tables = append(tables, emergingTables(kind, c.sensitive, cfg.K, er)...)
					if c.sensitive {
						if err := m.writeCube(od, kind, er, cfg.Flat); err != nil {
							return nil, err
						}
					}
				}
				tm.lap(kind.String() + ": emerging hot spots")
			}
		}
		if c.fine != nil && cfg.wants("clusters") {
			cr, err := clusterPoints(kind, &c.points, &cfg, warn)
			if err != nil {
				return nil, err
			}
			if cr != nil {
				ka.ClusterEpsKm, ka.ClusterMethod = cr.epsKm, cr.method
				t, err := clustersTable(kind, c.sensitive, &c.points, cr)
				if err != nil {
					return nil, err
				}
				tables = append(tables, t)
				if err := m.writeLabels(od, kind, &c.points, cr, cfg.Inputs, cfg.Flat); err != nil {
					return nil, err
				}
			}
			tm.lap(kind.String() + ": clusters")
		}
		if c.fine != nil && cfg.wants("density") {
			dt, err := densityTable(kind, c.sensitive, &c.points, &cfg)
			if err != nil {
				return nil, err
			}
			if dt != nil {
				tables = append(tables, dt)
			}
			tm.lap(kind.String() + ": density")
		}
		if !cfg.wants("routes") {
			m.Analyses = append(m.Analyses, ka)
			continue
		}
		rt, tab, err := routeTables(kind, c.sensitive, c.routes, fine, &cfg, warn)
		if err != nil {
			return nil, err
		}
		routeWarnings(kind, c.sensitive, cfg.K, tab, warn)
		tables = append(tables, rt...)
		tm.lap(kind.String() + ": routes")
		m.Analyses = append(m.Analyses, ka)
	}

	if len(cfg.Indicators) > 0 && cfg.wants("vulnerability") {
		cases, ck := casesByCountry(colls)
		vt, sum, err := vulnerabilityTable(&cfg, cases, ck, warn)
		if err != nil {
			return nil, err
		}
		vt.folder = "vulnerability"
		tables = append(tables, vt)
		m.Vulnerability = sum
		tm.lap("vulnerability")
	}

	if m.Config.AsOf == "" {
		// The latest record date over all kinds, in a fixed order; of two
		// dates ending the same day ("2024", "2024-12-31") the more
		// precise one.
		var latest ingest.Date
		for _, k := range kindOrder {
			c := colls[k]
			if c == nil || c.lastDate.Precision == ingest.PrecisionNone {
				continue
			}
			d := c.lastDate
			if c.sensitive && d.Precision == ingest.PrecisionDay {
				d.Day, d.Precision = 0, ingest.PrecisionMonth // a victim's day is not published
			}
			if latest.Precision == ingest.PrecisionNone || dateAfter(d, latest) ||
				(!dateAfter(latest, d) && d.Precision > latest.Precision) {
				latest = d
			}
		}
		m.Config.AsOf = latest.String()
	}

	// Privacy, once, over everything that will be published.
	published, rep, err := protect(tables, &cfg)
	if err != nil {
		return nil, err
	}
	privacyWarnings(rep, warn)
	m.Privacy = rep
	tm.lap("privacy")
	if cfg.Flat && len(colls) > 1 && !(len(cfg.Stages) == 1 && cfg.Stages[0] == "vulnerability") {
		return nil, fmt.Errorf("this command takes inputs of one kind; got %d kinds (use htmap run for several)", len(colls))
	}
	if err := m.writeTables(od, published, &cfg); err != nil {
		return nil, err
	}
	if err := m.writeFlowmaps(od, published, &cfg); err != nil {
		return nil, err
	}
	tm.lap("write")

	// The maps are drawn from the published files alone, as `htmap map
	// --from` would: the manifest they read is written first, then again
	// with the maps listed.
	m.sortOutputs()
	if err := writeJSON(od.path("manifest.json"), m); err != nil {
		return nil, err
	}
	if cfg.wants("maps") && !cfg.Flat {
		maps, err := WriteMaps(od.tmp, MapOptions{Title: cfg.Title})
		if err != nil {
			return nil, fmt.Errorf("maps: %w", err)
		}
		m.Outputs = append(m.Outputs, maps...)
		m.sortOutputs()
		tm.lap("maps")
	}
	if err := writeJSON(od.path("manifest.json"), m); err != nil {
		return nil, err
	}
	if err := writeJSON(od.path("timings.json"), tm); err != nil {
		return nil, err
	}
	if err := od.commit(); err != nil {
		return nil, err
	}
	ok = true
	return m, nil
}

func (m *Manifest) addOutput(od *outDir, rel, format string, features int64, private bool) error {
	_, sum, err := hashFile(od.path(rel))
	if err != nil {
		return err
	}
	m.Outputs = append(m.Outputs, OutputRecord{Path: rel, Format: format, SHA256: sum, Features: features, Private: private})
	return nil
}

// redactOut replaces the value of --out in a command line, so the
// manifest does not depend on where the output was written.
func redactOut(args []string, out string) []string {
	res := make([]string, len(args))
	copy(res, args)
	for i, a := range res {
		switch {
		case (a == "--out" || a == "-out") && i+1 < len(res):
			res[i+1] = "<out>"
		case len(a) > 6 && (a[:6] == "--out=" || a[:5] == "-out="):
			res[i] = "--out=<out>"
		}
	}
	return res
}

// publicDate is a date as the manifest may show it: sensitive inputs'
// dates only to the month, like the clusters' date ranges.
func publicDate(d ingest.Date, sensitive bool) string {
	if sensitive && d.Precision == ingest.PrecisionDay {
		d.Day, d.Precision = 0, ingest.PrecisionMonth
	}
	return d.String()
}

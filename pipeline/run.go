package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"

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
		r, size, sum, err := openInput(in, fixSwapped)
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
		out = append(out, record(in, s, size, sum))
	}
	return out, nil
}

// Run executes a whole run and returns its manifest.
func Run(ctx context.Context, cfg Config, opt Options) (*Manifest, error) {
	cfg.Defaults()
	if len(cfg.Inputs) == 0 {
		cfg.Inputs = SampleInputs()
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
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

	m := &Manifest{Htmap: buildInfo(), Command: redactOut(opt.Command, cfg.Out), Config: cfg, Warnings: []string{}}

	rejPath := PrivateDir + "/rejects.csv"
	rf, err := os.Create(od.path(rejPath))
	if err != nil {
		return nil, err
	}
	rw := ingest.NewRejectsWriter(rf)
	inputs, err := ReadInputs(ctx, cfg.Inputs, cfg.FixSwapped, opt.Progress, nil, rw.Write)
	if err == nil {
		err = rw.Flush()
	}
	if cerr := rf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	m.Inputs = inputs
	for _, in := range inputs {
		m.Totals.RowsRead += in.RowsRead
		m.Totals.RowsUsed += in.RowsUsed
		m.Totals.RowsRejected += in.RowsRejected
	}
	if err := m.addOutput(od, rejPath, "csv", 0, true); err != nil {
		return nil, err
	}

	m.sortOutputs()
	if err := writeJSON(od.path("manifest.json"), m); err != nil {
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

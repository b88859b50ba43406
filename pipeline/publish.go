package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/htmap/htmap/export"
)

// writeTables writes every published table in every format: one file
// per table and format, written and hashed in the same pass, files in
// parallel (each writer only reads its layer). The manifest lists them
// in a fixed order whatever finished first.
func (m *Manifest) writeTables(od *outDir, tables []*table, cfg *Config) error {
	type format struct {
		ext, name string
		write     func(w io.Writer, l *export.Layer) (int64, error)
	}
	formats := []format{
		{".geojson", "geojson", func(w io.Writer, l *export.Layer) (int64, error) {
			st, err := export.WriteGeoJSON(w, l, export.GeoJSONOptions{Decimals: cfg.Decimals})
			return st.Features, err
		}},
		{".arrow", "arrow", export.WriteArrow},
		{".parquet", "geoparquet", export.WriteGeoParquet},
	}
	if cfg.GeoJSONSeq {
		formats = append(formats, format{".geojsons", "geojsonseq", func(w io.Writer, l *export.Layer) (int64, error) {
			st, err := export.WriteGeoJSON(w, l, export.GeoJSONOptions{Decimals: cfg.Decimals, Seq: true})
			return st.Features, err
		}})
	}
	type job struct {
		t   *table
		rel string
		fm  format
	}
	var jobs []job
	for _, t := range tables {
		base := t.dir() + "/" + t.layer.Name
		if cfg.Flat {
			base = t.layer.Name
		}
		if err := os.MkdirAll(filepath.Dir(od.path(base)), 0o755); err != nil {
			return err
		}
		for _, fm := range formats {
			jobs = append(jobs, job{t, base + fm.ext, fm})
		}
	}
	recs := make([]OutputRecord, len(jobs))
	errs := make([]error, len(jobs))
	parallelFor(len(jobs), func(i int) {
		j := jobs[i]
		f, err := os.Create(od.path(j.rel))
		if err != nil {
			errs[i] = err
			return
		}
		h := sha256.New()
		bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<16)
		n, err := j.fm.write(bw, j.t.layer)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			errs[i] = fmt.Errorf("writing %s: %w", j.rel, err)
			return
		}
		recs[i] = OutputRecord{Path: j.rel, Format: j.fm.name, SHA256: hex.EncodeToString(h.Sum(nil)), Features: n}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	m.Outputs = append(m.Outputs, recs...)
	return nil
}

// writePrivateCSV writes a per-record file under private/.
func (m *Manifest) writePrivateCSV(od *outDir, rel string, header []string, rows [][]string) error {
	return m.writeCSV(od, PrivateDir+"/"+rel, header, rows, true)
}

// writePublicCSV writes a published table that is not a layer.
func (m *Manifest) writePublicCSV(od *outDir, rel string, header []string, rows [][]string) error {
	return m.writeCSV(od, rel, header, rows, false)
}

func (m *Manifest) writeCSV(od *outDir, rel string, header []string, rows [][]string, private bool) error {
	return m.streamCSV(od, rel, header, len(rows), func(i int, _ []string) []string { return rows[i] }, private)
}

// streamCSV writes n rows made one at a time by row (which may fill and
// return the buffer it is given), so a file of millions of rows never
// exists in memory as strings.
func (m *Manifest) streamCSV(od *outDir, rel string, header []string, n int, row func(i int, buf []string) []string, private bool) error {
	if err := os.MkdirAll(filepath.Dir(od.path(rel)), 0o755); err != nil {
		return err
	}
	f, err := os.Create(od.path(rel))
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(bw)
	w.Write(header)
	buf := make([]string, len(header))
	for i := range n {
		w.Write(row(i, buf[:0]))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return m.addOutput(od, rel, "csv", int64(n), private)
}

type exportFeature = export.Feature

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// writeCube keeps the true counts of a sensitive kind's space-time cube
// under private/, for the analyst; the published cube has none.
func (m *Manifest) writeCube(od *outDir, kind fmt.Stringer, er *emergingResult, flat bool) error {
	var rows [][]string
	for i, c := range er.cells {
		for t, s := range er.labels {
			b := er.res.Bins[i][t]
			rows = append(rows, []string{c.ID, s, itoa(int64(er.counts[i][t])), strconv.FormatFloat(b.GiZ, 'g', -1, 64), itoa(int64(b.Bin))})
		}
	}
	return m.writePrivateCSV(od, privateName(kind, "cube_true_counts.csv", flat), []string{"cell_id", "step", "count", "gi_z", "gi_bin"}, rows)
}

// writeLabels writes the cluster label of every point record:
// row (1-based data row of its input), cluster_id (-1 for noise), and
// the input file when the kind has several.
func (m *Manifest) writeLabels(od *outDir, kind fmt.Stringer, ps *pointSet, cr *clusterResult, inputs []Input, flat bool) error {
	multi := false
	for _, in := range ps.inputs {
		if in != ps.inputs[0] {
			multi = true
			break
		}
	}
	header := []string{"row", "cluster_id"}
	if multi {
		header = []string{"file", "row", "cluster_id"}
	}
	row := func(i int, r []string) []string {
		if multi {
			r = append(r, inputs[ps.inputs[i]].Path)
		}
		return append(r, strconv.FormatUint(uint64(ps.rows[i]), 10), strconv.Itoa(cr.res.Labels[i]))
	}
	return m.streamCSV(od, PrivateDir+"/"+privateName(kind, "labels.csv", flat), header, len(ps.pts), row, true)
}

// privateName is where a kind's per-record file goes under private/.
func privateName(kind fmt.Stringer, name string, flat bool) string {
	if flat {
		return name
	}
	return kind.String() + "/" + name
}

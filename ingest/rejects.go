package ingest

import (
	"encoding/csv"
	"io"
	"strconv"
)

// RejectsWriter writes rejected rows as CSV, the layout of
// private/rejects.csv: a header file,line,column,field,value,reason and
// one line per Reject. The file is private: value is the raw cell of a
// schema column, which for sensitive kinds can describe a victim.
type RejectsWriter struct {
	w      *csv.Writer
	header bool
	rec    [6]string
}

// NewRejectsWriter returns a writer to w. Call Flush at the end: it
// writes the header even when nothing was rejected, so an empty rejects
// file still says what it would hold.
func NewRejectsWriter(w io.Writer) *RejectsWriter {
	return &RejectsWriter{w: csv.NewWriter(w)}
}

func (w *RejectsWriter) writeHeader() error {
	if w.header {
		return nil
	}
	w.header = true
	return w.w.Write([]string{"file", "line", "column", "field", "value", "reason"})
}

// Write writes one reject.
func (w *RejectsWriter) Write(j Reject) error {
	if err := w.writeHeader(); err != nil {
		return err
	}
	w.rec = [6]string{j.File, strconv.FormatInt(j.Line, 10), strconv.Itoa(j.Column), j.Field, j.Value, string(j.Reason)}
	return w.w.Write(w.rec[:])
}

// Flush writes any buffered data (and the header if nothing was written)
// and reports the first write error.
func (w *RejectsWriter) Flush() error {
	if err := w.writeHeader(); err != nil {
		return err
	}
	w.w.Flush()
	return w.w.Error()
}

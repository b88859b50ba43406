package ingest

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Arrow IPC and Parquet inputs are read one record batch at a time and
// each row is turned into the strings a CSV row would hold, so columnar
// files get exactly the validation text files get. A null is an empty
// cell. There are no lines in a columnar file: a row's "line" is its
// 1-based position in the file.

// batchReader is what ipc.Reader, ipc.FileReader (wrapped) and the
// Parquet record reader have in common.
type batchReader interface {
	Next() bool
	RecordBatch() arrow.RecordBatch
	Err() error
}

type columnarSource struct {
	rr    batchReader
	head  []string
	rec   arrow.RecordBatch
	i     int // next row in rec
	row   int64
	out   []string
	close func() error
}

func newColumnarSource(rr batchReader, schema *arrow.Schema, closeFn func() error) *columnarSource {
	head := make([]string, schema.NumFields())
	for i, f := range schema.Fields() {
		head[i] = trimSpace(f.Name)
	}
	return &columnarSource{rr: rr, head: head, out: make([]string, len(head)), close: closeFn}
}

func (s *columnarSource) header() []string { return s.head }

// offset is not known for columnar files; progress there is by rows.
func (s *columnarSource) offset() int64 { return 0 }

func (s *columnarSource) next() ([]string, int64, error) {
	for s.rec == nil || s.i >= int(s.rec.NumRows()) {
		if !s.rr.Next() {
			if err := s.rr.Err(); err != nil && err != io.EOF {
				return nil, 0, err
			}
			return nil, 0, io.EOF
		}
		s.rec, s.i = s.rr.RecordBatch(), 0
	}
	for c := range s.out {
		s.out[c] = cellString(s.rec.Column(c), s.i)
	}
	s.i++
	s.row++
	return s.out, s.row, nil
}

// cellString renders one Arrow value as CSV text: strings as they are,
// numbers in the shortest form that reads back exactly, nulls empty.
func cellString(a arrow.Array, i int) string {
	if a.IsNull(i) {
		return ""
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.StringView:
		return a.Value(i)
	case *array.Binary:
		return string(a.Value(i))
	case *array.Dictionary:
		return cellString(a.Dictionary(), a.GetValueIndex(i))
	}
	return a.ValueStr(i)
}

// ipcFileReader adapts ipc.FileReader (random access) to batchReader.
type ipcFileReader struct {
	f   *ipc.FileReader
	i   int
	rec arrow.RecordBatch
	err error
}

func (r *ipcFileReader) Next() bool {
	if r.i >= r.f.NumRecords() {
		return false
	}
	r.rec, r.err = r.f.RecordBatch(r.i)
	r.i++
	return r.err == nil
}

func (r *ipcFileReader) RecordBatch() arrow.RecordBatch { return r.rec }
func (r *ipcFileReader) Err() error                     { return r.err }

// openArrowFile opens an Arrow IPC file (magic ARROW1).
func openArrowFile(f *os.File) (*columnarSource, error) {
	fr, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return nil, fmt.Errorf("arrow ipc file: %w", err)
	}
	return newColumnarSource(&ipcFileReader{f: fr}, fr.Schema(), fr.Close), nil
}

// openArrowStream opens an Arrow IPC stream.
func openArrowStream(r io.Reader) (*columnarSource, error) {
	sr, err := ipc.NewReader(r, ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return nil, fmt.Errorf("arrow ipc stream: %w", err)
	}
	return newColumnarSource(sr, sr.Schema(), func() error { sr.Release(); return nil }), nil
}

// openParquet opens a Parquet file through pqarrow, reading batches of
// batchSize rows.
func openParquet(f *os.File, batchSize int) (*columnarSource, error) {
	pf, err := file.NewParquetReader(f)
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: int64(batchSize)}, memory.DefaultAllocator)
	if err != nil {
		pf.Close()
		return nil, fmt.Errorf("parquet: %w", err)
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		pf.Close()
		return nil, fmt.Errorf("parquet: %w", err)
	}
	sc := rr.Schema()
	return newColumnarSource(rr, sc, func() error { rr.Release(); return pf.Close() }), nil
}

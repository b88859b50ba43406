package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// columnarCSV is the same table as columnarBatch, as CSV text.
const columnarCSV = "case_id,date,citizenship,lat,lon,count,name\n" +
	"k1,2019-04,PH,14.6,121,2,Maria\n" +
	"k2,2020,Namibia,,,,Ana\n" +
	"k3,2021-01-31,UA,95,100,1,Olga\n" // rejected: latitude out of range

// columnarBatch builds the table with typed columns: floats for the
// coordinates, an integer count, nulls where the CSV has empty cells,
// and a dictionary-encoded citizenship.
func columnarBatch(t *testing.T) arrow.RecordBatch {
	mem := memory.NewGoAllocator()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "case_id", Type: arrow.BinaryTypes.String},
		{Name: "date", Type: arrow.BinaryTypes.String},
		{Name: "citizenship", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.BinaryTypes.String}},
		{Name: "lat", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "lon", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "count", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "name", Type: arrow.BinaryTypes.String},
	}, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).AppendValues([]string{"k1", "k2", "k3"}, nil)
	b.Field(1).(*array.StringBuilder).AppendValues([]string{"2019-04", "2020", "2021-01-31"}, nil)
	db := b.Field(2).(*array.BinaryDictionaryBuilder)
	for _, s := range []string{"PH", "Namibia", "UA"} {
		if err := db.AppendString(s); err != nil {
			t.Fatal(err)
		}
	}
	b.Field(3).(*array.Float64Builder).AppendValues([]float64{14.6, 0, 95}, []bool{true, false, true})
	b.Field(4).(*array.Float64Builder).AppendValues([]float64{121, 0, 100}, []bool{true, false, true})
	b.Field(5).(*array.Int64Builder).AppendValues([]int64{2, 0, 1}, []bool{true, false, true})
	b.Field(6).(*array.StringBuilder).AppendValues([]string{"Maria", "Ana", "Olga"}, nil)
	return b.NewRecordBatch()
}

func TestColumnarSameAsCSV(t *testing.T) {
	want, wantRej, wantSum := readString(t, columnarCSV, Options{})
	if len(want) != 2 || len(wantRej) != 1 {
		t.Fatalf("csv: %+v %+v", want, wantRej)
	}
	rec := columnarBatch(t)
	defer rec.Release()
	dir := t.TempDir()

	write := map[string]func(f *os.File) error{
		"cases.arrow": func(f *os.File) error {
			w, err := ipc.NewFileWriter(f, ipc.WithSchema(rec.Schema()))
			if err != nil {
				return err
			}
			if err := w.Write(rec); err != nil {
				return err
			}
			return w.Close()
		},
		"cases.arrows": func(f *os.File) error {
			w := ipc.NewWriter(f, ipc.WithSchema(rec.Schema()))
			if err := w.Write(rec); err != nil {
				return err
			}
			return w.Close()
		},
		"cases.parquet": func(f *os.File) error {
			tbl := array.NewTableFromRecords(rec.Schema(), []arrow.RecordBatch{rec})
			defer tbl.Release()
			return pqarrow.WriteTable(tbl, f, 2, nil, pqarrow.DefaultWriterProps())
		},
	}
	for name, fn := range write {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(f); err != nil {
			t.Fatalf("%s: write: %v", name, err)
		}
		f.Close()
		r, err := Open(p, Options{Now: testNow, BatchSize: 1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, rej, sum := readAll(t, r)
		if err := r.Close(); err != nil {
			t.Errorf("%s: close: %v", name, err)
		}
		if r.Kind() != KindCases {
			t.Errorf("%s: kind %v", name, r.Kind())
		}
		// Lines differ (a columnar row's "line" is its row number); all
		// else must match the CSV reading.
		for i := range got {
			got[i].Line = want[i].Line
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
		wantRejects(t, rej, []Reject{{Line: 3, Column: 4, Field: "lat", Value: "95", Reason: LatOutOfRange}})
		if sum.RowsRead != wantSum.RowsRead || !reflect.DeepEqual(sum.Dropped, []string{"name"}) {
			t.Errorf("%s: summary %+v", name, sum)
		}
	}
}

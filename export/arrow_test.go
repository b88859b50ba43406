package export

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

func TestWriteArrowRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteArrow(&buf, testLayer())
	if err != nil || n != 2 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	r, err := ipc.NewFileReader(bytes.NewReader(buf.Bytes()), ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f := r.Schema().Field(0)
	if name, _ := f.Metadata.GetValue("ARROW:extension:name"); name != "geoarrow.wkb" {
		t.Errorf("geometry extension name %q", name)
	}
	md, _ := f.Metadata.GetValue("ARROW:extension:metadata")
	var ext struct {
		CRS struct {
			ID struct{ Authority, Code string } `json:"id"`
		} `json:"crs"`
	}
	if err := json.Unmarshal([]byte(md), &ext); err != nil || ext.CRS.ID.Code != "CRS84" {
		t.Errorf("extension metadata %s (%v)", md, err)
	}
	wantTypes := []arrow.Type{arrow.BINARY, arrow.STRING, arrow.INT64, arrow.FLOAT64, arrow.BOOL}
	for i, ty := range wantTypes {
		if got := r.Schema().Field(i).Type.ID(); got != ty {
			t.Errorf("column %d type %v, want %v", i, got, ty)
		}
	}
	rec, err := r.RecordBatch(0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := wkb.Unmarshal(rec.Column(0).(*array.Binary).Value(0))
	if err != nil {
		t.Fatal(err)
	}
	if p := g.(orb.Polygon); p[0].Orientation() != orb.CCW || p[1].Orientation() != orb.CW {
		t.Error("WKB rings not wound exterior CCW, holes CW")
	}
	if c := rec.Column(2).(*array.Int64); c.Value(0) != 12 || !c.IsNull(1) {
		t.Errorf("count column %v", c)
	}
}

func TestWriteGeoParquetMetadata(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteGeoParquet(&buf, testLayer()); err != nil {
		t.Fatal(err)
	}
	pf, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	kv := pf.MetaData().KeyValueMetadata()
	geo := kv.FindValue("geo")
	if geo == nil {
		t.Fatal("no geo metadata")
	}
	var md struct {
		Version       string `json:"version"`
		PrimaryColumn string `json:"primary_column"`
		Columns       map[string]struct {
			Encoding      string    `json:"encoding"`
			GeometryTypes []string  `json:"geometry_types"`
			BBox          []float64 `json:"bbox"`
		} `json:"columns"`
	}
	if err := json.Unmarshal([]byte(*geo), &md); err != nil {
		t.Fatal(err)
	}
	c := md.Columns["geometry"]
	if md.Version != "1.1.0" || md.PrimaryColumn != "geometry" || c.Encoding != "WKB" {
		t.Errorf("geo metadata %s", *geo)
	}
	if len(c.GeometryTypes) != 2 || c.GeometryTypes[0] != "Point" || c.GeometryTypes[1] != "Polygon" {
		t.Errorf("geometry_types %v, want [Point Polygon]", c.GeometryTypes)
	}
	want := []float64{-179.12345678, -0.0000001, 10, 10}
	for i := range want {
		if c.BBox[i] != want[i] {
			t.Errorf("bbox %v, want %v", c.BBox, want)
			break
		}
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	if tbl.NumRows() != 2 || tbl.NumCols() != 6 {
		t.Errorf("table %d rows x %d cols, want 2 x 6", tbl.NumRows(), tbl.NumCols())
	}
	// Hilbert order puts the point at -179 before the polygon at 0..10.
	ids := tbl.Column(1).Data().Chunk(0).(*array.String)
	if ids.Value(0) != "b\"q" {
		t.Errorf("first row %q, want the westernmost feature first", ids.Value(0))
	}
}

func TestHilbertIsLocal(t *testing.T) {
	a, b, far := hilbert(orb.Point{10, 10}), hilbert(orb.Point{10.001, 10.001}), hilbert(orb.Point{-120, -40})
	d := func(x, y uint64) uint64 {
		if x > y {
			return x - y
		}
		return y - x
	}
	if d(a, b) >= d(a, far) {
		t.Errorf("neighbouring points %d, %d farther apart on the curve than a distant one %d", a, b, far)
	}
}

// What htmap writes as Arrow or GeoParquet reads back to the same
// features, so runs can be chained.
func TestReadFeaturesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".arrow", ".parquet"} {
		p := dir + "/layer" + ext
		f, _ := os.Create(p)
		var err error
		if ext == ".arrow" {
			_, err = WriteArrow(f, testLayer())
		} else {
			_, err = WriteGeoParquet(f, testLayer())
		}
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		fc, err := ReadFeatures(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(fc.Features) != 2 {
			t.Fatalf("%s: %d features", ext, len(fc.Features))
		}
		byID := map[any]map[string]any{}
		for _, ft := range fc.Features {
			byID[ft.Properties["cell_id"]] = ft.Properties
		}
		a := byID["a"]
		if a["count"] != 12.0 || a["z"] != 1.5 || a["hot"] != true {
			t.Errorf("%s: feature a read back as %v", ext, a)
		}
		if b := byID["b\"q"]; b == nil || b["count"] != nil {
			t.Errorf("%s: feature b read back as %v", ext, b)
		}
	}
}

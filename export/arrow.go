package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// crs84 is OGC:CRS84 (WGS 84, longitude first) as PROJJSON, the form
// GeoArrow readers (GDAL, DuckDB, geopandas, lonboard) recognise.
const crs84 = `{"$schema":"https://proj.org/schemas/v0.7/projjson.schema.json","type":"GeographicCRS",` +
	`"name":"WGS 84 (CRS84)","datum":{"type":"GeodeticReferenceFrame","name":"World Geodetic System 1984",` +
	`"ellipsoid":{"name":"WGS 84","semi_major_axis":6378137,"inverse_flattening":298.257223563}},` +
	`"coordinate_system":{"subtype":"ellipsoidal","axis":[` +
	`{"name":"Geodetic longitude","abbreviation":"Lon","direction":"east","unit":"degree"},` +
	`{"name":"Geodetic latitude","abbreviation":"Lat","direction":"north","unit":"degree"}]},` +
	`"id":{"authority":"OGC","code":"CRS84"}}`

// GeometryColumn is the name of the geometry column in Arrow and Parquet.
const GeometryColumn = "geometry"

// geoarrowWKB is the metadata of a geoarrow.wkb extension field.
func geoarrowWKB() arrow.Metadata {
	return arrow.NewMetadata(
		[]string{"ARROW:extension:name", "ARROW:extension:metadata"},
		[]string{"geoarrow.wkb", `{"crs":` + crs84 + `}`},
	)
}

func arrowType(t Type) arrow.DataType {
	switch t {
	case Int:
		return arrow.PrimitiveTypes.Int64
	case Float:
		return arrow.PrimitiveTypes.Float64
	case Bool:
		return arrow.FixedWidthTypes.Boolean
	}
	return arrow.BinaryTypes.String
}

// arrowSchema is the layer's schema: the WKB geometry first, then one
// typed, nullable column per layer column, then any extra fields.
func arrowSchema(l *Layer, extra ...arrow.Field) *arrow.Schema {
	fields := []arrow.Field{{Name: GeometryColumn, Type: arrow.BinaryTypes.Binary, Nullable: true, Metadata: geoarrowWKB()}}
	for _, c := range l.Columns {
		fields = append(fields, arrow.Field{Name: c.Name, Type: arrowType(c.Type), Nullable: true})
	}
	fields = append(fields, extra...)
	return arrow.NewSchema(fields, nil)
}

// batchRows is the number of rows per Arrow record batch and Parquet row
// group: small enough that a bbox filter skips row groups of a sorted
// layer, large enough to compress well.
const batchRows = 8192

// appendRow appends one feature to the builders (geometry, then columns).
func appendRow(b *array.RecordBuilder, l *Layer, f Feature) error {
	gb := b.Field(0).(*array.BinaryBuilder)
	if f.Geometry == nil {
		gb.AppendNull()
	} else {
		w, err := wkb.Marshal(Rewind(f.Geometry))
		if err != nil {
			return err
		}
		gb.Append(w)
	}
	appendValues(b, l, f.Values, 1)
	return nil
}

// appendValues appends a feature's column values to the builders from
// field index first on.
func appendValues(b *array.RecordBuilder, l *Layer, values []any, first int) {
	for i, v := range values {
		fb := b.Field(i + first)
		if v == nil {
			fb.AppendNull()
			continue
		}
		switch l.Columns[i].Type {
		case Int:
			fb.(*array.Int64Builder).Append(v.(int64))
		case Float:
			fb.(*array.Float64Builder).Append(v.(float64))
		case Bool:
			fb.(*array.BooleanBuilder).Append(v.(bool))
		default:
			fb.(*array.StringBuilder).Append(v.(string))
		}
	}
}

// WriteArrow writes a layer as an Arrow IPC file with the geometry in a
// geoarrow.wkb column (CRS OGC:CRS84 as PROJJSON) and attributes as typed
// columns. Rows keep the layer's order.
func WriteArrow(w io.Writer, l *Layer) (int64, error) {
	if err := l.Check(); err != nil {
		return 0, err
	}
	schema := arrowSchema(l)
	fw, err := ipc.NewFileWriter(w, ipc.WithSchema(schema), ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return 0, err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	var n int64
	rows := 0
	flush := func() error {
		rec := b.NewRecordBatch()
		defer rec.Release()
		rows = 0
		return fw.Write(rec)
	}
	l.Features(func(f Feature) bool {
		if err = appendRow(b, l, f); err != nil {
			return false
		}
		n++
		rows++
		if rows == batchRows {
			err = flush()
		}
		return err == nil
	})
	if err == nil && (rows > 0 || n == 0) {
		err = flush()
	}
	if cerr := fw.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// geoMetadata is GeoParquet 1.1's "geo" file metadata. The crs member is
// left out, which means OGC:CRS84.
type geoMetadata struct {
	Version       string                 `json:"version"`
	PrimaryColumn string                 `json:"primary_column"`
	Columns       map[string]geoColumnMD `json:"columns"`
}

type geoColumnMD struct {
	Encoding      string       `json:"encoding"`
	GeometryTypes []string     `json:"geometry_types"`
	BBox          []float64    `json:"bbox,omitempty"`
	Orientation   string       `json:"orientation,omitempty"`
	Covering      *geoCovering `json:"covering,omitempty"`
	Edges         string       `json:"edges,omitempty"`
}

type geoCovering struct {
	BBox map[string][]string `json:"bbox"`
}

func geoJSONMetadata(types []string, b orb.Bound, hasRows bool) (string, error) {
	col := geoColumnMD{Encoding: "WKB", GeometryTypes: types, Orientation: "counterclockwise", Edges: "planar",
		Covering: &geoCovering{BBox: map[string][]string{
			"xmin": {"bbox", "xmin"}, "ymin": {"bbox", "ymin"}, "xmax": {"bbox", "xmax"}, "ymax": {"bbox", "ymax"},
		}}}
	if col.GeometryTypes == nil {
		col.GeometryTypes = []string{}
	}
	if hasRows {
		col.BBox = []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]}
	}
	md := geoMetadata{Version: "1.1.0", PrimaryColumn: GeometryColumn, Columns: map[string]geoColumnMD{GeometryColumn: col}}
	out, err := json.Marshal(md)
	if err != nil {
		return "", fmt.Errorf("geo metadata: %w", err)
	}
	return string(out), nil
}

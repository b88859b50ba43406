package export

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

var bboxType = arrow.StructOf(
	arrow.Field{Name: "xmin", Type: arrow.PrimitiveTypes.Float64},
	arrow.Field{Name: "ymin", Type: arrow.PrimitiveTypes.Float64},
	arrow.Field{Name: "xmax", Type: arrow.PrimitiveTypes.Float64},
	arrow.Field{Name: "ymax", Type: arrow.PrimitiveTypes.Float64},
)

// WriteGeoParquet writes a layer as GeoParquet 1.1 with zstd compression:
// WKB geometry, the "geo" file metadata (version, primary column,
// encoding, the geometry types that occur, bbox; no crs, meaning
// OGC:CRS84), and a bbox covering column. Rows are sorted along a
// Hilbert curve and written in row groups of 8,192, so a reader's
// spatial filter skips row groups that the bbox statistics exclude.
//
// Sorting needs the whole layer in memory; layers are aggregates (cells,
// routes, clusters), not raw records.
func WriteGeoParquet(w io.Writer, l *Layer) (int64, error) {
	if err := l.Check(); err != nil {
		return 0, err
	}
	var fs []Feature
	l.Features(func(f Feature) bool { fs = append(fs, f); return true })
	fs = spatialOrder(fs)

	schema := arrowSchema(l, arrow.Field{Name: "bbox", Type: bboxType, Nullable: true})
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithMaxRowGroupLength(batchRows),
		parquet.WithCreatedBy("htmap"),
		parquet.WithStats(true),
	)
	// The Parquet writer closes what it writes to when that is an
	// io.Closer; the caller owns w, so hide its Close.
	pw, err := pqarrow.NewFileWriter(schema, struct{ io.Writer }{w}, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return 0, err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	bound := emptyBound()
	types := map[string]bool{}
	bboxCol := len(l.Columns) + 1
	for start := 0; start < len(fs) || start == 0; start += batchRows {
		end := min(start+batchRows, len(fs))
		for _, f := range fs[start:end] {
			if err := appendRow(b, l, f); err != nil {
				return 0, err
			}
			sb := b.Field(bboxCol).(*array.StructBuilder)
			if f.Geometry == nil {
				sb.AppendNull()
				continue
			}
			types[f.Geometry.GeoJSONType()] = true
			gb := f.Geometry.Bound()
			bound = bound.Union(gb)
			sb.Append(true)
			for i, v := range []float64{gb.Min[0], gb.Min[1], gb.Max[0], gb.Max[1]} {
				sb.FieldBuilder(i).(*array.Float64Builder).Append(v)
			}
		}
		rec := b.NewRecordBatch()
		err := pw.Write(rec)
		rec.Release()
		if err != nil {
			return 0, err
		}
		if len(fs) == 0 {
			break
		}
	}
	var tl []string
	for _, t := range []string{"GeometryCollection", "LineString", "MultiLineString", "MultiPoint", "MultiPolygon", "Point", "Polygon"} {
		if types[t] {
			tl = append(tl, t)
		}
	}
	md, err := geoJSONMetadata(tl, bound, len(types) > 0)
	if err != nil {
		return 0, err
	}
	if err := pw.AppendKeyValueMetadata("geo", md); err != nil {
		return 0, err
	}
	return int64(len(fs)), pw.Close()
}

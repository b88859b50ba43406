package export

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/paulmach/orb"
)

// pointType is GeoArrow's native point encoding, a struct of x and y.
var pointType = arrow.StructOf(
	arrow.Field{Name: "x", Type: arrow.PrimitiveTypes.Float64},
	arrow.Field{Name: "y", Type: arrow.PrimitiveTypes.Float64},
)

func geoarrowPoint() arrow.Metadata {
	return arrow.NewMetadata(
		[]string{"ARROW:extension:name", "ARROW:extension:metadata"},
		[]string{"geoarrow.point", `{"crs":` + crs84 + `}`},
	)
}

// WriteFlowsArrow writes an origin-destination layer as an Arrow IPC
// table for kepler.gl's arc layer: the layer's columns, then
// origin_point and destination_point as geoarrow.point columns (CRS
// OGC:CRS84). ends gives a feature's two points; ok false writes nulls.
func WriteFlowsArrow(w io.Writer, l *Layer, ends func(Feature) (origin, dest orb.Point, ok bool)) (int64, error) {
	if err := l.Check(); err != nil {
		return 0, err
	}
	fields := make([]arrow.Field, 0, len(l.Columns)+2)
	for _, c := range l.Columns {
		fields = append(fields, arrow.Field{Name: c.Name, Type: arrowType(c.Type), Nullable: true})
	}
	fields = append(fields,
		arrow.Field{Name: "origin_point", Type: pointType, Nullable: true, Metadata: geoarrowPoint()},
		arrow.Field{Name: "destination_point", Type: pointType, Nullable: true, Metadata: geoarrowPoint()})
	schema := arrow.NewSchema(fields, nil)
	fw, err := ipc.NewFileWriter(w, ipc.WithSchema(schema), ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return 0, err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	nc := len(l.Columns)
	var n int64
	appendPoint := func(sb *array.StructBuilder, p orb.Point, ok bool) {
		if !ok {
			sb.AppendNull()
			return
		}
		sb.Append(true)
		sb.FieldBuilder(0).(*array.Float64Builder).Append(p[0])
		sb.FieldBuilder(1).(*array.Float64Builder).Append(p[1])
	}
	l.Features(func(f Feature) bool {
		appendValues(b, l, f.Values, 0)
		o, d, ok := ends(f)
		appendPoint(b.Field(nc).(*array.StructBuilder), o, ok)
		appendPoint(b.Field(nc+1).(*array.StructBuilder), d, ok)
		n++
		return true
	})
	rec := b.NewRecordBatch()
	err = fw.Write(rec)
	rec.Release()
	if cerr := fw.Close(); err == nil {
		err = cerr
	}
	return n, err
}

package export

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/paulmach/orb/geojson"
)

// ReadFeatures reads a layer htmap wrote as Arrow IPC (.arrow) or
// GeoParquet (.parquet) back into GeoJSON features, so one run's outputs
// can feed the next (htmap hotspot --in cells.parquet). The geometry
// comes from the WKB column "geometry"; every other column but the bbox
// covering becomes a property, nulls included.
func ReadFeatures(path string) (*geojson.FeatureCollection, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var tbl arrow.Table
	switch {
	case strings.HasSuffix(path, ".parquet"):
		pf, err := file.NewParquetReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer pf.Close()
		fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if tbl, err = fr.ReadTable(context.Background()); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	case strings.HasSuffix(path, ".arrow"):
		r, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.DefaultAllocator))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer r.Close()
		var recs []arrow.RecordBatch
		for i := 0; i < r.NumRecords(); i++ {
			rec, err := r.RecordBatch(i)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			rec.Retain()
			defer rec.Release()
			recs = append(recs, rec)
		}
		tbl = array.NewTableFromRecords(r.Schema(), recs)
	default:
		return nil, fmt.Errorf("%s: not an .arrow or .parquet file", path)
	}
	defer tbl.Release()
	fc := geojson.NewFeatureCollection()
	n := int(tbl.NumRows())
	for i := 0; i < n; i++ {
		fc.Append(geojson.NewFeature(nil))
	}
	for c := 0; c < int(tbl.NumCols()); c++ {
		col := tbl.Column(c)
		name := col.Name()
		if name == "bbox" {
			continue
		}
		row := 0
		for _, chunk := range col.Data().Chunks() {
			for j := 0; j < chunk.Len(); j, row = j+1, row+1 {
				ft := fc.Features[row]
				if name == GeometryColumn {
					if chunk.IsNull(j) {
						continue
					}
					g, err := wkb.Unmarshal(chunk.(*array.Binary).Value(j))
					if err != nil {
						return nil, fmt.Errorf("%s row %d: %w", path, row+1, err)
					}
					ft.Geometry = g
					continue
				}
				if chunk.IsNull(j) {
					ft.Properties[name] = nil
					continue
				}
				switch a := chunk.(type) {
				case *array.Int64:
					ft.Properties[name] = float64(a.Value(j))
				case *array.Float64:
					ft.Properties[name] = a.Value(j)
				case *array.Boolean:
					ft.Properties[name] = a.Value(j)
				case *array.String:
					ft.Properties[name] = a.Value(j)
				default:
					ft.Properties[name] = a.ValueStr(j)
				}
			}
		}
	}
	return fc, nil
}

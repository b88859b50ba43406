package sample

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/paulmach/orb"
)

// EmbeddedIncidentPoints returns the embedded sample's incidents as
// lon/lat points with their dead and missing, in file order: what point
// clustering and density tests recover the planted clusters from, without
// going through ingest.
func EmbeddedIncidentPoints() ([]orb.Point, []float64, error) {
	files, err := Embedded()
	if err != nil {
		return nil, nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(files["incidents.csv"])).ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("incidents.csv: %w", err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	pts := make([]orb.Point, 0, len(rows)-1)
	count := make([]float64, 0, len(rows)-1)
	for n, r := range rows[1:] {
		lat, err1 := strconv.ParseFloat(r[col["Latitude"]], 64)
		lon, err2 := strconv.ParseFloat(r[col["Longitude"]], 64)
		c, err3 := strconv.ParseFloat(r[col["No. dead/missing"]], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, nil, fmt.Errorf("incidents.csv line %d: %v %v %v", n+2, err1, err2, err3)
		}
		pts = append(pts, orb.Point{lon, lat})
		count = append(count, c)
	}
	return pts, count, nil
}

package pipeline

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/htmap/htmap/data/country"
	"github.com/htmap/htmap/geo"
)

// readDenominator reads a population-like table for rates per 100,000:
// a CSV whose first column names the cell (an H3 index, a grid cell id,
// or a country in any spelling country.Resolve accepts) and whose column
// `column` (default: the second) holds the value. The value column's
// header names the denominator in the outputs.
func readDenominator(path, column string) (*geo.Denominator, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := 1
	if column != "" {
		col = -1
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), column) {
				col = i
			}
		}
		if col < 0 {
			return nil, fmt.Errorf("%s: no column %q", path, column)
		}
	}
	if len(header) <= col {
		return nil, fmt.Errorf("%s: needs an id column and a value column", path)
	}
	d := &geo.Denominator{Name: header[col], Values: map[string]float64{}}
	for {
		rec, err := r.Read()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) <= col || strings.TrimSpace(rec[col]) == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d:%d: %q is not a number", path, line, col+1, rec[col])
		}
		id := strings.TrimSpace(rec[0])
		if iso3, ok := country.Resolve(id); ok {
			id = iso3
		}
		d.Values[id] = v
	}
	return d, nil
}

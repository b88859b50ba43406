// Package export writes generic layers (a geometry plus typed columns) to
// the formats partner agencies and researchers open: GeoJSON feeds
// (RFC 7946), GeoJSON text sequences (RFC 8142), and the run manifest's
// file records.
//
// Writers know nothing of statistics: a stage turns its results into a
// Layer, the privacy stage rewrites the Layer, and only then is it
// written. A Layer's features are produced by an iterator, so a writer
// streams them and never holds a whole feed in memory.
package export

import (
	"fmt"

	"github.com/paulmach/orb"
)

// Type is the type of a column. Values of a column are Go values of one
// matching type, or nil for null.
type Type uint8

// Column types and the Go type of their values.
const (
	Int    Type = iota + 1 // int64
	Float                  // float64 (NaN and Inf are written as null)
	String                 // string
	Bool                   // bool
)

func (t Type) String() string {
	switch t {
	case Int:
		return "integer"
	case Float:
		return "number"
	case String:
		return "string"
	case Bool:
		return "boolean"
	}
	return "invalid"
}

// Column describes one attribute of a layer.
type Column struct {
	Name string
	Type Type
}

// Feature is one row of a layer: a geometry (lon/lat, WGS84) and one
// value per column, in column order.
type Feature struct {
	Geometry orb.Geometry
	Values   []any
}

// Layer is a named table of features with a fixed set of typed columns.
// Every feature carries every column (null where unknown), so readers see
// the same property set on every feature.
type Layer struct {
	Name    string
	Columns []Column
	// Features calls yield once per feature, in a stable order, and stops
	// early if yield returns false. It may be called more than once.
	Features func(yield func(Feature) bool)
}

// Slice returns a Features iterator over a slice.
func Slice(fs []Feature) func(func(Feature) bool) {
	return func(yield func(Feature) bool) {
		for _, f := range fs {
			if !yield(f) {
				return
			}
		}
	}
}

// Check verifies that every value matches its column's type, so a writer
// can rely on it. It walks the whole layer.
func (l *Layer) Check() error {
	var err error
	n := 0
	l.Features(func(f Feature) bool {
		n++
		if len(f.Values) != len(l.Columns) {
			err = fmt.Errorf("layer %s: feature %d has %d values for %d columns", l.Name, n, len(f.Values), len(l.Columns))
			return false
		}
		for i, v := range f.Values {
			if v == nil {
				continue
			}
			ok := false
			switch l.Columns[i].Type {
			case Int:
				_, ok = v.(int64)
			case Float:
				_, ok = v.(float64)
			case String:
				_, ok = v.(string)
			case Bool:
				_, ok = v.(bool)
			}
			if !ok {
				err = fmt.Errorf("layer %s: feature %d column %s: %T is not %s", l.Name, n, l.Columns[i].Name, v, l.Columns[i].Type)
				return false
			}
		}
		return true
	})
	return err
}

package ingest

import (
	"fmt"
	"strconv"
)

// FileError is an unrecoverable problem with a whole input: a file that
// cannot be read as a table at all (empty, binary, not UTF-8, no
// delimiter, missing required columns) or a CSV quote that runs on past
// the end of its row. Problems confined to one row are Rejects instead.
//
// Line is 1-based (0 when the problem is not tied to a line). Column is
// the 1-based byte column within that line as encoding/csv reports it,
// or 0 for the whole line.
type FileError struct {
	File   string
	Line   int64
	Column int
	Err    error
}

// Error formats the error the way compilers do, "cases.csv:12:3: ...",
// so editors and terminals can jump to the spot.
func (e *FileError) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.FormatInt(e.Line, 10)
		if e.Column > 0 {
			s += ":" + strconv.Itoa(e.Column)
		}
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(file string, line int64, col int, format string, args ...any) *FileError {
	return &FileError{File: file, Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// Reason says why a row was rejected (or, in Summary.Repaired, why it
// was repaired). The values are stable: they appear in rejects.csv and
// manifest.json. The package documentation lists them all.
type Reason string

// The reasons a row can be rejected. See the package documentation for
// when each applies.
const (
	FieldCount     Reason = "field_count"
	BadQuote       Reason = "bad_quote"
	InvalidUTF8    Reason = "invalid_utf8"
	MissingDate    Reason = "missing_date"
	BadDate        Reason = "bad_date"
	DateOutOfRange Reason = "date_out_of_range"
	MissingPlace   Reason = "missing_place"
	UnknownCountry Reason = "unknown_country"
	BadCoordinate  Reason = "bad_coordinate"
	LatOutOfRange  Reason = "lat_out_of_range"
	LonOutOfRange  Reason = "lon_out_of_range"
	SwappedLatLon  Reason = "swapped_lat_lon"
	RegionMismatch Reason = "region_mismatch"
	MissingCount   Reason = "missing_count"
	BadCount       Reason = "bad_count"
	NegativeCount  Reason = "negative_count"
	BadFlag        Reason = "bad_flag"
)

// Reject is one input row that was not used, with where and why.
//
// Column is the 1-based position of the failing column in the header, or
// 0 when the row as a whole is at fault (wrong number of fields, no place
// at all). Field is that column's header name. Value is the offending
// cell, and only ever comes from a schema column: a column ingest drops
// never reaches a Reject, so rejects.csv cannot leak personal data that
// the records themselves would not.
type Reject struct {
	File   string
	Line   int64
	Column int
	Field  string
	Value  string
	Reason Reason
}

package geo

import (
	"fmt"

	"github.com/htmap/htmap/ingest"
)

// Step is the width of the time buckets of a cell's breakdown.
type Step uint8

// The time steps of --step.
const (
	StepYear Step = iota
	StepQuarter
	StepMonth
)

// ParseStep reads a --step value: year, quarter or month.
func ParseStep(s string) (Step, error) {
	switch s {
	case "year", "":
		return StepYear, nil
	case "quarter":
		return StepQuarter, nil
	case "month":
		return StepMonth, nil
	}
	return 0, fmt.Errorf("unknown time step %q (want year, quarter or month)", s)
}

// String returns the --step name.
func (s Step) String() string {
	switch s {
	case StepQuarter:
		return "quarter"
	case StepMonth:
		return "month"
	}
	return "year"
}

// Bucket returns the label of the time bucket holding d: "2019",
// "2019-Q2" or "2019-04". ok is false when d is known less precisely than
// the step (a year-only date under a monthly step) or not at all: such
// records are counted apart rather than guessed into a bucket.
func (s Step) Bucket(d ingest.Date) (label string, ok bool) {
	c, ok := s.code(d)
	if !ok {
		return "", false
	}
	return s.label(c), true
}

// code is the bucket as a number, year*100 plus the quarter or month (0
// for years), so the hot loop builds no strings.
func (s Step) code(d ingest.Date) (int32, bool) {
	if d.Precision == ingest.PrecisionNone {
		return 0, false
	}
	y := int32(d.Year) * 100
	switch s {
	case StepYear:
		return y, true
	case StepQuarter:
		if d.Precision < ingest.PrecisionMonth || d.Month < 1 || d.Month > 12 {
			return 0, false
		}
		return y + int32(d.Month-1)/3 + 1, true
	default:
		if d.Precision < ingest.PrecisionMonth || d.Month < 1 || d.Month > 12 {
			return 0, false
		}
		return y + int32(d.Month), true
	}
}

// label formats a bucket code.
func (s Step) label(c int32) string {
	y := c / 100
	switch s {
	case StepYear:
		return fmt.Sprintf("%04d", y)
	case StepQuarter:
		return fmt.Sprintf("%04d-Q%d", y, c%100)
	}
	return fmt.Sprintf("%04d-%02d", y, c%100)
}

// dateSpan returns the first and last day a date may stand for, as
// yyyymmdd integers, so year- and month-precision dates compare sensibly
// with exact ones.
func dateSpan(d ingest.Date) (first, last int32) {
	y := int32(d.Year) * 10000
	switch d.Precision {
	case ingest.PrecisionYear:
		return y + 101, y + 1231
	case ingest.PrecisionMonth:
		m := int32(d.Month) * 100
		return y + m + 1, y + m + 31
	}
	v := y + int32(d.Month)*100 + int32(d.Day)
	return v, v
}

// earlier reports whether a should be the first date rather than b: the
// earlier first possible day, and on a tie the finer precision (the
// order is total, so merging in any order gives the same answer).
func earlier(a, b ingest.Date) bool {
	fa, _ := dateSpan(a)
	fb, _ := dateSpan(b)
	if fa != fb {
		return fa < fb
	}
	return a.Precision > b.Precision
}

// later reports whether a should be the last date rather than b.
func later(a, b ingest.Date) bool {
	_, la := dateSpan(a)
	_, lb := dateSpan(b)
	if la != lb {
		return la > lb
	}
	return a.Precision > b.Precision
}

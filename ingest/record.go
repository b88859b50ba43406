package ingest

import "fmt"

// Kind names an input layout. Each kind has its own meaning of a count
// (see Record.Count), and layers are never summed across kinds.
type Kind uint8

// The input kinds htmap reads.
const (
	KindUnknown   Kind = iota
	KindCases          // the generic case schema (docs/schema.md)
	KindCTDC           // the Counter Trafficking Data Collaborative global dataset
	KindIncidents      // IOM Missing Migrants incident exports
	KindFlows          // origin-destination migration tables
)

var kindNames = [...]string{"", "cases", "ctdc", "incidents", "flows"}

// String returns the name used on the command line and in the manifest.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != KindUnknown {
		return kindNames[k]
	}
	return "unknown"
}

// ParseKind parses a --format value.
func ParseKind(s string) (Kind, error) {
	for i, n := range kindNames {
		if n != "" && n == s {
			return Kind(i), nil
		}
	}
	return KindUnknown, fmt.Errorf("unknown format %q (want cases, ctdc, incidents or flows)", s)
}

// Sensitive reports whether records of this kind describe victims by
// default: cases and ctdc do, public incident reports and published flow
// statistics do not. A config can override it per input.
func (k Kind) Sensitive() bool { return k == KindCases || k == KindCTDC }

// Precision is how finely a date is known.
type Precision uint8

// Date precisions, coarsest last known first.
const (
	PrecisionNone  Precision = iota // no date
	PrecisionYear                   // YYYY
	PrecisionMonth                  // YYYY-MM
	PrecisionDay                    // YYYY-MM-DD
)

// Date is a calendar date that keeps its precision: a year-only date is
// the whole year, not January 1st. Month and Day are zero when unknown.
type Date struct {
	Year      int16
	Month     uint8
	Day       uint8
	Precision Precision
}

// String formats the date at its own precision: "2019", "2019-04" or
// "2019-04-07"; the empty string when there is no date.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Unknown is the value of a country or category field that the source
// marks as unknown (CTDC's -99, 0 or empty). It is counted, not rejected.
const Unknown = "unknown"

// Record is one validated input row, reduced to the schema columns.
// Nothing outside the schema survives ingest, so no later stage can
// publish names, free text or other personal fields.
//
// Which fields are set depends on Kind:
//   - cases: Origin is citizenship, Destination the country of
//     exploitation, the point (if any) the place of exploitation or
//     identification, Transit the countries in between.
//   - ctdc: as cases, without a point.
//   - incidents: the point is the incident location, Origin the migrants'
//     country of origin when a single one is given, Route the migration
//     route name, Destination unset.
//   - flows: Origin and Destination, Date has year precision.
//
// Countries are ISO 3166 alpha-3 codes (XKX for Kosovo), Unknown, or ""
// when the input has no such column.
type Record struct {
	Kind  Kind
	Input int   // index of the input file in the run, from 0
	Row   int64 // 1-based data row of the input (the header is row 0)
	Line  int64 // 1-based line of the file where the row starts

	CaseID      string
	Date        Date
	Origin      string
	Destination string
	Transit     []string

	HasPoint bool
	Lat, Lon float64 // WGS84 degrees, valid only when HasPoint

	Category string // exploitation type (cases, ctdc)
	Gender   string
	AgeBand  string
	Route    string // migration route (incidents)

	// Count is what one row weighs: the count column for cases (default
	// 1), 1 for ctdc, dead plus missing for incidents, the count column
	// for flows. Never negative.
	Count int64
}

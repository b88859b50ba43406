package ingest

import "strings"

// cases reads a row of the generic case schema.
func (r *Reader) cases(c *rowCheck, rec *Record) {
	if c.has(fCaseID) {
		rec.CaseID = strings.Clone(c.cell(fCaseID))
	}
	rec.Date = r.date(c, fDate, parseISODate)
	place := false
	if c.has(fOrigin) {
		rec.Origin = r.country(c, fOrigin)
		place = place || rec.Origin != Unknown
	}
	if c.has(fDestination) {
		rec.Destination = r.country(c, fDestination)
		place = place || rec.Destination != Unknown
	}
	if c.has(fLat) && r.latLon(c, rec) {
		place = true
	}
	if c.has(fTransit) {
		rec.Transit = r.transit(c)
	}
	if c.has(fCategory) {
		rec.Category = r.text(c, fCategory, false)
	}
	if c.has(fGender) {
		rec.Gender = r.text(c, fGender, true)
	}
	if c.has(fAgeBand) {
		rec.AgeBand = r.text(c, fAgeBand, false)
	}
	rec.Count = 1
	if s := c.cell(fCount); c.has(fCount) && !isMissing(s) {
		n, why := parseCount(s)
		if why != "" {
			c.fail(fCount, why)
		}
		rec.Count = n
	}
	if !place {
		c.failRow(MissingPlace)
	}
}

// ctdc reads a row of the CTDC global dataset. Its *_lat/*_long columns
// are country centroids added by a third party, not places, and are not
// read; the country names and alpha-3 columns duplicate the codes.
func (r *Reader) ctdc(c *rowCheck, rec *Record) {
	rec.Date = r.date(c, fDate, parseISODate)
	rec.Gender = r.text(c, fGender, true)
	rec.AgeBand = r.text(c, fAgeBand, false)
	rec.Origin = r.country(c, fOrigin)
	rec.Destination = r.country(c, fDestination)
	forced := r.flag(c, fForced)
	sexual := r.flag(c, fSexual)
	rec.Category = ctdcCategory(forced, sexual)
	rec.Count = 1
}

// flag reads a CTDC 0/1 flag: 1, 0, or -1 when unknown (empty, -99, or
// no such column). The dataset writes the floats 0.0 and 1.0.
func (r *Reader) flag(c *rowCheck, f field) int {
	switch s := c.cell(f); s {
	case "", "-99":
		return -1
	case "0", "0.0", "false", "FALSE", "False":
		return 0
	case "1", "1.0", "true", "TRUE", "True":
		return 1
	}
	c.fail(f, BadFlag)
	return -1
}

// The CTDC exploitation categories.
const (
	CategoryForcedLabour       = "forced_labour"
	CategorySexualExploitation = "sexual_exploitation"
	CategoryBoth               = "forced_labour_and_sexual_exploitation"
	CategoryOther              = "other"
)

// ctdcCategory folds CTDC's two flags into one category. A flag that is
// set decides even when the other is unknown; both flags 0 means the
// victim's exploitation was of another kind (CategoryOther); anything
// else is Unknown.
func ctdcCategory(forced, sexual int) string {
	switch {
	case forced == 1 && sexual == 1:
		return CategoryBoth
	case forced == 1:
		return CategoryForcedLabour
	case sexual == 1:
		return CategorySexualExploitation
	case forced == 0 && sexual == 0:
		return CategoryOther
	}
	return Unknown
}

// incidents reads a row of an IOM Missing Migrants export.
func (r *Reader) incidents(c *rowCheck, rec *Record) {
	if c.has(fCaseID) {
		rec.CaseID = strings.Clone(c.cell(fCaseID))
	}
	rec.Date = r.incidentDate(c)
	present := false
	if c.has(fCoords) {
		present = r.coords(c, rec)
	} else {
		present = r.latLon(c, rec)
	}
	if !present {
		if c.has(fCoords) {
			c.fail(fCoords, MissingPlace)
		} else {
			c.fail(fLat, MissingPlace)
		}
	}
	rec.Count = r.deadAndMissing(c)
	if c.has(fRoute) {
		rec.Route = r.text(c, fRoute, false)
	}
	if c.has(fOrigin) {
		// One resolvable country, or Unknown: the cell often lists several
		// ("Eritrea,Ethiopia,Sudan") or says "Mixed".
		rec.Origin = Unknown
		if s := c.cell(fOrigin); !isUnknownCountry(s) {
			if iso3, ok := r.resolveCountry(s); ok {
				rec.Origin = iso3
			}
		}
	}
}

// incidentDate reads the incident date, falling back to the year and
// month columns (month or year precision) when the date cell is empty.
func (r *Reader) incidentDate(c *rowCheck) Date {
	if s := c.cell(fDate); s != "" || !c.has(fYear) {
		return r.date(c, fDate, parseIncidentDate)
	}
	ys := c.cell(fYear)
	if ys == "" {
		c.fail(fYear, MissingDate)
		return Date{}
	}
	y, ok := digits(ys)
	if !ok || len(ys) != 4 {
		c.fail(fYear, BadDate)
		return Date{}
	}
	d := Date{Year: int16(y), Precision: PrecisionYear}
	if ms := c.cell(fMonth); ms != "" {
		m := parseMonthName(ms)
		if m == 0 {
			c.fail(fMonth, BadDate)
			return Date{}
		}
		d.Month, d.Precision = uint8(m), PrecisionMonth
	}
	if !inRange(d, r.now) {
		c.fail(fYear, DateOutOfRange)
		return Date{}
	}
	return d
}

// deadAndMissing is the count of an incident: the total dead and
// missing column when filled, else dead plus missing (an empty part is
// 0). Every count cell read must be a non-negative integer, so a
// negative "missing" rejects the row even when the total looks fine:
// the row's numbers cannot all be right.
func (r *Reader) deadAndMissing(c *rowCheck) int64 {
	var vals [3]int64
	var have [3]bool
	for i, f := range [3]field{fCount, fDead, fMissing} {
		if !c.has(f) {
			continue
		}
		n, why := parseCount(c.cell(f))
		switch why {
		case "":
			vals[i], have[i] = n, true
		case MissingCount:
		default:
			c.fail(f, why)
		}
	}
	switch {
	case have[0]:
		return vals[0]
	case have[1] || have[2]:
		return vals[1] + vals[2]
	}
	for _, f := range [3]field{fCount, fDead, fMissing} {
		if c.has(f) {
			c.fail(f, MissingCount)
			break
		}
	}
	return 0
}

// flows reads a row of an origin-destination table.
func (r *Reader) flows(c *rowCheck, rec *Record) {
	rec.Origin = r.country(c, fOrigin)
	rec.Destination = r.country(c, fDestination)
	rec.Date = r.date(c, fDate, parseISODate)
	n, why := parseCount(c.cell(fCount))
	if why != "" {
		c.fail(fCount, why)
	}
	rec.Count = n
	c.same = rec.Origin != "" && rec.Origin != Unknown && rec.Origin == rec.Destination
}

package ingest

import "strings"

// Cell readers shared by the kinds. Each reads one schema field of the
// row under check, records a failure on that field when the cell is
// bad, and returns the value to store.

// isUnknownCountry reports whether a country cell says "unknown" the
// way the sources write it: empty, CTDC's -99, 0 and 00, or the word
// unknown. NA is not among them: it is Namibia.
func isUnknownCountry(s string) bool {
	switch s {
	case "", "-99", "0", "00":
		return true
	case "XXA", "XXB", "XXC", "XXX":
		// ISO 3166 user-assigned codes (ICAO 9303) that UNHCR and
		// passports use for stateless persons, refugees and unspecified
		// nationality: a known status, but no country of origin.
		return true
	}
	return equalFoldASCII(s, "unknown")
}

// country reads a country cell: Unknown for an unknown marker, the
// alpha-3 code when country.Resolve knows it, else an unknown_country
// failure.
func (r *Reader) country(c *rowCheck, f field) string {
	s := c.cell(f)
	if isUnknownCountry(s) {
		return Unknown
	}
	iso3, ok := r.resolveCountry(s)
	if !ok {
		c.fail(f, UnknownCountry)
		return ""
	}
	return iso3
}

// transit reads a ';'-separated list of countries in travel order.
// Empty items are skipped; an unresolvable item fails the field.
func (r *Reader) transit(c *rowCheck) []string {
	s := c.cell(fTransit)
	if s == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, ";")+1)
	for s != "" {
		item := s
		if i := strings.IndexByte(s, ';'); i >= 0 {
			item, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		item = trimSpace(item)
		if item == "" {
			continue
		}
		if isUnknownCountry(item) {
			out = append(out, Unknown)
			continue
		}
		iso3, ok := r.resolveCountry(item)
		if !ok {
			c.fail(fTransit, UnknownCountry)
			return nil
		}
		out = append(out, iso3)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// text reads a categorical cell (gender, age band, category, route):
// Unknown when empty, -99 or "unknown", else the trimmed text, interned.
// lower folds it to lower case, so "Female" and "female" are one value.
func (r *Reader) text(c *rowCheck, f field, lower bool) string {
	s := c.cell(f)
	if s == "" || s == "-99" || equalFoldASCII(s, "unknown") {
		return Unknown
	}
	if lower {
		if v, ok := r.lower[s]; ok {
			return v
		}
		v := strings.Clone(strings.ToLower(s))
		if len(r.lower) < maxInterned {
			r.lower[strings.Clone(s)] = v
		}
		return v
	}
	return r.intern(s)
}

// date reads a date cell with parse, failing on an empty, unreadable or
// out-of-range date (before 1900 or after Options.Now).
func (r *Reader) date(c *rowCheck, f field, parse func(string) (Date, bool)) Date {
	s := c.cell(f)
	if s == "" {
		c.fail(f, MissingDate)
		return Date{}
	}
	d, ok := parse(s)
	if !ok {
		c.fail(f, BadDate)
		return Date{}
	}
	if !inRange(d, r.now) {
		c.fail(f, DateOutOfRange)
		return Date{}
	}
	return d
}

// point validates a parsed coordinate pair into rec, blaming latF for
// latitude problems and lonF for longitude ones (the same field for a
// single "lat, lon" cell). It reports whether rec got a point.
func (r *Reader) point(c *rowCheck, rec *Record, lat, lon float64, latF, lonF field) bool {
	la, lo, repaired, why := checkPoint(lat, lon, r.opt.FixSwapped)
	switch why {
	case "":
	case LonOutOfRange:
		c.fail(lonF, why)
		return false
	default:
		c.fail(latF, why)
		return false
	}
	if c.has(fRegion) && regionMismatch(c.cell(fRegion), lo) {
		c.fail(lonF, RegionMismatch)
		return false
	}
	c.repaired = repaired
	rec.HasPoint, rec.Lat, rec.Lon = true, la, lo
	return true
}

// latLon reads separate latitude and longitude cells. Both empty means
// no point (present=false); one without the other, or text that is not a
// number, fails as bad_coordinate.
func (r *Reader) latLon(c *rowCheck, rec *Record) (present bool) {
	lat, latMissing, latOK := parseDegrees(c.cell(fLat))
	lon, lonMissing, lonOK := parseDegrees(c.cell(fLon))
	if latMissing && lonMissing {
		return false
	}
	if !latOK {
		c.fail(fLat, BadCoordinate)
	}
	if !lonOK {
		c.fail(fLon, BadCoordinate)
	}
	if !latOK || !lonOK {
		return true
	}
	r.point(c, rec, lat, lon, fLat, fLon)
	return true
}

// coords reads one "lat, lon" cell, as the Missing Migrants exports
// write it.
func (r *Reader) coords(c *rowCheck, rec *Record) (present bool) {
	s := c.cell(fCoords)
	if isMissing(s) {
		return false
	}
	i := strings.IndexByte(s, ',')
	if i < 0 || strings.IndexByte(s[i+1:], ',') >= 0 {
		c.fail(fCoords, BadCoordinate)
		return true
	}
	lat, _, ok1 := parseDegrees(s[:i])
	lon, _, ok2 := parseDegrees(s[i+1:])
	if !ok1 || !ok2 {
		c.fail(fCoords, BadCoordinate)
		return true
	}
	r.point(c, rec, lat, lon, fCoords, fCoords)
	return true
}

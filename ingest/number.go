package ingest

import (
	"math"
	"strconv"
)

// isMissing reports whether a numeric cell says "no value": empty, or
// one of the markers the shared datasets use (NA, N/A, NaN, "..", "-").
// Country cells are never tested with it: NA is Namibia there.
func isMissing(s string) bool {
	switch len(s) {
	case 0:
		return true
	case 1:
		return s == "-"
	case 2:
		return s == ".." || equalFoldASCII(s, "na")
	case 3:
		return equalFoldASCII(s, "n/a") || equalFoldASCII(s, "nan")
	}
	return false
}

// parseCount reads a count: a non-negative integer, optionally with
// thousands separators in groups of three ("1,022") or a zero fraction
// ("12.0"). It returns MissingCount for a missing marker, NegativeCount
// for a negative integer and BadCount for anything else.
func parseCount(s string) (int64, Reason) {
	s = trimSpace(s)
	if isMissing(s) {
		return 0, MissingCount
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	// A zero fraction: "12.0", "12.00".
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			for j := i + 1; j < len(s); j++ {
				if s[j] != '0' {
					return 0, BadCount
				}
			}
			s = s[:i]
			break
		}
	}
	if len(s) == 0 {
		return 0, BadCount
	}
	var n int64
	group := -1 // digits since the last separator; -1 before any separator
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n > (math.MaxInt64-9)/10 {
				return 0, BadCount
			}
			n = n*10 + int64(c-'0')
			if group >= 0 {
				group++
			}
		case c == ',':
			if (group == -1 && (i == 0 || i > 3)) || (group >= 0 && group != 3) {
				return 0, BadCount
			}
			group = 0
		default:
			return 0, BadCount
		}
	}
	if group >= 0 && group != 3 {
		return 0, BadCount
	}
	if neg && n != 0 {
		return 0, NegativeCount
	}
	return n, ""
}

// parseDegrees reads a coordinate in decimal degrees. ok is false for a
// missing marker (missing=true) or text that is not a finite number.
func parseDegrees(s string) (v float64, missing, ok bool) {
	s = trimSpace(s)
	if isMissing(s) {
		return 0, true, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, false
	}
	return v, false, true
}

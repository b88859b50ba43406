package ingest

import "time"

// Dates arrive in a handful of shapes. Each parser below reads exactly
// one family of shapes without allocating and reports ok=false for
// anything else, so a garbled date is a bad_date reject rather than a
// guess.

// parseISODate reads YYYY, YYYY-MM or YYYY-MM-DD, keeping the precision.
// A time of day after the date ("2019-04-07T10:00:00Z" or
// "2019-04-07 10:00") is accepted and ignored.
func parseISODate(s string) (Date, bool) {
	s = trimSpace(s)
	if len(s) < 4 {
		return Date{}, false
	}
	y, ok := digits(s[:4])
	if !ok {
		return Date{}, false
	}
	if len(s) == 4 {
		return Date{Year: int16(y), Precision: PrecisionYear}, true
	}
	if s[4] != '-' || len(s) < 7 {
		return Date{}, false
	}
	m, ok := digits(s[5:7])
	if !ok || m < 1 || m > 12 {
		return Date{}, false
	}
	if len(s) == 7 {
		return Date{Year: int16(y), Month: uint8(m), Precision: PrecisionMonth}, true
	}
	if s[7] != '-' || len(s) < 10 {
		return Date{}, false
	}
	d, ok := digits(s[8:10])
	if !ok || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return Date{}, false
	}
	return Date{Year: int16(y), Month: uint8(m), Day: uint8(d), Precision: PrecisionDay}, true
}

// parseIncidentDate reads the three date shapes of the IOM Missing
// Migrants exports: ISO "2014-01-19", "August 31, 2021" (older export)
// and "Thu, 01/01/2026 - 12:00" (current export, US month/day order).
func parseIncidentDate(s string) (Date, bool) {
	s = trimSpace(s)
	if len(s) == 0 {
		return Date{}, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		if d, ok := parseISODate(s); ok {
			return d, true
		}
		return parseUSSlash(s)
	}
	// "Thu, 01/01/2026 - 12:00": skip a weekday name and its comma.
	if len(s) > 5 && s[3] == ',' && isLetters(s[:3]) {
		return parseUSSlash(trimSpace(s[4:]))
	}
	return parseMonthDayYear(s)
}

// parseUSSlash reads MM/DD/YYYY, optionally followed by " - HH:MM".
func parseUSSlash(s string) (Date, bool) {
	if len(s) < 10 || s[2] != '/' || s[5] != '/' {
		return Date{}, false
	}
	m, ok1 := digits(s[0:2])
	d, ok2 := digits(s[3:5])
	y, ok3 := digits(s[6:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	if rest := trimSpace(s[10:]); rest != "" && rest[0] != '-' {
		return Date{}, false
	}
	return Date{Year: int16(y), Month: uint8(m), Day: uint8(d), Precision: PrecisionDay}, true
}

// parseMonthDayYear reads "August 31, 2021" or "Aug 31, 2021".
func parseMonthDayYear(s string) (Date, bool) {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	m := parseMonthName(s[:i])
	if m == 0 {
		return Date{}, false
	}
	s = trimSpace(s[i:])
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 0 || j > 2 || j >= len(s) || s[j] != ',' {
		return Date{}, false
	}
	d, _ := digits(s[:j])
	s = trimSpace(s[j+1:])
	y, ok := digits(s)
	if !ok || len(s) != 4 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{Year: int16(y), Month: uint8(m), Day: uint8(d), Precision: PrecisionDay}, true
}

var monthNames = [12]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// parseMonthName reads a full or three-letter English month name in any
// case, or a month number 1-12; it returns 0 for anything else.
func parseMonthName(s string) int {
	s = trimSpace(s)
	if n, ok := digits(s); ok && len(s) <= 2 {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	if len(s) < 3 {
		return 0
	}
	for i, name := range monthNames {
		if len(s) == 3 || len(s) == len(name) {
			if equalFoldASCII(s, name[:len(s)]) {
				return i + 1
			}
		}
	}
	return 0
}

// daysIn returns the number of days in month m of year y (proleptic
// Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// minYear is the earliest year accepted: older dates in trafficking and
// migration data are typing errors, not history.
const minYear = 1900

// inRange reports whether d starts no earlier than 1900 and no later
// than now. A year- or month-precision date is in range when its first
// day is, so the current year is accepted in full.
func inRange(d Date, now time.Time) bool {
	if d.Year < minYear {
		return false
	}
	ny, nm, nd := now.Date()
	if int(d.Year) != ny {
		return int(d.Year) < ny
	}
	if d.Precision < PrecisionMonth || int(d.Month) != int(nm) {
		return d.Precision < PrecisionMonth || int(d.Month) < int(nm)
	}
	return d.Precision < PrecisionDay || int(d.Day) <= nd
}

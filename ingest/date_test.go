package ingest

import (
	"testing"
	"time"
)

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2019", Date{2019, 0, 0, PrecisionYear}, true},
		{" 2019-04 ", Date{2019, 4, 0, PrecisionMonth}, true},
		{"2019-04-07", Date{2019, 4, 7, PrecisionDay}, true},
		{"2019-04-07T10:00:00Z", Date{2019, 4, 7, PrecisionDay}, true},
		{"2020-02-29", Date{2020, 2, 29, PrecisionDay}, true},
		{"2000-02-29", Date{2000, 2, 29, PrecisionDay}, true},
		{"1900-02-29", Date{}, false}, // 1900 is not a leap year
		{"2019-02-29", Date{}, false},
		{"2019-04-31", Date{}, false},
		{"2019-13", Date{}, false},
		{"2019-00", Date{}, false},
		{"2019-4-7", Date{}, false},
		{"19", Date{}, false},
		{"2019.0", Date{}, false},
		{"20l9", Date{}, false},
		{"2019-04-07x", Date{}, false},
		{"", Date{}, false},
	}
	for _, tc := range tests {
		got, ok := parseISODate(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseISODate(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseIncidentDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"August 31, 2021", Date{2021, 8, 31, PrecisionDay}, true},
		{"Aug 31, 2021", Date{2021, 8, 31, PrecisionDay}, true},
		{"february 29, 2016", Date{2016, 2, 29, PrecisionDay}, true},
		{"February 29, 2017", Date{}, false},
		{"Thu, 01/01/2026 - 12:00", Date{2026, 1, 1, PrecisionDay}, true},
		{"Tue, 02/10/2026 - 12:00", Date{2026, 2, 10, PrecisionDay}, true}, // US order: 10 February
		{"Tue, 13/02/2026 - 12:00", Date{}, false},
		{"2014-01-19", Date{2014, 1, 19, PrecisionDay}, true},
		{"Augustus 31, 2021", Date{}, false},
		{"August 31 2021", Date{}, false},
		{"31 August 2021", Date{}, false},
		{"Thu,", Date{}, false},
	}
	for _, tc := range tests {
		got, ok := parseIncidentDate(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseIncidentDate(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseMonthName(t *testing.T) {
	for in, want := range map[string]int{"Aug": 8, "August": 8, "aug": 8, "SEPTEMBER": 9, "May": 5,
		"1": 1, "12": 12, "13": 0, "0": 0, "Augu": 0, "": 0, "Ju": 0} {
		if got := parseMonthName(in); got != want {
			t.Errorf("parseMonthName(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestInRange(t *testing.T) {
	now := time.Date(2026, 6, 15, 23, 0, 0, 0, time.UTC)
	tests := []struct {
		d    Date
		want bool
	}{
		{Date{1899, 12, 31, PrecisionDay}, false},
		{Date{1900, 0, 0, PrecisionYear}, true},
		{Date{2026, 0, 0, PrecisionYear}, true}, // the current year counts in full
		{Date{2027, 0, 0, PrecisionYear}, false},
		{Date{2026, 6, 0, PrecisionMonth}, true},
		{Date{2026, 7, 0, PrecisionMonth}, false},
		{Date{2026, 6, 15, PrecisionDay}, true},
		{Date{2026, 6, 16, PrecisionDay}, false},
		{Date{2025, 12, 31, PrecisionDay}, true},
	}
	for _, tc := range tests {
		if got := inRange(tc.d, now); got != tc.want {
			t.Errorf("inRange(%v) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

func TestDateString(t *testing.T) {
	d, _ := parseISODate("2019-04")
	if d.String() != "2019-04" {
		t.Errorf("got %q", d.String())
	}
}

package ingest

import "testing"

func TestParseCount(t *testing.T) {
	tests := []struct {
		in  string
		n   int64
		why Reason
	}{
		{"0", 0, ""},
		{"12", 12, ""},
		{" 7 ", 7, ""},
		{"1,022", 1022, ""}, // the 2014-2021 Missing Migrants total
		{"12,345,678", 12345678, ""},
		{"38928000.0", 38928000, ""},
		{"+5", 5, ""},
		{"-0", 0, ""},
		{"", 0, MissingCount},
		{"NA", 0, MissingCount},
		{"n/a", 0, MissingCount},
		{"..", 0, MissingCount},
		{"-", 0, MissingCount},
		{"-13", 0, NegativeCount},
		{"-1,022", 0, NegativeCount},
		{"1,02", 0, BadCount},
		{"1022,5", 0, BadCount},
		{",5", 0, BadCount},
		{"1.5", 0, BadCount},
		{"abc", 0, BadCount},
		{"1e3", 0, BadCount},
		{"+", 0, BadCount},
		{"9223372036854775808", 0, BadCount},
		{"9223372036854775799", 9223372036854775799, ""},
	}
	for _, tc := range tests {
		n, why := parseCount(tc.in)
		if n != tc.n || why != tc.why {
			t.Errorf("parseCount(%q) = %d, %q; want %d, %q", tc.in, n, why, tc.n, tc.why)
		}
	}
}

func TestParseDegrees(t *testing.T) {
	tests := []struct {
		in          string
		v           float64
		missing, ok bool
	}{
		{"37.2832", 37.2832, false, true},
		{" -13.789267742188", -13.789267742188, false, true},
		{"27", 27, false, true},
		{"", 0, true, false},
		{"NA", 0, true, false},
		{"NaN", 0, true, false},
		{"Inf", 0, false, false},
		{"12,5", 0, false, false},
		{"north", 0, false, false},
	}
	for _, tc := range tests {
		v, missing, ok := parseDegrees(tc.in)
		if v != tc.v || missing != tc.missing || ok != tc.ok {
			t.Errorf("parseDegrees(%q) = %v, %v, %v; want %v, %v, %v", tc.in, v, missing, ok, tc.v, tc.missing, tc.ok)
		}
	}
}

package ingest

import "testing"

func TestCheckPoint(t *testing.T) {
	tests := []struct {
		lat, lon float64
		fix      bool
		la, lo   float64
		repaired bool
		why      Reason
	}{
		{32.468, -114.579, false, 32.468, -114.579, false, ""},
		{90, 180, false, 90, 180, false, ""},
		{-90, -180, false, -90, -180, false, ""},
		// Row 81 of the 2014-2021 Missing Migrants export, in lon, lat order.
		{-114.579342, 32.468858, false, -114.579342, 32.468858, false, SwappedLatLon},
		{-114.579342, 32.468858, true, 32.468858, -114.579342, true, ""},
		{95, 100, false, 95, 100, false, LatOutOfRange}, // swapping would not help
		{200, 10, true, 200, 10, false, LatOutOfRange},  // not a longitude either
		{10, 181, false, 10, 181, false, LonOutOfRange},
		{-90.0000001, 0, false, -90.0000001, 0, false, SwappedLatLon},
	}
	for _, tc := range tests {
		la, lo, rep, why := checkPoint(tc.lat, tc.lon, tc.fix)
		if la != tc.la || lo != tc.lo || rep != tc.repaired || why != tc.why {
			t.Errorf("checkPoint(%v, %v, %v) = %v, %v, %v, %q; want %v, %v, %v, %q",
				tc.lat, tc.lon, tc.fix, la, lo, rep, why, tc.la, tc.lo, tc.repaired, tc.why)
		}
	}
}

func TestRegionMismatch(t *testing.T) {
	tests := []struct {
		region string
		lon    float64
		want   bool
	}{
		{"US-Mexico Border", 100.509, true}, // Eagle Pass, Texas with the minus lost
		{"US-Mexico Border", -100.509, false},
		{"north america", 10, true},
		{"Caribbean", -68.9, false},
		{"South America", 70.4, true},
		{"Central America", 0, false},
		{"Southeast Asia", -100, true},
		{"South-eastern Asia", 100, false},
		{"Middle East", 44, false},
		{"Europe", -5, false},
		{"Mediterranean", -5, false},
		{"North Africa", -13, false},
		{"Western Africa", 5, false},
		{"", 5, false},
		{"Mediterranean,Northern Africa", -5, false},
		{"Caribbean, Central America", 20, true},
		{"Caribbean,Western Asia", 20, false}, // the parts disagree: no check
		{"North America", 180, false},
	}
	for _, tc := range tests {
		if got := regionMismatch(tc.region, tc.lon); got != tc.want {
			t.Errorf("regionMismatch(%q, %v) = %v, want %v", tc.region, tc.lon, got, tc.want)
		}
	}
}

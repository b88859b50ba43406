package ingest

import "strings"

// checkPoint validates a latitude/longitude pair. It returns the point
// to use and "" when it is valid, or the reason it is not. A pair whose
// latitude is outside ±90 but would be valid with the two swapped (the
// "lon, lat" order seen in 188 rows of the 2014-2021 Missing Migrants
// export) is SwappedLatLon; with fix set it is swapped back instead and
// repaired reports true.
func checkPoint(lat, lon float64, fix bool) (la, lo float64, repaired bool, why Reason) {
	if lat < -90 || lat > 90 {
		if lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 {
			if fix {
				return lon, lat, true, ""
			}
			return lat, lon, false, SwappedLatLon
		}
		return lat, lon, false, LatOutOfRange
	}
	if lon < -180 || lon > 180 {
		return lat, lon, false, LonOutOfRange
	}
	return lat, lon, false, ""
}

// regionSign returns the sign the longitude must have for a point in a
// stated region: -1 for regions wholly in the western hemisphere, +1 for
// regions wholly in the eastern one, 0 when the region is unknown or
// straddles the prime meridian or the antimeridian (Europe, Africa, the
// Mediterranean, Oceania), where no check is possible.
//
// The table (names compared case-insensitively, as the Missing
// Migrants exports and UN M49 write them):
//
//	west (lon < 0): US-Mexico Border, North America, Northern America,
//	  Central America, South America, Caribbean, Latin America and the
//	  Caribbean, Americas
//	east (lon > 0): Middle East, Western Asia, Central Asia, South Asia,
//	  Southern Asia, Southeast Asia, South-eastern Asia, East Asia,
//	  Eastern Asia
//
// Alaska's Aleutian tail crosses 180° into the east; a point there
// stated as North America would be a false region_mismatch, a price
// worth paying to catch the Americas rows with a lost minus sign.
//
// A region cell holding several comma-joined regions is checked only
// when all the known ones agree.
func regionSign(region string) int {
	sign := 0
	for region != "" {
		part := region
		if i := strings.IndexByte(region, ','); i >= 0 {
			part, region = region[:i], region[i+1:]
		} else {
			region = ""
		}
		s := oneRegionSign(trimSpace(part))
		if s == 0 {
			continue
		}
		if sign != 0 && s != sign {
			return 0
		}
		sign = s
	}
	return sign
}

func oneRegionSign(r string) int {
	for _, w := range [...]string{"us-mexico border", "north america", "northern america",
		"central america", "south america", "caribbean", "latin america and the caribbean", "americas"} {
		if equalFoldASCII(r, w) {
			return -1
		}
	}
	for _, e := range [...]string{"middle east", "western asia", "central asia", "south asia",
		"southern asia", "southeast asia", "south-eastern asia", "east asia", "eastern asia"} {
		if equalFoldASCII(r, e) {
			return +1
		}
	}
	return 0
}

// regionMismatch reports whether lon has the wrong sign for region.
// Longitude 0 and ±180 contradict nothing.
func regionMismatch(region string, lon float64) bool {
	switch regionSign(region) {
	case -1:
		return lon > 0 && lon < 180
	case +1:
		return lon < 0 && lon > -180
	}
	return false
}

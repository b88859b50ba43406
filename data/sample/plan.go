package sample

import "math"

// The planted signals of the cases. Their sizes are given for the default
// 20,000 cases and scale with Config.Cases. The smallest planted yearly
// count at the default size is 70, seven times the suppression threshold
// k = 10 that htmap's privacy rules use, so no planted year disappears
// under suppression.

// plantedHotspot is a hotspot to plant: where, how large each year, and
// who its victims are.
type plantedHotspot struct {
	name     string
	iso3     string
	lat, lon float64
	radiusKm float64
	trend    string
	// perYear is the planted count in year index i of n (default size).
	perYear  func(i, n int) float64
	domestic float64
	origins  []share
	mix      *[5]float64
}

// frac is the position of year index i of n in [0, 1].
func frac(i, n int) float64 {
	if n <= 1 {
		return 0
	}
	return float64(i) / float64(n-1)
}

// hotspots are the three planted hotspots. Their centres are inland
// (Houston's is 35 km from Galveston Bay) and at least 200 km from every
// background city, and their radius is 2.5 times the jitter's sigma.
//
// Emerging Hot Spot Analysis calls a place intensifying or diminishing
// only if it is hot in at least 90 % of the time steps, including the
// last (a place that fades to nothing is a "historical" hot spot, one
// that appears late a "new" or "consecutive" one). So the rising and the
// fading hotspot stay well above the background in every year (70 at
// their low end, 330 at their high end, a ratio near 5), and the trend is
// in their intensity, not in their presence. In a space-time cube of
// years on H3 resolution 5 cells with a 75 km band, even their weakest
// year has a Gi* z above 3 (TestHotspotsStandOutGiStar).
const nHotspots = 3

var hotspots = [nHotspots]plantedHotspot{
	{
		name: "Houston", iso3: "USA", lat: 29.7604, lon: -95.3698, radiusKm: 25,
		trend: TrendPersistent,
		// a level series with a small wobble and no trend
		perYear:  func(i, n int) float64 { return 100 * (1 + 0.06*math.Sin(2.3*float64(i))) },
		domestic: 0.5,
		origins:  []share{{"MEX", 35}, {"HND", 20}, {"GTM", 15}, {"SLV", 10}, {"VEN", 10}, {"CHN", 5}, {"NGA", 5}},
		mix:      &mixHouston,
	},
	{
		name: "Phnom Penh", iso3: "KHM", lat: 11.5564, lon: 104.9282, radiusKm: 20,
		trend: TrendIntensifying,
		// forced criminality in scam compounds, growing steeply
		perYear:  func(i, n int) float64 { return 70 + 260*math.Pow(frac(i, n), 1.5) },
		domestic: 0.05,
		origins:  []share{{"CHN", 35}, {"VNM", 20}, {"IDN", 15}, {"THA", 10}, {"MYS", 8}, {"PHL", 7}, {"MMR", 5}},
		mix:      &mixScam,
	},
	{
		name: "Moscow", iso3: "RUS", lat: 55.7558, lon: 37.6173, radiusKm: 25,
		trend: TrendDiminishing,
		// labour exploitation of Central Asian and Ukrainian migrants, fading
		perYear:  func(i, n int) float64 { return 70 + 260*math.Pow(1-frac(i, n), 1.5) },
		domestic: 0.1,
		origins:  []share{{"UZB", 30}, {"TJK", 25}, {"KGZ", 20}, {"UKR", 15}, {"MDA", 10}},
		mix:      &mixLabour,
	},
}

// The planted corridor: Nigerian victims of sexual exploitation in Italy,
// most of them brought through Niger and Libya, as UNODC and IOM describe
// the Central Mediterranean route. Only a few are geocoded, in cities far
// from each other, so the corridor does not also form a hotspot.
const (
	corridorOrigin   = "NGA"
	corridorDest     = "ITA"
	corridorCases    = 1600 // at the default size
	corridorCoordPct = 0.10
)

var (
	corridorTransit = []string{"NER", "LBY"}
	corridorMix     = [5]float64{85, 8, 4, 1, 2}
	corridorCities  = []city{
		{"Rome", 41.890, 12.560, 6},
		{"Turin", 45.070, 7.680, 5},
		{"Caserta", 41.070, 14.330, 5},
		{"Padua", 45.410, 11.880, 5},
	}
)

// corridorPerYear weights the corridor's years: a hump early in the
// period, as arrivals by sea peaked in 2016 and 2017.
func corridorPerYear(i, n int) float64 {
	d := (frac(i, n) - 0.3) / 0.25
	return 1 + 0.6*math.Exp(-d*d)
}

// coordinateShare is the share of valid cases with coordinates, about
// what case-management systems that record a place of identification
// hold; the rest carry only countries.
const coordinateShare = 0.32

// invalidKinds are the rows broken on purpose, one of each, written when
// the sample has at least minCasesForInvalid rows. Reason is what ingest
// should report, in words a person would agree with.
var invalidKinds = []struct{ column, value, reason string }{
	{"date", "2019-13-40", "bad_date"},
	{"citizenship", "Narnia", "unknown_country"},
	{"lat", "97.250000", "lat_out_of_range"},
	{"count", "-3", "negative_count"},
	{"lon", "-187.500000", "lon_out_of_range"},
	{"count", "several", "bad_count"},
	{"date", "", "missing_date"},
	{"exploitation_country", "", "missing_place"}, // citizenship, exploitation_country, lat and lon all empty
}

const minCasesForInvalid = 100

// notesMarker starts every notes value; see Truth.NotesMarker.
const notesMarker = "zqxnote"

// notePhrases are synthetic free text for the notes column, with commas
// and quotes so that readers must honour CSV quoting. No names.
var notePhrases = []string{
	"referred by outreach team, follow-up pending",
	`interpreter needed; "urgent" flag set at intake`,
	"identified during labour inspection",
	"self-referral via hotline, shelter placement arranged",
	"case transferred from partner agency",
	"documents withheld by employer, per interview",
	"victim declined further assistance",
}

// ageBands are CTDC's age bands; "" is unknown.
var ageBands = []string{"0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+", ""}

var (
	ageWeights         = []float64{3, 17, 12, 12, 11, 9, 15, 7, 4, 10}
	ageWeightsMarriage = []float64{2, 45, 20, 10, 5, 3, 3, 1, 1, 10}
)

// gender weights (female, male, unknown) per category.
var genderWeights = [5][]float64{
	{92, 6, 2},  // sexual_exploitation
	{30, 66, 4}, // forced_labour
	{85, 12, 3}, // domestic_servitude
	{97, 1, 2},  // forced_marriage
	{50, 45, 5}, // other
}

var genders = []string{"female", "male", "unknown"}

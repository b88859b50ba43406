package sample

// The geography of the incidents: migration routes as IOM's Missing
// Migrants Project names them, each a polyline of real places along
// which background incidents are scattered, and the tight clusters
// planted on three of them.

// vertex is a point of a route's polyline with the name used in the
// free-text location column.
type vertex struct {
	lat, lon float64
	name     string
}

// route is one migration route of the incidents.
type route struct {
	name    string  // the Route column
	weight  float64 // share of background incidents (relative)
	sigmaKm float64 // spread around the polyline, truncated at 3 sigma
	sea     bool    // deaths are mostly drownings, UNSD region "Uncategorized"
	path    []vertex
	// region, unsd and country give the Region of Incident, UNSD region
	// and Country of Incident of a point of the route.
	region  func(lat, lon float64) string
	unsd    string
	country func(lat, lon float64) string
	origins []share // Country of Origin names; "Unknown" included
}

func fixed(s string) func(float64, float64) string { return func(float64, float64) string { return s } }

// routes are the background. Spreads are wide enough that the background
// stays below a few incidents per 10 km disc everywhere, so that DBSCAN
// with Truth.DBSCAN finds only the planted clusters.
var routes = []route{
	{
		name: "Central Mediterranean", weight: 20, sigmaKm: 60, sea: true,
		path:   []vertex{{33.00, 12.50, "Zuwara, Libya"}, {35.50, 12.60, "Lampedusa, Italy"}, {36.60, 14.60, "Pozzallo, Italy"}},
		region: fixed("Mediterranean"), unsd: "Uncategorized",
		country: func(lat, lon float64) string {
			switch {
			case lat < 34:
				return "Libya"
			case lon < 11.5 && lat < 37:
				return "Tunisia"
			}
			return "Italy"
		},
		origins: []share{{"Unknown", 60}, {"Nigeria", 6}, {"Eritrea", 6}, {"Sudan", 5}, {"Bangladesh", 5}, {"Guinea", 4}, {"Côte d'Ivoire", 4}, {"Mali", 4}, {"Egypt", 3}, {"Syrian Arab Republic", 3}},
	},
	{
		name: "Sahara Desert crossing", weight: 18, sigmaKm: 40,
		path: []vertex{{16.97, 7.99, "Agadez, Niger"}, {18.99, 12.89, "Dirkou, Niger"}, {27.04, 14.43, "Sabha, Libya"}, {31.75, 13.99, "Bani Walid, Libya"}},
		region: func(lat, lon float64) string {
			if lat < 23.5 {
				return "Western Africa"
			}
			return "Northern Africa"
		},
		unsd: "Northern Africa",
		country: func(lat, lon float64) string {
			if lat < 23.5 {
				return "Niger"
			}
			return "Libya"
		},
		origins: []share{{"Unknown", 55}, {"Niger", 10}, {"Nigeria", 8}, {"Mali", 7}, {"Sudan", 7}, {"Chad", 5}, {"Ghana", 4}, {"Senegal", 4}},
	},
	{
		name: "Western Mediterranean", weight: 8, sigmaKm: 35, sea: true,
		path:   []vertex{{36.00, -5.00, "Strait of Gibraltar"}, {36.30, -3.20, "Motril, Spain"}, {36.60, -1.50, "Almería, Spain"}},
		region: fixed("Mediterranean"), unsd: "Uncategorized",
		country: func(lat, lon float64) string {
			if lat < 36.2 {
				return "Morocco"
			}
			return "Spain"
		},
		origins: []share{{"Unknown", 50}, {"Morocco", 20}, {"Algeria", 20}, {"Guinea", 5}, {"Mali", 5}},
	},
	{
		name: "Western Africa / Atlantic route to the Canary Islands", weight: 7, sigmaKm: 50, sea: true,
		path:   []vertex{{23.70, -16.30, "Dakhla"}, {27.30, -14.00, "Tarfaya, Morocco"}, {28.10, -15.40, "Gran Canaria, Spain"}},
		region: fixed("Western Africa"), unsd: "Uncategorized",
		country: func(lat, lon float64) string {
			if lat > 27.6 {
				return "Spain"
			}
			return "Morocco"
		},
		origins: []share{{"Unknown", 60}, {"Senegal", 12}, {"Morocco", 10}, {"Mali", 8}, {"Guinea", 5}, {"Gambia", 5}},
	},
	{
		name: "Eastern Mediterranean", weight: 6, sigmaKm: 35, sea: true,
		path:   []vertex{{39.30, 26.45, "Lesvos, Greece"}, {37.75, 26.90, "Samos, Greece"}, {36.90, 27.30, "Kos, Greece"}},
		region: fixed("Mediterranean"), unsd: "Uncategorized", country: fixed("Greece"),
		origins: []share{{"Unknown", 45}, {"Syrian Arab Republic", 20}, {"Afghanistan", 20}, {"Iraq", 10}, {"Somalia", 5}},
	},
	{
		name: "Western Balkans", weight: 4, sigmaKm: 30,
		path:   []vertex{{46.10, 19.70, "Subotica, Serbia"}, {44.80, 20.45, "Belgrade, Serbia"}, {44.80, 15.90, "Bihać, Bosnia and Herzegovina"}},
		region: fixed("Europe"), unsd: "Southern Europe",
		country: func(lat, lon float64) string {
			if lon > 19.3 {
				return "Serbia"
			}
			return "Bosnia and Herzegovina"
		},
		origins: []share{{"Unknown", 40}, {"Afghanistan", 25}, {"Syrian Arab Republic", 15}, {"Pakistan", 15}, {"Morocco", 5}},
	},
	{
		name: "Türkiye-Europe land route", weight: 2.5, sigmaKm: 35,
		path:   []vertex{{41.00, 28.90, "Istanbul, Türkiye"}, {41.67, 26.56, "Edirne, Türkiye"}, {40.85, 26.10, "Evros river, Greece"}},
		region: fixed("Europe"), unsd: "Western Asia",
		country: func(lat, lon float64) string {
			if lon < 26.3 {
				return "Greece"
			}
			return "Türkiye"
		},
		origins: []share{{"Unknown", 40}, {"Afghanistan", 20}, {"Pakistan", 15}, {"Syrian Arab Republic", 15}, {"Morocco", 10}},
	},
	{
		name: "US-Mexico border crossing", weight: 24, sigmaKm: 30,
		path: []vertex{{32.65, -114.60, "Yuma, Arizona"}, {31.35, -110.95, "Nogales, Arizona"}, {31.76, -106.48, "El Paso, Texas"},
			{29.40, -100.90, "Del Rio, Texas"}, {26.20, -98.20, "McAllen, Texas"}},
		region: fixed("North America"), unsd: "Northern America", country: fixed("United States of America"),
		origins: []share{{"Unknown", 45}, {"Mexico", 30}, {"Guatemala", 10}, {"Honduras", 10}, {"El Salvador", 5}},
	},
	{
		name: "Darien", weight: 1.6, sigmaKm: 30,
		path:   []vertex{{8.65, -77.35, "Capurganá, Colombia"}, {8.16, -77.69, "Yaviza, Panama"}, {8.50, -78.00, "Metetí, Panama"}},
		region: fixed("Central America"), unsd: "Central America", country: fixed("Panama"),
		origins: []share{{"Unknown", 40}, {"Venezuela (Bolivarian Republic of)", 30}, {"Haiti", 15}, {"Ecuador", 15}},
	},
	{
		name: "Eastern Route to/from EHOA", weight: 3, sigmaKm: 30, sea: true,
		path:   []vertex{{11.98, 43.45, "Obock, Djibouti"}, {13.40, 46.80, "Gulf of Aden off Yemen"}},
		region: fixed("Eastern Africa"), unsd: "Uncategorized",
		country: func(lat, lon float64) string {
			if lon < 43.8 {
				return "Djibouti"
			}
			return "Yemen"
		},
		origins: []share{{"Unknown", 30}, {"Ethiopia", 50}, {"Somalia", 20}},
	},
	{
		name: "Bay of Bengal/Andaman Sea", weight: 2.5, sigmaKm: 40, sea: true,
		path:   []vertex{{20.00, 92.20, "Sittwe, Myanmar"}, {15.00, 94.00, "Andaman Sea"}, {9.00, 97.00, "Ranong, Thailand"}},
		region: fixed("South-eastern Asia"), unsd: "Uncategorized",
		country: func(lat, lon float64) string {
			if lat > 12 {
				return "Myanmar"
			}
			return "Thailand"
		},
		origins: []share{{"Unknown", 30}, {"Myanmar", 55}, {"Bangladesh", 15}},
	},
	{
		name: "Mainland Europe to the UK", weight: 1.2, sigmaKm: 15,
		path:   []vertex{{49.50, 0.15, "Le Havre, France"}, {50.72, 1.60, "Boulogne-sur-Mer, France"}, {51.05, 2.35, "Dunkirk, France"}},
		region: fixed("Europe"), unsd: "Western Europe", country: fixed("France"),
		origins: []share{{"Unknown", 40}, {"Iraq", 20}, {"Afghanistan", 15}, {"Sudan", 15}, {"Eritrea", 10}},
	},
}

// plantedCluster is a tight group of incidents at one place of a route.
type plantedCluster struct {
	name     string
	lat, lon float64
	radiusKm float64
	route    int     // index into routes
	frac     float64 // share of all incidents
}

// clusters are the planted point clusters: places where many deaths are
// recorded close together, as off the Libyan coast, in the Arizona desert
// and on the Channel coast.
var clusters = []plantedCluster{
	{"Central Mediterranean off Zuwara", 33.20, 12.10, 10, 0, 0.07},
	{"Sonoran Desert near Sasabe", 31.62, -111.45, 12, 7, 0.06},
	{"English Channel off Calais", 50.98, 1.80, 8, 11, 0.05},
}

// dbscan are parameters that recover the clusters: eps is as large as
// the smallest cluster's radius, so each cluster is one dense component,
// and min_points is several times the background's expected count in an
// eps disc (at most about 3 on the densest route), so the background
// stays noise.
var dbscan = DBSCANParams{EpsKm: 10, MinPoints: 12}

// regionOfOrigin is IOM's Region of Origin for the origin names used.
var regionOfOrigin = map[string]string{
	"Afghanistan": "Southern Asia", "Algeria": "Northern Africa", "Bangladesh": "Southern Asia",
	"Chad": "Middle Africa", "Côte d'Ivoire": "Western Africa", "Ecuador": "South America",
	"Egypt": "Northern Africa", "El Salvador": "Central America", "Eritrea": "Eastern Africa",
	"Ethiopia": "Eastern Africa", "Gambia": "Western Africa", "Ghana": "Western Africa",
	"Guatemala": "Central America", "Guinea": "Western Africa", "Haiti": "Caribbean",
	"Honduras": "Central America", "Iraq": "Western Asia", "Mali": "Western Africa",
	"Mexico": "Central America", "Morocco": "Northern Africa", "Myanmar": "South-eastern Asia",
	"Niger": "Western Africa", "Nigeria": "Western Africa", "Pakistan": "Southern Asia",
	"Senegal": "Western Africa", "Somalia": "Eastern Africa", "Sudan": "Northern Africa",
	"Syrian Arab Republic": "Western Asia", "Venezuela (Bolivarian Republic of)": "South America",
	"Unknown": "Unknown",
}

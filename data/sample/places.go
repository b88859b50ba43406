package sample

// This file holds the hand-made geography of the sample: the cities where
// background cases are placed and, per country of exploitation, where its
// victims come from. Coordinates are WGS84 degrees of a point in or beside
// the city, chosen (and for coastal cities moved a few km inland) so that a
// jitter of sigmaKm, truncated at 2.5 sigma, stays on land inside the same
// country; TestPointsOnLand checks every generated point against Natural
// Earth's 1:50m countries. The origin mixes are rough shapes of what CTDC,
// UNODC's global reports and the Global Slavery Index describe (many
// Central Americans in the United States, Ukrainians and Moldovans in
// Eastern Europe, South and South-East Asians in the Gulf); they are
// plausible, not statistics.

// city is a place where background cases with coordinates are jittered.
type city struct {
	name     string
	lat, lon float64
	sigmaKm  float64
}

// share is one weighted choice of a country (ISO alpha-3).
type share struct {
	iso3 string
	w    float64
}

// Exploitation types, in the order of the mixes below.
var categories = [...]string{"sexual_exploitation", "forced_labour", "domestic_servitude", "forced_marriage", "other"}

// Mixes of exploitation types (weights in the order of categories).
var (
	mixDefault = [5]float64{45, 35, 10, 4, 6}
	mixSexual  = [5]float64{72, 17, 5, 3, 3}
	mixLabour  = [5]float64{18, 68, 7, 2, 5}
	mixGulf    = [5]float64{8, 48, 40, 1, 3}
	mixMarry   = [5]float64{30, 30, 5, 30, 5}
	mixScam    = [5]float64{4, 86, 2, 1, 7} // forced criminality in scam compounds is recorded as forced labour
	mixHouston = [5]float64{52, 33, 10, 2, 3}
)

// destination describes the background cases exploited in one country.
type destination struct {
	iso3     string
	weight   float64 // share of background cases (relative)
	domestic float64 // share of its victims who are its own citizens
	origins  []share // where the foreign victims come from
	mix      *[5]float64
	cities   []city // places for cases with coordinates; none means country-level only
}

// destinations is the background world. The countries and cities of the
// planted hotspots appear here too, but their cities are not listed, so
// no background point falls near a planted one; Italy's origins leave
// out Nigeria, so every Nigeria -> Italy case is the planted corridor.
var destinations = []destination{
	// North America
	{"USA", 14, 0.5, []share{{"MEX", 30}, {"HND", 14}, {"GTM", 14}, {"SLV", 8}, {"PHL", 8}, {"CHN", 6}, {"IND", 5}, {"THA", 5}, {"HTI", 5}, {"NGA", 5}}, &mixDefault, []city{
		{"Atlanta", 33.749, -84.388, 10},
		{"Chicago", 41.850, -87.760, 8}, // west of the Loop, away from the lake
		{"Los Angeles", 34.060, -118.200, 6},
		{"Las Vegas", 36.170, -115.140, 8},
		{"Dallas", 32.780, -96.800, 10},
		{"Phoenix", 33.450, -112.070, 10},
		{"Denver", 39.740, -104.990, 8},
		{"Orlando", 28.540, -81.380, 8},
	}},
	{"CAN", 2, 0.35, []share{{"MEX", 15}, {"PHL", 20}, {"CHN", 20}, {"IND", 20}, {"HTI", 10}, {"KOR", 5}}, &mixDefault, []city{
		{"Toronto", 43.720, -79.450, 6}, // north of the lakeshore
		{"Calgary", 51.050, -114.070, 8},
	}},
	// Latin America
	{"MEX", 4, 0.6, []share{{"GTM", 30}, {"HND", 30}, {"SLV", 15}, {"VEN", 10}, {"CUB", 10}, {"COL", 5}}, &mixDefault, []city{
		{"Mexico City", 19.430, -99.130, 10},
		{"Guadalajara", 20.670, -103.350, 8},
		{"Monterrey", 25.670, -100.310, 8},
	}},
	{"GTM", 1.5, 0.6, []share{{"HND", 40}, {"SLV", 40}, {"NIC", 20}}, &mixDefault, []city{
		{"Guatemala City", 14.630, -90.510, 6},
	}},
	{"COL", 2, 0.5, []share{{"VEN", 80}, {"ECU", 20}}, &mixDefault, []city{
		{"Bogota", 4.710, -74.070, 8},
		{"Medellin", 6.250, -75.570, 6},
	}},
	{"BRA", 2.5, 0.7, []share{{"BOL", 30}, {"PRY", 20}, {"HTI", 20}, {"VEN", 20}, {"CHN", 10}}, &mixLabour, []city{
		{"Sao Paulo", -23.550, -46.630, 10},
		{"Brasilia", -15.790, -47.880, 8},
	}},
	{"ARG", 1.5, 0.5, []share{{"BOL", 40}, {"PRY", 40}, {"DOM", 20}}, &mixDefault, []city{
		{"Buenos Aires", -34.660, -58.600, 6}, // west of the Rio de la Plata shore
		{"Cordoba", -31.420, -64.190, 8},
	}},
	{"CHL", 1, 0.3, []share{{"BOL", 30}, {"PER", 30}, {"COL", 20}, {"HTI", 20}}, &mixDefault, []city{
		{"Santiago", -33.450, -70.670, 8},
	}},
	// Western and Southern Europe
	{"GBR", 5, 0.3, []share{{"ALB", 25}, {"VNM", 20}, {"ROU", 15}, {"NGA", 10}, {"ERI", 10}, {"SDN", 10}, {"POL", 10}}, &mixDefault, []city{
		{"London", 51.507, -0.128, 10},
		{"Birmingham", 52.490, -1.890, 8},
		{"Manchester", 53.480, -2.240, 6},
	}},
	{"DEU", 4, 0.2, []share{{"ROU", 25}, {"BGR", 25}, {"NGA", 10}, {"POL", 10}, {"HUN", 10}, {"SYR", 10}, {"AFG", 10}}, &mixSexual, []city{
		{"Berlin", 52.520, 13.405, 10},
		{"Frankfurt", 50.110, 8.680, 8},
		{"Munich", 48.140, 11.580, 8},
	}},
	{"NLD", 2, 0.3, []share{{"ROU", 20}, {"BGR", 20}, {"NGA", 20}, {"POL", 20}, {"ERI", 20}}, &mixSexual, []city{
		{"Utrecht", 52.090, 5.120, 6},
	}},
	{"BEL", 1.5, 0.2, []share{{"ROU", 25}, {"NGA", 25}, {"MAR", 20}, {"BGR", 15}, {"ALB", 15}}, &mixSexual, []city{
		{"Brussels", 50.850, 4.350, 6},
	}},
	{"FRA", 3, 0.25, []share{{"ROU", 20}, {"NGA", 20}, {"CHN", 15}, {"MAR", 15}, {"BRA", 10}, {"CMR", 10}, {"CIV", 10}}, &mixSexual, []city{
		{"Paris", 48.857, 2.352, 10},
		{"Lyon", 45.760, 4.840, 8},
	}},
	{"ESP", 3, 0.2, []share{{"ROU", 25}, {"PRY", 15}, {"COL", 15}, {"MAR", 15}, {"CHN", 10}, {"VEN", 10}, {"BRA", 10}}, &mixSexual, []city{
		{"Madrid", 40.420, -3.700, 10},
		{"Seville", 37.390, -5.990, 6},
	}},
	{"ITA", 4, 0.15, []share{{"ROU", 30}, {"ALB", 20}, {"CHN", 15}, {"MAR", 10}, {"BGD", 10}, {"EGY", 10}, {"UKR", 5}}, &mixDefault, []city{
		{"Milan", 45.460, 9.190, 8},
		{"Bologna", 44.490, 11.340, 6},
		{"Florence", 43.770, 11.250, 6},
	}},
	{"GRC", 1, 0.1, []share{{"ALB", 30}, {"BGR", 20}, {"ROU", 20}, {"PAK", 15}, {"AFG", 15}}, &mixDefault, []city{
		{"Larissa", 39.640, 22.420, 6},
	}},
	// Eastern Europe and Central Asia
	{"POL", 1.5, 0.3, []share{{"UKR", 60}, {"BLR", 20}, {"VNM", 20}}, &mixLabour, []city{
		{"Warsaw", 52.230, 21.010, 8},
		{"Krakow", 50.060, 19.940, 6},
	}},
	{"ROU", 1.5, 0.9, []share{{"MDA", 100}}, &mixSexual, []city{
		{"Bucharest", 44.430, 26.100, 8},
		{"Cluj-Napoca", 46.770, 23.600, 6},
	}},
	{"MDA", 2, 0.85, []share{{"UKR", 100}}, &mixDefault, []city{
		{"Chisinau", 47.010, 28.860, 6},
	}},
	{"UKR", 3, 0.85, []share{{"MDA", 50}, {"BLR", 30}, {"RUS", 20}}, &mixLabour, []city{
		{"Kyiv", 50.450, 30.520, 10},
		{"Dnipro", 48.460, 35.040, 8},
	}},
	{"RUS", 2, 0.2, []share{{"UZB", 30}, {"TJK", 25}, {"KGZ", 20}, {"UKR", 15}, {"MDA", 10}}, &mixLabour, []city{
		{"Yekaterinburg", 56.840, 60.610, 8},
		{"Novosibirsk", 55.030, 82.920, 8},
	}},
	{"TUR", 2, 0.2, []share{{"SYR", 30}, {"AFG", 20}, {"UZB", 15}, {"MDA", 10}, {"GEO", 10}, {"IRN", 15}}, &mixDefault, []city{
		{"Ankara", 39.930, 32.860, 10},
		{"Konya", 37.870, 32.480, 8},
	}},
	// Middle East
	{"SAU", 3, 0, []share{{"IND", 20}, {"PHL", 20}, {"IDN", 15}, {"BGD", 15}, {"ETH", 15}, {"PAK", 10}, {"LKA", 5}}, &mixGulf, []city{
		{"Riyadh", 24.710, 46.680, 10},
	}},
	{"ARE", 3, 0, []share{{"IND", 25}, {"PHL", 20}, {"PAK", 15}, {"NPL", 10}, {"BGD", 10}, {"UGA", 10}, {"KEN", 10}}, &mixGulf, []city{
		{"Dubai", 25.120, 55.380, 5}, // inland from the creek and the Gulf shore
	}},
	{"QAT", 1.5, 0, []share{{"NPL", 30}, {"IND", 25}, {"BGD", 20}, {"PHL", 15}, {"KEN", 10}}, &mixGulf, []city{
		{"Al Rayyan", 25.290, 51.420, 5}, // west of Doha's shore
	}},
	{"JOR", 1, 0.1, []share{{"SYR", 30}, {"EGY", 25}, {"PHL", 15}, {"BGD", 15}, {"LKA", 15}}, &mixGulf, []city{
		{"Amman", 31.950, 35.930, 6},
	}},
	// Africa
	{"NGA", 2, 0.9, []share{{"BEN", 30}, {"NER", 30}, {"TGO", 20}, {"GHA", 20}}, &mixDefault, []city{
		{"Abuja", 9.060, 7.490, 8},
		{"Kano", 12.000, 8.520, 8},
	}},
	{"GHA", 1.5, 0.9, []share{{"TGO", 40}, {"BFA", 30}, {"NGA", 30}}, &mixLabour, []city{
		{"Kumasi", 6.690, -1.620, 6},
	}},
	{"ZAF", 1.5, 0.5, []share{{"ZWE", 30}, {"MOZ", 25}, {"LSO", 15}, {"MWI", 15}, {"CHN", 15}}, &mixDefault, []city{
		{"Johannesburg", -26.200, 28.050, 10},
		{"Pretoria", -25.750, 28.190, 6},
	}},
	{"KEN", 1, 0.7, []share{{"UGA", 40}, {"ETH", 30}, {"TZA", 30}}, &mixDefault, []city{
		{"Nairobi", -1.290, 36.820, 8},
	}},
	{"ETH", 0.8, 0.95, []share{{"ERI", 100}}, &mixLabour, []city{
		{"Addis Ababa", 9.030, 38.740, 8},
	}},
	{"EGY", 1, 0.6, []share{{"SDN", 40}, {"ERI", 20}, {"ETH", 20}, {"SYR", 20}}, &mixDefault, []city{
		{"Cairo", 30.040, 31.240, 8},
	}},
	{"LBY", 2, 0, []share{{"NGA", 20}, {"NER", 20}, {"SDN", 15}, {"ERI", 15}, {"TCD", 10}, {"GHA", 10}, {"BGD", 10}}, &mixLabour, []city{
		{"Sabha", 27.040, 14.430, 8},
	}},
	{"MAR", 0.7, 0.3, []share{{"SEN", 25}, {"CIV", 25}, {"GIN", 25}, {"CMR", 25}}, &mixDefault, []city{
		{"Marrakesh", 31.630, -7.990, 8},
	}},
	{"UGA", 0.7, 0.8, []share{{"KEN", 30}, {"COD", 30}, {"RWA", 20}, {"SSD", 20}}, &mixDefault, []city{
		{"Kampala", 0.350, 32.560, 5}, // north of Lake Victoria's shore
	}},
	{"NER", 0.5, 0.6, []share{{"NGA", 50}, {"MLI", 50}}, &mixLabour, []city{
		{"Niamey", 13.510, 2.110, 6},
	}},
	{"SDN", 0.5, 0.5, []share{{"ERI", 50}, {"ETH", 30}, {"SSD", 20}}, &mixLabour, []city{
		{"Khartoum", 15.500, 32.560, 8},
	}},
	// South Asia
	{"IND", 4, 0.85, []share{{"NPL", 50}, {"BGD", 50}}, &mixLabour, []city{
		{"Delhi", 28.610, 77.210, 10},
		{"Bengaluru", 12.970, 77.590, 8},
		{"Hyderabad", 17.390, 78.490, 8},
	}},
	{"PAK", 1.5, 0.9, []share{{"AFG", 60}, {"BGD", 40}}, &mixLabour, []city{
		{"Islamabad", 33.680, 73.050, 6},
	}},
	{"BGD", 1, 0.9, []share{{"MMR", 100}}, &mixLabour, []city{
		{"Dhaka", 23.810, 90.410, 6},
	}},
	{"NPL", 0.8, 0.95, []share{{"IND", 100}}, &mixDefault, []city{
		{"Kathmandu", 27.720, 85.320, 5},
	}},
	// South-East and East Asia
	{"THA", 3, 0.3, []share{{"MMR", 40}, {"KHM", 25}, {"LAO", 25}, {"VNM", 10}}, &mixLabour, []city{
		{"Bangkok", 13.780, 100.520, 8},
		{"Chiang Mai", 18.790, 98.980, 6},
	}},
	{"KHM", 1, 0.4, []share{{"VNM", 40}, {"THA", 30}, {"CHN", 30}}, &mixDefault, []city{
		{"Battambang", 13.100, 103.200, 6},
	}},
	{"VNM", 1, 0.8, []share{{"KHM", 40}, {"LAO", 30}, {"CHN", 30}}, &mixDefault, []city{
		{"Hanoi", 21.030, 105.850, 8},
	}},
	{"MMR", 0.8, 0.95, []share{{"CHN", 50}, {"THA", 50}}, &mixDefault, []city{
		{"Mandalay", 21.960, 96.090, 6},
	}},
	{"MYS", 2.5, 0.1, []share{{"IDN", 30}, {"BGD", 20}, {"MMR", 15}, {"NPL", 15}, {"PHL", 10}, {"VNM", 10}}, &mixLabour, []city{
		{"Kuala Lumpur", 3.140, 101.690, 6},
	}},
	{"IDN", 2, 0.85, []share{{"MMR", 30}, {"KHM", 30}, {"THA", 40}}, &mixLabour, []city{
		{"Bandung", -6.910, 107.610, 6},
		{"Yogyakarta", -7.800, 110.370, 5},
	}},
	{"PHL", 3, 0.9, []share{{"CHN", 50}, {"VNM", 50}}, &mixSexual, []city{
		{"Quezon City", 14.680, 121.050, 5}, // east of Manila Bay
		{"Angeles City", 15.150, 120.590, 5},
	}},
	{"CHN", 2, 0.4, []share{{"VNM", 30}, {"MMR", 25}, {"LAO", 15}, {"MNG", 10}, {"IDN", 10}, {"KHM", 10}}, &mixMarry, []city{
		{"Beijing", 39.900, 116.410, 10},
		{"Guangzhou", 23.130, 113.260, 8},
		{"Kunming", 25.040, 102.710, 6},
	}},
	{"JPN", 1, 0.3, []share{{"PHL", 40}, {"THA", 20}, {"VNM", 30}, {"CHN", 10}}, &mixDefault, []city{
		{"Tokyo", 35.700, 139.550, 6}, // western wards, away from the bay
		{"Nagoya", 35.180, 136.910, 4},
	}},
	{"KOR", 1, 0.4, []share{{"PHL", 30}, {"THA", 25}, {"VNM", 25}, {"UZB", 10}, {"RUS", 10}}, &mixDefault, []city{
		{"Seoul", 37.570, 126.980, 6},
	}},
	// Oceania
	{"AUS", 1, 0.3, []share{{"CHN", 25}, {"THA", 20}, {"MYS", 15}, {"KOR", 15}, {"PHL", 15}, {"VNM", 10}}, &mixDefault, []city{
		{"Parramatta", -33.810, 151.000, 6}, // western Sydney
		{"Melbourne", -37.760, 144.900, 5},
	}},
}

// transitFor returns a plausible ;-separated transit list for a
// cross-border background case, or "" when the route is usually direct.
func transitFor(origin, dest string) string {
	switch dest {
	case "USA", "CAN":
		switch origin {
		case "HND", "SLV", "NIC":
			return "GTM;MEX"
		case "GTM":
			return "MEX"
		}
	case "MEX":
		switch origin {
		case "HND", "SLV", "NIC":
			return "GTM"
		}
	case "GBR", "DEU", "NLD", "BEL", "FRA", "ESP", "ITA":
		switch origin {
		case "AFG", "PAK", "SYR", "IRN":
			return "TUR;GRC"
		case "ERI", "SDN":
			return "LBY;ITA"
		case "ALB", "VNM":
			if dest == "GBR" {
				return "FRA"
			}
		}
	case "GRC":
		switch origin {
		case "AFG", "PAK":
			return "TUR"
		}
	case "MYS":
		switch origin {
		case "MMR", "BGD":
			return "THA"
		}
	}
	return ""
}

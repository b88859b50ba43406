package sample

// Truth describes what a sample contains and what was planted in it, so
// that tests of later stages can check that they recover it. It is
// written as truth.json. Counts are exact: they are tallied from the rows
// as they are written, not from the plan.
type Truth struct {
	Generator string `json:"generator"` // "htmap sample"
	Config    Config `json:"config"`

	Files Files `json:"files"`

	// Hotspots are the planted concentrations of geocoded cases. No other
	// geocoded case lies within 150 km of their centres, so every case
	// within RadiusKm of a centre is planted and nothing else is.
	Hotspots []Hotspot `json:"hotspots"`
	// Corridors are planted origin -> destination flows of cases. Every
	// case with this origin and destination is planted.
	Corridors []Corridor `json:"corridors"`
	// Clusters are planted tight groups of incidents for point clustering.
	Clusters []Cluster `json:"clusters"`
	// DBSCAN gives parameters with which DBSCAN (haversine distance,
	// min_points counting the point itself, every row weight 1) finds
	// exactly the planted clusters and leaves the background as noise.
	DBSCAN DBSCANParams `json:"dbscan"`

	// Invalid lists the case rows written broken on purpose; ingest must
	// reject exactly these and accept every other row.
	Invalid []InvalidRow `json:"invalid_rows"`
	// NotesMarker occurs in every non-empty value of the cases' notes
	// column and nowhere else, so a test can assert that no output of a
	// run contains it (the column must be dropped at ingest).
	NotesMarker string `json:"notes_marker"`
}

// Files counts the rows of each file written.
type Files struct {
	Cases     CasesFile     `json:"cases"`
	Incidents IncidentsFile `json:"incidents"`
	Flows     FlowsFile     `json:"flows"`
}

// CasesFile describes cases.csv.
type CasesFile struct {
	Name           string `json:"name"`
	Rows           int64  `json:"rows"`             // data rows, header excluded
	ValidRows      int64  `json:"valid_rows"`       // Rows minus the invalid rows
	Count          int64  `json:"count"`            // sum of count over valid rows
	CoordinateRows int64  `json:"coordinate_rows"`  // valid rows with lat and lon
	Domestic       int64  `json:"domestic_rows"`    // valid rows with citizenship = exploitation_country
	UnknownOrigin  int64  `json:"unknown_origin"`   // valid rows with empty citizenship
	TransitRows    int64  `json:"transit_rows"`     // valid rows with a transit list
	YearOnlyDates  int64  `json:"year_only_dates"`  // valid rows dated YYYY
	MonthOnlyDates int64  `json:"month_only_dates"` // valid rows dated YYYY-MM
}

// IncidentsFile describes incidents.csv.
type IncidentsFile struct {
	Name  string `json:"name"`
	Rows  int64  `json:"rows"`
	Count int64  `json:"count"` // sum of dead plus missing
}

// FlowsFile describes flows.csv (Rows is 0 when flows were not written).
type FlowsFile struct {
	Name        string `json:"name"`
	Rows        int64  `json:"rows"`
	SameCountry int64  `json:"same_country_rows"` // origin = destination, which ingest sets aside
}

// Trends of a planted hotspot, in the words of Emerging Hot Spot Analysis.
const (
	TrendPersistent   = "persistent"
	TrendIntensifying = "intensifying"
	TrendDiminishing  = "diminishing"
)

// Hotspot is a planted concentration of geocoded cases around a point.
// Its cases have count 1, so Count is also its number of rows.
type Hotspot struct {
	Name     string  `json:"name"`
	Lon      float64 `json:"lon"`
	Lat      float64 `json:"lat"`
	RadiusKm float64 `json:"radius_km"` // every planted point is within this haversine distance
	ISO3     string  `json:"iso3"`      // country of exploitation of all its cases
	Trend    string  `json:"trend"`     // TrendPersistent, TrendIntensifying or TrendDiminishing
	Years    []int   `json:"years"`     // years with planted cases
	Yearly   []int64 `json:"yearly"`    // count per year, parallel to Years
	Count    int64   `json:"count"`     // total
}

// Corridor is a planted flow of cases from one country to another.
type Corridor struct {
	Origin      string   `json:"origin"`      // ISO alpha-3 citizenship
	Destination string   `json:"destination"` // ISO alpha-3 country of exploitation
	Transit     []string `json:"transit"`     // the usual transit countries, in order
	Rows        int64    `json:"rows"`
	Count       int64    `json:"count"`        // sum of the count column
	TransitRows int64    `json:"transit_rows"` // rows that carry a transit list
	ViaTransit  int64    `json:"via_transit"`  // rows whose transit list is exactly Transit
	NextLargest int64    `json:"next_largest"` // count of the largest other cross-border pair
}

// Cluster is a planted tight group of incidents.
type Cluster struct {
	Name     string  `json:"name"`
	Lon      float64 `json:"lon"`
	Lat      float64 `json:"lat"`
	RadiusKm float64 `json:"radius_km"` // every planted incident is within this distance
	Route    string  `json:"route"`
	N        int64   `json:"n"`     // incidents
	Count    int64   `json:"count"` // dead plus missing
}

// DBSCANParams are clustering parameters that recover the planted clusters.
type DBSCANParams struct {
	EpsKm     float64 `json:"eps_km"`
	MinPoints int     `json:"min_points"`
}

// InvalidRow is a case row written broken on purpose.
type InvalidRow struct {
	Line   int64  `json:"line"` // 1-based line of cases.csv (the header is line 1)
	CaseID string `json:"case_id"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

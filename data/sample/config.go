package sample

import "fmt"

// Config says what to generate. The zero value is not useful; start from
// DefaultConfig.
type Config struct {
	Seed      uint64 `json:"seed"`
	Cases     int    `json:"cases"`     // data rows of cases.csv, invalid rows included
	Incidents int    `json:"incidents"` // data rows of incidents.csv
	Flows     bool   `json:"flows"`     // whether to write flows.csv
	StartYear int    `json:"start_year"`
	EndYear   int    `json:"end_year"` // inclusive
}

// DefaultConfig is the configuration of the embedded sample: seed 1,
// 20,000 cases, 3,000 incidents, flows, years 2015 to 2024.
func DefaultConfig() Config {
	return Config{Seed: 1, Cases: 20000, Incidents: 3000, Flows: true, StartYear: 2015, EndYear: 2024}
}

// Limits of a Config. Trends need several years; the year range is kept
// to four-digit years that every date parser accepts.
const (
	minYear  = 1900
	maxYear  = 2100
	maxYears = 50
)

// validate reports the first thing wrong with c.
func (c Config) validate() error {
	switch {
	case c.Cases < 0:
		return fmt.Errorf("sample: cases must not be negative (got %d)", c.Cases)
	case c.Incidents < 0:
		return fmt.Errorf("sample: incidents must not be negative (got %d)", c.Incidents)
	case c.StartYear < minYear || c.EndYear > maxYear:
		return fmt.Errorf("sample: years %d..%d outside %d..%d", c.StartYear, c.EndYear, minYear, maxYear)
	case c.EndYear < c.StartYear:
		return fmt.Errorf("sample: end year %d before start year %d", c.EndYear, c.StartYear)
	case c.EndYear-c.StartYear+1 > maxYears:
		return fmt.Errorf("sample: at most %d years (got %d)", maxYears, c.EndYear-c.StartYear+1)
	}
	return nil
}

// years returns the number of years covered.
func (c Config) years() int { return c.EndYear - c.StartYear + 1 }

// scale is how much larger than the default 20,000 cases this sample is;
// planted signals grow with it so their share of the data stays the same.
func (c Config) scale() float64 { return float64(c.Cases) / 20000 }

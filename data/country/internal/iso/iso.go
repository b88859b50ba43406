// Package iso is the one list of country codes that both the generator and
// the country package use, so the embedded boundaries and the runtime table
// can never disagree about which codes exist.
//
// The list is github.com/biter777/countries minus the two codes ISO 3166-1
// withdrew (ANT Netherlands Antilles, YUG Yugoslavia), with shorter English
// names where the library carries an official long form, and Kosovo kept as
// XKX without a numeric code (ISO assigns none; the library's 900 is private).
package iso

import (
	"sort"

	"github.com/biter777/countries"
)

// Code is one ISO 3166-1 entry.
type Code struct {
	ISO3, ISO2 string
	Numeric    int
	Name       string
}

// withdrawn codes are not current ISO 3166-1 entries.
var withdrawn = map[string]bool{"ANT": true, "YUG": true}

// shortNames replaces the library's name where it is a long official form,
// an outdated name or an odd word order.
var shortNames = map[string]string{
	"BES": "Bonaire, Sint Eustatius and Saba",
	"BLM": "Saint Barthélemy",
	"BOL": "Bolivia",
	"CIV": "Côte d'Ivoire",
	"CPV": "Cabo Verde",
	"CUW": "Curaçao",
	"FLK": "Falkland Islands",
	"FSM": "Micronesia (Federated States of)",
	"HKG": "Hong Kong",
	"IMN": "Isle of Man",
	"IRN": "Iran",
	"KOR": "South Korea",
	"LAO": "Laos",
	"LBY": "Libya",
	"MAC": "Macao",
	"MAF": "Saint Martin (French part)",
	"MDA": "Moldova",
	"MKD": "North Macedonia",
	"PRK": "North Korea",
	"PSE": "Palestine",
	"REU": "Réunion",
	"RUS": "Russia",
	"SGS": "South Georgia and the South Sandwich Islands",
	"SJM": "Svalbard and Jan Mayen",
	"SWZ": "Eswatini",
	"SXM": "Sint Maarten (Dutch part)",
	"SYR": "Syria",
	"TLS": "Timor-Leste",
	"TUR": "Türkiye",
	"TWN": "Taiwan",
	"TZA": "Tanzania",
	"VAT": "Holy See",
	"VGB": "British Virgin Islands",
	"VIR": "United States Virgin Islands",
	"VNM": "Viet Nam",
	"WLF": "Wallis and Futuna",
	"ALA": "Åland Islands",
	"BRN": "Brunei",
	"COD": "Democratic Republic of the Congo",
	"UMI": "United States Minor Outlying Islands",
}

// All returns every current code, sorted by ISO3.
func All() []Code {
	var out []Code
	for _, c := range countries.All() {
		a3 := c.Alpha3()
		if withdrawn[a3] {
			continue
		}
		code := Code{ISO3: a3, ISO2: c.Alpha2(), Numeric: int(c), Name: c.String()}
		if n, ok := shortNames[a3]; ok {
			code.Name = n
		}
		if a3 == "XKX" {
			code.Numeric = 0
		}
		out = append(out, code)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO3 < out[j].ISO3 })
	return out
}

package country

import "github.com/biter777/countries"

// libraryNames returns [name, alpha-3] for the English names of
// github.com/biter777/countries, some of which are long official forms
// ("Iran (Islamic Republic of)") worth accepting as input.
func libraryNames() [][2]string {
	var out [][2]string
	for _, c := range countries.All() {
		switch a3 := c.Alpha3(); a3 {
		case "ANT", "YUG":
			// withdrawn from ISO 3166-1
		default:
			out = append(out, [2]string{c.String(), a3})
		}
	}
	return out
}

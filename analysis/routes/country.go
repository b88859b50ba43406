package routes

import "github.com/htmap/htmap/data/country"

// CountryPlace places an ISO 3166 alpha-3 code at data/country's
// representative point (a pole of inaccessibility, always on land, which
// for Fiji lies on Viti Levu west of the antimeridian). It is a Locator.
func CountryPlace(iso3 string) (Place, bool) {
	c, ok := country.Lookup(iso3)
	if !ok {
		return Place{}, false
	}
	return Place{ID: c.ISO3, Name: c.Name, Kind: PlaceCountry, Point: c.Point}, true
}

// CountryNeighbours lists a country's land neighbours from data/country,
// for HotspotOptions.Neighbours. Islands have none, so their flows are
// their own neighbourhood unless a distance band is used instead.
func CountryNeighbours(iso3 string) []string { return country.Neighbours(iso3) }

// Chain returns a Locator that asks each locator in turn: countries first,
// then the cells of point data, for instance.
func Chain(ls ...Locator) Locator {
	return func(id string) (Place, bool) {
		for _, l := range ls {
			if p, ok := l(id); ok {
				return p, true
			}
		}
		return Place{}, false
	}
}

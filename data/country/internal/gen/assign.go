package gen

import (
	"fmt"
	"strconv"
)

// featureCodes decides the alpha-3 code of the Natural Earth features that
// carry no ISO numeric id in world-atlas. An empty code means "decide per
// polygon" (see polygonCode).
var featureCodes = map[string]string{
	"Somaliland":        "SOM", // de facto state, ISO and the UN count it as Somalia
	"N. Cyprus":         "CYP", // recognised only by Türkiye; ISO counts it as Cyprus
	"Kosovo":            "XKX", // user-assigned code used by the World Bank, GSI, EU
	"Siachen Glacier":   "IND", // disputed, administered by India
	"Indian Ocean Ter.": "",    // Christmas Island (CXR) and Cocos Islands (CCK)
}

// polygonCode moves the overseas parts that Natural Earth keeps inside a
// sovereign feature to their own ISO 3166-1 code, so a death off Mayotte is
// not drawn in Paris. cx, cy is the centre of the polygon's bounding box.
func polygonCode(code string, cx, cy float64) string {
	switch code {
	case "":
		// Indian Ocean Ter.: Christmas Island lies east of 100E, Cocos west.
		if cx > 100 {
			return "CXR"
		}
		return "CCK"
	case "FRA":
		switch {
		case cx < -50 && cy > 0 && cy < 7:
			return "GUF"
		case cx < -60 && cy > 15.5 && cy < 17:
			return "GLP"
		case cx < -60 && cy > 14 && cy < 15.2:
			return "MTQ"
		case cx > 54 && cx < 57 && cy < -20 && cy > -22:
			return "REU"
		case cx > 44 && cx < 46 && cy < -12 && cy > -13.5:
			return "MYT"
		}
	case "NOR":
		if cx < -5 || cy > 74 { // Jan Mayen, Bjørnøya and Svalbard
			return "SJM"
		}
		if cy < -50 { // Bouvet Island (an added 1:10m island)
			return "BVT"
		}
	case "NLD":
		if cx < -60 { // Bonaire, Sint Eustatius, Saba
			return "BES"
		}
	case "NZL":
		if cy > -20 { // Tokelau atolls
			return "TKL"
		}
	}
	return code
}

// featureCode maps a world-atlas feature to its alpha-3 code through the ISO
// numeric id, or through featureCodes for the id-less ones.
func featureCode(f feature, byNumeric map[int]string) (string, error) {
	if f.ID == "" {
		c, ok := featureCodes[f.Name]
		if !ok {
			return "", fmt.Errorf("feature %q has no id and no decision in featureCodes", f.Name)
		}
		return c, nil
	}
	n, err := strconv.Atoi(f.ID)
	if err != nil {
		return "", fmt.Errorf("feature %q: id %q is not numeric", f.Name, f.ID)
	}
	c, ok := byNumeric[n]
	if !ok {
		return "", fmt.Errorf("feature %q: numeric %d is not an ISO 3166-1 code", f.Name, n)
	}
	return c, nil
}

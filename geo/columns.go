package geo

import (
	"fmt"
	"strings"

	"github.com/htmap/htmap/ingest"
)

// A breakdown column (--by) names a schema field of ingest.Record. Several
// spellings are accepted for each; the canonical name is the first.
var columnNames = map[string]string{
	"category": "category", "exploitation": "category", "exploitation_type": "category", "type": "category",
	"gender": "gender", "sex": "gender",
	"age_band": "age_band", "age": "age_band", "ageband": "age_band", "agebroad": "age_band",
	"route":  "route",
	"origin": "origin", "citizenship": "origin",
	"destination": "destination", "exploitation_country": "destination",
	"kind": "kind",
}

// Column returns the canonical name of a breakdown column, or an error
// listing the accepted names.
func Column(name string) (string, error) {
	if c, ok := columnNames[strings.ToLower(strings.TrimSpace(name))]; ok {
		return c, nil
	}
	return "", fmt.Errorf("unknown breakdown column %q (want category, gender, age_band, route, origin, destination or kind)", name)
}

// columnValue reads a canonical column of a record. An empty field (the
// input had no such column) reads as ingest.Unknown, like a field the
// source marked unknown.
func columnValue(r *ingest.Record, col string) string {
	var v string
	switch col {
	case "category":
		v = r.Category
	case "gender":
		v = r.Gender
	case "age_band":
		v = r.AgeBand
	case "route":
		v = r.Route
	case "origin":
		v = r.Origin
	case "destination":
		v = r.Destination
	case "kind":
		v = r.Kind.String()
	}
	if v == "" {
		return ingest.Unknown
	}
	return v
}

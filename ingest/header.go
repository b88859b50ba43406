package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// field identifies a schema column. Each kind reads a subset of them.
type field uint8

const (
	fCaseID      field = iota
	fDate              // full date; year for ctdc and flows
	fOrigin            // citizenship, country of origin, flow origin
	fDestination       // country of exploitation, flow destination
	fLat
	fLon
	fCoords // one "lat, lon" cell
	fTransit
	fCategory
	fGender
	fAgeBand
	fCount // count, or total dead and missing for incidents
	fForced
	fSexual
	fYear  // incidents: fallback year
	fMonth // incidents: fallback month
	fDead
	fMissing
	fRegion
	fRoute
	nFields
)

// column is one schema column of a kind: the field, the name used in
// Options.Columns and docs/schema.md, and the header names recognised
// without configuration, in order of preference.
type column struct {
	f       field
	name    string
	aliases []string
}

// schema returns the columns of a kind.
func schema(k Kind) []column {
	switch k {
	case KindCases:
		return []column{
			{fCaseID, "case_id", []string{"case_id"}},
			{fDate, "date", []string{"date"}},
			{fOrigin, "citizenship", []string{"citizenship"}},
			{fDestination, "exploitation_country", []string{"exploitation_country"}},
			{fLat, "lat", []string{"lat", "latitude"}},
			{fLon, "lon", []string{"lon", "lng", "long", "longitude"}},
			{fTransit, "transit", []string{"transit"}},
			{fCategory, "exploitation_type", []string{"exploitation_type"}},
			{fGender, "gender", []string{"gender"}},
			{fAgeBand, "age_band", []string{"age_band"}},
			{fCount, "count", []string{"count"}},
		}
	case KindCTDC:
		return []column{
			{fDate, "year", []string{"yearOfRegistration"}},
			{fGender, "gender", []string{"gender"}},
			{fAgeBand, "age_band", []string{"ageBroad"}},
			{fOrigin, "citizenship", []string{"citizenship"}},
			{fForced, "forced_labour", []string{"isForcedLabour"}},
			{fSexual, "sexual_exploitation", []string{"isSexualExploit"}},
			{fDestination, "exploitation_country", []string{"CountryOfExploitation"}},
		}
	case KindIncidents:
		return []column{
			{fCaseID, "incident_id", []string{"Incident ID", "Web ID"}},
			{fDate, "date", []string{"Reported Date", "Incident Date", "date"}},
			{fYear, "year", []string{"Reported Year", "Incident year", "Year"}},
			{fMonth, "month", []string{"Reported Month", "Incident month", "month"}},
			{fCoords, "coordinates", []string{"Location Coordinates", "Coordinates"}},
			{fLat, "lat", []string{"Latitude", "lat"}},
			{fLon, "lon", []string{"Longitude", "lon"}},
			{fCount, "dead_and_missing", []string{"Total Dead and Missing", "No. dead/missing", "dead_and_missing"}},
			{fDead, "dead", []string{"Number Dead", "No. dead", "dead"}},
			{fMissing, "missing", []string{"Minimum Estimated Number of Missing", "No. missing", "missing"}},
			{fRegion, "region", []string{"Region", "Region of Incident"}},
			{fRoute, "route", []string{"Migration Route", "Route"}},
			{fOrigin, "origin", []string{"Country of Origin"}},
		}
	case KindFlows:
		return []column{
			{fOrigin, "origin", []string{"origin", "orig", "orig_iso3", "origin_iso3"}},
			{fDestination, "destination", []string{"destination", "dest", "dest_iso3", "destination_iso3"}},
			{fDate, "year", []string{"year"}},
			{fCount, "count", []string{"count", "value", "flow", "stock", "refugees"}},
		}
	}
	return nil
}

// plan is where each schema field sits in one file's header.
type plan struct {
	kind    Kind
	header  []string
	idx     [nFields]int // 0-based header position, -1 when absent
	present []int        // the header positions of the schema fields found
	dropped []string
}

func (p *plan) has(f field) bool { return p.idx[f] >= 0 }

// findHeader returns the position of the first header name equal to one
// of names (ignoring case and surrounding spaces), or -1.
func findHeader(header []string, names ...string) int {
	for _, n := range names {
		for i, h := range header {
			if strings.EqualFold(trimSpace(h), n) {
				return i
			}
		}
	}
	return -1
}

// DetectKind tells the layout of a file from its header: ctdc by
// yearOfRegistration; incidents by a dead or missing count column of the
// Missing Migrants exports; flows by an origin and a destination column; cases
// by a date column. It returns KindUnknown when none fits.
func DetectKind(header []string) Kind {
	if findHeader(header, "yearOfRegistration") >= 0 {
		return KindCTDC
	}
	counts := findHeader(header, "Total Dead and Missing", "No. dead/missing", "Number Dead", "No. dead",
		"Minimum Estimated Number of Missing", "No. missing") >= 0
	if counts {
		return KindIncidents
	}
	if fl := schema(KindFlows); findHeader(header, fl[0].aliases...) >= 0 && findHeader(header, fl[1].aliases...) >= 0 {
		return KindFlows
	}
	if findHeader(header, "date") >= 0 {
		return KindCases
	}
	return KindUnknown
}

// makePlan locates the schema columns of kind k in header, applying the
// mapping and count column of opt, and checks that the required columns
// are there. Its errors name what is missing.
func makePlan(header []string, k Kind, opt Options) (plan, error) {
	p := plan{kind: k, header: header}
	for i := range p.idx {
		p.idx[i] = -1
	}
	cols := schema(k)
	used := make([]bool, len(header))
	known := make(map[string]bool, len(cols))
	for _, c := range cols {
		known[c.name] = true
	}
	for name := range opt.Columns {
		if !known[name] {
			return p, fmt.Errorf("mapping names field %q, which the %s schema does not have (fields: %s)", name, k, fieldNames(cols))
		}
	}
	for _, c := range cols {
		i := -1
		if h, ok := opt.Columns[c.name]; ok {
			if i = findHeader(header, h); i < 0 {
				return p, fmt.Errorf("mapping: column %q for %s is not in the header", h, c.name)
			}
		} else if c.f == fCount && k == KindFlows && opt.CountColumn != "" {
			if i = findHeader(header, opt.CountColumn); i < 0 {
				return p, fmt.Errorf("count column %q is not in the header", opt.CountColumn)
			}
		} else {
			i = findHeader(header, c.aliases...)
		}
		if i >= 0 && !used[i] {
			p.idx[c.f] = i
			p.present = append(p.present, i)
			used[i] = true
		}
	}
	for i, h := range header {
		if !used[i] {
			p.dropped = append(p.dropped, h)
		}
	}
	if err := p.required(cols); err != nil {
		return p, err
	}
	return p, nil
}

func fieldNames(cols []column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// required checks the columns a kind cannot do without.
func (p *plan) required(cols []column) error {
	name := func(f field) string {
		for _, c := range cols {
			if c.f == f {
				if len(c.aliases) == 1 {
					return c.aliases[0]
				}
				return c.name + " (" + strings.Join(c.aliases, ", ") + ")"
			}
		}
		return "?"
	}
	var missing []string
	need := func(f field) {
		if !p.has(f) {
			missing = append(missing, name(f))
		}
	}
	switch p.kind {
	case KindCases:
		need(fDate)
		if p.has(fLat) != p.has(fLon) {
			if p.has(fLat) {
				need(fLon)
			} else {
				need(fLat)
			}
		}
		if !p.has(fOrigin) && !p.has(fDestination) && !p.has(fLat) {
			missing = append(missing, "a place: citizenship or exploitation_country, or lat and lon")
		}
	case KindCTDC:
		need(fDate)
		need(fOrigin)
		need(fDestination)
	case KindIncidents:
		if !p.has(fDate) && !p.has(fYear) {
			missing = append(missing, "a date: "+name(fDate)+" or "+name(fYear))
		}
		if !p.has(fCoords) && !(p.has(fLat) && p.has(fLon)) {
			missing = append(missing, "coordinates: "+name(fCoords)+", or "+name(fLat)+" and "+name(fLon))
		}
		if !p.has(fCount) && !p.has(fDead) && !p.has(fMissing) {
			missing = append(missing, "a count: "+name(fCount)+", or "+name(fDead)+" and "+name(fMissing))
		}
	case KindFlows:
		need(fOrigin)
		need(fDestination)
		need(fDate)
		need(fCount)
	}
	if len(missing) > 0 {
		return errors.New("missing required columns for " + p.kind.String() + ": " + strings.Join(missing, "; "))
	}
	return nil
}

package routes

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Location is a row of flowmap.blue's locations sheet.
type Location struct {
	ID, Name string
	Lat, Lon float64
}

// FlowRow is a row of flowmap.blue's flows sheet. Time is empty for
// tables not split by year; otherwise the year's first day (YYYY-01-01),
// since flowmap.blue reads ISO dates and animates by the step the user
// picks (a year here).
type FlowRow struct {
	Origin, Dest string
	Count        int64
	Time         string
}

// FlowmapTables turns flows into the two tables flowmap.blue and
// flowmap.gl read. Categories are summed (flowmap.blue has no category
// column; filter flows before calling to map one category). Flows with an
// end the locator cannot place are left out, as they cannot be drawn.
// Locations are sorted by ID, flows by time, descending count, origin and
// destination.
func FlowmapTables(flows []Flow, locate Locator) ([]Location, []FlowRow) {
	type k struct {
		o, d string
		y    int
	}
	sums := map[k]int64{}
	places := map[string]Place{}
	for _, f := range flows {
		o, ok1 := locate(f.Origin)
		d, ok2 := locate(f.Dest)
		if !ok1 || !ok2 {
			continue
		}
		places[f.Origin], places[f.Dest] = o, d
		sums[k{f.Origin, f.Dest, f.Year}] += f.Count
	}
	locs := make([]Location, 0, len(places))
	for id, p := range places {
		name := p.Name
		if name == "" {
			name = id
		}
		locs = append(locs, Location{ID: id, Name: name, Lat: p.Point[1], Lon: p.Point[0]})
	}
	slices.SortFunc(locs, func(a, b Location) int { return cmp.Compare(a.ID, b.ID) })
	rows := make([]FlowRow, 0, len(sums))
	for key, c := range sums {
		r := FlowRow{Origin: key.o, Dest: key.d, Count: c}
		if key.y != 0 {
			r.Time = fmt.Sprintf("%04d-01-01", key.y)
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b FlowRow) int {
		return cmp.Or(cmp.Compare(a.Time, b.Time), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Origin, b.Origin), cmp.Compare(a.Dest, b.Dest))
	})
	return locs, rows
}

// WriteFlowmap writes locations.csv (id,name,lat,lon) and flows.csv
// (origin,dest,count, and time when any row has one) with encoding/csv.
// Coordinates keep 6 decimals (10 cm).
func WriteFlowmap(locations, flows io.Writer, locs []Location, rows []FlowRow) error {
	lw := csv.NewWriter(locations)
	if err := lw.Write([]string{"id", "name", "lat", "lon"}); err != nil {
		return err
	}
	for _, l := range locs {
		if err := lw.Write([]string{l.ID, l.Name,
			strconv.FormatFloat(l.Lat, 'f', 6, 64), strconv.FormatFloat(l.Lon, 'f', 6, 64)}); err != nil {
			return err
		}
	}
	lw.Flush()
	if err := lw.Error(); err != nil {
		return fmt.Errorf("routes: writing flowmap locations: %w", err)
	}
	timed := slices.ContainsFunc(rows, func(r FlowRow) bool { return r.Time != "" })
	fw := csv.NewWriter(flows)
	head := []string{"origin", "dest", "count"}
	if timed {
		head = append(head, "time")
	}
	if err := fw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Origin, r.Dest, strconv.FormatInt(r.Count, 10)}
		if timed {
			rec = append(rec, r.Time)
		}
		if err := fw.Write(rec); err != nil {
			return err
		}
	}
	fw.Flush()
	if err := fw.Error(); err != nil {
		return fmt.Errorf("routes: writing flowmap flows: %w", err)
	}
	return nil
}

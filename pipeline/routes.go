package pipeline

import (
	"fmt"
	"strings"

	"github.com/htmap/htmap/analysis/routes"
	"github.com/htmap/htmap/data/country"
	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// maxSegmentKm is the longest straight segment of a drawn great-circle arc.
const maxSegmentKm = 100

// routeTables builds the routes, legs, nodes and corridors layers of a
// kind from its route accumulator. cellSys locates the cell places of
// point data (incidents: origin country -> incident cell).
func routeTables(kind ingest.Kind, sensitive bool, acc *routes.Accumulator, cellSys geo.System, cfg *Config, warn func(string, ...any)) ([]*table, *routes.Table, error) {
	tab := acc.Table()
	if err := tab.Check(); err != nil {
		return nil, nil, err
	}
	if len(tab.Flows) == 0 {
		return nil, tab, nil
	}
	var places []routes.Place
	for _, c := range country.All() {
		places = append(places, routes.Place{ID: c.ISO3, Name: c.Name, Kind: routes.PlaceCountry, Point: c.Point})
	}
	for _, id := range tab.Cells {
		k, err := cellSys.Parse(id)
		if err != nil {
			return nil, nil, err
		}
		places = append(places, routes.Place{ID: id, Name: id, Kind: routes.PlaceCell, Point: cellSys.Shape(k).Point})
	}
	locate := routes.MapLocator(places)

	drawn, undrawn := routes.Draw(tab.Flows, locate, maxSegmentKm)
	if len(undrawn) > 0 {
		warn("%s: %s flows have an end with no known place and are not drawn", kind, small(sensitive, cfg.K, int64(len(undrawn))))
	}
	stats := routes.FlowHotspots(tab.Flows, routes.HotspotOptions{
		Neighbours: func(p string) []string { return country.Neighbours(p) },
		Locate:     locate, Permutations: cfg.Permutations, Seed: cfg.Seed,
	})
	flowStat := map[[2]string]routes.FlowStat{}
	for _, s := range stats {
		flowStat[[2]string{s.Origin, s.Dest}] = s
	}
	flows := tab.Flows
	partial := len(undrawn) > 0
	if cfg.MinCount > 0 {
		kept, dropped := routes.AtLeast(tab.Flows, cfg.MinCount)
		flows, partial = kept, partial || dropped.Records > 0
		if dropped.Records > 0 {
			warn("%s: %s flows (%s records) below --min-count %d are not drawn", kind, small(sensitive, cfg.K, int64(len(tab.Flows)-len(kept))), small(sensitive, cfg.K, dropped.Records), cfg.MinCount)
		}
		drawn, _ = routes.Draw(kept, locate, maxSegmentKm)
	}
	rc := cols("origin", export.String, "destination", export.String, "year", export.Int, "category", export.String,
		"count", export.Int, "share_of_origin", export.Float, "rank", export.Int, "flow_z", export.Float,
		"flow_gi_z", export.Float, "flow_gi_psim", export.Float)
	rf := make([]export.Feature, len(drawn))
	for i, r := range drawn {
		st, ok := flowStat[[2]string{r.Origin, r.Dest}]
		var zv, gz, gp any
		if ok {
			zv, gz, gp = num(st.FlowZ), num(st.GiZ), num(st.GiP)
		}
		var year, cat any
		if r.Year != 0 {
			year = int64(r.Year)
		}
		if r.Category != "" {
			cat = r.Category
		}
		rf[i] = export.Feature{Geometry: r.Geometry, Values: []any{r.Origin, r.Dest, year, cat, r.Count, r.ShareOfOrigin, int64(r.Rank), zv, gz, gp}}
	}
	out := []*table{{kind: kind, sensitive: sensitive, counts: []string{"count"}, pairs: true,
		derived: []string{"share_of_origin", "rank", "flow_z", "flow_gi_z", "flow_gi_psim"},
		layer:   &export.Layer{Name: "routes", Columns: rc, Features: export.Slice(rf)}}}

	if len(tab.Legs) > 0 {
		legs, _ := routes.Draw(tab.Legs, locate, maxSegmentKm)
		lc := cols("origin", export.String, "destination", export.String, "count", export.Int, "share_of_origin", export.Float, "rank", export.Int)
		lf := make([]export.Feature, len(legs))
		for i, r := range legs {
			lf[i] = export.Feature{Geometry: r.Geometry, Values: []any{r.Origin, r.Dest, r.Count, r.ShareOfOrigin, int64(r.Rank)}}
		}
		out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"count"}, pairs: true,
			derived: []string{"share_of_origin", "rank"},
			layer:   &export.Layer{Name: "legs", Columns: lc, Features: export.Slice(lf)}})
	}

	net := routes.AnalyzeNetwork(tab.Hops, routes.NetworkOptions{Seed: cfg.Seed})
	nc := cols("node_id", export.String, "node_type", export.String, "name", export.String, "role", export.String,
		"in_count", export.Int, "out_count", export.Int, "betweenness", export.Float, "pagerank", export.Float, "community", export.Int)
	var nf []export.Feature
	for _, n := range net.Nodes {
		p, ok := locate(n.ID)
		if !ok {
			continue
		}
		if sensitive && n.In < int64(cfg.K) && n.Out < int64(cfg.K) {
			// Both counts would be withheld, yet the point would say the
			// place has victims on the routes: leave it out.
			continue
		}
		nf = append(nf, export.Feature{Geometry: p.Point, Values: []any{n.ID, p.Kind.String(), p.Name, n.Role.String(),
			n.In, n.Out, n.Betweenness, n.PageRank, int64(n.Community)}})
	}
	out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"in_count", "out_count"},
		derived: []string{"betweenness", "pagerank"}, hasLegs: len(tab.Legs) > 0, partialLinks: partial,
		layer: &export.Layer{Name: "nodes", Columns: nc, Features: export.Slice(nf)}})

	cors, _ := routes.Corridors(flows, locate, routes.CorridorOptions{MaxSegmentKm: maxSegmentKm})
	cc := cols("corridor_id", export.Int, "count", export.Int, "n_flows", export.Int,
		"origins", export.String, "destinations", export.String, "top_category", export.String)
	routeAt := map[routes.Key]int{}
	for i, r := range drawn {
		routeAt[r.Key] = i
	}
	var members [][]int
	cf := make([]export.Feature, len(cors))
	for i, c := range cors {
		var mem []int
		for _, f := range c.Members {
			if j, ok := routeAt[f.Key]; ok {
				mem = append(mem, j)
			}
		}
		if len(mem) < len(c.Members) {
			mem = append(mem, -1) // some members are not drawn: the sum is partial
		}
		members = append(members, mem)
		os, ds := map[string]bool{}, map[string]bool{}
		for _, m := range c.Members {
			// For sensitive inputs a country is named only through a
			// flow large enough to be published by name itself.
			if !sensitive || m.Count >= int64(cfg.K) {
				os[m.Origin], ds[m.Dest] = true, true
			}
		}
		var top any
		if len(c.Categories) > 0 {
			top = c.Categories[0].Category
		}
		cf[i] = export.Feature{Geometry: c.Geometry, Values: []any{int64(c.ID), c.Count, int64(len(c.Members)),
			strings.Join(sortedStrings(os), ";"), strings.Join(sortedStrings(ds), ";"), top}}
	}
	out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"count"}, members: members,
		attached: []string{"n_flows", "origins", "destinations", "top_category"}, hideGeometry: true,
		layer: &export.Layer{Name: "corridors", Columns: cc, Features: export.Slice(cf)}})
	return out, tab, nil
}

// routeWarnings reports the records routes could not draw.
func routeWarnings(kind ingest.Kind, sensitive bool, k int, tab *routes.Table, warn func(string, ...any)) {
	var dom, aside int64
	for _, t := range tab.Domestic {
		dom += t.Records
	}
	for _, t := range tab.SetAside {
		aside += t.Records
	}
	if dom > 0 {
		warn("%s: %s domestic records (origin = destination) are counted per country, not drawn", kind, small(sensitive, k, dom))
	}
	if aside > 0 {
		warn("%s: %s same-country flow rows set aside", kind, small(sensitive, k, aside))
	}
	for _, e := range sortedExclusions(tab.Excluded) {
		warn("%s: %s records not in routes: %s", kind, small(sensitive, k, tab.Excluded[e].Records), e)
	}
}

func sortedExclusions(m map[routes.Exclusion]routes.Tally) []routes.Exclusion {
	out := make([]routes.Exclusion, 0, len(m))
	for e := range m {
		out = append(out, e)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && fmt.Sprint(out[j]) < fmt.Sprint(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// small formats a count for the manifest and the terminal: for sensitive
// inputs a count below k reads "fewer than k", like a withheld value.
func small(sensitive bool, k int, n int64) string {
	if sensitive && n < int64(k) {
		return fmt.Sprintf("fewer than %d", k)
	}
	return fmt.Sprint(n)
}

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
		warn("%s: %d flows have an end with no known place and are not drawn", kind, len(undrawn))
	}
	stats := routes.FlowHotspots(tab.Flows, routes.HotspotOptions{
		Neighbours: func(p string) []string { return country.Neighbours(p) },
		Locate:     locate, Permutations: cfg.Permutations, Seed: cfg.Seed,
	})
	flowStat := map[[2]string]routes.FlowStat{}
	for _, s := range stats {
		flowStat[[2]string{s.Origin, s.Dest}] = s
	}
	if cfg.MinCount > 0 {
		kept, dropped := routes.AtLeast(tab.Flows, cfg.MinCount)
		if dropped.Records > 0 {
			warn("%s: %d flows (%d records) below --min-count %d are not drawn", kind, len(tab.Flows)-len(kept), dropped.Records, cfg.MinCount)
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
		nf = append(nf, export.Feature{Geometry: p.Point, Values: []any{n.ID, p.Kind.String(), p.Name, n.Role.String(),
			n.In, n.Out, n.Betweenness, n.PageRank, int64(n.Community)}})
	}
	out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"in_count", "out_count"},
		derived: []string{"betweenness", "pagerank"}, hasLegs: len(tab.Legs) > 0,
		layer: &export.Layer{Name: "nodes", Columns: nc, Features: export.Slice(nf)}})

	cors, _ := routes.Corridors(tab.Flows, locate, routes.CorridorOptions{MaxSegmentKm: maxSegmentKm})
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
		members = append(members, mem)
		os, ds := map[string]bool{}, map[string]bool{}
		for _, m := range c.Members {
			os[m.Origin], ds[m.Dest] = true, true
		}
		var top any
		if len(c.Categories) > 0 {
			top = c.Categories[0].Category
		}
		cf[i] = export.Feature{Geometry: c.Geometry, Values: []any{int64(c.ID), c.Count, int64(len(c.Members)),
			strings.Join(sortedStrings(os), ";"), strings.Join(sortedStrings(ds), ";"), top}}
	}
	out = append(out, &table{kind: kind, sensitive: sensitive, counts: []string{"count"}, members: members,
		layer: &export.Layer{Name: "corridors", Columns: cc, Features: export.Slice(cf)}})
	return out, tab, nil
}

// routeWarnings reports the records routes could not draw.
func routeWarnings(kind ingest.Kind, tab *routes.Table, warn func(string, ...any)) {
	var dom, aside int64
	for _, t := range tab.Domestic {
		dom += t.Records
	}
	for _, t := range tab.SetAside {
		aside += t.Records
	}
	if dom > 0 {
		warn("%s: %d domestic records (origin = destination) are counted per country, not drawn", kind, dom)
	}
	if aside > 0 {
		warn("%s: %d same-country flow rows set aside", kind, aside)
	}
	for _, e := range sortedExclusions(tab.Excluded) {
		warn("%s: %d records not in routes: %s", kind, tab.Excluded[e].Records, e)
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

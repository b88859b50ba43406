package pipeline

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/htmap/htmap/export"

	"github.com/paulmach/orb"
)

// writeFlowmaps writes, beside each kind's published routes, the two
// tables flowmap.blue and flowmap.gl read: flowmap/locations.csv (id,
// name, lat, lon) and flowmap/flows.csv (origin, dest, count, and time
// when the routes are split by year). They are built from the published
// (protected) routes and nodes layers, so a withheld count stays withheld.
func (m *Manifest) writeFlowmaps(od *outDir, published []*table, cfg *Config) error {
	nodes := map[string]*table{}
	for _, t := range published {
		if t.layer.Name == "nodes" {
			nodes[t.kind.String()] = t
		}
	}
	for _, t := range published {
		if t.layer.Name != "routes" {
			continue
		}
		nt := nodes[t.kind.String()]
		if nt == nil {
			continue
		}
		col := func(tb *table, name string) int {
			for i, c := range tb.layer.Columns {
				if c.Name == name {
					return i
				}
			}
			return -1
		}
		var locs [][]string
		nid, nname := col(nt, "node_id"), col(nt, "name")
		nt.layer.Features(func(f exportFeature) bool {
			p, ok := f.Geometry.(orb.Point)
			if ok {
				locs = append(locs, []string{fmt.Sprint(f.Values[nid]), fmt.Sprint(f.Values[nname]),
					strconv.FormatFloat(p[1], 'f', 6, 64), strconv.FormatFloat(p[0], 'f', 6, 64)})
			}
			return true
		})
		ro, rd, rc, ry := col(t, "origin"), col(t, "destination"), col(t, "count"), col(t, "year")
		header := []string{"origin", "dest", "count"}
		timed := false
		t.layer.Features(func(f exportFeature) bool {
			timed = timed || (ry >= 0 && f.Values[ry] != nil)
			return true
		})
		if timed {
			header = append(header, "time")
		}
		known := map[string]bool{}
		for _, l := range locs {
			known[l[0]] = true
		}
		used := map[string]bool{}
		var flows [][]string
		t.layer.Features(func(f exportFeature) bool {
			c, ok := f.Values[rc].(int64)
			if !ok {
				return true // withheld: not in the flow map
			}
			o, d := fmt.Sprint(f.Values[ro]), fmt.Sprint(f.Values[rd])
			if !known[o] || !known[d] {
				return true // a pooled "other" has no place to draw
			}
			used[o], used[d] = true, true
			row := []string{fmt.Sprint(f.Values[ro]), fmt.Sprint(f.Values[rd]), strconv.FormatInt(c, 10)}
			if timed {
				y := ""
				if v, ok := f.Values[ry].(int64); ok {
					y = fmt.Sprintf("%04d-01-01", v)
				}
				row = append(row, y)
			}
			flows = append(flows, row)
			return true
		})
		dir := t.kind.String() + "/flowmap/"
		if cfg.Flat {
			dir = "flowmap/"
		}
		// Only the places the published flows use.
		kept := locs[:0]
		for _, l := range locs {
			if used[l[0]] {
				kept = append(kept, l)
			}
		}
		if err := m.writePublicCSV(od, dir+"locations.csv", []string{"id", "name", "lat", "lon"}, kept); err != nil {
			return err
		}
		// The same flows for kepler.gl's arc layer: GeoArrow points at
		// both ends.
		at := map[string]orb.Point{}
		nt.layer.Features(func(f exportFeature) bool {
			if p, ok := f.Geometry.(orb.Point); ok {
				at[fmt.Sprint(f.Values[nid])] = p
			}
			return true
		})
		rel := strings.TrimSuffix(dir, "flowmap/") + "flows.arrow"
		fa, err := os.Create(od.path(rel))
		if err != nil {
			return err
		}
		n, err := export.WriteFlowsArrow(fa, t.layer, func(f exportFeature) (orb.Point, orb.Point, bool) {
			o, ok1 := at[fmt.Sprint(f.Values[ro])]
			d, ok2 := at[fmt.Sprint(f.Values[rd])]
			return o, d, ok1 && ok2
		})
		if cerr := fa.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if err := m.addOutput(od, rel, "arrow", n, false); err != nil {
			return err
		}
		if err := m.writePublicCSV(od, dir+"flows.csv", header, flows); err != nil {
			return err
		}
	}
	return nil
}

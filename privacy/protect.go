package privacy

import (
	"errors"
	"fmt"
	"sort"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/export"
)

// OffWarning is the warning Protect returns with Policy.Off.
const OffWarning = "privacy off: sensitive counts are published unprotected; every output is marked privacy_off"

// OffColumn is the boolean column (always true) added to every layer
// when the privacy rules are off.
const OffColumn = "privacy_off"

// Protect applies the privacy rules to every table of a run at once and
// returns the layers to write, in the order of tables, and what the
// manifest must record. sums tells how the tables' counts are linked
// (see Sum, RowSums, KeyedSums); they are what the audit checks against.
//
// For every table each count column gets a <name>_suppressed column
// right after it (always false for public tables), so a layer's
// property set does not depend on its sensitivity. For sensitive tables,
// in order: noise (Epsilon > 0), rounding, small pairs pooled into
// origin -> other, small counts withheld, complementary suppression and
// the LP audit of the linked counts, then the z-score inversion audit.
// The input layers are not modified.
func Protect(tables []Table, sums []Sum, p Policy) ([]*export.Layer, Report, error) {
	if p.K == 0 {
		p.K = DefaultK
	}
	rep := Report{K: p.K, Round: p.Round, Epsilon: p.Epsilon, Off: p.Off,
		Sensitive: []string{}, Suppressed: map[string]int{}}
	switch {
	case p.K < 1:
		return nil, rep, fmt.Errorf("privacy: k must be at least 1, not %d", p.K)
	case p.Round < 0:
		return nil, rep, fmt.Errorf("privacy: round must not be negative, not %d", p.Round)
	case p.Epsilon < 0:
		return nil, rep, fmt.Errorf("privacy: epsilon must not be negative, not %g", p.Epsilon)
	case p.Epsilon > 0 && len(p.Key) == 0 && !p.Off:
		return nil, rep, errors.New("privacy: --dp-epsilon needs a --dp-key")
	}
	s, err := build(tables, p, &rep)
	if err != nil {
		return nil, rep, err
	}
	if p.Off {
		rep.Warnings = append(rep.Warnings, OffWarning)
		return s.layers(), rep, nil
	}
	if err := s.resolve(sums); err != nil {
		return nil, rep, err
	}
	s.refresh()
	if p.Epsilon > 0 {
		// Noisy counts are safe to subtract (the difference is noisy
		// too), so linked tables need no complementary suppression; but
		// statistics of the true counts are outside the guarantee, so
		// their z and p are withheld.
		for ti, tb := range s.tabs {
			if tb.nodes == nil || (len(tb.ZColumns)+len(tb.PColumns) == 0 && tb.Gi == nil) {
				continue
			}
			for f := range tb.feats {
				s.zNull[ti][f] = zAllOff
			}
		}
	} else {
		s.protectLinked()
	}
	s.tally()
	return s.layers(), rep, nil
}

// protectLinked runs complementary suppression and the LP audit until
// every withheld value keeps an interval at least K wide, then the
// z-score audit.
func (s *state) protectLinked() {
	stuck := map[int]bool{}
	for {
		s.relationPass()
		fails := s.audit(s.relCons(), 0)
		var todo []int
		for _, id := range fails {
			if !stuck[id] {
				todo = append(todo, id)
			}
		}
		if len(todo) == 0 {
			break
		}
		n, st := s.widen(todo)
		for _, id := range st {
			stuck[id] = true
		}
		if n == 0 {
			break
		}
	}
	ids := make([]int, 0, len(stuck))
	for id := range stuck {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		s.rep.Unprotected = append(s.rep.Unprotected, s.describe(id))
	}
	// The z-scores: null the neighbourhoods that pin a withheld count.
	maxValues := s.p.ZAuditMaxValues
	if maxValues <= 0 {
		maxValues = DefaultZAuditMaxValues
	}
	defer func() {
		if n := len(s.unaudited); n > 0 {
			s.rep.Unaudited = n
			s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf(
				"z-scores withheld without an LP audit around %d withheld values: their neighbourhoods link more than %d unknown values (a wide distance band over many empty cells); a narrower --weights band keeps more z-scores", n, maxValues))
		}
	}()
	for {
		bands := s.zBands()
		if len(bands) == 0 {
			return
		}
		cons := s.relCons()
		for _, b := range bands {
			c := b.con
			c.band = len(cons)
			cons = append(cons, c)
		}
		nrel := len(cons) - len(bands)
		fails := s.audit(cons, maxValues)
		nulled := 0
		failing := map[int]bool{}
		for _, id := range fails {
			if !stuck[id] {
				failing[id] = true
			}
		}
		for i, b := range bands {
			for _, id := range cons[nrel+i].ids {
				if failing[id] {
					s.zNull[b.t][b.f]++ // first the p-values, then the z-scores
					nulled++
					break
				}
			}
		}
		if nulled > 0 {
			continue
		}
		if len(failing) == 0 {
			return
		}
		// The bands that pin these values do not contain them: they act
		// through relations. Null every band over a withheld value linked
		// to a failing one.
		linked := s.linkedWithheld(failing)
		for _, b := range bands {
			for _, id := range b.con.ids {
				if linked[id] {
					s.zNull[b.t][b.f] = zAllOff
					nulled++
					break
				}
			}
		}
		if nulled == 0 {
			ids := make([]int, 0, len(failing))
			for id := range failing {
				ids = append(ids, id)
			}
			sort.Ints(ids) // the manifest lists them in a fixed order
			for _, id := range ids {
				s.rep.Unprotected = append(s.rep.Unprotected, s.describe(id))
			}
			return
		}
	}
}

// linkedWithheld returns the withheld values reachable from the given
// ones through relations.
func (s *state) linkedWithheld(from map[int]bool) map[int]bool {
	byNode := s.relationsOf()
	seen := map[int]bool{}
	var stack []int
	for id := range from {
		seen[id] = true
		stack = append(stack, id)
	}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, r := range byNode[id] {
			for _, m := range append([]int{r.total}, r.parts...) {
				if m >= 0 && !seen[m] && s.nodes[m].withheld {
					seen[m] = true
					stack = append(stack, m)
				}
			}
		}
	}
	return seen
}

// tally counts the withheld values for the report.
func (s *state) tally() {
	comp := map[string]int{}
	pooled := map[string]int{}
	for _, n := range s.nodes {
		name := s.tabs[n.t].name
		switch {
		case n.f < 0:
			if len(n.members) > 0 && n.withheld {
				s.rep.Suppressed[name]++
				if n.forced && n.pub >= int64(s.p.K) {
					comp[name]++
				}
			}
		case n.pool >= 0 && n.withheld:
			pooled[name]++
		case n.withheld:
			s.rep.Suppressed[name]++
			if n.forced && n.pub >= int64(s.p.K) {
				comp[name]++
			}
		}
	}
	for ti, m := range s.zNull {
		for _, lvl := range m {
			rp := &s.rep.PNulled
			if lvl >= zAllOff {
				rp = &s.rep.ZNulled
			}
			if *rp == nil {
				*rp = map[string]int{}
			}
			(*rp)[s.tabs[ti].name]++
		}
	}
	if len(comp) > 0 {
		s.rep.Complementary = comp
	}
	if len(pooled) > 0 {
		s.rep.Pooled = pooled
	}
}

// layers builds the output layers.
func (s *state) layers() []*export.Layer {
	out := make([]*export.Layer, len(s.tabs))
	for ti, tb := range s.tabs {
		out[ti] = s.layer(ti, tb)
	}
	return out
}

func (s *state) layer(ti int, tb *tab) *export.Layer {
	isCount := map[int]int{} // column -> count position
	for c, ci := range tb.count {
		isCount[ci] = c
	}
	var cols []export.Column
	for i, c := range tb.Layer.Columns {
		cols = append(cols, c)
		if _, ok := isCount[i]; ok {
			cols = append(cols, export.Column{Name: c.Name + "_suppressed", Type: export.Bool})
		}
	}
	if s.p.Off {
		cols = append(cols, export.Column{Name: OffColumn, Type: export.Bool})
	}
	prot := tb.nodes != nil
	nulls := map[int]bool{}
	if prot {
		for _, c := range tb.Derived {
			nulls[tb.cols[c]] = true
		}
	}
	attached := map[int]bool{}
	for _, c := range tb.Attached {
		attached[tb.cols[c]] = true
	}
	zc, pc := map[int]bool{}, map[int]bool{}
	for _, c := range tb.ZColumns {
		zc[tb.cols[c]] = true
	}
	for _, c := range tb.PColumns {
		pc[tb.cols[c]] = true
	}
	if g := tb.Gi; g != nil {
		zc[tb.cols[g.Z]], pc[tb.cols[g.P]] = true, true
	}
	var feats []export.Feature
	for f, ft := range tb.feats {
		mainWithheld := false
		if prot && len(tb.count) > 0 {
			n := s.nodes[tb.nodes[0][f]]
			if tb.Pairs && n.withheld {
				continue // pooled into origin -> other
			}
			mainWithheld = n.withheld
		}
		vals := make([]any, 0, len(cols))
		for i, v := range ft.Values {
			c, isC := isCount[i]
			switch {
			case isC && prot:
				n := s.nodes[tb.nodes[c][f]]
				if n.withheld {
					vals = append(vals, nil, true)
				} else {
					vals = append(vals, n.pub, false)
				}
				continue
			case isC:
				vals = append(vals, v, false)
				continue
			case !prot:
			case nulls[i], attached[i] && mainWithheld:
				v = nil
			case zc[i] || pc[i]:
				if lvl := s.zNull[ti][f]; lvl >= zAllOff || (pc[i] && lvl >= zPOff) {
					v = nil
				} else if x, ok := v.(float64); ok {
					if zc[i] {
						v = roundTo(x, 1)
					} else {
						v = roundTo(x, 3)
					}
				}
			}
			vals = append(vals, v)
		}
		if s.p.Off {
			vals = append(vals, true)
		}
		g := ft.Geometry
		if prot && tb.HideGeometry && mainWithheld {
			g = nil
		}
		feats = append(feats, export.Feature{Geometry: g, Values: vals})
	}
	if prot && tb.Pairs {
		feats = append(feats, s.poolFeatures(tb, cols)...)
	}
	return &export.Layer{Name: tb.Layer.Name, Columns: cols, Features: export.Slice(feats)}
}

// poolFeatures returns one origin -> other feature per origin with
// pooled pairs, sorted by origin: a point at the origin (the start of
// the first pooled arc), the pooled count or null, every other column
// null.
func (s *state) poolFeatures(tb *tab, cols []export.Column) []export.Feature {
	var pools []node
	for _, n := range s.nodes {
		if n.f < 0 && len(n.members) > 0 && s.tabs[n.t] == tb {
			pools = append(pools, n)
		}
	}
	sort.Slice(pools, func(i, j int) bool { return pools[i].origin < pools[j].origin })
	var out []export.Feature
	for _, n := range pools {
		vals := make([]any, len(cols))
		for i, c := range cols {
			switch c.Name {
			case "origin":
				vals[i] = n.origin
			case "destination":
				vals[i] = "other"
			case tb.Counts[0]:
				if !n.withheld {
					vals[i] = n.pub
				}
			case tb.Counts[0] + "_suppressed":
				vals[i] = n.withheld
			}
		}
		first := s.nodes[n.members[0]]
		out = append(out, export.Feature{Geometry: startPoint(tb.feats[first.f].Geometry), Values: vals})
	}
	return out
}

// startPoint is the first position of a geometry (the origin of an
// arc), or nil.
func startPoint(g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case orb.Point:
		return g
	case orb.LineString:
		if len(g) > 0 {
			return g[0]
		}
	case orb.MultiLineString:
		if len(g) > 0 && len(g[0]) > 0 {
			return g[0][0]
		}
	}
	return nil
}

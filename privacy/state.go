package privacy

import (
	"fmt"
	"sort"

	"github.com/htmap/htmap/export"
)

// tab is a Table materialized: its features copied so they can be
// rewritten, its columns indexed.
type tab struct {
	Table
	name  string
	cols  map[string]int
	feats []export.Feature
	count []int   // column index of each Counts entry
	nodes [][]int // [count position][feature] -> node id (sensitive tables)
}

// node is one sensitive count value: a table cell, or the pool of an
// origin's small pairs.
type node struct {
	t, f, c  int   // table, feature (-1 for a pool), count position
	truth    int64 // the true value
	v        int64 // the value decisions use: truth, or truth plus noise
	pub      int64 // the published value when not withheld (v rounded down)
	forced   bool  // withheld to protect another value
	withheld bool
	pool     int    // pair member: its origin's pool node; -1 otherwise
	origin   string // pool: the origin
	members  []int  // pool: the pooled pairs
}

// rel is a resolved Sum: total = sum(parts) (+ slack when partial),
// with public values folded into constants.
type rel struct {
	total      int   // node id, or -1 when the total is a constant
	totalConst int64 // the constant total
	parts      []int // node ids
	partsConst int64 // sum of the constant parts
	partial    bool
}

// state is the privacy stage's working set.
type state struct {
	p     Policy
	tabs  []*tab
	nodes []node
	rels  []rel         // from the Sums
	pools []rel         // pool = sum of its members, rebuilt by refresh
	zNull []map[int]int // per table, feature -> zPOff or zAllOff
	rep   *Report
	// unaudited holds the withheld values the z-score audit failed
	// without an LP (Policy.ZAuditMaxValues), over all its rounds.
	unaudited map[int]bool
}

func (s *state) round(v int64) int64 {
	if s.p.Round > 1 {
		return v / int64(s.p.Round) * int64(s.p.Round)
	}
	return v
}

// refresh recomputes the pools and every node's withheld flag: a value
// is withheld when its published (rounded) value is below K or it was
// forced; a pool holds the withheld pairs of its origin.
func (s *state) refresh() {
	k := int64(s.p.K)
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.f >= 0 {
			n.withheld = n.forced || n.pub < k
		}
	}
	s.pools = s.pools[:0]
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.f >= 0 {
			continue
		}
		n.members = n.members[:0]
		n.truth, n.v = 0, 0
	}
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.f >= 0 && n.pool >= 0 && n.withheld {
			p := &s.nodes[n.pool]
			p.members = append(p.members, i)
			p.truth += n.truth
			p.v += n.v
		}
	}
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.f >= 0 {
			continue
		}
		n.pub = s.round(n.v)
		n.withheld = len(n.members) == 0 || n.forced || n.pub < k
		if len(n.members) > 0 {
			s.pools = append(s.pools, rel{total: i, parts: n.members})
		}
	}
}

// build materializes the tables, checks them, and creates the nodes of
// the sensitive counts (with noise when the policy asks for it).
func build(tables []Table, p Policy, rep *Report) (*state, error) {
	s := &state{p: p, rep: rep}
	names := map[string]bool{}
	for ti, t := range tables {
		if t.Layer == nil {
			return nil, fmt.Errorf("privacy: table %d has no layer", ti)
		}
		tb := &tab{Table: t, name: t.Output, cols: map[string]int{}}
		if tb.name == "" {
			tb.name = t.Layer.Name
		}
		if names[tb.name] {
			return nil, fmt.Errorf("privacy: two tables named %q (set Table.Output)", tb.name)
		}
		names[tb.name] = true
		for i, c := range t.Layer.Columns {
			tb.cols[c.Name] = i
		}
		t.Layer.Features(func(f export.Feature) bool {
			tb.feats = append(tb.feats, export.Feature{Geometry: f.Geometry, Values: append([]any(nil), f.Values...)})
			return true
		})
		if err := tb.check(); err != nil {
			return nil, err
		}
		s.tabs = append(s.tabs, tb)
		s.zNull = append(s.zNull, map[int]int{})
	}
	s.budget()
	for ti, tb := range s.tabs {
		if !tb.Sensitive || p.Off {
			continue
		}
		rep.Sensitive = append(rep.Sensitive, tb.name)
		pools := map[string]int{}
		tb.nodes = make([][]int, len(tb.count))
		for c, ci := range tb.count {
			tb.nodes[c] = make([]int, len(tb.feats))
			for f, ft := range tb.feats {
				truth, _ := ft.Values[ci].(int64)
				n := node{t: ti, f: f, c: c, truth: truth, v: truth, pool: -1}
				if p.Epsilon > 0 {
					e := rep.EpsilonPerCount[tb.Source]
					n.v = max(0, truth+geometricNoise(p.Key, noiseLabel(tb.name, f, tb.Counts[c]), e))
				}
				n.pub = s.round(n.v)
				if tb.Pairs {
					o, _ := ft.Values[tb.cols["origin"]].(string)
					id, ok := pools[o]
					if !ok {
						id = len(s.nodes) + 1 // the pool comes right after its first member
						pools[o] = id
						s.nodes = append(s.nodes, n)
						s.nodes = append(s.nodes, node{t: ti, f: -1, c: c, origin: o, pool: -1})
						s.nodes[id-1].pool = id
						tb.nodes[c][f] = id - 1
						continue
					}
					n.pool = id
				}
				tb.nodes[c][f] = len(s.nodes)
				s.nodes = append(s.nodes, n)
			}
		}
	}
	return s, nil
}

// check verifies that the columns a table names exist with the right
// types.
func (tb *tab) check() error {
	want := func(name string, typ export.Type) (int, error) {
		i, ok := tb.cols[name]
		if !ok {
			return 0, fmt.Errorf("privacy: layer %s has no column %q", tb.name, name)
		}
		if tb.Layer.Columns[i].Type != typ {
			return 0, fmt.Errorf("privacy: layer %s column %q is %s, not %s", tb.name, name, tb.Layer.Columns[i].Type, typ)
		}
		return i, nil
	}
	for _, c := range tb.Counts {
		i, err := want(c, export.Int)
		if err != nil {
			return err
		}
		if _, dup := tb.cols[c+"_suppressed"]; dup {
			return fmt.Errorf("privacy: layer %s already has a column %q", tb.name, c+"_suppressed")
		}
		tb.count = append(tb.count, i)
	}
	for _, c := range tb.Breakdown {
		if tb.countPos(c) < 0 {
			return fmt.Errorf("privacy: layer %s breakdown column %q is not a count column", tb.name, c)
		}
	}
	for _, c := range append(append([]string{}, tb.ZColumns...), tb.PColumns...) {
		if _, err := want(c, export.Float); err != nil {
			return err
		}
	}
	for _, c := range append(append([]string{}, tb.Attached...), tb.Derived...) {
		if _, ok := tb.cols[c]; !ok {
			return fmt.Errorf("privacy: layer %s has no column %q", tb.name, c)
		}
	}
	if tb.Pairs {
		if len(tb.Counts) != 1 {
			return fmt.Errorf("privacy: pairs layer %s must have exactly one count column, not %d", tb.name, len(tb.Counts))
		}
		for _, c := range []string{"origin", "destination"} {
			if _, err := want(c, export.String); err != nil {
				return err
			}
		}
	}
	if g := tb.Gi; g != nil {
		for _, c := range []string{g.Z, g.P} {
			if _, err := want(c, export.Float); err != nil {
				return err
			}
		}
		if tb.countPos(g.Count) < 0 {
			return fmt.Errorf("privacy: layer %s Gi* count %q is not a count column", tb.name, g.Count)
		}
		if len(g.Neighbours) != len(tb.feats) {
			return fmt.Errorf("privacy: layer %s has %d features but %d neighbour lists", tb.name, len(tb.feats), len(g.Neighbours))
		}
		for i, nb := range g.Neighbours {
			for _, j := range nb {
				if j < 0 || j >= len(tb.feats) || j == i {
					return fmt.Errorf("privacy: layer %s feature %d has an invalid neighbour %d", tb.name, i, j)
				}
			}
		}
	}
	for f, ft := range tb.feats {
		if len(ft.Values) != len(tb.Layer.Columns) {
			return fmt.Errorf("privacy: layer %s feature %d has %d values for %d columns", tb.name, f, len(ft.Values), len(tb.Layer.Columns))
		}
		for c, ci := range tb.count {
			switch v := ft.Values[ci].(type) {
			case nil:
			case int64:
				if v < 0 {
					return fmt.Errorf("privacy: layer %s feature %d column %s: negative count %d", tb.name, f, tb.Counts[c], v)
				}
			default:
				return fmt.Errorf("privacy: layer %s feature %d column %s: %T is not an integer", tb.name, f, tb.Counts[c], v)
			}
		}
	}
	return nil
}

func (tb *tab) countPos(name string) int {
	for i, c := range tb.Counts {
		if c == name {
			return i
		}
	}
	return -1
}

// budget splits Epsilon across the count columns of each source's
// sensitive tables. A record falls in one feature of each count column
// (L1 sensitivity 1 per column), so by sequential composition each
// column gets Epsilon / m, m the number of columns; the columns of a
// Breakdown partition the records and are charged once together.
func (s *state) budget() {
	if s.p.Epsilon <= 0 || s.p.Off {
		return
	}
	m := map[string]int{}
	for _, tb := range s.tabs {
		if tb.Sensitive {
			n := len(tb.Counts) - len(tb.Breakdown)
			if len(tb.Breakdown) > 0 {
				n++
			}
			m[tb.Source] += n
		}
	}
	s.rep.EpsilonPerCount = map[string]float64{}
	srcs := make([]string, 0, len(m))
	for src := range m {
		srcs = append(srcs, src)
	}
	sort.Strings(srcs)
	for _, src := range srcs {
		if m[src] > 0 {
			s.rep.EpsilonPerCount[src] = s.p.Epsilon / float64(m[src])
		}
	}
}

// resolve turns the Sums into relations over nodes: values of public
// tables are constants.
func (s *state) resolve(sums []Sum) error {
	for i, sm := range sums {
		r := rel{total: -1}
		if sm.Fixed {
			r.totalConst = sm.Value
		} else {
			id, c, err := s.ref(sm.Total)
			if err != nil {
				return fmt.Errorf("privacy: sum %d total: %w", i, err)
			}
			r.total, r.totalConst = id, c
		}
		for _, p := range sm.Parts {
			id, c, err := s.ref(p)
			if err != nil {
				return fmt.Errorf("privacy: sum %d part: %w", i, err)
			}
			if id >= 0 {
				r.parts = append(r.parts, id)
			} else {
				r.partsConst += c
			}
		}
		r.partial = sm.Partial
		if r.total < 0 && len(r.parts) == 0 {
			continue
		}
		s.rels = append(s.rels, r)
	}
	return nil
}

// ref finds a value: a node id, or -1 and the constant of a public one.
func (s *state) ref(r Ref) (int, int64, error) {
	if r.Table < 0 || r.Table >= len(s.tabs) {
		return 0, 0, fmt.Errorf("no table %d", r.Table)
	}
	tb := s.tabs[r.Table]
	c := tb.countPos(r.Column)
	if c < 0 {
		return 0, 0, fmt.Errorf("layer %s: %q is not a count column", tb.name, r.Column)
	}
	if r.Feature < 0 || r.Feature >= len(tb.feats) {
		return 0, 0, fmt.Errorf("layer %s has no feature %d", tb.name, r.Feature)
	}
	if tb.nodes == nil {
		v, _ := tb.feats[r.Feature].Values[tb.count[c]].(int64)
		return -1, v, nil
	}
	return tb.nodes[c][r.Feature], 0, nil
}

// describe names a node for messages.
func (s *state) describe(id int) string {
	n := s.nodes[id]
	tb := s.tabs[n.t]
	if n.f < 0 {
		return fmt.Sprintf("%s %s -> other %s", tb.name, n.origin, tb.Counts[n.c])
	}
	return fmt.Sprintf("%s feature %d %s", tb.name, n.f, tb.Counts[n.c])
}

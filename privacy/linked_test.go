package privacy_test

import (
	"testing"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// The linked fixture: one sensitive run published as fine cells, a
// country table, a country-by-year table, routes and route nodes.
//
//	cells     a1 40, a2 5, a3 22 (country A = 67); b1 30, b2 12 (B = 42); c1 8 (C = 8)
//	years     A 2019 30, 2020 33 (4 undated); B 2019 2, 2020 40; C 2019 8, 2020 0
//	routes    X>A 50, Y>A 3, Z>A 10, X>B 4, Y>B 30, Z>B 6, X>C 7
//	nodes     in and out sums of the routes
//	total     117 records (public, as the manifest's row count)
const (
	tCells = iota
	tCountries
	tYears
	tRoutes
	tNodes
)

var routeRows = [][]any{
	{"X", "A", int64(50), 0.5}, {"Y", "A", int64(3), 0.1}, {"Z", "A", int64(10), 0.6},
	{"X", "B", int64(4), 0.1}, {"Y", "B", int64(30), 0.9}, {"Z", "B", int64(6), 0.4}, {"X", "C", int64(7), 0.1},
}

func linkedTables() []privacy.Table {
	cells := layer("cells", []export.Column{col("cell_id", export.String), col("country", export.String), col("count", export.Int), col("first_date", export.String)},
		[]any{"a1", "A", int64(40), "2019"}, []any{"a2", "A", int64(5), "2020"}, []any{"a3", "A", int64(22), "2019"},
		[]any{"b1", "B", int64(30), "2019"}, []any{"b2", "B", int64(12), "2020"}, []any{"c1", "C", int64(8), "2019"})
	countries := layer("countries", []export.Column{col("country", export.String), col("count", export.Int)},
		[]any{"A", int64(67)}, []any{"B", int64(42)}, []any{"C", int64(8)})
	years := layer("years", []export.Column{col("country", export.String), col("year", export.String), col("count", export.Int)},
		[]any{"A", "2019", int64(30)}, []any{"A", "2020", int64(33)}, []any{"B", "2019", int64(2)},
		[]any{"B", "2020", int64(40)}, []any{"C", "2019", int64(8)}, []any{"C", "2020", int64(0)})
	routes := layer("routes", []export.Column{col("origin", export.String), col("destination", export.String), col("count", export.Int), col("share_of_origin", export.Float)}, routeRows...)
	in := map[string]int64{}
	out := map[string]int64{}
	for _, r := range routeRows {
		out[r[0].(string)] += r[2].(int64)
		in[r[1].(string)] += r[2].(int64)
	}
	var nodeRows [][]any
	for _, v := range []string{"A", "B", "C", "X", "Y", "Z"} {
		nodeRows = append(nodeRows, []any{v, in[v], out[v]})
	}
	nodes := layer("nodes", []export.Column{col("node_id", export.String), col("in_count", export.Int), col("out_count", export.Int)}, nodeRows...)
	return []privacy.Table{
		tCells:     {Layer: cells, Source: "ctdc", Sensitive: true, Counts: []string{"count"}, Attached: []string{"first_date"}},
		tCountries: {Layer: countries, Source: "ctdc", Sensitive: true, Counts: []string{"count"}},
		tYears:     {Layer: years, Source: "ctdc", Sensitive: true, Counts: []string{"count"}},
		tRoutes:    {Layer: routes, Source: "ctdc", Sensitive: true, Counts: []string{"count"}, Pairs: true, Derived: []string{"share_of_origin"}},
		tNodes:     {Layer: nodes, Source: "ctdc", Sensitive: true, Counts: []string{"in_count", "out_count"}},
	}
}

// linkedSums is the wiring a pipeline would write for the fixture.
func linkedSums(t *testing.T, tables []privacy.Table) []privacy.Sum {
	var sums []privacy.Sum
	add := func(s []privacy.Sum, err error) {
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, s...)
	}
	add(privacy.KeyedSums(tables, privacy.Side{Table: tCountries, Key: "country", Column: "count"}, privacy.Side{Table: tCells, Key: "country", Column: "count"}, false))
	add(privacy.KeyedSums(tables, privacy.Side{Table: tCountries, Key: "country", Column: "count"}, privacy.Side{Table: tYears, Key: "country", Column: "count"}, true))
	add(privacy.KeyedSums(tables, privacy.Side{Table: tCountries, Key: "country", Column: "count"}, privacy.Side{Table: tRoutes, Key: "destination", Column: "count"}, true))
	add(privacy.KeyedSums(tables, privacy.Side{Table: tNodes, Key: "node_id", Column: "in_count"}, privacy.Side{Table: tRoutes, Key: "destination", Column: "count"}, false))
	add(privacy.KeyedSums(tables, privacy.Side{Table: tNodes, Key: "node_id", Column: "out_count"}, privacy.Side{Table: tRoutes, Key: "origin", Column: "count"}, false))
	sums = append(sums, privacy.ColumnTotal(tables, tCells, "count", 117, false))
	return sums
}

// linkedAttacker models the fixture from the published layers alone
// (plus the true list of route pairs, which a cautious model grants).
func linkedAttacker(out []*export.Layer, round int64) *attacker {
	a := newAttacker()
	key := func(cols ...string) func(map[string]any) string {
		return func(r map[string]any) string {
			s := ""
			for _, c := range cols {
				s += r[c].(string) + ">"
			}
			return s
		}
	}
	a.publish(out[tCells], round, key("cell_id"))
	a.publish(out[tCountries], round, key("country"))
	a.publish(out[tYears], round, key("country", "year"))
	a.publish(out[tNodes], round, key("node_id"))
	// Routes: named pairs as published; the pairs missing from the
	// output are unknowns summing to their origin's pool.
	published := map[string]bool{}
	pool := map[string][]string{}
	for _, r := range rows(out[tRoutes]) {
		if r["destination"] == "other" {
			continue
		}
		published[r["origin"].(string)+">"+r["destination"].(string)] = true
	}
	for _, r := range routeRows {
		k := r[0].(string) + ">" + r[1].(string) + ">"
		if !published[k[:len(k)-1]] {
			id := a.v("routes|" + k + "|count")
			a.targets = append(a.targets, id)
			pool[r[0].(string)] = append(pool[r[0].(string)], "routes|"+k+"|count")
		}
	}
	a.publish(out[tRoutes], round, key("origin", "destination"))
	for o, members := range pool {
		a.sum("routes|"+o+">other>|count", members, false)
	}
	in, outs := map[string][]string{}, map[string][]string{}
	for _, r := range routeRows {
		n := "routes|" + r[0].(string) + ">" + r[1].(string) + ">|count"
		outs[r[0].(string)] = append(outs[r[0].(string)], n)
		in[r[1].(string)] = append(in[r[1].(string)], n)
	}
	cells := map[string][]string{"A": {"a1", "a2", "a3"}, "B": {"b1", "b2"}, "C": {"c1"}}
	var all []string
	for c, ids := range cells {
		var parts, ys []string
		for _, id := range ids {
			parts = append(parts, "cells|"+id+">|count")
		}
		all = append(all, parts...)
		for _, y := range []string{"2019", "2020"} {
			ys = append(ys, "years|"+c+">"+y+">|count")
		}
		a.sum("countries|"+c+">|count", parts, false)
		a.sum("countries|"+c+">|count", ys, true)
		a.sum("countries|"+c+">|count", in[c], true)
	}
	for _, v := range []string{"A", "B", "C", "X", "Y", "Z"} {
		a.sum("nodes|"+v+">|in_count", in[v], false)
		a.sum("nodes|"+v+">|out_count", outs[v], false)
	}
	// The public grand total.
	tt := [][2]any{}
	for _, p := range all {
		tt = append(tt, [2]any{a.v(p), 1.0})
	}
	a.eq = append(a.eq, [2]any{tt, 117.0})
	return a
}

// A primary-only suppression of the fixture is broken by subtraction:
// the attacker model must pin at least one withheld value (a2 = 67 - 40
// - 22 = 5). This shows the attacker is strong enough for the next test
// to mean something.
func TestNaiveSuppressionIsRecoverable(t *testing.T) {
	tables := linkedTables()
	// No sums: Protect applies only primary suppression and pooling.
	out, _ := protect(t, tables, nil, privacy.Policy{K: 10})
	checkNoSmall(t, out, 10)
	iv := linkedAttacker(out, 1).intervals(t)
	a2 := iv["cells|a2>|count"]
	if a2[0] != 5 || a2[1] != 5 {
		t.Errorf("a2 naive interval = %v, want [5, 5] (67 - 40 - 22)", a2)
	}
	// Other subtractions: the grand total minus the published countries,
	// a country minus its published routes, ...
	narrow := 0
	for _, v := range iv {
		if v[1]-v[0] < 10 {
			narrow++
		}
	}
	if narrow < 3 {
		t.Errorf("naive suppression leaves %d values narrower than k, want several:\n%s", narrow, describe(iv))
	}
}

// With the relations, complementary suppression and the LP audit leave
// every withheld value of every table a feasible interval at least k
// wide, checked by an independent attacker (scipy's HiGHS).
func TestLinkedTablesAudit(t *testing.T) {
	for _, round := range []int{0, 5} {
		tables := linkedTables()
		out, rep := protect(t, tables, linkedSums(t, tables), privacy.Policy{K: 10, Round: round})
		checkNoSmall(t, out, 10)
		iv := linkedAttacker(out, int64(round)).intervals(t)
		if len(iv) == 0 {
			t.Fatal("nothing withheld")
		}
		for name, v := range iv {
			// A value pinned at 0 is a structural zero (a node no pair
			// reaches): it tells of nobody.
			if v[1]-v[0] < 10-1e-6 && v[1] > 1e-6 {
				t.Errorf("round %d: %s has interval [%g, %g], narrower than k", round, name, v[0], v[1])
			}
		}
		if len(rep.Unprotected) > 0 {
			t.Errorf("round %d: unprotected %v", round, rep.Unprotected)
		}
		t.Logf("round %d: suppressed %v, complementary %v, pooled %v, LPs %d\n%s", round, rep.Suppressed, rep.Complementary, rep.Pooled, rep.LPs, describe(iv))
		// The share column would give the origin total back.
		for _, r := range rows(out[tRoutes]) {
			if r["share_of_origin"] != nil {
				t.Errorf("round %d: share_of_origin published: %v", round, r)
			}
		}
		// A withheld cell's date is withheld too.
		for _, r := range rows(out[tCells]) {
			if r["count_suppressed"].(bool) && r["first_date"] != nil {
				t.Errorf("round %d: withheld cell %v shows its date %v", round, r["cell_id"], r["first_date"])
			}
		}
	}
}

// The hand-computed case: a country of 30 with cells 25 and 5. Without
// the relation the 5 is withheld and 30 - 25 gives it back; with it the
// 25 is withheld too and the 5 lies anywhere in [0, 30].
func TestComplementarySubtraction(t *testing.T) {
	mk := func() []privacy.Table {
		cells := layer("cells", []export.Column{col("cell_id", export.String), col("country", export.String), col("count", export.Int)},
			[]any{"a1", "A", int64(25)}, []any{"a2", "A", int64(5)}, []any{"b1", "B", int64(12)})
		countries := layer("countries", []export.Column{col("country", export.String), col("count", export.Int)},
			[]any{"A", int64(30)}, []any{"B", int64(12)})
		return []privacy.Table{
			{Layer: cells, Sensitive: true, Counts: []string{"count"}},
			{Layer: countries, Sensitive: true, Counts: []string{"count"}},
		}
	}
	tables := mk()
	sums, err := privacy.KeyedSums(tables, privacy.Side{Table: 1, Key: "country", Column: "count"}, privacy.Side{Table: 0, Key: "country", Column: "count"}, false)
	if err != nil {
		t.Fatal(err)
	}
	out, rep := protect(t, tables, sums, privacy.Policy{})
	got := rows(out[0])
	if got[0]["count"] != nil || got[1]["count"] != nil || got[2]["count"] != int64(12) {
		t.Errorf("cells published %v %v %v, want null null 12", got[0]["count"], got[1]["count"], got[2]["count"])
	}
	if c := rows(out[1]); c[0]["count"] != int64(30) || c[1]["count"] != int64(12) {
		t.Errorf("countries published %v %v, want 30 12", c[0]["count"], c[1]["count"])
	}
	if rep.Suppressed["cells"] != 2 || rep.Complementary["cells"] != 1 {
		t.Errorf("report suppressed %v complementary %v, want cells 2 and 1", rep.Suppressed, rep.Complementary)
	}
	// The independent attacker: a1 + a2 = 30, b1 = 12 = B.
	a := newAttacker()
	key := func(c string) func(map[string]any) string {
		return func(r map[string]any) string { return r[c].(string) }
	}
	a.publish(out[0], 1, key("cell_id"))
	a.publish(out[1], 1, key("country"))
	a.sum("countries|A|count", []string{"cells|a1|count", "cells|a2|count"}, false)
	iv := a.intervals(t)
	if v := iv["cells|a2|count"]; v != [2]float64{0, 30} {
		t.Errorf("a2 interval %v, want [0, 30]", v)
	}
}

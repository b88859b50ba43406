package privacy_test

import (
	"fmt"
	"testing"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// refAttacker models a run generically from the input tables' shape,
// the declared relations and the published layers: one unknown per
// count value (t/f/column), bounds from the published values, pooled
// pairs summing to their origin's pool. Every keep-th withheld value is
// a target.
func refAttacker(t *testing.T, tables []privacy.Table, sums []privacy.Sum, out []*export.Layer, round int64, keep int) *attacker {
	t.Helper()
	a := newAttacker()
	name := func(ti, f int, c string) string { return fmt.Sprintf("%d/%d/%s", ti, f, c) }
	n := 0
	target := func(id int) {
		if n%keep == 0 {
			a.targets = append(a.targets, id)
		}
		n++
	}
	for ti, tb := range tables {
		in := rows(tb.Layer)
		pub := rows(out[ti])
		row := make([]int, len(in)) // input feature -> output row, -1 pooled
		if tb.Pairs && tb.Sensitive {
			named := map[string]int{}
			for i, r := range pub {
				if r["destination"] != "other" {
					named[r["origin"].(string)+">"+r["destination"].(string)] = i
				}
			}
			pools := map[string][]string{}
			for f, r := range in {
				i, ok := named[r["origin"].(string)+">"+r["destination"].(string)]
				if !ok {
					i = -1
					pools[r["origin"].(string)] = append(pools[r["origin"].(string)], name(ti, f, tb.Counts[0]))
				}
				row[f] = i
			}
			for _, r := range pub {
				if r["destination"] != "other" {
					continue
				}
				o := r["origin"].(string)
				pool := fmt.Sprintf("%d/pool/%s", ti, o)
				id := a.v(pool)
				if v, ok := r["count"].(int64); ok {
					a.bounds[id] = [2]any{float64(v), float64(v + max(round, 1) - 1)}
				} else {
					target(id)
				}
				a.sum(pool, pools[o], false)
			}
		} else {
			for f := range row {
				row[f] = f
			}
		}
		for f := range in {
			for _, c := range tb.Counts {
				id := a.v(name(ti, f, c))
				if row[f] < 0 {
					target(id)
					continue
				}
				r := pub[row[f]]
				if r[c+"_suppressed"].(bool) {
					target(id)
					continue
				}
				v := float64(r[c].(int64))
				hi := v
				if tb.Sensitive {
					hi += float64(max(round, 1) - 1)
				}
				a.bounds[id] = [2]any{v, hi}
			}
		}
	}
	for _, s := range sums {
		var parts []string
		for _, p := range s.Parts {
			parts = append(parts, name(p.Table, p.Feature, p.Column))
		}
		if !s.Fixed {
			a.sum(name(s.Total.Table, s.Total.Feature, s.Total.Column), parts, s.Partial)
			continue
		}
		var tt [][2]any
		for _, p := range parts {
			tt = append(tt, [2]any{a.v(p), 1.0})
		}
		if s.Partial {
			a.ub = append(a.ub, [2]any{tt, float64(s.Value)})
		} else {
			a.eq = append(a.eq, [2]any{tt, float64(s.Value)})
		}
	}
	return a
}

// The 200-country run, attacked by the generic model: every sampled
// withheld value keeps an interval at least k wide (structural zeros
// excepted).
func TestCountryRunAttack(t *testing.T) {
	tables, sums := countryRun(200)
	out, rep := protect(t, tables, sums, privacy.Policy{})
	iv := refAttacker(t, tables, sums, out, 1, 7).intervals(t)
	narrow := 0
	for name, v := range iv {
		if v[1]-v[0] < 10-1e-6 && v[1] > 1e-6 {
			narrow++
			if narrow < 10 {
				t.Errorf("%s: interval [%g, %g] narrower than k", name, v[0], v[1])
			}
		}
	}
	t.Logf("%d sampled withheld values attacked, %d narrower than k; report %v", len(iv), narrow, rep.Suppressed)
}

// The generic model agrees with the hand-written one on the linked
// fixture.
func TestLinkedAttackGeneric(t *testing.T) {
	tables := linkedTables()
	sums := linkedSums(t, tables)
	out, _ := protect(t, tables, sums, privacy.Policy{})
	iv := refAttacker(t, tables, sums, out, 1, 1).intervals(t)
	for name, v := range iv {
		if v[1]-v[0] < 10-1e-6 && v[1] > 1e-6 {
			t.Errorf("%s: interval [%g, %g] narrower than k", name, v[0], v[1])
		}
	}
	// And it sees the subtraction on the primary-only output.
	naive, _ := protect(t, tables, nil, privacy.Policy{})
	iv = refAttacker(t, tables, sums, naive, 1, 1).intervals(t)
	if v := iv["0/1/count"]; v != [2]float64{5, 5} { // cell a2
		t.Errorf("naive a2 interval %v, want [5, 5]", v)
	}
}

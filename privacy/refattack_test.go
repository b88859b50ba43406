package privacy_test

import (
	"fmt"
	"math"
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
	iv := refAttacker(t, tables, sums, out, 1, 10).intervals(t)
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

// giStar computes Gi* z-scores and p-values of counts under binary
// neighbour lists, from the formula (independent of the package).
func giStar(counts []int64, nb [][]int) (z, p []float64) {
	n := len(counts)
	mean, sd := meanSD(counts)
	z, p = make([]float64, n), make([]float64, n)
	for i := range n {
		sum := float64(counts[i])
		for _, j := range nb[i] {
			sum += float64(counts[j])
		}
		W := float64(len(nb[i]) + 1)
		q := (float64(n)*W - W*W) / float64(n-1)
		z[i] = (sum - mean*W) / (sd * math.Sqrt(q))
		p[i] = math.Erfc(math.Abs(z[i]) / math.Sqrt2)
	}
	return z, p
}

// Country-level run with Gi* on the countries (four nearest in a ring):
// relations and z-score bands together, attacked at once.
func TestCountryRunWithZScores(t *testing.T) {
	tables, sums := countryRun(60, 6)
	cells := rows(tables[0].Layer)
	counts := make([]int64, len(cells))
	nb := make([][]int, len(cells))
	for i, r := range cells {
		counts[i] = r["count"].(int64)
		for _, d := range []int{-2, -1, 1, 2} {
			nb[i] = append(nb[i], (i+d+len(cells))%len(cells))
		}
	}
	z, p := giStar(counts, nb)
	l := tables[0].Layer
	cols := append(append([]export.Column(nil), l.Columns...), col("gi_z", export.Float), col("gi_p", export.Float))
	var rs [][]any
	i := 0
	l.Features(func(f export.Feature) bool {
		rs = append(rs, append(append([]any(nil), f.Values...), z[i], p[i]))
		i++
		return true
	})
	tables[0].Layer = layer("cells", cols, rs...)
	tables[0].Gi = &privacy.GiStar{Z: "gi_z", P: "gi_p", Count: "count", Neighbours: nb}
	gi := tables[0].Gi
	attack := func(out []*export.Layer) (narrow int, iv map[string][2]float64) {
		a := refAttacker(t, tables, sums, out, 1, 5)
		addBands(t, a, out[0], counts, nb, func(j int) string { return fmt.Sprintf("0/%d/count", j) })
		iv = a.intervals(t)
		for _, v := range iv {
			if v[1]-v[0] < 10-1e-6 && v[1] > 1e-6 {
				narrow++
			}
		}
		return narrow, iv
	}
	// Without the z audit (z and p rounded only) the bands pin values.
	tables[0].Gi, tables[0].ZColumns, tables[0].PColumns = nil, []string{"gi_z"}, []string{"gi_p"}
	naive, _ := protect(t, tables, sums, privacy.Policy{})
	if n, _ := attack(naive); n == 0 {
		t.Error("the rounded z-scores pin nothing: the attack is too weak to test the audit")
	}
	tables[0].Gi, tables[0].ZColumns, tables[0].PColumns = gi, nil, nil
	out, rep := protect(t, tables, sums, privacy.Policy{})
	checkNoSmall(t, out, 10)
	narrow, iv := attack(out)
	if narrow > 0 {
		t.Errorf("%d withheld values narrower than k", narrow)
	}
	kept := 0
	for _, r := range rows(out[0]) {
		if r["gi_z"] != nil {
			kept++
		}
	}
	if len(rep.Unprotected) > 0 || rep.Unaudited > 0 {
		// every value here can be protected, and the components the bands
		// join are small: nothing may be reported unprotected or skipped
		t.Errorf("unprotected %v, %d unaudited", rep.Unprotected, rep.Unaudited)
	}
	t.Logf("%d sampled withheld values attacked; z kept on %d of %d countries (p nulled %v, z nulled %v); %d LPs; unprotected %v",
		len(iv), kept, len(counts), rep.PNulled, rep.ZNulled, rep.LPs, rep.Unprotected)
}

package privacy_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// A small cluster loses its count, its dates and its hull; a large one
// keeps them.
func TestSmallClusterHidden(t *testing.T) {
	hull := orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}
	l := &export.Layer{Name: "clusters", Columns: []export.Column{col("cluster_id", export.Int), col("n_points", export.Int), col("count", export.Int),
		col("first_date", export.String), col("last_date", export.String)},
		Features: export.Slice([]export.Feature{
			{Geometry: hull, Values: []any{int64(1), int64(4), int64(6), "2020-01", "2020-03"}},
			{Geometry: hull, Values: []any{int64(2), int64(30), int64(41), "2019-05", "2021-02"}},
		})}
	out, _ := protect(t, []privacy.Table{{Layer: l, Sensitive: true, Counts: []string{"count", "n_points"},
		Attached: []string{"first_date", "last_date"}, HideGeometry: true}}, nil, privacy.Policy{})
	var fs []export.Feature
	out[0].Features(func(f export.Feature) bool { fs = append(fs, f); return true })
	r := rows(out[0])
	if fs[0].Geometry != nil || r[0]["first_date"] != nil || r[0]["last_date"] != nil || r[0]["count"] != nil || r[0]["n_points"] != nil {
		t.Errorf("small cluster published: %v %v", fs[0].Geometry, r[0])
	}
	if fs[1].Geometry == nil || r[1]["first_date"] != "2019-05" || r[1]["count"] != int64(41) {
		t.Errorf("large cluster changed: %v", r[1])
	}
}

// Random linked runs: Protect never fails on valid input, never
// publishes a count between 1 and k-1, reports nothing unprotected when
// no public total is involved, and (first six) the independent
// attacker finds every withheld value at least k wide.
func TestRandomLinkedRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 40 {
		k := 2 + rng.IntN(12)
		round := []int{0, 0, 3, 5}[rng.IntN(4)]
		nc := 1 + rng.IntN(4)
		var cells, countries, routes [][]any
		for c := range nc {
			var tot int64
			for i := range 1 + rng.IntN(5) {
				v := int64(rng.IntN(3 * k))
				tot += v
				cells = append(cells, []any{fmt.Sprintf("c%d_%d", c, i), fmt.Sprintf("K%d", c), v})
			}
			countries = append(countries, []any{fmt.Sprintf("K%d", c), tot})
			left := tot
			for o := 0; o < 3 && left > 0; o++ {
				v := int64(rng.IntN(int(left) + 1))
				left -= v
				if v > 0 {
					routes = append(routes, []any{fmt.Sprintf("O%d", o), fmt.Sprintf("K%d", c), v})
				}
			}
		}
		tables := []privacy.Table{
			{Layer: layer("cells", []export.Column{col("cell_id", export.String), col("country", export.String), col("count", export.Int)}, cells...), Sensitive: true, Counts: []string{"count"}},
			{Layer: layer("countries", []export.Column{col("country", export.String), col("count", export.Int)}, countries...), Sensitive: true, Counts: []string{"count"}},
			{Layer: layer("routes", []export.Column{col("origin", export.String), col("destination", export.String), col("count", export.Int)}, routes...), Sensitive: true, Counts: []string{"count"}, Pairs: true},
		}
		s1, err := privacy.KeyedSums(tables, privacy.Side{Table: 1, Key: "country", Column: "count"}, privacy.Side{Table: 0, Key: "country", Column: "count"}, false)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := privacy.KeyedSums(tables, privacy.Side{Table: 1, Key: "country", Column: "count"}, privacy.Side{Table: 2, Key: "destination", Column: "count"}, true)
		if err != nil {
			t.Fatal(err)
		}
		out, rep, err := privacy.Protect(tables, append(s1, s2...), privacy.Policy{K: k, Round: round})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		checkNoSmall(t, out, int64(k))
		if len(rep.Unprotected) > 0 {
			t.Errorf("trial %d (k %d round %d): unprotected %v", trial, k, round, rep.Unprotected)
		}
		if trial >= 6 {
			continue // the independent attacker on the first six only
		}
		for name, v := range refAttacker(t, tables, append(s1, s2...), out, int64(round), 1).intervals(t) {
			if v[1]-v[0] < float64(k)-1e-6 && v[1] > 1e-6 {
				t.Errorf("trial %d (k %d round %d): %s has interval [%g, %g]", trial, k, round, name, v[0], v[1])
			}
		}
	}
}

package privacy_test

import (
	"fmt"
	"testing"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// countryRun builds a country-level run like a CTDC extract: n
// countries with heavy-tailed counts (most small), five per-year
// columns, routes from 30 origins, nodes, and the public grand total.
func countryRun(n int, scale ...int64) ([]privacy.Table, []privacy.Sum) {
	div := int64(1)
	if len(scale) > 0 {
		div = scale[0]
	}
	years := []string{"count_2019", "count_2020", "count_2021", "count_2022", "count_2023"}
	cols := []export.Column{col("cell_id", export.String), col("count", export.Int)}
	for _, y := range years {
		cols = append(cols, col(y, export.Int))
	}
	var cells, routes [][]any
	in := map[string]int64{}
	out := map[string]int64{}
	var total int64
	for i := range n {
		id := fmt.Sprintf("C%03d", i)
		// 30 origins send to country i: a heavy-tailed amount.
		var c int64
		for o := range 30 {
			v := int64((i*31+o*17)%97) * int64(3+i%5) / int64(1+o+i%13) / div
			if (i+o)%4 != 0 {
				v = 0
			}
			if v > 0 {
				org := fmt.Sprintf("O%02d", o)
				routes = append(routes, []any{org, id, v})
				out[org] += v
				in[id] += v
				c += v
			}
		}
		c += int64(i % 3) // records without citizenship
		row := []any{id, c}
		rest := c
		for y := range years {
			v := c / 5
			if y == 4 {
				v = rest - int64(i%2) // a record without a date
				v = max(v, 0)
			}
			rest -= v
			row = append(row, v)
		}
		cells = append(cells, row)
		total += c
	}
	var nodes [][]any
	for i := range n {
		id := fmt.Sprintf("C%03d", i)
		nodes = append(nodes, []any{id, in[id], out[id]})
	}
	for o := range 30 {
		id := fmt.Sprintf("O%02d", o)
		nodes = append(nodes, []any{id, in[id], out[id]})
	}
	tables := []privacy.Table{
		{Layer: layer("cells", cols, cells...), Sensitive: true, Counts: append([]string{"count"}, years...), Breakdown: years},
		{Layer: layer("routes", []export.Column{col("origin", export.String), col("destination", export.String), col("count", export.Int)}, routes...),
			Sensitive: true, Counts: []string{"count"}, Pairs: true},
		{Layer: layer("nodes", []export.Column{col("node_id", export.String), col("in_count", export.Int), col("out_count", export.Int)}, nodes...),
			Sensitive: true, Counts: []string{"in_count", "out_count"}},
	}
	sums := privacy.RowSums(tables, 0, "count", years, true)
	s1, _ := privacy.KeyedSums(tables, privacy.Side{Table: 0, Key: "cell_id", Column: "count"}, privacy.Side{Table: 1, Key: "destination", Column: "count"}, true)
	s2, _ := privacy.KeyedSums(tables, privacy.Side{Table: 2, Key: "node_id", Column: "in_count"}, privacy.Side{Table: 1, Key: "destination", Column: "count"}, false)
	s3, _ := privacy.KeyedSums(tables, privacy.Side{Table: 2, Key: "node_id", Column: "out_count"}, privacy.Side{Table: 1, Key: "origin", Column: "count"}, false)
	sums = append(append(append(sums, s1...), s2...), s3...)
	sums = append(sums, privacy.ColumnTotal(tables, 0, "count", total, false))
	return tables, sums
}

// A country-level run of 200 countries and their routes completes and
// publishes no small count.
func TestCountryRunScale(t *testing.T) {
	tables, sums := countryRun(200)
	out, rep := protect(t, tables, sums, privacy.Policy{})
	checkNoSmall(t, out, 10)
	if len(rep.Unprotected) > 0 {
		t.Errorf("unprotected: %v", rep.Unprotected)
	}
	t.Logf("suppressed %v complementary %v pooled %v; %d audited, %d LPs", rep.Suppressed, rep.Complementary, rep.Pooled, rep.Audited, rep.LPs)
}

func BenchmarkProtectCountries(b *testing.B) {
	tables, sums := countryRun(200)
	for b.Loop() {
		if _, _, err := privacy.Protect(tables, sums, privacy.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

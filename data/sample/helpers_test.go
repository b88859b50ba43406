package sample

import (
	"bytes"
	"encoding/csv"
	"math"
	"sort"
	"strconv"
	"testing"
)

// generated is one sample held in memory.
type generated struct {
	cases, incidents, flows, truth []byte
	t                              Truth
}

func generate(t testing.TB, cfg Config) generated {
	t.Helper()
	var g generated
	var c, i, f, tr bytes.Buffer
	tt, err := Write(&c, &i, &f, &tr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	g.cases, g.incidents, g.flows, g.truth, g.t = c.Bytes(), i.Bytes(), f.Bytes(), tr.Bytes(), tt
	return g
}

// table is a CSV file read with encoding/csv, a reader independent of
// the generator's writer.
type table struct {
	header []string
	col    map[string]int
	rows   [][]string
}

func readTable(t testing.TB, b []byte) table {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll() // also checks that every row has as many fields as the header
	if err != nil {
		t.Fatal(err)
	}
	tb := table{header: recs[0], col: map[string]int{}, rows: recs[1:]}
	for i, h := range tb.header {
		tb.col[h] = i
	}
	return tb
}

func (tb table) get(row []string, name string) string { return row[tb.col[name]] }

func (tb table) num(t testing.TB, row []string, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(tb.get(row, name), 64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// invalidLines returns the set of cases.csv lines that truth says are broken.
func invalidLines(tr Truth) map[int64]bool {
	m := map[int64]bool{}
	for _, iv := range tr.Invalid {
		m[iv.Line] = true
	}
	return m
}

// kendallTau is Kendall's tau-a of a series against time, computed from
// its definition: (concordant - discordant) / (n(n-1)/2).
func kendallTau(x []int64) float64 {
	var s float64
	n := len(x)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			switch {
			case x[j] > x[i]:
				s++
			case x[j] < x[i]:
				s--
			}
		}
	}
	return s / float64(n*(n-1)/2)
}

// mannKendallZ is the Mann-Kendall trend statistic Z (no ties correction;
// the series tested have no ties or few).
func mannKendallZ(x []int64) float64 {
	n := float64(len(x))
	s := kendallTau(x) * n * (n - 1) / 2
	v := n * (n - 1) * (2*n + 5) / 18
	switch {
	case s > 0:
		return (s - 1) / math.Sqrt(v)
	case s < 0:
		return (s + 1) / math.Sqrt(v)
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

package privacy

import (
	"fmt"

	"github.com/htmap/htmap/export"
)

// DefaultK is the default suppression threshold: CTDC's public map shows
// no country with fewer than 10 victims.
const DefaultK = 10

// Policy is the disclosure-control setting of a run.
type Policy struct {
	// K is the threshold: a sensitive count below K (zero included) is
	// withheld. 0 means DefaultK.
	K int
	// Round, when above 1, publishes sensitive counts rounded down to a
	// multiple of Round; a count whose rounded value falls below K is
	// withheld.
	Round int
	// Epsilon, when positive, adds two-sided geometric noise to the
	// sensitive counts (total budget per source; see Budget).
	Epsilon float64
	// Key is the --dp-key secret that seeds the noise. It is required
	// when Epsilon > 0 and is never written anywhere.
	Key []byte
	// Off publishes every value unchanged and marks every layer with a
	// privacy_off column (the --privacy off flag).
	Off bool
	// ZAuditMaxValues bounds the LPs of the z-score audit: withheld
	// values in a component of more unknowns than this are treated as
	// exposed without an LP, so the z-scores over them are withheld.
	// 0 means DefaultZAuditMaxValues.
	ZAuditMaxValues int
}

// Table is one layer on its way to publication, with what the privacy
// stage must know about it.
type Table struct {
	Layer *export.Layer
	// Output names the layer in the Report and in the noise labels, e.g.
	// "ctdc/cells"; default Layer.Name. Give each table a distinct name.
	Output string
	// Source is the input the table is computed from (e.g. "ctdc").
	// Sensitive tables of one source share the privacy budget.
	Source string
	// Sensitive tables have their counts suppressed, rounded or noised.
	Sensitive bool
	// Counts are the integer count columns. Each gets a boolean
	// <name>_suppressed column right after it, in sensitive and public
	// tables alike. The first one is the table's main count: Attached
	// columns and (with HideGeometry) the geometry follow its fate.
	Counts []string
	// Breakdown lists count columns that partition the records (a record
	// counts in at most one of them, like count_2019, count_2020); they
	// are charged once in the noise budget instead of once each.
	Breakdown []string
	// Attached columns describe the records behind the main count (date
	// ranges, top category, centroid): nulled wherever the main count is
	// withheld, since a non-null date would show a withheld cell is not
	// empty.
	Attached []string
	// HideGeometry nulls the geometry of a feature whose main count is
	// withheld (cluster hulls drawn around fewer than K records).
	HideGeometry bool
	// Derived columns are computed from the true counts in ways the audit
	// cannot follow (shares, ratios): withheld entirely in sensitive
	// tables, since share = count / origin total gives the total back.
	Derived []string
	// ZColumns are published to 1 decimal and PColumns to 3 decimals in
	// sensitive tables.
	ZColumns, PColumns []string
	// Pairs marks an origin/destination layer with String columns
	// "origin" and "destination" and one count column: in a sensitive
	// table, pairs below K are pooled into one feature per origin with
	// destination "other".
	Pairs bool
	// Gi describes the Getis-Ord Gi* statistics of the table for the
	// inversion audit; nil when the table has none.
	Gi *GiStar
}

// GiStar names the Gi* columns of a table and the binary weights they
// were computed with, so the audit can rebuild the linear constraints
// the published z-scores put on the counts.
type GiStar struct {
	Z, P  string // z-score and its two-sided normal p-value ("gi_z", "gi_p")
	Count string // the count column the statistic was computed on
	// Neighbours of each feature (binary weights, self excluded; Gi*
	// adds the feature itself).
	Neighbours [][]int
}

// Ref names one count value: a table (index into the slice given to
// Protect), a feature (its position in the layer's iteration order) and
// a count column.
type Ref struct {
	Table, Feature int
	Column         string
}

// Sum says that the true value Total equals the sum of the true values
// Parts. It is how the pipeline tells the audit how its tables are
// linked, since an attacker subtracts one published table from another.
type Sum struct {
	Total Ref
	// Fixed: the total is the public constant Value instead of a table
	// value (e.g. the manifest's row count).
	Fixed bool
	Value int64
	Parts []Ref
	// Partial: the parts cover only some of the total's records (records
	// without a date or citizenship): Total >= sum of Parts.
	Partial bool
}

// RowSums says that in every feature of table t, column total equals
// the sum of the columns parts (partial: at least the sum).
func RowSums(tables []Table, t int, total string, parts []string, partial bool) []Sum {
	n := countFeatures(tables[t].Layer)
	out := make([]Sum, n)
	for f := range n {
		s := Sum{Total: Ref{t, f, total}, Partial: partial, Parts: make([]Ref, len(parts))}
		for i, c := range parts {
			s.Parts[i] = Ref{t, f, c}
		}
		out[f] = s
	}
	return out
}

// Side is one side of KeyedSums: a table, the String column whose value
// matches features across tables, and the count column.
type Side struct {
	Table       int
	Key, Column string
}

// KeyedSums says that each feature of total.Table equals the sum of the
// features of parts.Table with the same key: nodes.in_count of node v =
// sum of routes.count with destination v, or cells.count of country c >=
// sum of routes.count with destination c (partial). A total feature
// with no matching part is a sum of nothing: its value is then 0 (or
// anything, when partial).
func KeyedSums(tables []Table, total, parts Side, partial bool) ([]Sum, error) {
	pk, err := stringColumn(tables[parts.Table].Layer, parts.Key)
	if err != nil {
		return nil, err
	}
	tk, err := stringColumn(tables[total.Table].Layer, total.Key)
	if err != nil {
		return nil, err
	}
	byKey := map[string][]Ref{}
	for f, k := range pk {
		byKey[k] = append(byKey[k], Ref{parts.Table, f, parts.Column})
	}
	out := make([]Sum, len(tk))
	for f, k := range tk {
		out[f] = Sum{Total: Ref{total.Table, f, total.Column}, Parts: byKey[k], Partial: partial}
	}
	return out, nil
}

// ColumnTotal says that column col of table t sums to the public
// constant value (partial: at most value).
func ColumnTotal(tables []Table, t int, col string, value int64, partial bool) Sum {
	n := countFeatures(tables[t].Layer)
	s := Sum{Fixed: true, Value: value, Partial: partial, Parts: make([]Ref, n)}
	for f := range n {
		s.Parts[f] = Ref{t, f, col}
	}
	return s
}

func countFeatures(l *export.Layer) int {
	n := 0
	l.Features(func(export.Feature) bool { n++; return true })
	return n
}

func stringColumn(l *export.Layer, name string) ([]string, error) {
	ci := -1
	for i, c := range l.Columns {
		if c.Name == name {
			ci = i
		}
	}
	if ci < 0 {
		return nil, fmt.Errorf("privacy: layer %s has no column %q", l.Name, name)
	}
	var out []string
	l.Features(func(f export.Feature) bool {
		s, _ := f.Values[ci].(string)
		out = append(out, s)
		return true
	})
	return out, nil
}

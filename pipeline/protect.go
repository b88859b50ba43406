package pipeline

import (
	"github.com/htmap/htmap/export"
)

// PrivacyReport goes into the manifest: the rules applied and how many
// values each published layer withheld.
type PrivacyReport struct {
	K          int            `json:"k"`
	Sensitive  []string       `json:"sensitive_inputs"`
	Suppressed map[string]int `json:"suppressed_by_layer"`
}

// protect applies the disclosure rules to every table before anything
// is written. Interim rule set: every count of a sensitive table below
// k, zero included, is withheld (null, with <name>_suppressed true).
func protect(tables []*table, k int) ([]*table, PrivacyReport) {
	rep := PrivacyReport{K: k, Suppressed: map[string]int{}}
	out := make([]*table, 0, len(tables))
	for _, t := range tables {
		nt, n := suppress(t, k)
		if t.sensitive {
			rep.Suppressed[t.kind.String()+"/"+t.layer.Name] = n
		}
		out = append(out, nt)
	}
	return out, rep
}

func suppress(t *table, k int) (*table, int) {
	isCount := map[int]bool{}
	var newCols []export.Column
	for i, c := range t.layer.Columns {
		newCols = append(newCols, c)
		for _, name := range t.counts {
			if c.Name == name {
				isCount[i] = true
				newCols = append(newCols, export.Column{Name: c.Name + "_suppressed", Type: export.Bool})
			}
		}
	}
	var feats []export.Feature
	n := 0
	t.layer.Features(func(f export.Feature) bool {
		v := make([]any, 0, len(newCols))
		for i, x := range f.Values {
			if !isCount[i] {
				v = append(v, x)
				continue
			}
			withheld := false
			if c, ok := x.(int64); ok && t.sensitive && c < int64(k) {
				withheld = true
				x = nil
				n++
			}
			v = append(v, x, withheld)
		}
		feats = append(feats, export.Feature{Geometry: f.Geometry, Values: v})
		return true
	})
	nt := *t
	nt.layer = &export.Layer{Name: t.layer.Name, Columns: newCols, Features: export.Slice(feats)}
	return &nt, n
}

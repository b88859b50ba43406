package privacy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/internal/testenv"
	"github.com/htmap/htmap/privacy"
)

// layer builds a layer from rows of values; every feature is a point.
func layer(name string, cols []export.Column, rows ...[]any) *export.Layer {
	fs := make([]export.Feature, len(rows))
	for i, r := range rows {
		fs[i] = export.Feature{Geometry: orb.Point{float64(i), float64(i)}, Values: r}
	}
	return &export.Layer{Name: name, Columns: cols, Features: export.Slice(fs)}
}

func col(name string, t export.Type) export.Column { return export.Column{Name: name, Type: t} }

// rows reads a layer back as maps of column name to value.
func rows(l *export.Layer) []map[string]any {
	var out []map[string]any
	l.Features(func(f export.Feature) bool {
		m := map[string]any{}
		for i, c := range l.Columns {
			m[c.Name] = f.Values[i]
		}
		out = append(out, m)
		return true
	})
	return out
}

// countColumns returns the count columns of a published layer: those
// with a _suppressed column beside them.
func countColumns(l *export.Layer) []string {
	var out []string
	for i, c := range l.Columns {
		if i+1 < len(l.Columns) && l.Columns[i+1].Name == c.Name+"_suppressed" {
			out = append(out, c.Name)
		}
	}
	return out
}

// checkNoSmall fails when a published count is between 1 and k-1, or a
// withheld one is not null, or a flag is missing.
func checkNoSmall(t *testing.T, layers []*export.Layer, k int64) {
	t.Helper()
	for _, l := range layers {
		for fi, r := range rows(l) {
			for _, c := range countColumns(l) {
				flag, ok := r[c+"_suppressed"].(bool)
				if !ok {
					t.Errorf("%s feature %d: %s_suppressed is %v", l.Name, fi, c, r[c+"_suppressed"])
					continue
				}
				v := r[c]
				if flag && v != nil {
					t.Errorf("%s feature %d: %s suppressed but published as %v", l.Name, fi, c, v)
				}
				if !flag {
					n, ok := v.(int64)
					if !ok {
						t.Errorf("%s feature %d: %s = %v is neither published nor flagged", l.Name, fi, c, v)
					} else if n >= 0 && n < k {
						t.Errorf("%s feature %d: %s = %d published, below k = %d", l.Name, fi, c, n, k)
					}
				}
			}
		}
	}
}

// attacker is an independent model of what the published layers reveal:
// one unknown per true count, bounds from the published values, and the
// relations between tables written by the test itself.
type attacker struct {
	idx     map[string]int
	names   []string
	bounds  [][2]any
	eq, ub  [][2]any
	targets []int
}

func newAttacker() *attacker { return &attacker{idx: map[string]int{}} }

// v returns the unknown of a named value, creating it unbounded.
func (a *attacker) v(name string) int {
	if i, ok := a.idx[name]; ok {
		return i
	}
	a.idx[name] = len(a.names)
	a.names = append(a.names, name)
	a.bounds = append(a.bounds, [2]any{0.0, nil})
	return len(a.names) - 1
}

func terms(ids []int, coef float64) [][2]any {
	out := make([][2]any, len(ids))
	for i, id := range ids {
		out[i] = [2]any{id, coef}
	}
	return out
}

// sum adds total = sum(parts) (partial: total >= sum(parts)).
func (a *attacker) sum(total string, parts []string, partial bool) {
	tt := [][2]any{{a.v(total), 1.0}}
	for _, p := range parts {
		tt = append(tt, [2]any{a.v(p), -1.0})
	}
	if partial { // -(total - sum) <= 0
		for i := range tt {
			tt[i][1] = -tt[i][1].(float64)
		}
		a.ub = append(a.ub, [2]any{tt, 0.0})
		return
	}
	a.eq = append(a.eq, [2]any{tt, 0.0})
}

// publish reads a published layer: key names each feature.
func (a *attacker) publish(l *export.Layer, round int64, key func(map[string]any) string) {
	for _, r := range rows(l) {
		for _, c := range countColumns(l) {
			id := a.v(l.Name + "|" + key(r) + "|" + c)
			if r[c+"_suppressed"].(bool) {
				a.targets = append(a.targets, id)
				continue
			}
			p := float64(r[c].(int64))
			a.bounds[id] = [2]any{p, p + float64(max(round, 1)-1)}
		}
	}
}

// interval solves the attacker's LPs with scipy and returns each
// target's [min, max] (max +Inf when unbounded).
func (a *attacker) intervals(t *testing.T) map[string][2]float64 {
	t.Helper()
	py := testenv.DebianPython(t, "scipy", "numpy")
	if len(a.targets) == 0 {
		return map[string][2]float64{}
	}
	in, err := json.Marshal(map[string]any{"n": len(a.names), "eq": a.eq, "ub": a.ub, "bounds": a.bounds, "targets": a.targets})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join("testdata", "attack.py"))
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("attack.py: %v: %s", err, stderr.String())
	}
	var res [][2]*float64
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	m := map[string][2]float64{}
	for i, id := range a.targets {
		hi := 1e300
		if res[i][1] != nil {
			hi = *res[i][1]
		}
		m[a.names[id]] = [2]float64{*res[i][0], hi}
	}
	return m
}

func protect(t *testing.T, tables []privacy.Table, sums []privacy.Sum, p privacy.Policy) ([]*export.Layer, privacy.Report) {
	t.Helper()
	out, rep, err := privacy.Protect(tables, sums, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range out {
		if err := l.Check(); err != nil {
			t.Fatal(err)
		}
	}
	return out, rep
}

// geojson writes layers as GeoJSON, concatenated.
func geojson(t *testing.T, layers []*export.Layer) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, l := range layers {
		if _, err := export.WriteGeoJSON(&b, l, export.GeoJSONOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func describe(m map[string][2]float64) string {
	var sb strings.Builder
	for k, v := range m {
		fmt.Fprintf(&sb, "%s [%g, %g]\n", k, v[0], v[1])
	}
	return sb.String()
}

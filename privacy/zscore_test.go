package privacy_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// lattice is a side x side grid of cells with rook neighbours: a block
// of large counts (a planted hotspot), a few small counts, zeros
// elsewhere; with Gi* z-scores and p-values computed here from the
// formula in the package documentation.
func lattice(side int, dense bool) (counts []int64, nb [][]int, z, p []float64) {
	bigCounts := side == 11 // the wide-spread variant
	n := side * side
	counts = make([]int64, n)
	for r := range side {
		for c := range side {
			i := r*side + c
			switch {
			case bigCounts:
				counts[i] = int64((i * 137) % 601)
				if i%9 == 4 {
					counts[i] = int64(i % 10)
				}
			case dense:
				counts[i] = int64((r*13 + c*7 + r*c) % 29)
			case r >= 3 && r <= 6 && c >= 3 && c <= 6:
				counts[i] = int64(20 + 3*r + 2*c)
			case (r*7+c*3)%11 == 0:
				counts[i] = int64(1 + (r+c)%8)
			}
			for _, d := range [][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
				rr, cc := r+d[0], c+d[1]
				if rr >= 0 && rr < side && cc >= 0 && cc < side {
					for len(nb) <= i {
						nb = append(nb, nil)
					}
					nb[i] = append(nb[i], rr*side+cc)
				}
			}
		}
	}
	z, p = giStar(counts, nb)
	return counts, nb, z, p
}

func meanSD(x []int64) (float64, float64) {
	var m, ss float64
	for _, v := range x {
		m += float64(v)
	}
	m /= float64(len(x))
	for _, v := range x {
		ss += (float64(v) - m) * (float64(v) - m)
	}
	return m, math.Sqrt(ss / float64(len(x)))
}

func latticeTable(side int, dense, audit bool) (privacy.Table, []int64, [][]int) {
	counts, nb, z, p := lattice(side, dense)
	var rs [][]any
	for i := range counts {
		rs = append(rs, []any{fmt.Sprintf("c%03d", i), counts[i], z[i], p[i]})
	}
	l := layer("cells", []export.Column{col("cell_id", export.String), col("count", export.Int), col("gi_z", export.Float), col("gi_p", export.Float)}, rs...)
	t := privacy.Table{Layer: l, Sensitive: true, Counts: []string{"count"}, ZColumns: []string{"gi_z"}, PColumns: []string{"gi_p"}}
	if audit {
		t.Gi = &privacy.GiStar{Z: "gi_z", P: "gi_p", Count: "count", Neighbours: nb}
	}
	return t, counts, nb
}

// zAttacker models the published cells: counts, and for each published
// z-score the band its neighbourhood sum must lie in, from z +- 0.05
// and p +- 0.0005 (|z| found by bisection on erfc), given the true mean
// and standard deviation.
func zAttacker(t *testing.T, out *export.Layer, counts []int64, nb [][]int) *attacker {
	a := newAttacker()
	a.publish(out, 1, func(r map[string]any) string { return r["cell_id"].(string) })
	addBands(t, a, out, counts, nb, func(j int) string { return fmt.Sprintf("cells|c%03d|count", j) })
	return a
}

// addBands adds the constraints of the published z-scores of a layer
// to an attacker; name gives the unknown of feature j's count.
func addBands(t *testing.T, a *attacker, out *export.Layer, counts []int64, nb [][]int, name func(int) string) {
	n := len(counts)
	mean, sd := meanSD(counts)
	absZ := func(p float64) float64 { // |z| with erfc(|z|/sqrt2) = p
		if p <= 0 {
			return math.Inf(1)
		}
		lo, hi := 0.0, 40.0
		for range 200 {
			mid := (lo + hi) / 2
			if math.Erfc(mid/math.Sqrt2) > p {
				lo = mid
			} else {
				hi = mid
			}
		}
		return lo
	}
	for i, r := range rows(out) {
		zv, ok := r["gi_z"].(float64)
		if !ok {
			continue
		}
		if zv != math.Round(zv*10)/10 {
			t.Errorf("cell %d: z %v not rounded to 1 decimal", i, zv)
		}
		zlo, zhi := zv-0.05, zv+0.05
		if pv, ok := r["gi_p"].(float64); ok {
			if pv != math.Round(pv*1000)/1000 {
				t.Errorf("cell %d: p %v not rounded to 3 decimals", i, pv)
			}
			a1, a2 := absZ(math.Min(1, pv+0.0005)), absZ(pv-0.0005)
			switch {
			case zlo >= 0:
				zlo, zhi = math.Max(zlo, a1), math.Min(zhi, a2)
			case zhi <= 0:
				zlo, zhi = math.Max(zlo, -a2), math.Min(zhi, -a1)
			}
		}
		W := float64(len(nb[i]) + 1)
		scale := sd * math.Sqrt((float64(n)*W-W*W)/float64(n-1))
		lo, hi := mean*W+zlo*scale-1e-7, mean*W+zhi*scale+1e-7
		var up, down [][2]any
		for _, j := range append([]int{i}, nb[i]...) {
			id := a.v(name(j))
			up = append(up, [2]any{id, 1.0})
			down = append(down, [2]any{id, -1.0})
		}
		a.ub = append(a.ub, [2]any{up, hi}, [2]any{down, -lo})
	}
}

// Published z-scores to 1 decimal (and p to 3) pin withheld counts: the
// attack works on the unaudited output.
func TestZScoresLeakWithoutAudit(t *testing.T) {
	tb, counts, nb := latticeTable(10, false, false)
	out, _ := protect(t, []privacy.Table{tb}, nil, privacy.Policy{})
	iv := zAttacker(t, out[0], counts, nb).intervals(t)
	narrow := 0
	for _, v := range iv {
		if v[1]-v[0] < 10 {
			narrow++
		}
	}
	if narrow == 0 {
		t.Fatalf("no withheld count pinned by the rounded z-scores; the attack is too weak to test anything")
	}
	t.Logf("%d of %d withheld counts pinned narrower than k by rounded z and p", narrow, len(iv))
}

// The audit nulls the z-scores that pin withheld counts; afterwards the
// attacker finds every withheld count an interval at least k wide, and
// the hotspot's interior (neighbourhoods all published) keeps its z.
func TestZScoreInversionAudit(t *testing.T) {
	tb, counts, nb := latticeTable(10, false, true)
	out, rep := protect(t, []privacy.Table{tb}, nil, privacy.Policy{})
	checkNoSmall(t, out, 10)
	iv := zAttacker(t, out[0], counts, nb).intervals(t)
	requireWide(t, iv)
	rs := rows(out[0])
	for _, i := range []int{44, 45, 54, 55} { // interior of the planted block
		if rs[i]["gi_z"] == nil {
			t.Errorf("cell %d inside the hotspot lost its z-score", i)
		}
	}
	if rep.ZNulled["cells"] == 0 {
		t.Error("no z-score nulled")
	}
	t.Logf("z nulled on %d of %d cells; %d withheld counts audited, %d LPs", rep.ZNulled["cells"], len(counts), rep.Audited, rep.LPs)
}

// Denser counts (a third below k): most neighbourhoods mix published and
// withheld counts, so the LP, not the screen, decides.
func TestZScoreAuditDense(t *testing.T) {
	tb, counts, nb := latticeTable(12, true, true)
	out, rep := protect(t, []privacy.Table{tb}, nil, privacy.Policy{})
	checkNoSmall(t, out, 10)
	iv := zAttacker(t, out[0], counts, nb).intervals(t)
	requireWide(t, iv)
	kept := zKept(out[0])
	t.Logf("%d withheld of %d; z kept on %d cells, nulled on %d; %d LPs", len(iv), len(counts), kept, rep.ZNulled["cells"], rep.LPs)
}

func BenchmarkProtectLattice(b *testing.B) {
	tb, _, _ := latticeTable(20, true, true)
	for b.Loop() {
		if _, _, err := privacy.Protect([]privacy.Table{tb}, nil, privacy.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Counts spread widely (sd about 170): z to 1 decimal bounds a
// neighbourhood sum only to about +-18, so the audit keeps z-scores
// beside withheld counts and nulls only their p-values, and the LP
// decides.
func TestZScoreAuditKeepsCoarseZ(t *testing.T) {
	tb, counts, nb := latticeTable(11, false, true)
	out, rep := protect(t, []privacy.Table{tb}, nil, privacy.Policy{})
	checkNoSmall(t, out, 10)
	iv := zAttacker(t, out[0], counts, nb).intervals(t)
	requireWide(t, iv)
	zOnly := 0
	for _, r := range rows(out[0]) {
		if r["gi_z"] != nil && r["gi_p"] == nil {
			zOnly++
		}
	}
	if zOnly == 0 || rep.LPs == 0 {
		t.Errorf("%d features keep z without p, %d LPs; want both > 0", zOnly, rep.LPs)
	}
	t.Logf("%d withheld of %d; z kept without p on %d, p nulled %v, z nulled %v; %d LPs", len(iv), len(counts), zOnly, rep.PNulled, rep.ZNulled, rep.LPs)
}

// When the z-score bands link more withheld counts than the audit's
// budget, the z-scores over them are withheld without an LP (and the
// report says so); the attacker still finds every withheld count an
// interval at least k wide, and the hotspot keeps its z-scores.
func TestZScoreAuditBudget(t *testing.T) {
	// Large counts with two fifths small ones among them: z to 1 decimal
	// bounds a neighbourhood only loosely, so the LP decides, and the
	// small counts share neighbourhoods, so the bands link them.
	const side = 14
	n := side * side
	counts := make([]int64, n)
	nb := make([][]int, n)
	for r := range side {
		for c := range side {
			i := r*side + c
			counts[i] = int64(50 + (i*7919)%300)
			if (r*31+c*17)%5 < 2 && r > 3 { // none in the top rows
				counts[i] = int64((i * 13) % 10)
			}
			for _, d := range [][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
				if rr, cc := r+d[0], c+d[1]; rr >= 0 && rr < side && cc >= 0 && cc < side {
					nb[i] = append(nb[i], rr*side+cc)
				}
			}
		}
	}
	z, p := giStar(counts, nb)
	var rs [][]any
	for i := range counts {
		rs = append(rs, []any{fmt.Sprintf("c%03d", i), counts[i], z[i], p[i]})
	}
	l := layer("cells", []export.Column{col("cell_id", export.String), col("count", export.Int), col("gi_z", export.Float), col("gi_p", export.Float)}, rs...)
	tb := privacy.Table{Layer: l, Sensitive: true, Counts: []string{"count"}, ZColumns: []string{"gi_z"}, PColumns: []string{"gi_p"},
		Gi: &privacy.GiStar{Z: "gi_z", P: "gi_p", Count: "count", Neighbours: nb}}
	out, rep := protect(t, []privacy.Table{tb}, nil, privacy.Policy{ZAuditMaxValues: 6})
	checkNoSmall(t, out, 10)
	if rep.Unaudited == 0 || len(rep.Warnings) == 0 {
		t.Fatalf("no component was beyond the budget: %+v", rep)
	}
	iv := zAttacker(t, out[0], counts, nb).intervals(t)
	requireWide(t, iv)
	kept := zKept(out[0])
	if kept == 0 {
		t.Error("every z-score withheld")
	}
	_, full := protect(t, []privacy.Table{tb}, nil, privacy.Policy{})
	if full.Unaudited != 0 || full.LPs <= rep.LPs {
		t.Errorf("default budget: %d unaudited, %d LPs; small budget %d LPs", full.Unaudited, full.LPs, rep.LPs)
	}
	t.Logf("%d unaudited, %d LPs (%d with the default budget), %d z kept; %s", rep.Unaudited, rep.LPs, full.LPs, kept, rep.Warnings[0])
}

// requireWide fails for every attacked value whose interval is narrower
// than k = 10.
func requireWide(t *testing.T, iv map[string][2]float64) {
	t.Helper()
	for name, v := range iv {
		if v[1]-v[0] < 10-1e-6 {
			t.Errorf("%s: interval [%g, %g] narrower than k", name, v[0], v[1])
		}
	}
}

// zKept counts the features that keep their z-score.
func zKept(l *export.Layer) int {
	kept := 0
	for _, r := range rows(l) {
		if r["gi_z"] != nil {
			kept++
		}
	}
	return kept
}

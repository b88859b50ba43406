package privacy

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// The z-score inversion audit.
//
// Gi* of cell i is z_i = (sum_{j in N_i+i} x_j - xbar W_i) / (S sqrt(q_i))
// with W_i = |N_i| + 1 and q_i = (n W_i - W_i^2) / (n - 1) for binary
// weights. Given the mean xbar and standard deviation S (the attacker is
// assumed to know both: conservative, as they are nearly fixed by the
// published counts), a published z rounded to 1 decimal says that the
// neighbourhood sum lies in
//
//	xbar W_i + [z - 0.05, z + 0.05] S sqrt(q_i),
//
// and the p-value published to 3 decimals narrows |z| further (p within
// 0.0005 gives |z| = Phi^-1(1 - p/2) within the matching band). Both are
// linear constraints on the counts, so they join the relations in the
// LP audit: the least-squares inversion of the z-scores is one point of
// this polytope, and the audit bounds every point of it. When a withheld
// count's interval is still narrower than K, every feature whose
// neighbourhood contains it loses first its p columns (a p-value to 3
// decimals fixes |z| far more tightly than z to 1 decimal, except in the
// far tail) and, if that is not enough, its z columns too; gi_bin, lisa
// clusters and patterns stay. The audit runs again after each step.

// The levels of the z-score audit for one feature.
const (
	zPOff   = 1 // p columns nulled, z columns kept (to 1 decimal)
	zAllOff = 2 // z and p columns nulled
)

// band is the constraint one published z-score puts on its neighbourhood.
type band struct {
	t, f int // table and feature whose z it is
	con  con
}

// zBands builds the constraints of every published Gi* z-score of the
// sensitive tables.
func (s *state) zBands() []band {
	var out []band
	norm := distuv.UnitNormal
	for ti, tb := range s.tabs {
		g := tb.Gi
		if g == nil || tb.nodes == nil {
			continue
		}
		c := tb.countPos(g.Count)
		n := len(tb.feats)
		if n < 2 {
			continue
		}
		var mean, ss float64
		for f := range n {
			mean += float64(s.nodes[tb.nodes[c][f]].truth)
		}
		mean /= float64(n)
		for f := range n {
			d := float64(s.nodes[tb.nodes[c][f]].truth) - mean
			ss += d * d
		}
		sd := math.Sqrt(ss / float64(n))
		if sd == 0 {
			continue
		}
		zc, pc := tb.cols[g.Z], tb.cols[g.P]
		for f := range n {
			if s.zNull[ti][f] >= zAllOff {
				continue
			}
			z, ok := tb.feats[f].Values[zc].(float64)
			if !ok || math.IsNaN(z) {
				continue
			}
			z = roundTo(z, 1)
			zlo, zhi := z-0.05, z+0.05
			if p, ok := tb.feats[f].Values[pc].(float64); ok && !math.IsNaN(p) && s.zNull[ti][f] < zPOff {
				p = roundTo(p, 3)
				a := norm.Quantile(1 - math.Min(1, p+0.0005)/2) // smallest |z|
				bq := math.Inf(1)
				if p-0.0005 > 0 {
					bq = norm.Quantile(1 - (p-0.0005)/2) // largest |z|
				}
				var plo, phi float64
				switch {
				case zlo >= 0:
					plo, phi = a, bq
				case zhi <= 0:
					plo, phi = -bq, -a
				default:
					plo, phi = -bq, bq
				}
				if l, h := math.Max(zlo, plo), math.Min(zhi, phi); l <= h {
					zlo, zhi = l, h
				}
			}
			W := float64(len(g.Neighbours[f]) + 1)
			q := (float64(n)*W - W*W) / float64(n-1)
			if q <= 0 || len(g.Neighbours[f]) == 0 {
				continue
			}
			scale := sd * math.Sqrt(q)
			cn := con{band: len(out), lo: mean*W + zlo*scale - 1e-6, hi: mean*W + zhi*scale + 1e-6}
			for _, j := range append([]int{f}, g.Neighbours[f]...) {
				cn.ids = append(cn.ids, tb.nodes[c][j])
				cn.coef = append(cn.coef, 1)
			}
			out = append(out, band{t: ti, f: f, con: cn})
		}
	}
	return out
}

func roundTo(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

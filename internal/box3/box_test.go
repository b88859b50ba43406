package box3

import (
	"math/rand/v2"
	"testing"
)

func dist2(a, b [3]float64) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return dx*dx + dy*dy + dz*dz
}

// The bounds hold exactly, in floating point, for every pair of points
// inside the boxes, and are reached: tight boxes of random points on and
// near the unit sphere, queries inside and outside.
func TestBoundsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pt := func(c [3]float64, r float64) [3]float64 {
		return [3]float64{c[0] + r*rng.NormFloat64(), c[1] + r*rng.NormFloat64(), c[2] + r*rng.NormFloat64()}
	}
	for range 2000 {
		r := []float64{1e-9, 1e-5, 1e-2, 1}[rng.IntN(4)]
		c := pt([3]float64{}, 1)
		var a, b [][3]float64
		ba, bb := Empty(), Empty()
		for range 1 + rng.IntN(6) {
			p := pt(c, r)
			a = append(a, p)
			ba.Add(p)
		}
		c2 := pt(c, 3*r)
		for range 1 + rng.IntN(6) {
			p := pt(c2, r)
			b = append(b, p)
			bb.Add(p)
		}
		var u Box = Empty()
		u.Union(ba)
		u.Union(bb)
		for _, p := range a {
			for _, q := range b {
				d := dist2(p, q)
				if ba.Dist2(q) > d || d > ba.Far2(q) || ba.Gap2(&bb) > d || d > ba.FarBox2(&bb) || d > u.Diam2() {
					t.Fatalf("bounds fail for %v %v: %v", p, q, d)
				}
			}
			for _, q := range a {
				if dist2(p, q) > ba.Diam2() {
					t.Fatalf("diameter below a pair's distance")
				}
			}
			if ba.Dist2(p) != 0 {
				t.Fatalf("a point of the box is %v from it", ba.Dist2(p))
			}
		}
	}
	e := Empty()
	if !e.IsEmpty() {
		t.Error("Empty is not empty")
	}
	e.Add([3]float64{1, 2, 3})
	if e.IsEmpty() || e.Diam2() != 0 || e.Far2([3]float64{1, 2, 4}) != 1 || e.Dist2([3]float64{4, 6, 3}) != 25 {
		t.Errorf("one-point box %+v", e)
	}
}

package density

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// A cluster summed by its moments equals the cluster summed point by point
// with the same polynomial kernel, to rounding, for locations anywhere
// within reach of the whole cluster: near it, at the edge of the radius,
// and for radii from 100 m to the largest the series allows.
func TestExpansionMatchesPointByPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for _, r := range []float64{0.1, 25, 357, 500, 1200} {
		t.Run(fmt.Sprint(r), func(t *testing.T) {
			k := sphereKernel(r)
			rho := k.c / 24
			x, ok := newExpansion(&k, k.c, rho)
			if !ok {
				t.Fatal("no expansion")
			}
			for trial := 0; trial < 20; trial++ {
				// A cluster within rho of p0, anywhere on the sphere.
				p0 := randomUnit(rng)
				fr := newFrame(p0)
				var xs, ys, zs, ws []float64
				W := 0.0
				for j := 0; j < 300; j++ {
					v := step(p0, rng, rho*math.Sqrt(rng.Float64())*0.99)
					xs, ys, zs = append(xs, v[0]), append(ys, v[1]), append(zs, v[2])
					ws = append(ws, float64(rng.IntN(4)))
					W += ws[j]
				}
				mom := make([]float64, len(x.mono.coef))
				x.moments(mom, make([][momBatch]float64, len(mom)), &fr, xs, ys, zs, ws)
				for l := 0; l < 50; l++ {
					// Locations with the whole cluster within reach.
					q := step(p0, rng, (k.c-rho)*math.Pow(rng.Float64(), 0.3))
					want := 0.0
					for j := range xs {
						d2 := dist2([3]float64{xs[j], ys[j], zs[j]}, q)
						u2 := 0.0
						for n := seriesTerms - 1; n >= 0; n-- {
							u2 = u2*d2 + k.poly[n]
						}
						v := 1 - u2*d2
						want += ws[j] * v * v
					}
					got := x.eval(mom, &fr, q, make([]float64, maxMonomials))
					if math.Abs(got-want) > 1e-14*W {
						t.Fatalf("order %d, trial %d: moments give %.17g, points %.17g (total weight %v)", x.order, trial, got, want, W)
					}
				}
			}
			t.Logf("order %d", x.order)
		})
	}
}

func randomUnit(rng *rand.Rand) [3]float64 {
	for {
		v := [3]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		if n := math.Sqrt(dot(v, v)); n > 1e-3 {
			return [3]float64{v[0] / n, v[1] / n, v[2] / n}
		}
	}
}

// step is a unit vector at chord c from p in a random direction.
func step(p [3]float64, rng *rand.Rand, c float64) [3]float64 {
	f := newFrame(p)
	th := rng.Float64() * 2 * math.Pi
	a := 2 * math.Asin(c/2) // the angle of the chord
	dir := [3]float64{}
	for i := range dir {
		dir[i] = math.Cos(th)*f[0][i] + math.Sin(th)*f[1][i]
	}
	var v [3]float64
	for i := range v {
		v[i] = math.Cos(a)*p[i] + math.Sin(a)*dir[i]
	}
	return v
}

// The block order of monomials.fill agrees with the multinomial
// coefficients: Σ coef·fill(v)·fill(u) over a degree is (v·u)ᵏ.
func TestMonomials(t *testing.T) {
	m := newMonomials(maxOrder)
	if len(m.coef) != maxMonomials {
		t.Fatalf("%d monomials, want %d", len(m.coef), maxMonomials)
	}
	v, u := [3]float64{0.3, -1.2, 0.7}, [3]float64{2, 0.5, -0.25}
	a, b := make([]float64, maxMonomials), make([]float64, maxMonomials)
	m.fill(a, 1, v)
	m.fill(b, 1, u)
	for k := 0; k <= maxOrder; k++ {
		s, abs := 0.0, 0.0
		for i := m.deg[k]; i < m.deg[k+1]; i++ {
			s += m.coef[i] * a[i] * b[i]
			abs += math.Abs(m.coef[i] * a[i] * b[i])
		}
		if want := math.Pow(dot(v, u), float64(k)); math.Abs(s-want) > 1e-14*abs {
			t.Errorf("degree %d: %v, want %v", k, s, want)
		}
	}
}

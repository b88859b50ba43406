package privacy

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// The warm-started tableau agrees with gonum's lp.Simplex on random
// feasible problems shaped like the audit's (small integer rows, a known
// non-negative solution), objective after objective on one tableau.
func TestTableauMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	checked, unbounded := 0, 0
	for trial := range 200 {
		m, n := 3+rng.IntN(8), 0
		n = m + 2 + rng.IntN(10)
		x0 := make([]float64, n)
		for j := range x0 {
			x0[j] = float64(rng.IntN(20))
		}
		var A [][]float64
		var b []float64
		var basis [][]float64
		for len(A) < m {
			row := make([]float64, n)
			for j := range row {
				if rng.IntN(3) == 0 {
					row[j] = float64(rng.IntN(3) - 1)
				}
			}
			if trial%2 == 0 { // a slack keeps some rows loose
				row[len(A)] = 1
			}
			if !independent(&basis, row) {
				continue
			}
			s := 0.0
			for j, a := range row {
				s += a * x0[j]
			}
			if s < 0 {
				for j := range row {
					row[j] = -row[j]
				}
				s = -s
			}
			A = append(A, row)
			b = append(b, s)
		}
		// Every column must appear somewhere for lp.Simplex.
		zero := false
		for j := range n {
			nz := false
			for _, r := range A {
				nz = nz || r[j] != 0
			}
			zero = zero || !nz
		}
		if zero {
			continue
		}
		flat := []float64{}
		for _, r := range A {
			flat = append(flat, r...)
		}
		Am := mat.NewDense(m, n, flat)
		tb, err := newTableau(A, b, n)
		if err != nil {
			t.Fatalf("trial %d: phase 1: %v", trial, err)
		}
		for j := range n {
			for _, sign := range []float64{1, -1} {
				c := make([]float64, n)
				c[j] = sign
				want, _, werr := lp.Simplex(c, Am, b, 1e-10, nil)
				_, err := tb.optimize(c)
				switch {
				case errors.Is(werr, lp.ErrUnbounded):
					if !errors.Is(err, errUnbounded) {
						t.Errorf("trial %d col %d sign %v: gonum unbounded, tableau %v", trial, j, sign, err)
					}
					unbounded++
				case werr != nil:
					// gonum gave up (singular or Bland); nothing to compare
				case err != nil:
					t.Errorf("trial %d col %d sign %v: tableau %v, gonum %g", trial, j, sign, err, want)
				default:
					x := tb.point()
					if !tb.feasible(x) {
						t.Errorf("trial %d: tableau point infeasible", trial)
					}
					if got := sign * x[j]; math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
						t.Errorf("trial %d col %d sign %v: tableau %g, gonum %g", trial, j, sign, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 300 || unbounded == 0 {
		t.Errorf("only %d bounded and %d unbounded comparisons", checked, unbounded)
	}
	t.Logf("%d optima and %d unbounded cases agree", checked, unbounded)
}

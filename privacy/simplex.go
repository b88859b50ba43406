package privacy

import (
	"errors"
	"math"
)

// The audit solves many objectives (min and max of each withheld value)
// over one polytope per component. gonum's lp.Simplex refactorizes the
// basis at every pivot and runs phase 1 again for every objective, which
// takes seconds per component of a few hundred values; this dense
// tableau simplex runs phase 1 once and starts every further objective
// from the last optimal basis, which is still feasible. Its answers are
// checked against lp.Simplex in the tests, and the audit trusts only
// points it has verified against the original rows (see feasible).

var (
	errUnbounded  = errors.New("privacy: lp unbounded")
	errInfeasible = errors.New("privacy: lp infeasible")
	errStalled    = errors.New("privacy: lp iteration limit")
)

// tableau is a standard-form LP  A x = b, x >= 0  (b >= 0) in canonical
// form for its current basis.
type tableau struct {
	m, n  int
	t     [][]float64 // m rows of n coefficients and the right-hand side
	basis []int
	A     [][]float64 // the original rows, for verification
	b     []float64
}

const lpTol = 1e-9

// newTableau runs phase 1 (one artificial per row) and returns a
// tableau at a feasible basis, with redundant rows dropped.
func newTableau(A [][]float64, b []float64, n int) (*tableau, error) {
	m := len(A)
	tb := &tableau{m: m, n: n, A: A, b: b}
	w := n + m // artificial columns after the real ones
	tb.t = make([][]float64, m)
	tb.basis = make([]int, m)
	for i := range m {
		row := make([]float64, w+1)
		copy(row, A[i])
		row[n+i] = 1
		row[w] = b[i]
		tb.t[i] = row
		tb.basis[i] = n + i
	}
	cost := make([]float64, w)
	for j := n; j < w; j++ {
		cost[j] = 1
	}
	tb.n = w
	if _, err := tb.optimize(cost); err != nil {
		return nil, err
	}
	if v := tb.value(cost); v > 1e-7 {
		return nil, errInfeasible
	}
	// Drive artificials out of the basis; a row with no real pivot left
	// is redundant.
	for i := 0; i < len(tb.t); i++ {
		if tb.basis[i] < n {
			continue
		}
		piv := -1
		for j := range n {
			if math.Abs(tb.t[i][j]) > 1e-7 {
				piv = j
				break
			}
		}
		if piv < 0 {
			tb.t = append(tb.t[:i], tb.t[i+1:]...)
			tb.basis = append(tb.basis[:i], tb.basis[i+1:]...)
			i--
			continue
		}
		tb.pivot(i, piv)
	}
	for i := range tb.t { // drop the artificial columns
		rhs := tb.t[i][w]
		tb.t[i] = append(tb.t[i][:n], rhs)
	}
	tb.m, tb.n = len(tb.t), n
	return tb, nil
}

func (tb *tableau) value(cost []float64) float64 {
	v := 0.0
	for i, j := range tb.basis {
		v += cost[j] * tb.t[i][tb.n]
	}
	return v
}

// pivot makes column j basic in row r.
func (tb *tableau) pivot(r, j int) {
	pr := tb.t[r]
	inv := 1 / pr[j]
	for k := range pr {
		pr[k] *= inv
	}
	pr[j] = 1
	for i, row := range tb.t {
		if i == r {
			continue
		}
		f := row[j]
		if f == 0 {
			continue
		}
		for k, v := range pr {
			if v != 0 {
				row[k] -= f * v
			}
		}
		row[j] = 0
	}
	tb.basis[r] = j
}

// optimize minimises cost.x from the current basis. It returns the
// entering column of an unbounded ray with errUnbounded.
func (tb *tableau) optimize(cost []float64) (int, error) {
	n := tb.n
	red := make([]float64, n)
	limit := 50 * (tb.m + n)
	for it := 0; it < limit; it++ {
		// Reduced costs c_j - c_B B^-1 a_j.
		copy(red, cost)
		for i, bj := range tb.basis {
			if c := cost[bj]; c != 0 {
				for j, v := range tb.t[i][:n] {
					if v != 0 {
						red[j] -= c * v
					}
				}
			}
		}
		bland := it > 5*(tb.m+n) // against cycling on degenerate vertices
		enter := -1
		for j, r := range red {
			if r < -lpTol && (enter < 0 || (!bland && r < red[enter])) {
				enter = j
				if bland {
					break
				}
			}
		}
		if enter < 0 {
			return -1, nil
		}
		leave := -1
		best := math.Inf(1)
		for i, row := range tb.t {
			if a := row[enter]; a > lpTol {
				q := row[n] / a
				if q < best-1e-12 || (q <= best+1e-12 && leave >= 0 && tb.basis[i] < tb.basis[leave]) {
					best, leave = q, i
				}
			}
		}
		if leave < 0 {
			return enter, errUnbounded
		}
		tb.pivot(leave, enter)
	}
	return -1, errStalled
}

// point returns the current basic solution.
func (tb *tableau) point() []float64 {
	x := make([]float64, tb.n)
	for i, j := range tb.basis {
		x[j] = tb.t[i][tb.n]
	}
	return x
}

// feasible checks a point against the original rows.
func (tb *tableau) feasible(x []float64) bool {
	for _, v := range x {
		if v < -1e-7 {
			return false
		}
	}
	for i, row := range tb.A {
		s := 0.0
		for j, a := range row {
			s += a * x[j]
		}
		if math.Abs(s-tb.b[i]) > 1e-6*(1+math.Abs(tb.b[i])) {
			return false
		}
	}
	return true
}

// ray returns the direction of an unbounded edge entering at column j,
// verified against the original rows (A d = 0, d >= 0), or nil.
func (tb *tableau) ray(j int) []float64 {
	d := make([]float64, tb.n)
	d[j] = 1
	for i, bj := range tb.basis {
		d[bj] = -tb.t[i][j]
	}
	for _, row := range tb.A {
		s := 0.0
		for k, a := range row {
			s += a * d[k]
		}
		if math.Abs(s) > 1e-6 {
			return nil
		}
	}
	for _, v := range d {
		if v < -1e-7 {
			return nil
		}
	}
	return d
}

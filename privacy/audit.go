package privacy

import (
	"cmp"
	"errors"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// The LP audit.
//
// The attacker knows every published table, the relations between them
// (Sum), the rounding base and, for the z-score audit, the mean and
// standard deviation of each Gi* input. Each true count is a real x >= 0;
// a published count p is x = p (or p <= x <= p+R-1 when rounded); a
// withheld count is only x >= 0. For every withheld value the audit
// minimises and maximises x over that polytope (the LP relaxation, as
// tau-ARGUS audits linked tables) and requires max - min >= K: the
// "sliding protection interval" of statistical disclosure control.
// It does not use the bound x <= K-1 that the suppression rule suggests,
// because complementary suppressions are withheld values of any size and
// the attacker cannot tell them apart from primary ones. A value whose
// maximum is 0 is a structural zero (a node no pair reaches, a sum of
// nothing): it says nobody is there and is exempt.
//
// To keep it fast: a screen first bounds each value from single
// constraints (the others at their extremes) and fails the hopeless ones
// without an LP; the rest is split into independent components (values
// linked by no relation never meet in one LP); each component's LPs
// share one warm-started tableau (simplex.go); and every optimum is a
// feasible point that widens the known interval of every value of its
// component, so most values pass without an LP of their own.

// con is one linear constraint lo <= sum(coef_i * value_i) + c <= hi
// over node values; lo == hi is an equation.
type con struct {
	ids    []int
	coef   []float64
	c      float64
	lo, hi float64
	band   int // index of the z-score band it came from, or -1
}

// relCons turns the relations into constraints.
func (s *state) relCons() []con {
	var out []con
	for _, list := range [][]rel{s.rels, s.pools} {
		for _, r := range list {
			cn := con{band: -1, c: float64(r.totalConst - r.partsConst)}
			if r.total >= 0 {
				cn.ids = append(cn.ids, r.total)
				cn.coef = append(cn.coef, 1)
			}
			for _, id := range r.parts {
				cn.ids = append(cn.ids, id)
				cn.coef = append(cn.coef, -1)
			}
			if r.partial {
				cn.hi = math.Inf(1)
			}
			out = append(out, cn)
		}
	}
	return out
}

// isVar tells whether a node is unknown to the attacker: withheld, or
// published rounded.
func (s *state) isVar(id int) bool {
	return s.nodes[id].withheld || s.p.Round > 1
}

// DefaultZAuditMaxValues is the default Policy.ZAuditMaxValues. A wide
// distance band over many empty cells links thousands of withheld zeros
// through the z-score bands into one component; its LPs grow with the
// square of its size (800 unknowns took 30 s), so past this size the
// z-scores over it are withheld instead of audited.
const DefaultZAuditMaxValues = 300

// audit checks every withheld value against the constraints and
// returns those whose feasible interval is narrower than K. maxValues,
// when positive, is a component size beyond which its withheld values
// fail without an LP (see zAuditMaxValues).
func (s *state) audit(cons []con, maxValues int) (fails []int) {
	// Components: union-find over the variable nodes of each constraint.
	parent := make([]int, len(s.nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	used := make([]bool, len(s.nodes))
	for _, cn := range cons {
		first := -1
		for _, id := range cn.ids {
			if !s.isVar(id) {
				continue
			}
			used[id] = true
			if first < 0 {
				first = id
			} else {
				parent[find(id)] = find(first)
			}
		}
	}
	comps := map[int][]int{} // root -> constraint indices
	for ci, cn := range cons {
		for _, id := range cn.ids {
			if s.isVar(id) {
				r := find(id)
				comps[r] = append(comps[r], ci)
				break
			}
		}
	}
	ub := s.upperBounds(cons)
	targets := map[int][]int{}
	for id := range s.nodes {
		if used[id] && s.nodes[id].withheld {
			if ub[id] <= 1e-9 {
				continue // a structural zero (see auditComponent)
			}
			if ub[id] < float64(s.p.K)-1e-6 && ub[id] > 1e-9 {
				// Narrower than K whatever the other values: no LP needed.
				s.rep.Audited++
				fails = append(fails, id)
				continue
			}
			r := find(id)
			targets[r] = append(targets[r], id)
		}
	}
	if len(fails) > 0 {
		// Fix what the screen finds first: the LPs of the next round are
		// smaller.
		return fails
	}
	// The size limit looks at the values z-score bands alone join: only
	// withholding z-scores can break those groups up (a component that
	// relations make large is solved whatever its size, as in the first
	// audit). A component fails unsolved when one of its band groups has
	// more than maxValues unknowns.
	var bandSize map[int]int // component root -> largest band group in it
	if maxValues > 0 {
		bp := make([]int, len(s.nodes))
		for i := range bp {
			bp[i] = i
		}
		bfind := func(i int) int {
			for bp[i] != i {
				bp[i] = bp[bp[i]]
				i = bp[i]
			}
			return i
		}
		for _, cn := range cons {
			if cn.band < 0 {
				continue
			}
			first := -1
			for _, id := range cn.ids {
				if !s.isVar(id) {
					continue
				}
				if first < 0 {
					first = id
				} else {
					bp[bfind(id)] = bfind(first)
				}
			}
		}
		group := map[int]int{}
		for id := range s.nodes {
			if used[id] {
				group[bfind(id)]++
			}
		}
		bandSize = map[int]int{}
		for id := range s.nodes {
			if used[id] && bfind(id) == id {
				r := find(id)
				bandSize[r] = max(bandSize[r], group[id])
			}
		}
	}
	// The components are independent: their LPs run on every core.
	type job struct {
		r     int
		ts    []int
		fails []int
		lps   int
	}
	var jobs []*job
	for r, ts := range targets {
		s.rep.Audited += len(ts)
		if maxValues > 0 && bandSize[r] > maxValues {
			if s.unaudited == nil {
				s.unaudited = map[int]bool{}
			}
			for _, id := range ts {
				s.unaudited[id] = true
			}
			fails = append(fails, ts...)
			continue
		}
		jobs = append(jobs, &job{r: r, ts: ts})
	}
	// largest first, so one big component does not start last
	slices.SortFunc(jobs, func(a, b *job) int { return cmp.Or(len(comps[b.r])-len(comps[a.r]), a.r-b.r) })
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
				j := jobs[i]
				j.fails, j.lps = s.auditComponent(cons, comps[j.r], j.ts)
			}
		})
	}
	wg.Wait()
	for _, j := range jobs {
		fails = append(fails, j.fails...)
		s.rep.LPs += j.lps
	}
	slices.Sort(fails) // map order must not reach the results
	return fails
}

// upperBounds returns, per node, an upper bound of its value implied by
// single constraints (the others at their extremes): a cheap first
// screen, since a value whose bound is below K fails whatever the LP.
func (s *state) upperBounds(cons []con) []float64 {
	R := float64(max(s.p.Round, 1))
	ub := make([]float64, len(s.nodes))
	for i := range ub {
		ub[i] = math.Inf(1)
	}
	rng := func(id int) (float64, float64) {
		n := s.nodes[id]
		if n.withheld {
			return 0, math.Inf(1)
		}
		return float64(n.pub), float64(n.pub) + R - 1
	}
	for _, cn := range cons {
		// sum of the terms' minima and maxima
		var smin, smax float64
		for i, id := range cn.ids {
			lo, hi := rng(id)
			a := cn.coef[i]
			if a > 0 {
				smin, smax = smin+a*lo, smax+a*hi
			} else {
				smin, smax = smin+a*hi, smax+a*lo
			}
		}
		for i, id := range cn.ids {
			if !s.nodes[id].withheld {
				continue
			}
			a := cn.coef[i]
			var b float64
			if a > 0 { // a x <= hi - c - (others' minimum)
				b = (cn.hi - cn.c - smin) / a // its own minimum is 0
			} else { // a x >= lo - c - (others' maximum)
				b = (cn.lo - cn.c - smax) / a
			}
			if !math.IsNaN(b) && b < ub[id] {
				ub[id] = b
			}
		}
	}
	return ub
}

// auditComponent solves the LPs of one component.
func (s *state) auditComponent(cons []con, cis []int, targets []int) (fails []int, lps int) {
	R := float64(max(s.p.Round, 1))
	col := map[int]int{} // node -> column
	ncol := 0
	var order []int // nodes in column order
	for _, ci := range cis {
		for _, id := range cons[ci].ids {
			if _, ok := col[id]; !ok && s.isVar(id) {
				col[id] = ncol
				order = append(order, id)
				ncol++
			}
		}
	}
	type row struct {
		a map[int]float64
		b float64
	}
	var rows []row
	for _, id := range order {
		if !s.nodes[id].withheld { // rounded published: y + y' = R-1
			rows = append(rows, row{map[int]float64{col[id]: 1, ncol: 1}, R - 1})
			ncol++
		}
	}
	for _, ci := range cis {
		cn := cons[ci]
		a := map[int]float64{}
		c := cn.c
		for i, id := range cn.ids {
			n := s.nodes[id]
			if !n.withheld {
				c += cn.coef[i] * float64(n.pub)
			}
			if s.isVar(id) {
				a[col[id]] += cn.coef[i]
			}
		}
		if cn.lo == cn.hi {
			rows = append(rows, row{a, cn.lo - c})
			continue
		}
		if cn.lo-c <= 0 && allPositive(a) && !math.IsInf(cn.hi, 1) {
			// The lower bound holds for any x >= 0: one row.
			a[ncol] = 1
			ncol++
			rows = append(rows, row{a, cn.hi - c})
			continue
		}
		t := ncol
		ncol++
		a[t] = -1
		rows = append(rows, row{a, cn.lo - c})
		if !math.IsInf(cn.hi, 1) {
			rows = append(rows, row{map[int]float64{t: 1, ncol: 1}, cn.hi - cn.lo})
			ncol++
		}
	}
	// Dense rows, sign-normalised, without linearly dependent ones
	// (the simplex needs full row rank; a country total seen from two
	// sides gives dependent equations).
	var A [][]float64
	var b []float64
	var basis [][]float64
	for _, r := range rows {
		v := make([]float64, ncol)
		for j, x := range r.a {
			v[j] = x
		}
		if independent(&basis, v) {
			bb := r.b
			if bb < 0 {
				for j := range v {
					v[j] = -v[j]
				}
				bb = -bb
			}
			A = append(A, v)
			b = append(b, bb)
		}
	}
	if len(A) == 0 {
		return nil, 0
	}
	tbl, err := newTableau(A, b, ncol)
	lps++
	if err != nil {
		return targets, lps // cannot prove them safe: withhold more
	}
	lo := map[int]float64{}
	hi := map[int]float64{}
	for _, id := range targets {
		lo[id], hi[id] = float64(s.nodes[id].truth), float64(s.nodes[id].truth)
	}
	// see widens the known intervals with a point, once it is verified
	// against the original rows: decisions never rest on rounding drift.
	see := func() bool {
		x := tbl.point()
		if !tbl.feasible(x) {
			return false
		}
		for _, id := range targets {
			v := x[col[id]]
			lo[id] = math.Min(lo[id], v)
			hi[id] = math.Max(hi[id], v)
		}
		return true
	}
	see()
	k := float64(s.p.K) - 1e-6
	cost := make([]float64, ncol)
	solve := func(c []float64) (int, error) {
		lps++
		return tbl.optimize(c)
	}
	// One point with every open value as small as possible first: it
	// settles the lower ends of most of them at once.
	for _, id := range targets {
		cost[col[id]] = 1
	}
	if _, err := solve(cost); err == nil {
		see()
	}
	for _, id := range targets {
		cost[col[id]] = 0
	}
	for _, id := range targets {
		if hi[id]-lo[id] >= k {
			continue
		}
		j := col[id]
		cost[j] = 1
		_, err := solve(cost)
		cost[j] = 0
		if err != nil || !see() {
			fails = append(fails, id) // cannot prove it safe: withhold more
			continue
		}
		if hi[id]-lo[id] >= k {
			continue
		}
		cost[j] = -1
		enter, err := solve(cost)
		cost[j] = 0
		if errors.Is(err, errUnbounded) {
			if d := tbl.ray(enter); d != nil && d[j] > 1e-9 {
				continue // x_j grows without bound
			}
		}
		if err != nil || !see() {
			fails = append(fails, id)
			continue
		}
		// A value every solution sets to 0 is a structural zero (a node
		// no pair reaches): it tells of nobody, and it is exempt.
		if hi[id]-lo[id] < k && hi[id] > 1e-9 {
			fails = append(fails, id)
		}
	}
	return fails, lps
}

func allPositive(a map[int]float64) bool {
	for _, x := range a {
		if x < 0 {
			return false
		}
	}
	return true
}

// independent reports whether v is linearly independent of the rows
// already in basis (kept orthonormal, modified Gram-Schmidt) and adds
// it when it is.
func independent(basis *[][]float64, v []float64) bool {
	w := append([]float64(nil), v...)
	n0 := norm(w)
	if n0 == 0 {
		return false
	}
	for _, q := range *basis {
		d := 0.0
		for j := range w {
			d += w[j] * q[j]
		}
		if d != 0 {
			for j := range w {
				w[j] -= d * q[j]
			}
		}
	}
	n := norm(w)
	if n <= 1e-9*n0 {
		return false
	}
	for j := range w {
		w[j] /= n
	}
	*basis = append(*basis, w)
	return true
}

func norm(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

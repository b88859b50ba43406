package density

// maxMonomials is the number of monomials of three variables of degree up
// to maxOrder.
const maxMonomials = (maxOrder + 1) * (maxOrder + 2) * (maxOrder + 3) / 6

// monomials lists the monomials x^a·y^b·z^c of degree 0 to order, by
// degree: the block of degree k is x times the block of degree k−1, then
// y times its last k monomials (those without x), then z times its last
// (a power of z), so that each costs one multiplication and the blocks are
// contiguous runs.
type monomials struct {
	order int
	deg   []int     // degree k is [deg[k], deg[k+1])
	coef  []float64 // the multinomial coefficient k!/(a!·b!·c!)
}

func newMonomials(order int) monomials {
	m := monomials{order: order, deg: []int{0, 1}, coef: []float64{1}}
	exp := [][3]int{{0, 0, 0}}
	fact := func(n int) float64 {
		f := 1.0
		for i := 2; i <= n; i++ {
			f *= float64(i)
		}
		return f
	}
	for k := 1; k <= order; k++ {
		prev := exp[m.deg[k-1]:m.deg[k]]
		var cur [][3]int
		for _, e := range prev {
			cur = append(cur, [3]int{e[0] + 1, e[1], e[2]})
		}
		for _, e := range prev[len(prev)-k:] {
			cur = append(cur, [3]int{e[0], e[1] + 1, e[2]})
		}
		e := prev[len(prev)-1]
		cur = append(cur, [3]int{e[0], e[1], e[2] + 1})
		for _, e := range cur {
			m.coef = append(m.coef, fact(k)/(fact(e[0])*fact(e[1])*fact(e[2])))
		}
		exp = append(exp, cur...)
		m.deg = append(m.deg, len(exp))
	}
	return m
}

// fill sets t[0] = t0 and the other monomials of v times t0.
func (m *monomials) fill(t []float64, t0 float64, v [3]float64) {
	t[0] = t0
	for k := 1; k <= m.order; k++ {
		prev, cur := t[m.deg[k-1]:m.deg[k]], t[m.deg[k]:m.deg[k+1]]
		n := len(prev)
		cur = cur[:n+k+1]
		for i, p := range prev {
			cur[i] = p * v[0]
		}
		for i, p := range prev[n-k:] {
			cur[n+i] = p * v[1]
		}
		cur[n+k] = prev[n-1] * v[2]
	}
}

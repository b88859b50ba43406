package weights

import "fmt"

// W is a sparse weights matrix in compressed sparse row form. Row i (the
// neighbours of site i) is Index[Start[i]:Start[i+1]] with the matching
// Weight entries. Within a row neighbours are sorted by index and unique,
// and a row never contains i itself.
type W struct {
	Start  []int     // len N+1, Start[0] == 0
	Index  []int     // neighbour site indices
	Weight []float64 // weight of each neighbour
}

// N is the number of sites.
func (w *W) N() int {
	if len(w.Start) == 0 {
		return 0
	}
	return len(w.Start) - 1
}

// Neighbors returns the neighbour indices and weights of site i. The slices
// alias the matrix and must not be modified.
func (w *W) Neighbors(i int) ([]int, []float64) {
	a, b := w.Start[i], w.Start[i+1]
	return w.Index[a:b], w.Weight[a:b]
}

// Cardinality is the number of neighbours of site i.
func (w *W) Cardinality(i int) int { return w.Start[i+1] - w.Start[i] }

// MaxCardinality is the largest number of neighbours any site has.
func (w *W) MaxCardinality() int {
	m := 0
	for i := 0; i < w.N(); i++ {
		m = max(m, w.Cardinality(i))
	}
	return m
}

// RowSum is the sum of the weights of site i (0 for an island).
func (w *W) RowSum(i int) float64 {
	s := 0.0
	for _, v := range w.Weight[w.Start[i]:w.Start[i+1]] {
		s += v
	}
	return s
}

// Islands lists, in increasing order, the sites without any neighbour.
// They are reported rather than silently dropped because every local
// statistic is undefined for them.
func (w *W) Islands() []int {
	var out []int
	for i := 0; i < w.N(); i++ {
		if w.Cardinality(i) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// RowStandardized returns a copy of w whose rows sum to 1 (PySAL's
// transform "R"). Islands keep their empty row.
func (w *W) RowStandardized() *W {
	out := &W{
		Start:  append([]int(nil), w.Start...),
		Index:  append([]int(nil), w.Index...),
		Weight: make([]float64, len(w.Weight)),
	}
	for i := 0; i < w.N(); i++ {
		s := w.RowSum(i)
		if s == 0 {
			continue
		}
		for k := w.Start[i]; k < w.Start[i+1]; k++ {
			out.Weight[k] = w.Weight[k] / s
		}
	}
	return out
}

// Binary returns a copy of w with every weight set to 1 (PySAL's
// transform "B").
func (w *W) Binary() *W {
	out := &W{
		Start:  append([]int(nil), w.Start...),
		Index:  append([]int(nil), w.Index...),
		Weight: make([]float64, len(w.Weight)),
	}
	for k := range out.Weight {
		out.Weight[k] = 1
	}
	return out
}

// Sums returns the three sums the global statistics' moments need
// (Cliff and Ord's notation, as in PySAL):
//
//	s0 = sum_ij w_ij
//	s1 = 1/2 sum_ij (w_ij + w_ji)^2
//	s2 = sum_i (sum_j w_ij + sum_j w_ji)^2
//
// It works for asymmetric matrices (k nearest neighbours): it builds the
// transpose once and walks each row beside the matching column, both
// sorted, so the cost is linear in the number of links.
func (w *W) Sums() (s0, s1, s2 float64) {
	n := w.N()
	t := w.transpose()
	for i := 0; i < n; i++ {
		ri, rw := w.Neighbors(i)
		ci, cw := t.Neighbors(i)
		var rs, cs float64
		a, b := 0, 0
		for a < len(ri) || b < len(ci) {
			var v float64
			switch {
			case b == len(ci) || (a < len(ri) && ri[a] < ci[b]):
				v = rw[a]
				rs += rw[a]
				a++
			case a == len(ri) || ci[b] < ri[a]:
				v = cw[b]
				cs += cw[b]
				b++
			default: // the same j in both: w_ij + w_ji
				v = rw[a] + cw[b]
				rs += rw[a]
				cs += cw[b]
				a++
				b++
			}
			s1 += v * v
		}
		s0 += rs
		s2 += (rs + cs) * (rs + cs)
	}
	// Each unordered pair was met from both ends.
	return s0, s1 / 2, s2
}

// transpose returns w^T in the same sorted row form.
func (w *W) transpose() *W {
	n := w.N()
	t := &W{Start: make([]int, n+1), Index: make([]int, len(w.Index)), Weight: make([]float64, len(w.Weight))}
	for _, j := range w.Index {
		t.Start[j+1]++
	}
	for j := 0; j < n; j++ {
		t.Start[j+1] += t.Start[j]
	}
	next := append([]int(nil), t.Start[:n]...)
	for i := 0; i < n; i++ { // rows in order, so every column comes out sorted
		for k := w.Start[i]; k < w.Start[i+1]; k++ {
			j := w.Index[k]
			t.Index[next[j]] = i
			t.Weight[next[j]] = w.Weight[k]
			next[j]++
		}
	}
	return t
}

// Validate checks the structural invariants of w: offsets non-decreasing
// and in range, neighbour indices in range, sorted, unique and never the
// site itself, and finite weights.
func (w *W) Validate() error {
	n := w.N()
	if len(w.Start) == 0 || w.Start[0] != 0 || w.Start[n] != len(w.Index) || len(w.Index) != len(w.Weight) {
		return fmt.Errorf("weights: malformed matrix (len Start %d, Index %d, Weight %d)", len(w.Start), len(w.Index), len(w.Weight))
	}
	for i := 0; i < n; i++ {
		if w.Start[i+1] < w.Start[i] {
			return fmt.Errorf("weights: row %d: offsets decrease", i)
		}
		prev := -1
		for k := w.Start[i]; k < w.Start[i+1]; k++ {
			j := w.Index[k]
			switch {
			case j < 0 || j >= n:
				return fmt.Errorf("weights: row %d: neighbour %d out of range [0,%d)", i, j, n)
			case j == i:
				return fmt.Errorf("weights: row %d: site is its own neighbour", i)
			case j <= prev:
				return fmt.Errorf("weights: row %d: neighbours not sorted and unique", i)
			}
			if v := w.Weight[k]; v != v || v-v != 0 {
				return fmt.Errorf("weights: row %d: weight %v not finite", i, v)
			}
			prev = j
		}
	}
	return nil
}

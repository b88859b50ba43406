package weights

import (
	"fmt"
	"slices"
)

// FromNeighbors builds binary weights from neighbour lists the caller
// already has: nb[i] lists the neighbours of site i, for example the cells
// sharing an edge with cell i. The lists may be in any order. An entry
// equal to i itself is ignored (H3's grid disk, for one, includes the
// origin), because self-weights are never stored; an index out of range or
// listed twice is an error naming the site. The relation is taken as given
// and need not be symmetric.
func FromNeighbors(nb [][]int) (*W, error) {
	rows := make([][]int, len(nb))
	for i, list := range nb {
		r := make([]int, 0, len(list))
		for _, j := range list {
			if j < 0 || j >= len(nb) {
				return nil, fmt.Errorf("weights: site %d: neighbour %d out of range [0,%d)", i, j, len(nb))
			}
			if j != i {
				r = append(r, j)
			}
		}
		slices.Sort(r)
		for k := 1; k < len(r); k++ {
			if r[k] == r[k-1] {
				return nil, fmt.Errorf("weights: site %d: neighbour %d listed twice", i, r[k])
			}
		}
		rows[i] = r
	}
	return fromSortedRows(rows), nil
}

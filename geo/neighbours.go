package geo

// NeighbourIndex turns a system's contiguity into lists of positions in
// cells, the shape spatial weights want: out[i] holds the indices j of
// the cells of the slice that neighbour cells[i], ascending. Neighbours
// outside the slice (outside the study area) are left out, so an island
// or a cell at the area's edge may have fewer, or none.
func NeighbourIndex(sys System, cells []Cell, c Contiguity) [][]int {
	pos := make(map[Key]int, len(cells))
	for i, cell := range cells {
		pos[cell.Key] = i
	}
	out := make([][]int, len(cells))
	for i, cell := range cells {
		out[i] = []int{}
		for _, n := range sys.Neighbours(cell.Key, c) {
			if j, ok := pos[n]; ok {
				out[i] = append(out[i], j)
			}
		}
		sortInts(out[i])
	}
	return out
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

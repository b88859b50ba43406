package cluster

import "sort"

// numberByFirst numbers clusters 0, 1, ... in the order of the first input
// row that belongs to each (first maps a cluster's internal id to that
// row), so labels do not depend on the order clusters were found in.
func numberByFirst(first map[int32]int) map[int32]int {
	ids := make([]int32, 0, len(first))
	for c := range first {
		ids = append(ids, c)
	}
	sort.Slice(ids, func(a, b int) bool { return first[ids[a]] < first[ids[b]] })
	number := make(map[int32]int, len(ids))
	for k, c := range ids {
		number[c] = k
	}
	return number
}

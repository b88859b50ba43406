package emerging

import "fmt"

// BuildCube lays out each location's counts by step label (as
// geo.Cell.ByTime holds them) as a cube with one column per label, in the
// order of labels. Steps a location has no entry for are zero.
//
// Build the labels with StepLabels from the first to the last step with
// data, so empty steps in between become zero columns, and call
// DropPartialFinalStep afterwards. A count under a label that is not in
// labels is an error naming the location, because silently losing it
// would change the totals.
func BuildCube(series []map[string]int64, labels []string) ([][]float64, error) {
	col := make(map[string]int, len(labels))
	for t, l := range labels {
		if _, dup := col[l]; dup {
			return nil, fmt.Errorf("emerging: step label %q given twice", l)
		}
		col[l] = t
	}
	counts := make([][]float64, len(series))
	flat := make([]float64, len(series)*len(labels))
	for i, m := range series {
		row := flat[i*len(labels) : (i+1)*len(labels) : (i+1)*len(labels)]
		for l, v := range m {
			t, ok := col[l]
			if !ok {
				return nil, fmt.Errorf("emerging: location %d: count %d in step %q, which is not among the %d steps", i, v, l, len(labels))
			}
			row[t] += float64(v)
		}
		counts[i] = row
	}
	return counts, nil
}

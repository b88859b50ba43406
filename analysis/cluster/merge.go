package cluster

import "github.com/paulmach/orb"

// merged holds the distinct locations of an input, each with the summed weight
// of the rows at it. Clustering runs on these; labels go back to rows through
// of.
type merged struct {
	pts   []orb.Point // distinct coordinates, in order of first appearance
	w     []float64   // summed weight per distinct point
	first []int       // input row of each distinct point's first appearance
	of    []int32     // input row -> distinct point
}

// merge collapses rows with bit-identical coordinates (after turning -0 into
// 0). weights may be nil (every row weighs 1); otherwise it must have one
// positive, finite value per point.
func merge(points []orb.Point, weights []float64) (merged, error) {
	if err := checkWeights(len(points), weights); err != nil {
		return merged{}, err
	}
	m := merged{of: make([]int32, len(points))}
	seen := make(map[orb.Point]int32, len(points))
	for i, p := range points {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		k := orb.Point{p[0] + 0, p[1] + 0}
		j, ok := seen[k]
		if !ok {
			j = int32(len(m.pts))
			seen[k] = j
			m.pts = append(m.pts, p)
			m.w = append(m.w, 0)
			m.first = append(m.first, i)
		}
		m.w[j] += w
		m.of[i] = j
	}
	return m, nil
}

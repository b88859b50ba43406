package cluster

// Result is a flat clustering of the input points.
type Result struct {
	// Labels holds one entry per input point: 0..NClusters-1, or -1 for noise.
	Labels []int
	// NClusters is the number of clusters.
	NClusters int
	// Core marks DBSCAN's core points (nil for HDBSCAN).
	Core []bool
	// Probabilities is HDBSCAN's membership strength in [0, 1], 0 for noise
	// (nil for DBSCAN).
	Probabilities []float64
}

// Noise is the label of points that belong to no cluster.
const Noise = -1

package hotspot

import "github.com/htmap/htmap/analysis/weights"

func weightsFrom(nb [][]int) (*weights.W, error) { return weights.FromNeighbors(nb) }

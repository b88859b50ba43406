package pipeline

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
)

// WeightsSpec is a parsed --weights value.
type WeightsSpec struct {
	Kind string  // "optimized", "distance", "knn", "contiguity" or "gal"
	Km   float64 // distance band (distance), in km, or plane units with --planar
	K    int     // neighbours (knn)
	File string  // GAL file (gal)
}

// String gives the spec back in --weights form.
func (s WeightsSpec) String() string {
	switch s.Kind {
	case "distance":
		return "distance:" + strconv.FormatFloat(s.Km, 'f', -1, 64)
	case "knn":
		return "knn:" + strconv.Itoa(s.K)
	case "gal":
		return "gal:" + s.File
	}
	return s.Kind
}

// ParseWeights parses distance:KM, knn:K, contiguity, gal:FILE or
// optimized (the empty string: choose the band by incremental spatial
// autocorrelation, as ArcGIS's Optimized Hot Spot Analysis).
func ParseWeights(s string) (WeightsSpec, error) {
	kind, arg, _ := strings.Cut(s, ":")
	switch kind {
	case "", "optimized":
		return WeightsSpec{Kind: "optimized"}, nil
	case "contiguity":
		return WeightsSpec{Kind: "contiguity"}, nil
	case "distance":
		km, err := strconv.ParseFloat(arg, 64)
		if err != nil || km <= 0 {
			return WeightsSpec{}, fmt.Errorf("weights %q: distance:KM needs a positive number", s)
		}
		return WeightsSpec{Kind: "distance", Km: km}, nil
	case "knn":
		k, err := strconv.Atoi(arg)
		if err != nil || k < 1 {
			return WeightsSpec{}, fmt.Errorf("weights %q: knn:K needs a positive integer", s)
		}
		return WeightsSpec{Kind: "knn", K: k}, nil
	case "gal":
		if arg == "" {
			return WeightsSpec{}, fmt.Errorf("weights %q: gal:FILE needs a file", s)
		}
		return WeightsSpec{Kind: "gal", File: arg}, nil
	}
	return WeightsSpec{}, fmt.Errorf("weights %q: want distance:KM, knn:K, contiguity, gal:FILE or optimized", s)
}

// buildWeights makes the weights of sites at pts. contiguity gives the
// neighbour lists for "contiguity"; ids names the sites for a GAL file.
func buildWeights(spec WeightsSpec, pts []orb.Point, m weights.Metric, contiguity func() [][]int, ids []string) (*weights.W, error) {
	switch spec.Kind {
	case "distance":
		return weights.DistanceBand(pts, spec.Km, m)
	case "knn":
		k := min(spec.K, len(pts)-1)
		if k < 1 {
			return weights.FromNeighbors(make([][]int, len(pts)))
		}
		return weights.KNN(pts, k, m)
	case "contiguity":
		return weights.FromNeighbors(contiguity())
	case "gal":
		f, err := os.Open(spec.File)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return weights.ReadGAL(f, ids)
	}
	return nil, fmt.Errorf("weights %s cannot be built directly", spec)
}

package weights

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Kind names a way of building weights.
type Kind string

const (
	KindDistance   Kind = "distance"   // distance band, Spec.Distance
	KindKNN        Kind = "knn"        // k nearest neighbours, Spec.K
	KindContiguity Kind = "contiguity" // shared boundary (queen) or grid neighbours
	KindGAL        Kind = "gal"        // a GAL file, Spec.Path
)

// Spec is a parsed --weights value. It only names the weights; building
// them needs the sites, which the caller has ([DistanceBand], [KNN],
// [Queen] or [FromNeighbors], [ReadGAL]).
type Spec struct {
	Kind     Kind
	Distance float64 // band for KindDistance (km, or planar units)
	K        int     // neighbours for KindKNN
	Path     string  // file for KindGAL
}

// String gives the spec back in its command-line form.
func (s Spec) String() string {
	switch s.Kind {
	case KindDistance:
		return "distance:" + strconv.FormatFloat(s.Distance, 'g', -1, 64)
	case KindKNN:
		return "knn:" + strconv.Itoa(s.K)
	case KindGAL:
		return "gal:" + s.Path
	}
	return string(s.Kind)
}

// ParseSpec reads "distance:KM", "knn:K", "contiguity" or "gal:FILE".
func ParseSpec(v string) (Spec, error) {
	kind, arg, hasArg := strings.Cut(v, ":")
	switch Kind(kind) {
	case KindDistance:
		d, err := strconv.ParseFloat(arg, 64)
		if !hasArg || err != nil || d <= 0 || math.IsInf(d, 0) || math.IsNaN(d) {
			return Spec{}, fmt.Errorf("weights %q: want distance:KM with a positive number", v)
		}
		return Spec{Kind: KindDistance, Distance: d}, nil
	case KindKNN:
		k, err := strconv.Atoi(arg)
		if !hasArg || err != nil || k < 1 {
			return Spec{}, fmt.Errorf("weights %q: want knn:K with a whole number K >= 1", v)
		}
		return Spec{Kind: KindKNN, K: k}, nil
	case KindContiguity:
		if hasArg {
			return Spec{}, fmt.Errorf("weights %q: contiguity takes no argument", v)
		}
		return Spec{Kind: KindContiguity}, nil
	case KindGAL:
		if !hasArg || arg == "" {
			return Spec{}, fmt.Errorf("weights %q: want gal:FILE", v)
		}
		return Spec{Kind: KindGAL, Path: arg}, nil
	}
	return Spec{}, fmt.Errorf("weights %q: want distance:KM, knn:K, contiguity or gal:FILE", v)
}

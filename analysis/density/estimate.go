package density

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Options choose the search radius of Estimate.
type Options struct {
	// BandwidthKm is the search radius; 0 means ArcGIS's rule of thumb on the
	// data, capped at MaxBandwidthKm.
	BandwidthKm float64
	// MaxBandwidthKm caps the rule of thumb (not an explicit BandwidthKm);
	// 0 means DefaultMaxBandwidthKm.
	MaxBandwidthKm float64
	// MinBandwidthKm is a floor for any radius, for sensitive data; 0 means
	// none.
	MinBandwidthKm float64
}

// Surface is a density evaluated at the caller's locations.
type Surface struct {
	Bandwidth Bandwidth
	// Density holds one value per location, in weight per km².
	Density []float64
}

// Estimate evaluates the quartic kernel density of lon/lat points (weights
// nil for one each) at the given lon/lat locations, with great-circle
// distances. See the package documentation for the bandwidth rule.
func Estimate(points []orb.Point, weights []float64, at []orb.Point, opt Options) (Surface, error) {
	if opt.BandwidthKm < 0 || opt.MinBandwidthKm < 0 || opt.MaxBandwidthKm < 0 {
		return Surface{}, fmt.Errorf("density: negative bandwidth option %+v", opt)
	}
	w, err := weightsOr(weights, len(points))
	if err != nil {
		return Surface{}, err
	}
	var b Bandwidth
	if opt.BandwidthKm > 0 {
		b = Bandwidth{Radius: opt.BandwidthKm}
	} else {
		if b, err = RuleOfThumb(points, w); err != nil {
			return Surface{}, err
		}
		max := opt.MaxBandwidthKm
		if max == 0 {
			max = DefaultMaxBandwidthKm
		}
		if b.Radius > max {
			b.Radius, b.Capped = max, true
		}
	}
	if b.Radius < opt.MinBandwidthKm {
		b.Radius, b.Raised = opt.MinBandwidthKm, true
	}
	if !(b.Radius > 0) {
		return Surface{}, fmt.Errorf("density: bandwidth %v km is not positive (all points at one place? give a bandwidth)", b.Radius)
	}
	vs, err := embed(points)
	if err != nil {
		return Surface{}, err
	}
	qs, err := embed(at)
	if err != nil {
		return Surface{}, fmt.Errorf("location: %w", err)
	}
	k := sphereKernel(b.Radius)
	ix := newIndex(vs, w, &k, true)
	return Surface{Bandwidth: b, Density: ix.density(qs, &k)}, nil
}

// EstimatePlanar evaluates the quartic kernel density of x/y points at x/y
// locations with Euclidean distance and the given radius, in weight per
// squared unit. It is the textbook form of the estimator, used to check the
// kernel against ArcGIS's planar results.
func EstimatePlanar(points []orb.Point, weights []float64, at []orb.Point, radius float64) ([]float64, error) {
	if !(radius > 0) || math.IsInf(radius, 0) {
		return nil, fmt.Errorf("density: radius %v must be positive and finite", radius)
	}
	w, err := weightsOr(weights, len(points))
	if err != nil {
		return nil, err
	}
	vs := make([][3]float64, len(points))
	for i, p := range points {
		vs[i] = [3]float64{p[0], p[1], 0}
	}
	qs := make([][3]float64, len(at))
	for i, q := range at {
		qs[i] = [3]float64{q[0], q[1], 0}
	}
	k := planeKernel(radius)
	ix := newIndex(vs, w, &k, false)
	return ix.density(qs, &k), nil
}

package density

import (
	"fmt"
	"math"
	"runtime"
	"sync"

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
	r := b.Radius
	c := kmToChord(r)
	ix := newIndex(vs, w, c)
	out := make([]float64, len(qs))
	forChunks(len(qs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = ix.sum(qs[i], c, func(d2, w float64) float64 {
				return w * Quartic(chordToKm(math.Sqrt(d2)), r)
			})
		}
	})
	return Surface{Bandwidth: b, Density: out}, nil
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
	ix := newIndex(vs, w, radius)
	out := make([]float64, len(at))
	for i, q := range at {
		out[i] = ix.sum([3]float64{q[0], q[1], 0}, radius, func(d2, w float64) float64 {
			return w * Quartic(math.Sqrt(d2), radius)
		})
	}
	return out, nil
}

// forChunks runs fn over [0, n) on up to GOMAXPROCS goroutines; each index
// is written by exactly one call, so results do not depend on scheduling.
func forChunks(n int, fn func(lo, hi int)) {
	g := runtime.GOMAXPROCS(0)
	if n < 256 || g == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + g - 1) / g
	for lo := 0; lo < n; lo += step {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(lo, min(lo+step, n))
	}
	wg.Wait()
}

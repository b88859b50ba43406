package density

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// DefaultMaxBandwidthKm caps the rule-of-thumb radius: beyond a few hundred
// kilometres a kernel stops describing where incidents concentrate and only
// says which continent they are on.
const DefaultMaxBandwidthKm = 500

// SensitiveMinBandwidthKm is the smallest radius used for sensitive inputs:
// one case then spreads over at least π·25² ≈ 1,960 km², about the area of a
// mid-sized district, so its peak cannot pinpoint a place.
const SensitiveMinBandwidthKm = 25

// Bandwidth reports how a search radius was chosen.
type Bandwidth struct {
	Radius float64 // the radius used (km, or plane units for the planar variant)
	Rule   float64 // ArcGIS's rule of thumb before any cap or floor
	SD     float64 // weighted standard distance from the weighted mean centre
	Dm     float64 // weighted median distance to the weighted mean centre
	N      float64 // total weight, the n of the rule
	Centre orb.Point
	Capped bool // the rule exceeded the cap
	Raised bool // the radius was raised to the minimum
}

// ruleOfThumb is 0.9·min(SD, √(1/ln2)·Dm)·n^−0.2 from distances d to the mean
// centre with weights w.
func ruleOfThumb(d, w []float64) Bandwidth {
	var sw, sd2 float64
	for i, x := range d {
		sw += w[i]
		sd2 += w[i] * x * x
	}
	b := Bandwidth{N: sw, SD: math.Sqrt(sd2 / sw), Dm: weightedMedian(d, w)}
	b.Rule = 0.9 * math.Min(b.SD, math.Sqrt(1/math.Ln2)*b.Dm) * math.Pow(sw, -0.2)
	b.Radius = b.Rule
	return b
}

// weightsOr returns w, or n ones when w is nil, after checking it.
func weightsOr(w []float64, n int) ([]float64, error) {
	if w == nil {
		w = make([]float64, n)
		for i := range w {
			w[i] = 1
		}
		return w, nil
	}
	if len(w) != n {
		return nil, fmt.Errorf("density: %d weights for %d points", len(w), n)
	}
	for i, x := range w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("point %d: weight %v is not a finite non-negative number", i, x)
		}
	}
	return w, nil
}

// RuleOfThumbPlanar applies ArcGIS's rule to x/y points with Euclidean
// distances; weights may be nil.
func RuleOfThumbPlanar(points []orb.Point, weights []float64) (Bandwidth, error) {
	if len(points) == 0 {
		return Bandwidth{}, fmt.Errorf("density: no points")
	}
	w, err := weightsOr(weights, len(points))
	if err != nil {
		return Bandwidth{}, err
	}
	var cx, cy, sw float64
	for i, p := range points {
		cx += w[i] * p[0]
		cy += w[i] * p[1]
		sw += w[i]
	}
	if !(sw > 0) {
		return Bandwidth{}, fmt.Errorf("density: total weight is zero")
	}
	c := orb.Point{cx / sw, cy / sw}
	d := make([]float64, len(points))
	for i, p := range points {
		d[i] = math.Hypot(p[0]-c[0], p[1]-c[1])
	}
	b := ruleOfThumb(d, w)
	b.Centre = c
	return b, nil
}

// RuleOfThumb applies ArcGIS's rule to lon/lat points with great-circle
// distances in km. The mean centre is the spherical one (the normalised sum of
// weighted unit vectors), which stays right across the antimeridian where the
// mean of longitudes does not. No cap or floor is applied here.
func RuleOfThumb(points []orb.Point, weights []float64) (Bandwidth, error) {
	if len(points) == 0 {
		return Bandwidth{}, fmt.Errorf("density: no points")
	}
	w, err := weightsOr(weights, len(points))
	if err != nil {
		return Bandwidth{}, err
	}
	vs, err := embed(points)
	if err != nil {
		return Bandwidth{}, err
	}
	var s [3]float64
	sw := 0.0
	for i, v := range vs {
		for k := 0; k < 3; k++ {
			s[k] += w[i] * v[k]
		}
		sw += w[i]
	}
	if !(sw > 0) {
		return Bandwidth{}, fmt.Errorf("density: total weight is zero")
	}
	norm := math.Sqrt(s[0]*s[0] + s[1]*s[1] + s[2]*s[2])
	if norm < 1e-12*sw {
		return Bandwidth{}, fmt.Errorf("density: points are spread so evenly over the globe that they have no mean centre")
	}
	c := orb.Point{math.Atan2(s[1], s[0]) * 180 / math.Pi, math.Asin(s[2]/norm) * 180 / math.Pi}
	cv := unit(c)
	d := make([]float64, len(points))
	forChunks(len(vs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			// Below a micrometre the distance is rounding noise of the centre.
			if d[i] = chordToKm(math.Sqrt(dist2(vs[i], cv))); d[i] < 1e-9 {
				d[i] = 0
			}
		}
	})
	b := ruleOfThumb(d, w)
	b.Centre = c
	return b, nil
}

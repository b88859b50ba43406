package hotspot

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
)

// MinOptimizedFeatures is the fewest sites the optimized band accepts, as
// ArcGIS's Optimized Hot Spot Analysis.
const MinOptimizedFeatures = 30

// Band is the distance band chosen by [OptimizedBand] and why.
type Band struct {
	Distance float64 // the chosen band, in the metric's units (km on the sphere)
	Reason   string  // one sentence for the output and the manifest
	// Incremental spatial autocorrelation: the 10 bands tried, starting at
	// Start and stepping by Step, and global Moran's I z at each (nil when
	// the bands could not be tried).
	Start, Step float64
	Bands, Z    []float64
	// Outliers are the sites left out when choosing Start because they are
	// locational outliers (they may be islands at the chosen band).
	Outliers []int
	// Truncated: fewer than 10 bands were tried because the next one
	// would have had more than maxBandLinks links.
	Truncated bool

	links int
}

// maxBandLinks bounds the weights OptimizedBand builds (about 16 bytes a
// link): a band that would link every site to thousands of others says
// nothing local anyway.
const maxBandLinks = 30_000_000

// OptimizedBand chooses the distance band for Gi* when the user gives no
// weights, by incremental spatial autocorrelation as ArcGIS's Optimized
// Hot Spot Analysis documents:
//
//  1. At least MinOptimizedFeatures sites.
//  2. Start at the smallest distance at which every site has a neighbour
//     (the largest nearest-neighbour distance), ignoring locational
//     outliers: sites whose nearest-neighbour distance is more than three
//     standard deviations above the mean (one remote site would otherwise
//     make every band span the map; ArcGIS also sets them aside).
//  3. Step by the average nearest-neighbour distance (outliers again
//     left out), 10 bands.
//  4. At each band compute global Moran's I of values on the
//     row-standardised band weights, z under randomisation.
//     Bands are not tried past one projected (from the previous band's
//     link count and the area ratio) to exceed 30 million links.
//  5. Take the first peak (a band whose z exceeds both its neighbours')
//     with z >= 1.65; else the highest peak; else the average distance to
//     the k-th nearest neighbour, k = clamp(floor(0.05 N), 3, 30).
//
// Constant values have no peak and fall back to the k-th neighbour
// distance.
func OptimizedBand(pts []orb.Point, values []float64, m weights.Metric) (Band, error) {
	n := len(pts)
	if n != len(values) {
		return Band{}, fmt.Errorf("hotspot: %d points but %d values", n, len(values))
	}
	if n < MinOptimizedFeatures {
		return Band{}, fmt.Errorf("hotspot: optimized hot spot analysis needs at least %d features, have %d", MinOptimizedFeatures, n)
	}
	nn, err := weights.KthNeighborDistances(pts, 1, m)
	if err != nil {
		return Band{}, err
	}
	mean, v := meanVar(nn)
	limit := mean + 3*math.Sqrt(v)
	var b Band
	var sum float64
	for i, d := range nn {
		if d > limit {
			b.Outliers = append(b.Outliers, i)
			continue
		}
		b.Start = max(b.Start, d)
		sum += d
	}
	b.Step = sum / float64(n-len(b.Outliers))
	unit := "km"
	if m == weights.Planar {
		unit = "units"
	}
	if b.Step > 0 {
		for k := range 10 {
			d := b.Start + float64(k)*b.Step
			if k > 0 {
				// Links grow with the area of the band: stop before a
				// band whose weights would not fit in memory.
				prev := b.Bands[k-1]
				if float64(b.links)*(d/prev)*(d/prev) > maxBandLinks {
					b.Truncated = true
					break
				}
			}
			w, err := weights.DistanceBand(pts, d, m)
			if err != nil {
				return Band{}, err
			}
			b.links = len(w.Index)
			mr, err := Moran(values, w.RowStandardized())
			if err != nil {
				return Band{}, err
			}
			b.Bands = append(b.Bands, d)
			b.Z = append(b.Z, mr.ZRand)
		}
		first, best := -1, -1
		for k := 1; k+1 < len(b.Z); k++ {
			if b.Z[k] > b.Z[k-1] && b.Z[k] > b.Z[k+1] {
				if first < 0 && b.Z[k] >= 1.65 {
					first = k
				}
				if best < 0 || b.Z[k] > b.Z[best] {
					best = k
				}
			}
		}
		tried := "10 bands"
		if b.Truncated {
			tried = fmt.Sprintf("%d bands (wider ones would exceed %d links)", len(b.Bands), maxBandLinks)
		}
		switch {
		case first >= 0:
			b.Distance = b.Bands[first]
			b.Reason = fmt.Sprintf("first significant peak of global Moran's I z (%.2f >= 1.65) over %s from %.4g %s by %.4g %s, at band %d", b.Z[first], tried, b.Start, unit, b.Step, unit, first+1)
			return b, nil
		case best >= 0:
			b.Distance = b.Bands[best]
			b.Reason = fmt.Sprintf("no peak of global Moran's I z reaches 1.65 over %s from %.4g %s by %.4g %s; highest peak (z %.2f) at band %d", tried, b.Start, unit, b.Step, unit, b.Z[best], best+1)
			return b, nil
		}
	}
	k := min(max(int(0.05*float64(n)), 3), 30)
	kd, err := weights.KthNeighborDistances(pts, k, m)
	if err != nil {
		return Band{}, err
	}
	avg, _ := meanVar(kd)
	b.Distance = avg
	b.Reason = fmt.Sprintf("no peak of global Moran's I z over the distance bands; average distance to the %d-th nearest neighbour (k = clamp(0.05 N, 3, 30)), %.4g %s", k, avg, unit)
	return b, nil
}

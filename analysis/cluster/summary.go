package cluster

import (
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Summary describes one cluster for maps and tables.
type Summary struct {
	Label   int     // the cluster's label in Result.Labels
	NPoints int     // input rows in the cluster
	Weight  float64 // their summed weight
	// Centroid is the weighted spherical mean: the normalised sum of the
	// members' unit vectors, right across the antimeridian and near poles
	// where averaging longitudes is not.
	Centroid orb.Point
	// Hull is the convex hull in lon/lat of the members' distinct locations:
	// an orb.Polygon (closed ring, counter-clockwise as RFC 7946 wants for
	// exteriors), or an orb.LineString when they are collinear, or an
	// orb.Point for a single location. Longitudes are unwrapped around the
	// centroid, so a cluster astride the 180° meridian gets one compact hull
	// whose longitudes may pass 180 or -180; writers must split such a shape
	// at the antimeridian (CrossesAntimeridian says when).
	Hull                orb.Geometry
	CrossesAntimeridian bool
	Members             []int // input rows, ascending
}

// Summarize describes every cluster of labels (as returned by DBSCAN or
// HDBSCAN) over the same points and weights, in label order.
func Summarize(points []orb.Point, weights []float64, labels []int) ([]Summary, error) {
	if len(labels) != len(points) {
		return nil, fmt.Errorf("cluster: %d labels for %d points", len(labels), len(points))
	}
	if weights != nil && len(weights) != len(points) {
		return nil, fmt.Errorf("cluster: %d weights for %d points", len(weights), len(points))
	}
	k := 0
	for i, l := range labels {
		if l < Noise {
			return nil, fmt.Errorf("point %d: invalid label %d", i, l)
		}
		k = max(k, l+1)
	}
	out := make([]Summary, k)
	sums := make([]vec3, k)
	for i, l := range labels {
		if l == Noise {
			continue
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		s := &out[l]
		s.Label = l
		s.NPoints++
		s.Weight += w
		s.Members = append(s.Members, i)
		v := unitVector(points[i][0], points[i][1])
		for d := 0; d < 3; d++ {
			sums[l][d] += w * v[d]
		}
	}
	for l := range out {
		if out[l].NPoints == 0 {
			return nil, fmt.Errorf("cluster: label %d has no points", l)
		}
	}
	// Centroids and hulls, cluster by cluster on every core.
	parallelBlocks(k, 1, func(_, l, _ int) {
		s := &out[l]
		v := sums[l]
		norm := math.Sqrt(v[0]*v[0] + v[1]*v[1] + v[2]*v[2])
		if norm < 1e-12*s.Weight {
			// Members balanced around the globe: no meaningful mean.
			s.Centroid = points[s.Members[0]]
		} else {
			s.Centroid = orb.Point{math.Atan2(v[1], v[0]) * 180 / math.Pi, math.Asin(v[2]/norm) * 180 / math.Pi}
		}
		var pts []orb.Point
		for _, i := range s.Members {
			p := points[i]
			lon := s.Centroid[0] + wrap180(p[0]-s.Centroid[0])
			if lon > 180 || lon < -180 {
				s.CrossesAntimeridian = true
			}
			pts = append(pts, orb.Point{lon, p[1]})
		}
		s.Hull = convexHull(pts)
	})
	return out, nil
}

// wrap180 brings a longitude difference into [-180, 180).
func wrap180(d float64) float64 {
	d = math.Mod(d+180, 360)
	if d < 0 {
		d += 360
	}
	return d - 180
}

// convexHull is Andrew's monotone chain on distinct points.
func convexHull(pts []orb.Point) orb.Geometry {
	slices.SortFunc(pts, func(a, b orb.Point) int {
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		switch {
		case a[1] < b[1]:
			return -1
		case a[1] > b[1]:
			return 1
		}
		return 0
	})
	pts = slices.Compact(pts)
	if len(pts) == 1 {
		return pts[0]
	}
	cross := func(o, a, b orb.Point) float64 {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	var h []orb.Point
	for _, p := range pts { // lower hull
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	lower := len(h) + 1
	for i := len(pts) - 2; i >= 0; i-- { // upper hull
		p := pts[i]
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], p) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p)
	}
	// h is closed (ends where it started) and counter-clockwise.
	if len(h) < 4 {
		return orb.LineString{pts[0], pts[len(pts)-1]}
	}
	return orb.Polygon{orb.Ring(h)}
}

package cluster

import (
	"fmt"
	"github.com/htmap/htmap/internal/box3"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// EarthRadiusKm is the mean Earth radius (IUGG R1) used for every distance in
// this package, the same constant scikit-learn users pass to convert haversine
// radians to kilometres.
const EarthRadiusKm = 6371.0088

// vec3 is a point in the space the k-d tree indexes: a unit vector for
// geographic input, (x, y, 0) for planar input.
type vec3 = [3]float64

// space converts between the tree's Euclidean distances and the distances
// users speak in (kilometres on the sphere, plain units in the plane). Both
// conversions are monotone, which is all DBSCAN and HDBSCAN need.
type space struct {
	planar bool
}

// toDist converts a Euclidean distance between embedded points to the user's
// distance: for the sphere, a chord of the unit sphere to great-circle km.
func (s space) toDist(chord float64) float64 {
	if s.planar {
		return chord
	}
	h := chord / 2
	if h > 1 {
		h = 1
	}
	return 2 * math.Asin(h) * EarthRadiusKm
}

// toChord is the inverse of toDist; distances beyond half the globe map to the
// diameter so that "everything" stays everything.
func (s space) toChord(d float64) float64 {
	if s.planar {
		return d
	}
	a := d / EarthRadiusKm
	if a >= math.Pi {
		return 2
	}
	return 2 * math.Sin(a/2)
}

// embed validates and embeds the points. Geographic points must have finite
// coordinates and a latitude within ±90°; longitudes may be any finite value
// (they wrap naturally on the sphere).
func (s space) embed(points []orb.Point) ([]vec3, error) {
	out := make([]vec3, len(points))
	err := s.eachEmbedded(points, func(i int, v vec3) { out[i] = v })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachEmbedded embeds the points in parallel and calls fn with each valid
// one's index and embedding (concurrently, each index once). The error is
// always that of the first invalid point, whatever the schedule.
func (s space) eachEmbedded(points []orb.Point, fn func(i int, v vec3)) error {
	firstBad := make([]int, maxWorkers)
	for i := range firstBad {
		firstBad[i] = len(points)
	}
	parallelChunks(len(points), func(worker, lo, hi int) {
		for i := lo; i < hi; i++ {
			v, err := s.embedPoint(points[i])
			if err != nil {
				firstBad[worker] = min(firstBad[worker], i)
				continue
			}
			fn(i, v)
		}
	})
	if i := slices.Min(firstBad); i < len(points) {
		_, err := s.embedPoint(points[i])
		return fmt.Errorf("point %d: %w", i, err)
	}
	return nil
}

// bounds is a box that holds every valid point's embedding: the cube around
// the unit sphere, or the points' own box in the plane.
func (s space) bounds(points []orb.Point) box {
	if !s.planar {
		return box{Min: vec3{-1, -1, -1}, Max: vec3{1, 1, 1}}
	}
	boxes := make([]box, maxWorkers)
	for i := range boxes {
		boxes[i] = box3.Empty()
	}
	parallelChunks(len(points), func(worker, lo, hi int) {
		b := &boxes[worker]
		for _, p := range points[lo:hi] {
			if !math.IsInf(p[0], 0) && !math.IsInf(p[1], 0) { // NaN compares false
				b.Add(vec3{p[0], p[1], 0})
			}
		}
	})
	all := box3.Empty()
	for _, b := range boxes {
		if b.Min[0] <= b.Max[0] {
			all.Add(b.Min)
			all.Add(b.Max)
		}
	}
	return all
}

// embedPoint validates and embeds one point.
func (s space) embedPoint(p orb.Point) (vec3, error) {
	x, y := p[0], p[1]
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return vec3{}, fmt.Errorf("coordinate is not finite (%v, %v)", x, y)
	}
	if s.planar {
		return vec3{x, y, 0}, nil
	}
	if y < -90 || y > 90 {
		return vec3{}, fmt.Errorf("latitude %v outside [-90, 90]", y)
	}
	return unitVector(x, y), nil
}

// unitVector places lon/lat degrees on the unit sphere. math.Sincos runs
// the very reduction and polynomials of math.Sin and math.Cos (the test
// checks the bits), at half the cost of calling both.
func unitVector(lon, lat float64) vec3 {
	la := lat * math.Pi / 180
	lo := lon * math.Pi / 180
	sla, cla := math.Sincos(la)
	slo, clo := math.Sincos(lo)
	return vec3{cla * clo, cla * slo, sla}
}

func dist2(a, b vec3) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return dx*dx + dy*dy + dz*dz
}

// HaversineKm is the great-circle distance in km between two lon/lat points,
// by the haversine formula (the same one scikit-learn's "haversine" metric
// uses, times EarthRadiusKm).
func HaversineKm(a, b orb.Point) float64 {
	la1, la2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dla := la2 - la1
	dlo := (b[0] - a[0]) * math.Pi / 180
	s1, s2 := math.Sin(dla/2), math.Sin(dlo/2)
	h := s1*s1 + math.Cos(la1)*math.Cos(la2)*s2*s2
	if h > 1 {
		h = 1
	}
	return 2 * math.Asin(math.Sqrt(h)) * EarthRadiusKm
}

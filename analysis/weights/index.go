package weights

import (
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// EarthRadiusKm is the radius of the sphere on which great-circle
// distances are measured: the IUGG mean Earth radius R1, the value
// scikit-learn's haversine and most of the field use.
const EarthRadiusKm = 6371.0088

// Metric says how distances between points are measured.
type Metric int

const (
	// Geodesic: points are [lon, lat] in degrees and distances are
	// great-circle kilometres on the sphere of radius EarthRadiusKm.
	Geodesic Metric = iota
	// Planar: points are plain x, y and distances Euclidean, in the units
	// of the coordinates (projected metres, or the esda test lattice).
	Planar
)

func (m Metric) String() string {
	switch m {
	case Geodesic:
		return "geodesic"
	case Planar:
		return "planar"
	}
	return fmt.Sprintf("Metric(%d)", int(m))
}

// kdPoint is one site: a 3-D unit vector on the sphere, or x, y on the
// plane (z 0).
type kdPoint struct {
	v [3]float64
	i int32
}

// index is a built k-d tree over the sites plus their original vectors.
type index struct {
	metric Metric
	pts    []kdPoint // in site order (the tree holds a reordered copy)
	tree   *kdTree
}

// newIndex checks the coordinates and builds the tree. A coordinate that
// is not finite, or a latitude outside [-90, 90] for Geodesic, is an error
// naming the point.
func newIndex(pts []orb.Point, m Metric) (*index, error) {
	if m != Geodesic && m != Planar {
		return nil, fmt.Errorf("weights: unknown metric %v", m)
	}
	if len(pts) > math.MaxInt32 {
		return nil, fmt.Errorf("weights: %d points is too many", len(pts))
	}
	own := make([]kdPoint, len(pts))
	for i, p := range pts {
		x, y := p[0], p[1]
		if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			return nil, fmt.Errorf("weights: point %d: coordinate not finite (%v, %v)", i, x, y)
		}
		if m == Planar {
			own[i] = kdPoint{v: [3]float64{x, y, 0}, i: int32(i)}
			continue
		}
		if y < -90 || y > 90 {
			return nil, fmt.Errorf("weights: point %d: latitude %v outside [-90, 90]", i, y)
		}
		own[i] = kdPoint{v: unitVector(x, y), i: int32(i)}
	}
	dims := 3
	if m == Planar {
		dims = 2
	}
	return &index{metric: m, pts: own, tree: newKDTree(own, dims)}, nil
}

// unitVector maps lon, lat in degrees to a point on the unit sphere.
func unitVector(lon, lat float64) [3]float64 {
	lo, la := lon*math.Pi/180, lat*math.Pi/180
	cl := math.Cos(la)
	return [3]float64{cl * math.Cos(lo), cl * math.Sin(lo), math.Sin(la)}
}

// dist is the distance between sites i and j in the metric's units: the
// great-circle distance computed as atan2(|a x b|, a . b), which stays
// accurate for tiny and antipodal separations alike.
func (x *index) dist(i, j int) float64 {
	a, b := x.pts[i].v, x.pts[j].v
	if x.metric == Planar {
		return math.Hypot(a[0]-b[0], a[1]-b[1])
	}
	cx := a[1]*b[2] - a[2]*b[1]
	cy := a[2]*b[0] - a[0]*b[2]
	cz := a[0]*b[1] - a[1]*b[0]
	dot := a[0]*b[0] + a[1]*b[1] + a[2]*b[2]
	return EarthRadiusKm * math.Atan2(math.Sqrt(cx*cx+cy*cy+cz*cz), dot)
}

// searchRadius converts a distance in the metric's units to the squared
// tree distance to search within, widened by a hair so that rounding can
// never lose a pair exactly at the band; the exact test is done after.
func (x *index) searchRadius(d float64) float64 {
	if x.metric == Planar {
		return d * d * (1 + 1e-9)
	}
	if d >= math.Pi*EarthRadiusKm {
		return 4.000001 // the whole sphere: chord 2
	}
	c := 2 * math.Sin(d/(2*EarthRadiusKm))
	return c*c*(1+1e-9) + 1e-300
}

// within returns the sites j != i with dist(i, j) <= d, sorted by index.
func (x *index) within(i int, d float64, buf []int) []int {
	out := buf[:0]
	x.tree.ball(x.pts[i].v, x.searchRadius(d), func(site int32, _ float64) {
		j := int(site)
		if j != i && x.dist(i, j) <= d {
			out = append(out, j)
		}
	})
	slices.Sort(out)
	return out
}

// nearest returns the k sites nearest to i (j != i), nearest first, ties
// in distance broken by the lower index so the result never depends on
// the tree's layout.
func (x *index) nearest(i, k int) []int {
	k = min(k, len(x.pts)-1)
	cs := x.tree.knn(x.pts[i].v, k, int32(i))
	out := make([]int, len(cs))
	for n, c := range cs {
		out[n] = int(c.site)
	}
	return out
}

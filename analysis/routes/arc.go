package routes

import (
	"math"

	"github.com/paulmach/orb"
)

// EarthRadiusKm is the mean radius of the earth (IUGG, R1), the sphere
// arcs are drawn on. Route maps only need the shape of the arc, and the
// mean radius keeps segment lengths within 0.5 % of the ellipsoid's.
const EarthRadiusKm = 6371.0088

// DefaultMaxSegmentKm is the longest segment Arc leaves by default.
const DefaultMaxSegmentKm = 100

// Arc returns the great circle from a to b (lon, lat in degrees) as a
// LineString whose segments are at most maxSegKm long (DefaultMaxSegmentKm
// when maxSegKm <= 0). Points are spread evenly by spherical linear
// interpolation, so they lie on the great circle; straight lines in
// lon/lat (orb's resample) would draw a different, longer route.
//
// When the arc crosses the antimeridian it is returned as a
// MultiLineString split there (RFC 7946 section 3.1.9): one part ends at
// longitude ±180 and the next starts at ∓180, both at the latitude where
// the great circle meets the 180th meridian. Points exactly opposite each
// other have no single great circle; Arc then goes through the point 90
// degrees from a towards the north pole (south pole when a is a pole
// itself, towards lon 0), a fixed and documented choice.
func Arc(a, b orb.Point, maxSegKm float64) orb.Geometry {
	if maxSegKm <= 0 {
		maxSegKm = DefaultMaxSegmentKm
	}
	pts := densify(toVec(a), toVec(b), maxSegKm/EarthRadiusKm)
	line := make(orb.LineString, len(pts))
	for i, v := range pts {
		line[i] = v.point()
	}
	// Keep the ends exactly as given, not as round-tripped through 3D.
	line[0], line[len(line)-1] = a, b
	return splitAntimeridian(line, pts)
}

// vec is a unit vector in earth-centred coordinates: x towards (0, 0),
// y towards (90E, 0), z towards the north pole.
type vec [3]float64

func toVec(p orb.Point) vec {
	lon, lat := p[0]*math.Pi/180, p[1]*math.Pi/180
	return vec{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
}

func (v vec) point() orb.Point {
	return orb.Point{
		math.Atan2(v[1], v[0]) * 180 / math.Pi,
		math.Atan2(v[2], math.Hypot(v[0], v[1])) * 180 / math.Pi,
	}
}

func dot(a, b vec) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

func cross(a, b vec) vec {
	return vec{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func (v vec) scale(s float64) vec { return vec{v[0] * s, v[1] * s, v[2] * s} }
func (v vec) plus(w vec) vec      { return vec{v[0] + w[0], v[1] + w[1], v[2] + w[2]} }
func (v vec) norm() float64       { return math.Sqrt(dot(v, v)) }
func (v vec) unit() vec           { return v.scale(1 / v.norm()) }

// angle is the central angle between unit vectors, accurate for small and
// near-opposite angles alike (atan2 of |a×b| and a·b).
func angle(a, b vec) float64 { return math.Atan2(cross(a, b).norm(), dot(a, b)) }

// densify returns a, the interpolated points and b, with central angles
// between neighbours no larger than maxAngle.
func densify(a, b vec, maxAngle float64) []vec {
	omega := angle(a, b)
	if omega > math.Pi-1e-9 {
		// Opposite points: go through a fixed midpoint.
		m := antipodeMid(a)
		first := densify(a, m, maxAngle)
		return append(first, densify(m, b, maxAngle)[1:]...)
	}
	n := int(math.Ceil(omega / maxAngle))
	if n < 1 {
		n = 1
	}
	pts := make([]vec, 0, n+1)
	pts = append(pts, a)
	s := math.Sin(omega)
	for i := 1; i < n; i++ {
		t := float64(i) / float64(n)
		p := a.scale(math.Sin((1-t)*omega) / s).plus(b.scale(math.Sin(t*omega) / s))
		pts = append(pts, p.unit())
	}
	return append(pts, b)
}

// antipodeMid is a point 90 degrees from a: towards the north pole, or
// towards (0, 0) when a is a pole.
func antipodeMid(a vec) vec {
	north := vec{0, 0, 1}
	if math.Hypot(a[0], a[1]) < 1e-12 {
		north = vec{1, 0, 0}
	}
	// Component of north orthogonal to a.
	return north.plus(a.scale(-dot(north, a))).unit()
}

// splitAntimeridian cuts line wherever consecutive points are more than
// 180 degrees of longitude apart. vs are the same points as unit vectors.
func splitAntimeridian(line orb.LineString, vs []vec) orb.Geometry {
	var parts orb.MultiLineString
	cur := orb.LineString{line[0]}
	for i := 1; i < len(line); i++ {
		p, q := line[i-1], line[i]
		if math.Abs(q[0]-p[0]) <= 180 {
			cur = append(cur, q)
			continue
		}
		lat := crossingLat(vs[i-1], vs[i])
		east := 180.0
		if p[0] < 0 {
			east = -180
		}
		if cur[len(cur)-1] != (orb.Point{east, lat}) {
			cur = append(cur, orb.Point{east, lat})
		}
		if len(cur) >= 2 {
			parts = append(parts, cur)
		}
		cur = orb.LineString{{-east, lat}}
		if q != cur[0] {
			cur = append(cur, q)
		}
	}
	if len(parts) == 0 {
		return cur
	}
	if len(cur) >= 2 {
		parts = append(parts, cur)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return parts
}

// crossingLat is the latitude where the great circle through unit vectors
// p and q meets the 180th meridian: the line where the circle's plane
// (normal p×q) meets the meridian plane y = 0, on the side x < 0.
func crossingLat(p, q vec) float64 {
	n := cross(p, q)
	// Direction n × (0,1,0) = (-n_z, 0, n_x).
	d := vec{-n[2], 0, n[0]}
	if d[0] > 0 {
		d = d.scale(-1)
	}
	return math.Atan2(d[2], -d[0]) * 180 / math.Pi
}

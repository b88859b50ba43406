package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// This file cuts lon/lat polygons at the antimeridian, as RFC 7946 §3.1.9
// asks. Renderers draw an edge from 179° to -179° straight across the
// whole map; the cure is to cut such polygons into a piece east of 180°W
// and a piece west of 180°E.
//
// Input edges are taken to be the short way round: an edge whose
// longitudes differ by more than 180° crosses the antimeridian. The one
// exception is an edge whose two ends both lie on ±180° (Natural Earth's
// Antarctica runs along the pole from 180° to -180°): that edge belongs to
// an already-cut ring and is left alone.
//
// The method: unwrap the ring's longitudes so consecutive points never
// jump by more than 180°, close rings that wind round a pole (an H3 cell
// containing the pole) by walking along the pole, then clip the unwrapped
// ring to the strips [-540,-180], [-180,180] and [180,540] and shift each
// piece back by a multiple of 360°. Clipping is Sutherland–Hodgman against
// a strip, which is exact for convex rings such as H3 cells; a concave
// ring that leaves a strip and re-enters it yields one piece joined by
// zero-width edges along the cut, which draws and measures correctly.

// SplitAntimeridian returns the polygon as RFC 7946 wants it: an
// orb.Polygon when it needs no cut, otherwise an orb.MultiPolygon of the
// pieces on either side of 180°. Exteriors come out counter-clockwise and
// holes clockwise in lon/lat. A ring winding round a pole must be
// counter-clockwise on the sphere (interior on its left, as H3 returns
// them): eastward rings are taken to hold the north pole, westward ones the
// south pole.
func SplitAntimeridian(p orb.Polygon) orb.Geometry {
	if len(p) == 0 {
		return p
	}
	if !polygonCrosses(p) {
		return orient(clonePolygon(p))
	}
	if cap, ok := polarCap(p[0]); ok && len(p) == 1 {
		return orient(orb.Polygon{cap})
	}
	var pieces [3]orb.Polygon
	for i, ring := range p {
		u := unwrapRing(ring)
		for s := -1; s <= 1; s++ {
			lo, hi := float64(360*s-180), float64(360*s+180)
			c := clipStrip(u, lo, hi)
			if len(c) < 4 || math.Abs(ringArea(c)) < 1e-18 {
				continue
			}
			for j := range c {
				c[j][0] -= float64(360 * s)
				c[j][0] = clampLon(c[j][0])
			}
			if i == 0 {
				pieces[s+1] = orb.Polygon{c}
			} else if pieces[s+1] != nil {
				pieces[s+1] = append(pieces[s+1], c)
			}
		}
	}
	var mp orb.MultiPolygon
	for _, q := range pieces {
		if q != nil {
			mp = append(mp, orient(q))
		}
	}
	if len(mp) == 1 {
		return mp[0]
	}
	return mp
}

// SplitMultiPolygon applies SplitAntimeridian to every part and flattens
// the result into one MultiPolygon.
func SplitMultiPolygon(mp orb.MultiPolygon) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, p := range mp {
		switch g := SplitAntimeridian(p).(type) {
		case orb.Polygon:
			out = append(out, g)
		case orb.MultiPolygon:
			out = append(out, g...)
		}
	}
	return out
}

// MaxLonSpan returns the widest longitude span of any ring in a polygonal
// geometry. Tests use it: a ring drawn across the map spans more than 180°.
func MaxLonSpan(g orb.Geometry) float64 {
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	span := 0.0
	for _, p := range polys {
		for _, r := range p {
			if len(r) == 0 {
				continue
			}
			lo, hi := r[0][0], r[0][0]
			for _, q := range r {
				lo, hi = math.Min(lo, q[0]), math.Max(hi, q[0])
			}
			span = math.Max(span, hi-lo)
		}
	}
	return span
}

func polygonCrosses(p orb.Polygon) bool {
	for _, r := range p {
		for i := 1; i < len(r); i++ {
			a, b := r[i-1][0], r[i][0]
			if math.Abs(b-a) > 180 && !(math.Abs(a) == 180 && math.Abs(b) == 180) {
				return true
			}
		}
	}
	return false
}

// unwrapRing returns the ring with continuous longitudes, closed again via
// the pole when it winds round one.
func unwrapRing(r orb.Ring) orb.Ring {
	if len(r) == 0 {
		return nil
	}
	u := make(orb.Ring, 0, len(r)+3)
	u = append(u, r[0])
	for i := 1; i < len(r); i++ {
		prev := u[len(u)-1][0]
		d := r[i][0] - r[i-1][0]
		for d > 180 {
			d -= 360
		}
		for d < -180 {
			d += 360
		}
		u = append(u, orb.Point{prev + d, r[i][1]})
	}
	if !r.Closed() {
		// close it through the same unwrapping rule
		d := r[0][0] - r[len(r)-1][0]
		for d > 180 {
			d -= 360
		}
		for d < -180 {
			d += 360
		}
		u = append(u, orb.Point{u[len(u)-1][0] + d, r[0][1]})
	}
	wind := u[len(u)-1][0] - u[0][0]
	if math.Abs(wind) > 180 {
		pole := 90.0
		if wind < 0 {
			pole = -90
		}
		end := u[len(u)-1][0]
		u = append(u, orb.Point{end, pole}, orb.Point{u[0][0], pole}, u[0])
	}
	return u
}

// polarCap redraws a ring that winds once round a pole and crosses the
// antimeridian once as a single ring from -180° to 180° closed along the
// pole, the way GeoJSON draws a polar cap. ok is false for other rings.
func polarCap(r orb.Ring) (orb.Ring, bool) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n--
	}
	if n < 3 {
		return nil, false
	}
	cross, wind := -1, 0.0
	for i := 0; i < n; i++ {
		a, b := r[i], r[(i+1)%n]
		d := b[0] - a[0]
		if math.Abs(d) > 180 {
			if cross >= 0 {
				return nil, false
			}
			cross = i
			d -= math.Copysign(360, d)
		}
		wind += d
	}
	if cross < 0 || math.Abs(wind) < 180 {
		return nil, false
	}
	a, b := r[cross], r[(cross+1)%n]
	from, to, pole := 180.0, -180.0, 90.0 // eastward: cap round the north pole
	if wind < 0 {
		from, to, pole = -180, 180, -90
	}
	// latitude where the edge a-b meets the antimeridian, on the unwrapped edge
	bl := b[0] + 2*from
	latX := a[1] + (from-a[0])/(bl-a[0])*(b[1]-a[1])
	out := orb.Ring{{to, latX}}
	for i := 1; i <= n; i++ {
		out = append(out, r[(cross+i)%n])
	}
	out = append(out, orb.Point{from, latX}, orb.Point{from, pole}, orb.Point{to, pole}, orb.Point{to, latX})
	return dedupe(out), true
}

// clipStrip clips a closed ring to lo <= lon <= hi (Sutherland–Hodgman).
func clipStrip(r orb.Ring, lo, hi float64) orb.Ring {
	out := clipHalf(r, lo, true)
	out = clipHalf(out, hi, false)
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

func clipHalf(r orb.Ring, x float64, keepAbove bool) orb.Ring {
	if len(r) == 0 {
		return nil
	}
	in := func(p orb.Point) bool {
		if keepAbove {
			return p[0] >= x
		}
		return p[0] <= x
	}
	cross := func(a, b orb.Point) orb.Point {
		t := (x - a[0]) / (b[0] - a[0])
		return orb.Point{x, a[1] + t*(b[1]-a[1])}
	}
	// work on the open ring
	n := len(r)
	if r[0] == r[n-1] {
		n--
	}
	var out orb.Ring
	for i := 0; i < n; i++ {
		cur, next := r[i], r[(i+1)%n]
		cin, nin := in(cur), in(next)
		switch {
		case cin && nin:
			out = append(out, next)
		case cin && !nin:
			out = append(out, cross(cur, next))
		case !cin && nin:
			out = append(out, cross(cur, next), next)
		}
	}
	return dedupe(out)
}

func dedupe(r orb.Ring) orb.Ring {
	if len(r) == 0 {
		return r
	}
	out := r[:1]
	for _, p := range r[1:] {
		if p != out[len(out)-1] {
			out = append(out, p)
		}
	}
	return out
}

func clampLon(x float64) float64 {
	// shifting by 360 can leave -180.00000000000003 and the like
	if math.Abs(x-180) < 1e-9 {
		return 180
	}
	if math.Abs(x+180) < 1e-9 {
		return -180
	}
	return x
}

// ringArea is the planar signed area in square degrees (positive = CCW).
func ringArea(r orb.Ring) float64 {
	s := 0.0
	for i := 1; i < len(r); i++ {
		s += r[i-1][0]*r[i][1] - r[i][0]*r[i-1][1]
	}
	return s / 2
}

// orient closes every ring and turns the exterior counter-clockwise and
// holes clockwise.
func orient(p orb.Polygon) orb.Polygon {
	for i, r := range p {
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		a := ringArea(r)
		if (i == 0 && a < 0) || (i > 0 && a > 0) {
			r.Reverse()
		}
		p[i] = r
	}
	return p
}

func clonePolygon(p orb.Polygon) orb.Polygon {
	q := make(orb.Polygon, len(p))
	for i, r := range p {
		q[i] = append(orb.Ring(nil), r...)
	}
	return q
}

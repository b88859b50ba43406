package geo

import "math"

// The WGS84 ellipsoid and the authalic function q(φ) that both the
// equal-area projection and the quadrangle area need.
//
// An equal-area projection of the ellipsoid goes through the authalic
// latitude β, the latitude on a sphere of the same total area whose zones
// have the same areas as the ellipsoid's: sin β = q(φ)/q(90°) with
//
//	q(φ) = (1-e²) [ sin φ / (1 - e² sin² φ) + atanh(e sin φ) / e ]
//
// (Snyder 1987, "Map Projections: A Working Manual", eq. 3-12; the log
// form there equals the atanh form used here, which keeps full precision
// near the equator). The zone between two parallels, over Δλ radians of
// longitude, has area a²·Δλ·(q(φ2) - q(φ1))/2 exactly.

const (
	wgs84A  = 6378137.0             // semi-major axis, metres
	wgs84F  = 1 / 298.257223563     // flattening
	wgs84E2 = wgs84F * (2 - wgs84F) // first eccentricity squared
)

var (
	wgs84E  = math.Sqrt(wgs84E2)
	wgs84Qp = authalicQ(1) // q at the pole
)

// authalicQ returns q for sin φ.
func authalicQ(sinPhi float64) float64 {
	es := wgs84E * sinPhi
	return (1 - wgs84E2) * (sinPhi/(1-es*es) + math.Atanh(es)/wgs84E)
}

// authalicInverse returns the geodetic latitude φ (radians) whose q is q,
// by Snyder's series in the authalic latitude (eq. 3-18) polished with
// Newton steps on eq. 3-16, to full double precision.
func authalicInverse(q float64) float64 {
	s := q / wgs84Qp
	if s >= 1 {
		return math.Pi / 2
	}
	if s <= -1 {
		return -math.Pi / 2
	}
	beta := math.Asin(s)
	e2, e4 := wgs84E2, wgs84E2*wgs84E2
	e6 := e4 * e2
	phi := beta +
		(e2/3+31*e4/180+517*e6/5040)*math.Sin(2*beta) +
		(23*e4/360+251*e6/3780)*math.Sin(4*beta) +
		(761*e6/45360)*math.Sin(6*beta)
	for i := 0; i < 3; i++ {
		sp, cp := math.Sincos(phi)
		if cp < 1e-12 {
			break
		}
		w := 1 - e2*sp*sp
		d := w * w / (2 * cp) * (q/(1-e2) - sp/w - math.Atanh(wgs84E*sp)/wgs84E)
		phi += d
		if math.Abs(d) < 1e-16 {
			break
		}
	}
	return phi
}

// QuadrangleAreaKm2 returns the area on the WGS84 ellipsoid of the
// quadrangle bounded by two parallels and two meridians (degrees), in
// square kilometres. Its edges are the parallels themselves, not the
// geodesics between the corners.
func QuadrangleAreaKm2(south, north, west, east float64) float64 {
	dl := (east - west) * math.Pi / 180
	qn := authalicQ(math.Sin(north * math.Pi / 180))
	qs := authalicQ(math.Sin(south * math.Pi / 180))
	return math.Abs(wgs84A*wgs84A*dl*(qn-qs)/2) / 1e6
}

// EllipsoidAreaKm2 is the area of the whole WGS84 ellipsoid.
func EllipsoidAreaKm2() float64 { return QuadrangleAreaKm2(-90, 90, -180, 180) }

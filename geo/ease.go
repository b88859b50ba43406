package geo

import "math"

// EASE-Grid 2.0 global (EPSG:6933): the Lambert cylindrical equal-area
// projection of the WGS84 ellipsoid with true scale on the parallels ±30°
// and the central meridian at 0°. Forward (Snyder §10, eqs. 10-13, 10-15):
//
//	x = a k0 λ,  y = a q(φ) / (2 k0),  k0 = cos φs / sqrt(1 - e² sin² φs)
//
// Being equal-area, a rectangle in x/y has the same area on the ellipsoid,
// which is what lets grid:KM cells all weigh the same. Being cylindrical,
// x depends on longitude only and y on latitude only, so the grid's cells
// are lon/lat rectangles.

var (
	easeK0   = math.Cos(math.Pi/6) / math.Sqrt(1-wgs84E2*0.25)
	easeXMax = wgs84A * easeK0 * math.Pi       // x at 180°E
	easeYMax = wgs84A * wgs84Qp / (2 * easeK0) // y at 90°N
)

// EASE2Forward projects WGS84 degrees to EPSG:6933 metres.
func EASE2Forward(lat, lon float64) (x, y float64) {
	x = wgs84A * easeK0 * lon * math.Pi / 180
	y = wgs84A * authalicQ(math.Sin(lat*math.Pi/180)) / (2 * easeK0)
	return x, y
}

// EASE2Inverse maps EPSG:6933 metres back to WGS84 degrees.
func EASE2Inverse(x, y float64) (lat, lon float64) {
	lon = x / (wgs84A * easeK0) * 180 / math.Pi
	lat = authalicInverse(2*easeK0*y/wgs84A) * 180 / math.Pi
	return lat, lon
}

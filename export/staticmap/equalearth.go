package staticmap

import "math"

// Equal Earth coefficients (Šavrič, Patterson & Jenny 2018, "The Equal
// Earth map projection", IJGIS 33(3), equations 1 and 2).
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// EqualEarth projects lon, lat (degrees) onto the Equal Earth plane of the
// unit sphere: x in about ±2.7066, y in about ±1.3174, north up. It is an
// equal-area projection, so a cell's drawn size follows its true area and
// no high-latitude hot spot looks bigger than it is, unlike Web Mercator.
//
//	θ = asin(√3/2 · sin φ)
//	x = 2√3 λ cos θ / (3 (9A4 θ⁸ + 7A3 θ⁶ + 3A2 θ² + A1))
//	y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
func EqualEarth(lon, lat float64) (x, y float64) {
	lam := lon * math.Pi / 180
	phi := lat * math.Pi / 180
	th := math.Asin(math.Sqrt(3) / 2 * math.Sin(phi))
	t2 := th * th
	t6 := t2 * t2 * t2
	x = 2 * math.Sqrt(3) * lam * math.Cos(th) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y = th * (eeA4*t6*t2 + eeA3*t6 + eeA2*t2 + eeA1)
	return x, y
}

package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Distances between representative points are great-circle distances on
// the sphere of the IUGG mean Earth radius. They only decide which cells
// fall within a band (study area, distance weights), where the 0.3 %
// difference to the ellipsoid does not matter; areas, which do, are
// computed on the ellipsoid.

// EarthRadiusKm is the IUGG mean radius R1 of the WGS84 ellipsoid.
const EarthRadiusKm = 6371.0088

const kmPerDegree = EarthRadiusKm * math.Pi / 180

// greatCircleKm is the haversine distance between two lon/lat points.
func greatCircleKm(a, b orb.Point) float64 {
	la1, la2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dla := la2 - la1
	dlo := (b[0] - a[0]) * math.Pi / 180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// GreatCircleKm is the distance used for bands between representative
// points, exported so weights built elsewhere measure the same way.
func GreatCircleKm(a, b orb.Point) float64 { return greatCircleKm(a, b) }

// lonReach returns how many degrees of longitude either side of a point at
// latitude lat a circle of radius km reaches; all is true when the circle
// covers a pole and so every longitude.
func lonReach(lat, km float64) (deg float64, all bool) {
	d := km / EarthRadiusKm
	phi := math.Abs(lat) * math.Pi / 180
	if d >= math.Pi/2-phi {
		return 360, true
	}
	return math.Asin(math.Sin(d)/math.Cos(phi))*180/math.Pi + 1e-9, false
}

package density

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// EarthRadiusKm is the mean Earth radius used for every distance.
const EarthRadiusKm = 6371.0088

// unit is the unit vector of a lon/lat point. math.Sincos shares the
// argument reduction of math.Sin and math.Cos and returns the same bits
// (TestUnitSincos), at half the cost.
func unit(p orb.Point) [3]float64 {
	sla, cla := math.Sincos(p[1] * math.Pi / 180)
	slo, clo := math.Sincos(p[0] * math.Pi / 180)
	return [3]float64{cla * clo, cla * slo, sla}
}

// embed checks the points and turns them into unit vectors, on all cores.
func embed(points []orb.Point) ([][3]float64, error) {
	for i, p := range points {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			return nil, fmt.Errorf("point %d: coordinate is not finite (%v, %v)", i, p[0], p[1])
		}
		if p[1] < -90 || p[1] > 90 {
			return nil, fmt.Errorf("point %d: latitude %v outside [-90, 90]", i, p[1])
		}
	}
	out := make([][3]float64, len(points))
	forChunks(len(points), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = unit(points[i])
		}
	})
	return out, nil
}

func dist2(a, b [3]float64) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return dx*dx + dy*dy + dz*dz
}

// chordToKm turns a chord of the unit sphere into great-circle km.
func chordToKm(c float64) float64 {
	return 2 * math.Asin(math.Min(c/2, 1)) * EarthRadiusKm
}

// kmToChord is the inverse of chordToKm.
func kmToChord(km float64) float64 {
	a := km / EarthRadiusKm
	if a >= math.Pi {
		return 2
	}
	return 2 * math.Sin(a/2)
}

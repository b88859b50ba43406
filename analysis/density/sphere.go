package density

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// EarthRadiusKm is the mean Earth radius used for every distance.
const EarthRadiusKm = 6371.0088

func unit(p orb.Point) [3]float64 {
	la, lo := p[1]*math.Pi/180, p[0]*math.Pi/180
	c := math.Cos(la)
	return [3]float64{c * math.Cos(lo), c * math.Sin(lo), math.Sin(la)}
}

func embed(points []orb.Point) ([][3]float64, error) {
	out := make([][3]float64, len(points))
	for i, p := range points {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			return nil, fmt.Errorf("point %d: coordinate is not finite (%v, %v)", i, p[0], p[1])
		}
		if p[1] < -90 || p[1] > 90 {
			return nil, fmt.Errorf("point %d: latitude %v outside [-90, 90]", i, p[1])
		}
		out[i] = unit(p)
	}
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

package geo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// NSIDC publishes the EASE-Grid 2.0 global map's x extent as
// ±17367530.45 m, which is x at 180°.
func TestEASE2PublishedExtent(t *testing.T) {
	x, y := EASE2Forward(0, 180)
	if math.Abs(x-17367530.45) > 0.01 || y != 0 {
		t.Errorf("x(180°) = %.3f, y = %v; NSIDC: 17367530.45, 0", x, y)
	}
}

// The whole ellipsoid: 510,065,621.72 km² is the WGS84 surface area
// (NIMA TR8350.2 gives 5.10065621724e14 m²).
func TestEllipsoidArea(t *testing.T) {
	if a := EllipsoidAreaKm2(); math.Abs(a-510065621.724) > 0.01 {
		t.Errorf("ellipsoid area %.3f km², want 510065621.724", a)
	}
	// and the projection is equal-area: the whole map has the same area
	if a := 2 * easeXMax * 2 * easeYMax / 1e6; math.Abs(a-510065621.724) > 0.01 {
		t.Errorf("projected world %.3f km², want 510065621.724", a)
	}
}

func samplePoints(n int) [][2]float64 {
	r := rand.New(rand.NewPCG(1, 2))
	pts := [][2]float64{{0, 0}, {30, 0}, {-30, 0}, {90, 180}, {-90, -180}, {89.999999, 1}, {1e-9, -1e-9}, {60, 179.999}, {-80, -179.5}}
	for len(pts) < n {
		pts = append(pts, [2]float64{r.Float64()*180 - 90, r.Float64()*360 - 180})
	}
	return pts
}

func TestEASE2AgainstPyproj(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	pts := samplePoints(2000)
	in := make([]string, len(pts))
	for i, p := range pts {
		in[i] = fmt.Sprintf("%.12f %.12f", p[0], p[1])
	}
	ref := runRef(t, in, py, "testdata/pyproj_ref.py", "forward")
	worst := 0.0
	for i, p := range pts {
		x, y := EASE2Forward(p[0], p[1])
		d := math.Max(math.Abs(x-ref[i][0]), math.Abs(y-ref[i][1]))
		worst = math.Max(worst, d)
		if !(d < 1e-3) {
			t.Errorf("forward(%v) = %.6f %.6f, pyproj %.6f %.6f", p, x, y, ref[i][0], ref[i][1])
		}
	}
	t.Logf("forward: worst difference to pyproj %.2e m over %d points", worst, len(pts))

	// inverse: feed the projected points back
	for i, p := range pts {
		x, y := EASE2Forward(p[0], p[1])
		in[i] = fmt.Sprintf("%.6f %.6f", x, y)
	}
	ref = runRef(t, in, py, "testdata/pyproj_ref.py", "inverse")
	worst = 0
	for i, p := range pts {
		if math.Abs(p[0]) > 89.99 {
			// near the poles q(φ) is flat and any inverse loses digits
			continue
		}
		var x, y float64
		fmt.Sscan(in[i], &x, &y)
		lat, lon := EASE2Inverse(x, y)
		d := math.Max(math.Abs(lat-ref[i][0]), math.Abs(lon-ref[i][1]))
		worst = math.Max(worst, d)
		// PROJ's inverse uses Snyder's series alone (about 1e-8 degrees,
		// a millimetre); ours polishes it with Newton steps.
		if !(d < 1e-7) {
			t.Errorf("inverse(%s) = %.10f %.10f, pyproj %.10f %.10f", in[i], lat, lon, ref[i][0], ref[i][1])
		}
	}
	t.Logf("inverse: worst difference to pyproj %.2e degrees", worst)
}

func TestEASE2RoundTrip(t *testing.T) {
	worst := 0.0
	for _, p := range samplePoints(20000) {
		if math.Abs(p[0]) > 89.99 {
			continue
		}
		x, y := EASE2Forward(p[0], p[1])
		lat, lon := EASE2Inverse(x, y)
		worst = math.Max(worst, math.Max(math.Abs(lat-p[0]), math.Abs(lon-p[1])))
	}
	// 1e-10 degrees is a centimetre
	if !(worst < 1e-10) {
		t.Errorf("round trip worst error %.3e degrees", worst)
	}
}

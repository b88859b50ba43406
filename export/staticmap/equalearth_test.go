package staticmap

import (
	"fmt"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// The extremes follow from the formulas by hand: at the equator θ = 0, so
// x(180°) = 2√3·π / (3·A1) = 2.706629...; at the pole θ = asin(√3/2) = π/3
// and y = A4θ⁹ + A3θ⁷ + A2θ³ + A1θ = 1.317362... (Šavrič et al. give the
// map's aspect ratio as about 2.05:1, which these two values reproduce).
func TestEqualEarthExtremes(t *testing.T) {
	x, y := EqualEarth(180, 0)
	wantX := 2 * math.Sqrt(3) * math.Pi / (3 * 1.340264)
	if math.Abs(x-wantX) > 1e-12 || y != 0 {
		t.Errorf("EqualEarth(180, 0) = %v, %v; want %v, 0", x, y, wantX)
	}
	th := math.Pi / 3
	wantY := 0.003796*math.Pow(th, 9) + 0.000893*math.Pow(th, 7) - 0.081106*math.Pow(th, 3) + 1.340264*th
	if x, y := EqualEarth(0, 90); x != 0 || math.Abs(y-wantY) > 1e-12 {
		t.Errorf("EqualEarth(0, 90) = %v, %v; want 0, %v", x, y, wantY)
	}
	if math.Abs(wantX-2.706629) > 1e-6 || math.Abs(wantY-1.317362) > 1e-6 {
		t.Errorf("extremes %v, %v differ from the hand-computed 2.706629, 1.317362", wantX, wantY)
	}
	if r := wantX / wantY; math.Abs(r-2.0546) > 1e-3 {
		t.Errorf("aspect ratio %v, want about 2.05", r)
	}
	// Symmetry: odd in both axes.
	x1, y1 := EqualEarth(-37, -52)
	x2, y2 := EqualEarth(37, 52)
	if x1 != -x2 || y1 != -y2 {
		t.Errorf("not symmetric: %v,%v vs %v,%v", x1, y1, x2, y2)
	}
}

// TestEqualEarthEqualArea checks the defining property independently of
// any published value: a 1° by 1° cell drawn anywhere covers a projected
// area proportional to its area on the sphere.
func TestEqualEarthEqualArea(t *testing.T) {
	ratio := func(lon, lat float64) float64 {
		// Shoelace over the cell boundary sampled every 0.01°.
		var pts [][2]float64
		const n = 100
		for i := 0; i < n; i++ {
			pts = append(pts, [2]float64{lon + float64(i)/n, lat})
		}
		for i := 0; i < n; i++ {
			pts = append(pts, [2]float64{lon + 1, lat + float64(i)/n})
		}
		for i := 0; i < n; i++ {
			pts = append(pts, [2]float64{lon + 1 - float64(i)/n, lat + 1})
		}
		for i := 0; i < n; i++ {
			pts = append(pts, [2]float64{lon, lat + 1 - float64(i)/n})
		}
		a := 0.0
		for i := range pts {
			x1, y1 := EqualEarth(pts[i][0], pts[i][1])
			x2, y2 := EqualEarth(pts[(i+1)%len(pts)][0], pts[(i+1)%len(pts)][1])
			a += x1*y2 - x2*y1
		}
		sphere := (math.Pi / 180) * (math.Sin((lat+1)*math.Pi/180) - math.Sin(lat*math.Pi/180))
		return a / 2 / sphere
	}
	for _, c := range [][2]float64{{0, 0}, {20, 42}, {-120, 60}, {150, -75}, {179, 88}} {
		if r := ratio(c[0], c[1]); math.Abs(r-1) > 1e-4 {
			t.Errorf("cell at %v: projected/spherical area = %.6f, want 1", c, r)
		}
	}
}

// TestEqualEarthPyproj compares with PROJ's eqearth (through Debian's
// python3-pyproj) on the unit sphere.
func TestEqualEarthPyproj(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	var pts []string
	for lon := -180.0; lon <= 180; lon += 45 {
		for lat := -90.0; lat <= 90; lat += 22.5 {
			pts = append(pts, fmt.Sprintf("(%g,%g)", lon, lat))
		}
	}
	script := `import pyproj
tr = pyproj.Transformer.from_crs("+proj=longlat +R=1 +no_defs", "+proj=eqearth +R=1 +no_defs", always_xy=True)
for lon, lat in [` + strings.Join(pts, ",") + `]:
    x, y = tr.transform(lon, lat)
    print(lon, lat, repr(x), repr(y))
`
	out, err := exec.Command(py, "-c", script).CombinedOutput()
	if err != nil {
		t.Fatalf("pyproj: %v\n%s", err, out)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var lon, lat, x, y float64
		if _, err := fmt.Sscan(line, &lon, &lat, &x, &y); err != nil {
			t.Fatalf("pyproj line %q: %v", line, err)
		}
		gx, gy := EqualEarth(lon, lat)
		if math.Abs(gx-x) > 1e-9 || math.Abs(gy-y) > 1e-9 {
			t.Errorf("EqualEarth(%v, %v) = %.12f, %.12f; PROJ %.12f, %.12f", lon, lat, gx, gy, x, y)
		}
		n++
	}
	if n != len(pts) {
		t.Errorf("compared %d points, want %d", n, len(pts))
	}
}

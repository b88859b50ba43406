package geo

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/internal/testenv"
)

func mustGrid(t testing.TB, km float64) *Grid {
	t.Helper()
	g, err := NewGrid(km)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Hand-computed layout of grid:25: 2·17367530.445 m / 25 km = 1389.4,
// so 1389 columns of 25007.24 m; rows of 625e6/25007.24 = 24992.76 m;
// 7342230.14 m from equator to pole makes 293.8, so 294 rows a side.
func TestGridLayout(t *testing.T) {
	g := mustGrid(t, 25)
	cols, rows := g.Size()
	w, h := g.CellSizeMetres()
	if cols != 1389 || rows != 588 {
		t.Errorf("grid:25 is %d x %d, want 1389 x 588", cols, rows)
	}
	if math.Abs(w-25007.24) > 0.01 || math.Abs(h-24992.76) > 0.01 || math.Abs(w*h-625e6) > 1e-3 {
		t.Errorf("cell %.3f x %.3f m", w, h)
	}
	// the equator is a row boundary: row 293 is just north of it
	k, _ := g.Locate(1e-9, 0)
	if id := g.ID(k); id != "g25_694_293" {
		t.Errorf("just north of (0,0): %s, want g25_694_293", id)
	}
	k, _ = g.Locate(-1e-9, -1e-9)
	if id := g.ID(k); id != "g25_694_294" {
		t.Errorf("just south-west of (0,0): %s, want g25_694_294 (1389 columns: 0° runs through the middle of column 694)", id)
	}
	for _, c := range []struct{ lat, lon float64 }{{90, -180}, {-90, 180}} {
		k, ok := g.Locate(c.lat, c.lon)
		col, row, _ := g.colRow(k)
		if !ok || (c.lat > 0 && (row != 0 || col != 0)) || (c.lat < 0 && (row != 587 || col != 1388)) {
			t.Errorf("Locate(%v) = %s", c, g.ID(k))
		}
	}
	if _, ok := g.Locate(91, 0); ok {
		t.Error("latitude 91 was located")
	}
	if _, ok := g.Locate(math.NaN(), 0); ok {
		t.Error("NaN was located")
	}
}

func TestGridIDRoundTrip(t *testing.T) {
	g := mustGrid(t, 12.5)
	for _, p := range samplePoints(500) {
		k, _ := g.Locate(p[0], p[1])
		id := g.ID(k)
		if !strings.HasPrefix(id, "g12.5_") {
			t.Fatalf("id %s", id)
		}
		k2, err := g.Parse(id)
		if err != nil || k2 != k {
			t.Fatalf("Parse(%s) = %v, %v", id, k2, err)
		}
	}
	for _, bad := range []string{"g25_1_1", "g12.5_x_1", "g12.5_1", "g12.5_999999_1", "g12.5_-1_0"} {
		if _, err := g.Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	if _, err := NewGrid(0); err == nil {
		t.Error("grid:0 accepted")
	}
}

// Locate must agree with flooring pyproj's projected coordinates.
func TestGridLocateAgainstPyproj(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	g := mustGrid(t, 25)
	pts := samplePoints(3000)
	in := make([]string, len(pts))
	for i, p := range pts {
		in[i] = fmt.Sprintf("%.12f %.12f", p[0], p[1])
	}
	ref := runRef(t, in, py, "testdata/pyproj_ref.py", "forward")
	w, h := g.CellSizeMetres()
	ytop := float64(g.nhalf) * h
	checked := 0
	for i, p := range pts {
		x, y := ref[i][0], ref[i][1]
		fc, fr := (x+easeXMax)/w, (ytop-y)/h
		if math.Abs(fr-math.Round(fr)) < 1e-6 || math.Abs(fc-math.Round(fc)) < 1e-6 {
			continue // on a boundary within a few cm
		}
		col, row := int(fc), int(fr)
		if col == g.ncols {
			col--
		}
		if row == 2*g.nhalf {
			row--
		}
		k, _ := g.Locate(p[0], p[1])
		if want := gridKey(col, row); k != want {
			t.Errorf("Locate(%v) = %s, pyproj says %s", p, g.ID(k), g.ID(want))
		}
		checked++
	}
	if checked < 2900 {
		t.Errorf("only %d points checked", checked)
	}
}

// densified returns a cell's outline with points every 1/50 of each edge,
// so a geodesic polygon follows the parallels closely.
func densified(s, n, w, e float64) string {
	var b strings.Builder
	const k = 50
	add := func(lon, lat float64) { fmt.Fprintf(&b, "%.12f %.12f ", lon, lat) }
	for i := 0; i < k; i++ {
		add(w+(e-w)*float64(i)/k, s)
	}
	for i := 0; i < k; i++ {
		add(e, s+(n-s)*float64(i)/k)
	}
	for i := 0; i < k; i++ {
		add(e-(e-w)*float64(i)/k, n)
	}
	for i := 0; i < k; i++ {
		add(w, n-(n-s)*float64(i)/k)
	}
	return b.String()
}

// Cell areas on the ellipsoid against pyproj.Geod, at the equator, 60°
// and 80°, and against each other.
func TestGridAreaAgainstPyprojGeod(t *testing.T) {
	py := testenv.DebianPython(t, "pyproj")
	type probe struct {
		km       float64
		lat, lon float64
	}
	var probes []probe
	for _, km := range []float64{25, 100} {
		for _, lat := range []float64{0.1, -0.1, 30, 60, -60, 75, 80} {
			probes = append(probes, probe{km, lat, 10})
		}
	}
	in := make([]string, len(probes))
	ours := make([]float64, len(probes))
	for i, p := range probes {
		g := mustGrid(t, p.km)
		k, _ := g.Locate(p.lat, p.lon)
		col, row, _ := g.colRow(k)
		s, n, w, e := g.bounds(col, row)
		in[i] = densified(s, n, w, e)
		ours[i] = g.Shape(k).AreaKm2
	}
	ref := runRef(t, in, py, "testdata/pyproj_ref.py", "area")
	for i, p := range probes {
		want := p.km * p.km
		if rel := math.Abs(ours[i]-want) / want; rel > 1e-9 {
			t.Errorf("grid:%v at %v°: area %.6f, want %.0f", p.km, p.lat, ours[i], want)
		}
		rel := math.Abs(ref[i][0]-ours[i]) / ours[i]
		t.Logf("grid:%v at %5.1f°: ours %.4f km², pyproj.Geod %.4f km² (%.4f %%)", p.km, p.lat, ours[i], ref[i][0], 100*rel)
		if rel > 0.001 {
			t.Errorf("grid:%v at %v°: ours %.4f km², pyproj %.4f (%.3f %%)", p.km, p.lat, ours[i], ref[i][0], 100*rel)
		}
		// the independent areas agree with each other across latitudes
		if rel := math.Abs(ref[i][0]-ref[i-i%7][0]) / ref[i-i%7][0]; rel > 0.001 {
			t.Errorf("grid:%v: pyproj area at %v° differs by %.3f %% from the equator's", p.km, p.lat, 100*rel)
		}
	}
}

// A column of cells covers 1/ncols of the ellipsoid; the polar rows are
// the only ones smaller than KM².
func TestGridColumnSumsToEllipsoid(t *testing.T) {
	g := mustGrid(t, 100)
	cols, rows := g.Size()
	sum := 0.0
	for r := 0; r < rows; r++ {
		a := g.Shape(gridKey(0, r)).AreaKm2
		sum += a
		polar := r == 0 || r == rows-1
		if !polar && math.Abs(a-1e4) > 1e-6 {
			t.Errorf("row %d area %.9f", r, a)
		}
		if polar && !(a > 0 && a < 1e4) {
			t.Errorf("polar row %d area %.3f", r, a)
		}
	}
	if want := EllipsoidAreaKm2() / float64(cols); math.Abs(sum-want) > 1e-6*want {
		t.Errorf("column area %.3f, want %.3f", sum, want)
	}
}

func TestGridShapeAndNeighbours(t *testing.T) {
	g := mustGrid(t, 25)
	k, _ := g.Locate(48.85, 2.35)
	sh := g.Shape(k)
	col, row, _ := g.colRow(k)
	s, n, w, e := g.bounds(col, row)
	if !(s < 48.85 && 48.85 <= n && w <= 2.35 && 2.35 < e) {
		t.Errorf("Paris not inside its cell %v", sh.Geometry)
	}
	if MaxLonSpan(sh.Geometry) > 1 || ringArea(sh.Geometry.(orb.Polygon)[0]) <= 0 {
		t.Error("bad polygon")
	}
	if q := g.Neighbours(k, Queen); len(q) != 8 {
		t.Errorf("queen neighbours %d", len(q))
	}
	if r := g.Neighbours(k, Rook); len(r) != 4 {
		t.Errorf("rook neighbours %d", len(r))
	}
	// wrap at the antimeridian
	k0, _ := g.Locate(10, -179.99)
	found := false
	for _, nb := range g.Neighbours(k0, Rook) {
		c, _, _ := g.colRow(nb)
		found = found || c == g.ncols-1
	}
	if !found {
		t.Error("column 0 has no neighbour in the last column")
	}
	// polar row: 5 queen neighbours, 3 rook
	kp, _ := g.Locate(90, 0)
	if q, r := len(g.Neighbours(kp, Queen)), len(g.Neighbours(kp, Rook)); q != 5 || r != 3 {
		t.Errorf("polar cell: %d queen, %d rook neighbours", q, r)
	}
}

func TestGridWithin(t *testing.T) {
	g := mustGrid(t, 100)
	cols, rows := g.Size()
	centres := make([]orb.Point, 0, cols*rows)
	for r := 0; r < rows; r++ {
		for cc := 0; cc < cols; cc++ {
			centres = append(centres, g.centre(cc, r))
		}
	}
	for _, p := range [][2]float64{{0, 0}, {60, 179.9}, {-85, 20}, {89.9, 0}} {
		k, _ := g.Locate(p[0], p[1])
		got := g.Within(k, 400)
		c := g.Shape(k).Point
		// brute force over every cell of the grid
		want := 0
		for _, q := range centres {
			if greatCircleKm(c, q) <= 400 {
				want++
			}
		}
		if len(got) != want || want < 10 {
			t.Errorf("Within(%v, 400 km): %d cells, brute force %d", p, len(got), want)
		}
	}
}

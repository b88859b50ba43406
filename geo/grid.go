package geo

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Grid is the equal-area grid grid:KM on EASE-Grid 2.0 (EPSG:6933).
//
// How the cells tile: the projected world is 2·XMax wide. The number of
// columns is round(2·XMax / KM km), so that whole columns tile 360°
// exactly; the column width w is then stretched or shrunk a little (by
// less than half a cell over the whole circumference) and the row height
// is set to h = KM²/w, so every cell keeps an area of exactly KM² km².
// Rows are stacked from the equator outwards, the equator being a row
// boundary, so the grid is symmetric about it; the last row at each pole
// reaches past ±90° and is cut there, so those two rows of cells are
// smaller than KM² (their area_km2 says by how much). Columns count from
// 180°W eastwards from 0, rows from the north pole southwards from 0, and
// a cell's id is g<KM>_<col>_<row>.
//
// Because the projection stretches east-west and squeezes north-south by
// the same factor away from ±30°, cells near the equator are wide and
// short on the ground and cells at high latitude are tall and narrow: at
// 80° a grid:25 cell is about 5 km wide and 125 km tall. Counts per cell
// stay comparable because areas are equal; shapes are not.
type Grid struct {
	km    float64
	name  string // KM as written in ids
	ncols int
	nhalf int     // rows per hemisphere
	w, h  float64 // cell width and height, projected metres
	// edges[r] is the latitude in degrees of the northern edge of row r;
	// edges[nrows] = -90.
	edges []float64
	// lut maps a latitude bin to the most southern row touching it;
	// Locate then walks north at most a step or two.
	lut    []int32
	lutPer float64 // bins per degree
}

// NewGrid builds grid:KM. KM must be positive and at most 5000 km.
func NewGrid(km float64) (*Grid, error) {
	if !(km > 0) || km > 5000 || math.IsInf(km, 0) {
		return nil, fmt.Errorf("grid size %v km: want 0 < KM <= 5000", km)
	}
	g := &Grid{km: km, name: strconv.FormatFloat(km, 'f', -1, 64)}
	side := km * 1000
	g.ncols = int(math.Round(2 * easeXMax / side))
	if g.ncols < 1 {
		g.ncols = 1
	}
	g.w = 2 * easeXMax / float64(g.ncols)
	g.h = side * side / g.w
	g.nhalf = int(math.Ceil(easeYMax / g.h))
	nrows := 2 * g.nhalf
	g.edges = make([]float64, nrows+1)
	minH := 180.0
	for r := 0; r <= nrows; r++ {
		y := float64(g.nhalf-r) * g.h
		switch {
		case y >= easeYMax:
			g.edges[r] = 90
		case y <= -easeYMax:
			g.edges[r] = -90
		default:
			g.edges[r], _ = EASE2Inverse(0, y)
		}
		if r > 0 {
			minH = math.Min(minH, g.edges[r-1]-g.edges[r])
		}
	}
	bins := int(math.Ceil(180 / minH))
	if bins > 1<<20 {
		bins = 1 << 20
	}
	g.lutPer = float64(bins) / 180
	g.lut = make([]int32, bins+1)
	r := nrows - 1
	for b := 0; b <= bins; b++ {
		lat := -90 + float64(b)/g.lutPer
		for r > 0 && lat > g.edges[r] {
			r--
		}
		g.lut[b] = int32(r)
	}
	return g, nil
}

// Spec returns "grid:KM".
func (g *Grid) Spec() string { return "grid:" + g.name }

// Size returns the number of columns and rows.
func (g *Grid) Size() (cols, rows int) { return g.ncols, 2 * g.nhalf }

// CellSizeMetres returns the projected width and height of a cell
// (width·height = KM² km²).
func (g *Grid) CellSizeMetres() (w, h float64) { return g.w, g.h }

func gridKey(col, row int) Key { return Key(1<<63 | uint64(col)<<32 | uint64(row)) }

func (g *Grid) colRow(k Key) (col, row int, ok bool) {
	if k>>63 != 1 {
		return 0, 0, false
	}
	col, row = int(k>>32&0x7fffffff), int(uint32(k))
	return col, row, col < g.ncols && row < 2*g.nhalf
}

// Locate returns the grid cell of a point. A point on a row boundary
// belongs to the row to its north, like floor() on the projected y
// counted from the north; a point on a column boundary to the column to
// its east (180°E belongs to the last column).
func (g *Grid) Locate(lat, lon float64) (Key, bool) {
	if !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
		return 0, false
	}
	col := int((lon + 180) * (1.0 / 360) * float64(g.ncols))
	if col >= g.ncols {
		col = g.ncols - 1
	}
	row := int(g.lut[int((lat+90)*g.lutPer)])
	for row > 0 && lat > g.edges[row] {
		row--
	}
	return gridKey(col, row), true
}

// ID returns g<KM>_<col>_<row>.
func (g *Grid) ID(k Key) string {
	col, row, _ := g.colRow(k)
	return "g" + g.name + "_" + strconv.Itoa(col) + "_" + strconv.Itoa(row)
}

// Parse reads g<KM>_<col>_<row> for this grid's KM.
func (g *Grid) Parse(id string) (Key, error) {
	rest, ok := strings.CutPrefix(id, "g"+g.name+"_")
	if !ok {
		return 0, fmt.Errorf("cell id %q is not a %s cell", id, g.Spec())
	}
	cs, rs, ok := strings.Cut(rest, "_")
	col, err1 := strconv.Atoi(cs)
	row, err2 := strconv.Atoi(rs)
	if !ok || err1 != nil || err2 != nil || col < 0 || row < 0 || col >= g.ncols || row >= 2*g.nhalf {
		return 0, fmt.Errorf("cell id %q: bad column or row for %s", id, g.Spec())
	}
	return gridKey(col, row), nil
}

func (g *Grid) bounds(col, row int) (south, north, west, east float64) {
	west = -180 + 360*float64(col)/float64(g.ncols)
	east = -180 + 360*float64(col+1)/float64(g.ncols)
	if col == g.ncols-1 {
		east = 180
	}
	return g.edges[row+1], g.edges[row], west, east
}

// Shape returns the cell's lon/lat rectangle, its projected centre (the
// centre of the part inside ±90° for the polar rows) and its area on the
// ellipsoid.
func (g *Grid) Shape(k Key) Shape {
	col, row, ok := g.colRow(k)
	if !ok {
		return Shape{ID: g.ID(k)}
	}
	s, n, w, e := g.bounds(col, row)
	return Shape{
		ID:       g.ID(k),
		Geometry: orb.Polygon{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}},
		Point:    g.centre(col, row),
		AreaKm2:  QuadrangleAreaKm2(s, n, w, e),
	}
}

// centre is the representative point: the middle of the cell in
// projected coordinates (of its part inside ±90° for the polar rows).
func (g *Grid) centre(col, row int) orb.Point {
	_, _, w, e := g.bounds(col, row)
	ytop := math.Min(float64(g.nhalf-row)*g.h, easeYMax)
	ybot := math.Max(float64(g.nhalf-row-1)*g.h, -easeYMax)
	clat, _ := EASE2Inverse(0, (ytop+ybot)/2)
	return orb.Point{(w + e) / 2, clat}
}

// Neighbours returns the queen (8) or rook (4) neighbours. Columns wrap
// round the antimeridian; rows do not wrap over the poles.
func (g *Grid) Neighbours(k Key, c Contiguity) []Key {
	col, row, ok := g.colRow(k)
	if !ok {
		return nil
	}
	seen := map[Key]bool{k: true}
	var out []Key
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if c == Rook && dr != 0 && dc != 0 {
				continue
			}
			r := row + dr
			if r < 0 || r >= 2*g.nhalf {
				continue
			}
			n := gridKey(((col+dc)%g.ncols+g.ncols)%g.ncols, r)
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sortKeys(out)
	return out
}

// Within returns the cells whose centres are within km of k's centre.
func (g *Grid) Within(k Key, km float64) []Key {
	col, row, ok := g.colRow(k)
	if !ok {
		return nil
	}
	c := g.centre(col, row)
	dlat := km/kmPerDegree + 1e-9
	_, r0 := g.rowOf(math.Min(90, c[1]+dlat))
	_, r1 := g.rowOf(math.Max(-90, c[1]-dlat))
	var out []Key
	for r := r0; r <= r1; r++ {
		lo, hi := 0, g.ncols-1
		if span, all := lonReach(c[1], km); !all {
			half := int(span/360*float64(g.ncols)) + 1
			if 2*half+1 < g.ncols {
				lo, hi = col-half, col+half
			}
		}
		for cc := lo; cc <= hi; cc++ {
			wc := (cc%g.ncols + g.ncols) % g.ncols
			if greatCircleKm(c, g.centre(wc, r)) <= km {
				out = append(out, gridKey(wc, r))
			}
		}
	}
	sortKeys(out)
	return dedupeKeys(out)
}

func (g *Grid) rowOf(lat float64) (Key, int) {
	k, _ := g.Locate(lat, 0)
	_, r, _ := g.colRow(k)
	return k, r
}

// Covering returns the cells whose centre lies inside p.
func (g *Grid) Covering(p orb.Polygon) []Key {
	if len(p) == 0 {
		return nil
	}
	b := p.Bound()
	_, r0 := g.rowOf(math.Min(90, b.Max[1]))
	_, r1 := g.rowOf(math.Max(-90, b.Min[1]))
	c0 := int((math.Max(-180, b.Min[0]) + 180) / 360 * float64(g.ncols))
	c1 := int((math.Min(180, b.Max[0]) + 180) / 360 * float64(g.ncols))
	if c1 >= g.ncols {
		c1 = g.ncols - 1
	}
	var out []Key
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			if planar.PolygonContains(p, g.centre(c, r)) {
				out = append(out, gridKey(c, r))
			}
		}
	}
	sortKeys(out)
	return out
}

func sortKeys(ks []Key) { sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] }) }

func dedupeKeys(ks []Key) []Key {
	out := ks[:0]
	for i, k := range ks {
		if i == 0 || k != ks[i-1] {
			out = append(out, k)
		}
	}
	return out
}

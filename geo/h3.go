package geo

import (
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/uber/h3-go/v4"
)

// H3 is the hexagon system h3:RES (Uber's H3 through its C library). A
// cell's id is the lower-case hex string of its 64-bit index, as h3-js,
// DuckDB and BigQuery print it, so layers join on it directly. Twelve
// cells per resolution are pentagons; their neighbours number five.
type H3 struct {
	res int
	// minStep is a lower bound on the distance between the centres of two
	// neighbouring cells, used to size grid disks for Within.
	minStep float64
}

// NewH3 returns h3:res; res must be in 0..15 (ParseSystem checks it).
func NewH3(res int) *H3 {
	edge, _ := h3.HexagonEdgeLengthAvgKm(res)
	// Centres of neighbours are √3 edge lengths apart on average; cells
	// shrink to about half the average area near pentagons, so half the
	// average spacing is a safe lower bound.
	return &H3{res: res, minStep: 0.5 * math.Sqrt(3) * edge}
}

// Spec returns "h3:RES".
func (s *H3) Spec() string { return "h3:" + strconv.Itoa(s.res) }

// Resolution returns RES.
func (s *H3) Resolution() int { return s.res }

// Locate returns the H3 cell containing the point.
func (s *H3) Locate(lat, lon float64) (Key, bool) {
	if !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
		return 0, false
	}
	c, err := h3.LatLngToCell(h3.LatLng{Lat: lat, Lng: lon}, s.res)
	if err != nil || c == 0 {
		return 0, false
	}
	return Key(c), true
}

// ID returns the index as a hex string.
func (s *H3) ID(k Key) string { return h3.IndexToString(uint64(k)) }

// Parse reads a hex H3 index of this system's resolution.
func (s *H3) Parse(id string) (Key, error) {
	c := h3.Cell(h3.IndexFromString(id))
	if !c.IsValid() {
		return 0, fmt.Errorf("cell id %q is not an H3 cell index", id)
	}
	if c.Resolution() != s.res {
		return 0, fmt.Errorf("cell id %q has H3 resolution %d, not %d", id, c.Resolution(), s.res)
	}
	return Key(c), nil
}

// Shape returns the hexagon (cut at the antimeridian when it crosses it;
// a cell round a pole is closed along the pole), its centre and
// h3.CellAreaKm2.
func (s *H3) Shape(k Key) Shape {
	c := h3.Cell(k)
	sh := Shape{ID: s.ID(k)}
	b, err := h3.CellToBoundary(c)
	if err != nil {
		return sh
	}
	ring := make(orb.Ring, 0, len(b)+1)
	for _, v := range b {
		ring = append(ring, orb.Point{v.Lng, v.Lat})
	}
	ring = append(ring, ring[0])
	sh.Geometry = SplitAntimeridian(orb.Polygon{ring})
	if ll, err := h3.CellToLatLng(c); err == nil {
		sh.Point = orb.Point{ll.Lng, ll.Lat}
	}
	sh.AreaKm2, _ = h3.CellAreaKm2(c)
	return sh
}

// Neighbours returns the grid ring k=1 (six cells, five for pentagons).
func (s *H3) Neighbours(k Key, _ Contiguity) []Key {
	ring, err := h3.GridRing(h3.Cell(k), 1)
	if err != nil {
		// GridRing refuses around pentagons; the disk always works.
		ring, err = h3.GridDisk(h3.Cell(k), 1)
		if err != nil {
			return nil
		}
	}
	out := make([]Key, 0, len(ring))
	for _, c := range ring {
		if c != 0 && Key(c) != k {
			out = append(out, Key(c))
		}
	}
	sortKeys(out)
	return dedupeKeys(out)
}

// Within returns the cells whose centres are within km of k's centre.
func (s *H3) Within(k Key, km float64) []Key {
	c0 := s.center(k)
	n := int(math.Ceil(km/s.minStep)) + 1
	disk, err := h3.GridDisk(h3.Cell(k), n)
	if err != nil {
		return nil
	}
	out := make([]Key, 0, len(disk))
	for _, c := range disk {
		if c != 0 && greatCircleKm(c0, s.center(Key(c))) <= km {
			out = append(out, Key(c))
		}
	}
	sortKeys(out)
	return dedupeKeys(out)
}

// band is the union of Within over the occupied cells. Disks round
// nearby cells overlap heavily, so each cell's centre is computed once
// (a cgo call) and cached.
func (s *H3) band(occupied []Key, km float64) []Key {
	n := int(math.Ceil(km/s.minStep)) + 1
	centres := map[Key]orb.Point{}
	centre := func(k Key) orb.Point {
		p, ok := centres[k]
		if !ok {
			p = s.center(k)
			centres[k] = p
		}
		return p
	}
	in := map[Key]bool{}
	for _, k := range occupied {
		in[k] = true
		c0 := centre(k)
		disk, err := h3.GridDisk(h3.Cell(k), n)
		if err != nil {
			continue
		}
		for _, c := range disk {
			if c != 0 && !in[Key(c)] && greatCircleKm(c0, centre(Key(c))) <= km {
				in[Key(c)] = true
			}
		}
	}
	out := make([]Key, 0, len(in))
	for k := range in {
		out = append(out, k)
	}
	sortKeys(out)
	return out
}

func (s *H3) center(k Key) orb.Point {
	ll, _ := h3.CellToLatLng(h3.Cell(k))
	return orb.Point{ll.Lng, ll.Lat}
}

// Covering returns the cells whose centre lies inside p (H3's own
// polygon fill, which tests centres).
func (s *H3) Covering(p orb.Polygon) []Key {
	if len(p) == 0 {
		return nil
	}
	loop := func(r orb.Ring) h3.GeoLoop {
		l := make(h3.GeoLoop, 0, len(r))
		for i, q := range r {
			if i == len(r)-1 && len(r) > 1 && q == r[0] {
				break
			}
			l = append(l, h3.LatLng{Lat: q[1], Lng: q[0]})
		}
		return l
	}
	gp := h3.GeoPolygon{GeoLoop: loop(p[0])}
	for _, h := range p[1:] {
		gp.Holes = append(gp.Holes, loop(h))
	}
	cells, err := h3.PolygonToCells(gp, s.res)
	if err != nil {
		return nil
	}
	out := make([]Key, 0, len(cells))
	for _, c := range cells {
		if c != 0 {
			out = append(out, Key(c))
		}
	}
	sortKeys(out)
	return dedupeKeys(out)
}

package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/data/country"
)

// ciRadiusKm is the mean Earth radius (IUGG R1) used for distances to the
// coast.
const ciRadiusKm = 6371.0088

// TerritorialSeaKm is 12 nautical miles, the breadth of the territorial sea
// (UNCLOS art. 3): the reach of a coast for points at sea in Locate.
const TerritorialSeaKm = 12 * 1.852

// ciPerDegree sets the grid of the index: 2 gives 0.5-degree cells, small
// enough that a coastal cell holds a few dozen edges of 1:50m outlines.
const ciPerDegree = 2

const (
	ciNX = 360 * ciPerDegree
	ciNY = 180 * ciPerDegree
	// The reference point of each cell sits just off its centre, at an
	// offset no world-atlas vertex can share, so no edge passes through it.
	ciRefDX = 0.5000123 / ciPerDegree
	ciRefDY = 0.5000371 / ciPerDegree
)

// CountryIndex answers which country contains a point.
//
// It is a regular grid of 0.5-degree cells over lon/lat. A cell that no
// boundary crosses knows its country (or that it is sea) outright. A crossed
// cell keeps, for each polygon with edges in it, those edges and whether the
// cell's reference point is inside that polygon; a query point is inside
// when the segment from the reference point to it crosses an odd number of
// those edges. So a lookup touches one cell and a few dozen edges, never a
// whole outline. Containment is planar in lon/lat, as RFC 7946 defines
// polygons. Where polygons overlap (Ceuta and Melilla drawn over Morocco,
// Gibraltar over Spain, see package country) the smallest containing
// polygon decides.
//
// A point on no land looks for the nearest edge within seaKm in the cells
// that distance can reach (wrapping across ±180, all columns near a pole),
// with exact great-circle distances on a sphere of the mean Earth radius;
// a box bound skips most edges without trigonometry.
//
// Build it once (NewCountryIndex, about 18 ms for the world) and share it:
// it is read-only and safe for concurrent use.
type CountryIndex struct {
	codes []string
	// polyCountry and polyArea describe each indexed polygon; where
	// polygons overlap (Ceuta drawn over Morocco) the smallest wins.
	polyCountry []int32
	polyArea    []float64
	cells       []ciCell  // ciNY rows of ciNX cells, row 0 at -90
	groups      []ciGroup // per crossed ciCell, one ciGroup per country
	segs        []ciSeg
}

type ciCell struct {
	owner  int32 // country when no edge ciCrosses the ciCell, else -1
	g0, g1 uint32
}

type ciGroup struct {
	poly   int32
	inside bool // reference point inside this polygon
	s0, s1 uint32
}

type ciSeg struct{ ax, ay, bx, by float64 }

// NewCountryIndex indexes the shapes of cs (countries without a shape are
// ignored).
func NewCountryIndex(cs []*country.Country) *CountryIndex {
	ix := &CountryIndex{cells: make([]ciCell, ciNX*ciNY)}
	// Every edge goes into each cell its box touches. Two passes over the
	// edges in the same order, one counting per cell and one placing, are
	// a stable counting sort by cell without a list of millions of
	// entries to grow and copy: each cell's edges come grouped by polygon.
	eachEdge := func(fn func(pi int32, s ciSeg, i0, i1, j0, j1 int)) {
		var pi int32
		for _, c := range cs {
			for _, poly := range c.Shape {
				for _, ring := range poly {
					for k := 0; k+1 < len(ring); k++ {
						a, b := ring[k], ring[k+1]
						if a == b {
							continue
						}
						fn(pi, ciSeg{a[0], a[1], b[0], b[1]},
							ciCol(min(a[0], b[0])), ciCol(max(a[0], b[0])), ciRow(min(a[1], b[1])), ciRow(max(a[1], b[1])))
					}
				}
				pi++
			}
		}
	}
	for _, c := range cs {
		if len(c.Shape) == 0 {
			continue
		}
		ci := int32(len(ix.codes))
		ix.codes = append(ix.codes, c.ISO3)
		for _, poly := range c.Shape {
			ix.polyCountry = append(ix.polyCountry, ci)
			ix.polyArea = append(ix.polyArea, math.Abs(ciPlanarArea(poly)))
		}
	}
	rowSegs := make([][]int32, ciNY) // edges (indices into all) spanning each row
	var all []ciSeg
	var allPoly []int32
	start := make([]uint32, len(ix.cells)+1)
	eachEdge(func(pi int32, s ciSeg, i0, i1, j0, j1 int) {
		id := int32(len(all))
		all = append(all, s)
		allPoly = append(allPoly, pi)
		for j := j0; j <= j1; j++ {
			rowSegs[j] = append(rowSegs[j], id)
			for i := i0; i <= i1; i++ {
				start[j*ciNX+i+1]++
			}
		}
	})
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	n := start[len(ix.cells)]
	sortedPoly := make([]int32, n)
	sortedSeg := make([]ciSeg, n)
	next := append([]uint32(nil), start[:len(ix.cells)]...)
	eachEdge(func(pi int32, s ciSeg, i0, i1, j0, j1 int) {
		for j := j0; j <= j1; j++ {
			for i := i0; i <= i1; i++ {
				c := j*ciNX + i
				sortedPoly[next[c]], sortedSeg[next[c]] = pi, s
				next[c]++
			}
		}
	})
	ix.segs = sortedSeg // a cell's edges are consecutive, by polygon
	for i := range ix.cells {
		ix.cells[i].owner = -1
		lo, hi := start[i], start[i+1]
		ix.cells[i].g0 = uint32(len(ix.groups))
		for p := lo; p < hi; {
			g := ciGroup{poly: sortedPoly[p], s0: p}
			for p < hi && sortedPoly[p] == g.poly {
				p++
			}
			g.s1 = p
			ix.groups = append(ix.groups, g)
		}
		ix.cells[i].g1 = uint32(len(ix.groups))
	}

	// Inside status of every reference point, one sweep per row: sort the
	// crossings of the row's reference line and walk east, toggling the
	// polygon of each crossing.
	parity := make([]bool, len(ix.polyCountry))
	type ciCrossing struct {
		x  float64
		ci int32
	}
	for j := 0; j < ciNY; j++ {
		y := -90 + float64(j)/ciPerDegree + ciRefDY
		var xs []ciCrossing
		for _, id := range rowSegs[j] {
			s := all[id]
			if (s.ay > y) != (s.by > y) {
				xs = append(xs, ciCrossing{s.ax + (y-s.ay)*(s.bx-s.ax)/(s.by-s.ay), allPoly[id]})
			}
		}
		sort.Slice(xs, func(p, q int) bool { return xs[p].x < xs[q].x })
		clear(parity)
		var insideNow []int32
		k := 0
		for i := 0; i < ciNX; i++ {
			x := -180 + float64(i)/ciPerDegree + ciRefDX
			for ; k < len(xs) && xs[k].x < x; k++ {
				ci := xs[k].ci
				parity[ci] = !parity[ci]
				if parity[ci] {
					insideNow = append(insideNow, ci)
				} else {
					for q, v := range insideNow {
						if v == ci {
							insideNow = append(insideNow[:q], insideNow[q+1:]...)
							break
						}
					}
				}
			}
			c := &ix.cells[j*ciNX+i]
			if c.g0 == c.g1 {
				for _, pi := range insideNow {
					if c.owner < 0 || ix.polyArea[pi] < ix.polyArea[c.owner] {
						c.owner = pi
					}
				}
				continue
			}
			for g := c.g0; g < c.g1; g++ {
				ix.groups[g].inside = parity[ix.groups[g].poly]
			}
		}
	}
	return ix
}

func ciCol(lon float64) int {
	i := int(math.Floor((lon + 180) * ciPerDegree))
	return min(max(i, 0), ciNX-1)
}

func ciRow(lat float64) int {
	j := int(math.Floor((lat + 90) * ciPerDegree))
	return min(max(j, 0), ciNY-1)
}

// Locate returns the alpha-3 code of the country containing p (lon/lat),
// or of the nearest coast within seaKm, else ("", false) meaning at sea
// (country "none"). Pass TerritorialSeaKm for the 12-nautical-mile rule,
// 0 for land only. Coordinates outside [-180, 180] x [-90, 90] (or NaN)
// locate nowhere.
func (ix *CountryIndex) Locate(p orb.Point, seaKm float64) (string, bool) {
	lon, lat := p[0], p[1]
	if !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
		return "", false
	}
	if ci := ix.contains(lon, lat); ci >= 0 {
		return ix.codes[ci], true
	}
	if lon == 180 || lon == -180 {
		// ±180 is one meridian, the cut edge of the polygons split there:
		// look a hair inside on both sides.
		for _, x := range [2]float64{180 - 1e-9, -180 + 1e-9} {
			if ci := ix.contains(x, lat); ci >= 0 {
				return ix.codes[ci], true
			}
		}
	}
	if seaKm > 0 {
		if ci := ix.nearestCoast(lon, lat, seaKm); ci >= 0 {
			return ix.codes[ci], true
		}
	}
	return "", false
}

// contains returns the country containing the point, or -1. Where
// polygons overlap, the smallest containing one decides.
func (ix *CountryIndex) contains(lon, lat float64) int32 {
	i, j := ciCol(lon), ciRow(lat)
	c := &ix.cells[j*ciNX+i]
	if c.g0 == c.g1 {
		if c.owner < 0 {
			return -1
		}
		return ix.polyCountry[c.owner]
	}
	rx := -180 + float64(i)/ciPerDegree + ciRefDX
	ry := -90 + float64(j)/ciPerDegree + ciRefDY
	best := int32(-1)
	for g := c.g0; g < c.g1; g++ {
		gr := &ix.groups[g]
		in := gr.inside
		for _, s := range ix.segs[gr.s0:gr.s1] {
			if ciCrosses(rx, ry, lon, lat, s) {
				in = !in
			}
		}
		if in && (best < 0 || ix.polyArea[gr.poly] < ix.polyArea[best]) {
			best = gr.poly
		}
	}
	if best < 0 {
		return -1
	}
	return ix.polyCountry[best]
}

// ciPlanarArea is the signed shoelace area of a polygon in square degrees,
// used only to rank overlapping polygons by size.
func ciPlanarArea(p orb.Polygon) float64 {
	var a float64
	for _, r := range p {
		for k := 0; k+1 < len(r); k++ {
			a += r[k][0]*r[k+1][1] - r[k+1][0]*r[k][1]
		}
	}
	return a / 2
}

// crosses reports whether segment r-p crosses edge s. A vertex exactly on
// the line r-p counts as lying on its negative side for both edges that
// share it, so it is never counted twice.
func ciCrosses(rx, ry, px, py float64, s ciSeg) bool {
	d3 := (px-rx)*(s.ay-ry) - (py-ry)*(s.ax-rx)
	d4 := (px-rx)*(s.by-ry) - (py-ry)*(s.bx-rx)
	if (d3 > 0) == (d4 > 0) {
		return false
	}
	d1 := (s.bx-s.ax)*(ry-s.ay) - (s.by-s.ay)*(rx-s.ax)
	d2 := (s.bx-s.ax)*(py-s.ay) - (s.by-s.ay)*(px-s.ax)
	return (d1 > 0) != (d2 > 0)
}

// nearestCoast returns the country owning the edge nearest to the point
// within km along the great circle, or -1. Distances are exact on the
// sphere of radius ciRadiusKm (edges taken as great-circle arcs, which
// for 1:50m edges of a few km differs from the planar edge by metres).
func (ix *CountryIndex) nearestCoast(lon, lat, km float64) int32 {
	ang := km / ciRadiusKm
	dLat := ang * 180 / math.Pi
	j0, j1 := ciRow(lat-dLat), ciRow(lat+dLat)
	maxLat := math.Abs(lat) + dLat
	allCols := maxLat >= 89.5
	var dLon float64
	if !allCols {
		dLon = dLat / math.Cos(maxLat*math.Pi/180)
		allCols = dLon >= 180
	}
	var i0, i1 int
	if allCols {
		i0, i1 = 0, ciNX-1
	} else {
		i0 = int(math.Floor((lon - dLon + 180) * ciPerDegree))
		i1 = int(math.Floor((lon + dLon + 180) * ciPerDegree))
	}
	p := ciUnit(lon, lat)
	// A conservative lower bound on the angle to anything in an edge's
	// box: at least its latitude gap, and at least 2/π of its longitude gap
	// times the cosine of the highest latitude a point within reach can
	// have (sin x ≥ 2x/π). Edges whose bound exceeds the best so far are
	// skipped without trigonometry.
	cosMax := math.Cos(math.Min(90, math.Abs(lat)+dLat) * math.Pi / 180)
	const deg = math.Pi / 180
	best, bestCI := ang, int32(-1)
	scan := func(i, j int) {
		c := &ix.cells[j*ciNX+i]
		for g := c.g0; g < c.g1; g++ {
			gr := &ix.groups[g]
			for _, s := range ix.segs[gr.s0:gr.s1] {
				gapLat := math.Max(0, math.Max(min(s.ay, s.by)-lat, lat-max(s.ay, s.by)))
				if gapLat*deg > best {
					continue
				}
				dl := math.Max(0, math.Max(min(s.ax, s.bx)-lon, lon-max(s.ax, s.bx)))
				if dl > 180 {
					dl = 360 - dl
				}
				// Past 90 degrees the bound stops growing: cos d ≤ sin²φ
				// there, so d ≥ cos φ still holds at the cap.
				dl = min(dl, 90)
				if dl*deg*cosMax*(2/math.Pi) > best {
					continue
				}
				if d := ciArcDistance(p, s); d < best {
					best, bestCI = d, ix.polyCountry[gr.poly]
				}
			}
		}
	}
	// The point's own cell first: it usually holds the nearest edge, and a
	// small best makes the bound reject most of the others.
	ci, cj := ciCol(lon), ciRow(lat)
	scan(ci, cj)
	for j := j0; j <= j1; j++ {
		for ii := i0; ii <= i1; ii++ {
			i := ((ii % ciNX) + ciNX) % ciNX // wrap across the antimeridian
			if i != ci || j != cj {
				scan(i, j)
			}
		}
	}
	return bestCI
}

type ciVec [3]float64

func ciUnit(lon, lat float64) ciVec {
	lo, la := lon*math.Pi/180, lat*math.Pi/180
	cl := math.Cos(la)
	return ciVec{cl * math.Cos(lo), cl * math.Sin(lo), math.Sin(la)}
}

func ciDot(a, b ciVec) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

func ciCross(a, b ciVec) ciVec {
	return ciVec{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func ciNorm(a ciVec) float64 { return math.Sqrt(ciDot(a, a)) }

// ciAngle is the angle between unit vectors, accurate for small angles too.
func ciAngle(a, b ciVec) float64 { return math.Atan2(ciNorm(ciCross(a, b)), ciDot(a, b)) }

// ciArcDistance is the angular distance from p to the great-circle arc s.
func ciArcDistance(p ciVec, s ciSeg) float64 {
	a, b := ciUnit(s.ax, s.ay), ciUnit(s.bx, s.by)
	n := ciCross(a, b)
	nn := ciNorm(n)
	if nn < 1e-15 {
		return ciAngle(p, a)
	}
	n = ciVec{n[0] / nn, n[1] / nn, n[2] / nn}
	// p's foot on the great circle lies within the arc when it is on the
	// inner side of both end points.
	if ciDot(ciCross(a, p), n) >= 0 && ciDot(ciCross(p, b), n) >= 0 {
		return math.Abs(math.Asin(min(1, max(-1, ciDot(p, n)))))
	}
	return min(ciAngle(p, a), ciAngle(p, b))
}

package gen

import (
	"fmt"
	"math"
)

// grid describes the TopoJSON quantisation: W grid steps make 360 degrees of
// longitude, so x = 0 is -180 and x = W is +180.
type grid struct {
	W      int64
	PoleY  int64 // the southernmost row (world-atlas puts it at -89.999)
	scaleX float64
	scaleY float64
	transX float64
	transY float64
}

func (g grid) lonLat(p pt) (float64, float64) {
	return float64(p[0])*g.scaleX + g.transX, float64(p[1])*g.scaleY + g.transY
}

// signedArea2 is twice the planar signed area on the grid: positive for a
// counter-clockwise ring. Exact in int64.
func signedArea2(r []pt) int64 {
	var s int64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s
}

// unwrap rewrites longitudes so that no step exceeds half the globe: a ring
// that crosses the antimeridian then runs continuously past x = W (or below
// 0). It returns the unwrapped ring and its winding in grid steps (0 for an
// ordinary ring, ±W for a ring that circles a pole).
func unwrap(g grid, r []pt) ([]pt, int64) {
	out := make([]pt, len(r))
	out[0] = r[0]
	for i := 1; i < len(r); i++ {
		d := r[i][0] - r[i-1][0]
		if d > g.W/2 {
			d -= g.W
		} else if d < -g.W/2 {
			d += g.W
		}
		out[i] = pt{out[i-1][0] + d, r[i][1]}
	}
	return out, out[len(out)-1][0] - out[0][0]
}

// clipX keeps the part of a closed ring on one side of the vertical line
// x = X (Sutherland–Hodgman). It returns the closed result and how many times
// the ring crossed the line.
func clipX(r []pt, X int64, keepLeft bool) ([]pt, int) {
	in := func(p pt) bool {
		if keepLeft {
			return p[0] <= X
		}
		return p[0] >= X
	}
	var out []pt
	crossings := 0
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		ia, ib := in(a), in(b)
		if ia {
			out = append(out, a)
		}
		if ia != ib && a[0] != X && b[0] != X {
			t := float64(X-a[0]) / float64(b[0]-a[0])
			y := int64(math.Round(float64(a[1]) + t*float64(b[1]-a[1])))
			out = append(out, pt{X, y})
			crossings++
		} else if ia != ib {
			crossings++
		}
	}
	out = dedupe(out)
	if len(out) > 0 {
		out = append(out, out[0])
	}
	return out, crossings
}

// dedupe drops consecutive repeated points (and a trailing copy of the first).
func dedupe(r []pt) []pt {
	var out []pt
	for _, p := range r {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

// isPoleLine reports a ring that only runs along the pole row: d3's way of
// writing "the whole cap", which has no planar area.
func isPoleLine(g grid, r []pt) bool {
	for _, p := range r {
		if p[1] != g.PoleY {
			return false
		}
	}
	return true
}

// splitRing turns one TopoJSON ring into planar rings inside [0, W]: rings
// that cross the antimeridian are cut at ±180, rings that circle the south
// pole are closed along the pole row first. Every result is closed, has at
// least 4 positions and non-zero area.
func splitRing(g grid, r []pt) ([][]pt, bool, error) {
	u, winding := unwrap(g, r)
	circlesPole := false
	switch {
	case winding == 0:
	case winding == g.W || winding == -g.W:
		// Close through the pole, in unwrapped space.
		var ysum float64
		for _, p := range u {
			ysum += float64(p[1])
		}
		if ysum/float64(len(u)) > float64(g.PoleY)+90/g.scaleY {
			return nil, false, fmt.Errorf("ring circles the north pole; not handled")
		}
		last, first := u[len(u)-1], u[0]
		u = append(u[:len(u):len(u)], pt{last[0], g.PoleY}, pt{first[0], g.PoleY}, first)
		circlesPole = true
	default:
		return nil, false, fmt.Errorf("ring winds %d grid steps around the globe", winding)
	}
	minX, maxX := u[0][0], u[0][0]
	for _, p := range u {
		minX = min(minX, p[0])
		maxX = max(maxX, p[0])
	}
	var out [][]pt
	for k := floorDiv(minX, g.W); k*g.W < maxX; k++ {
		lo, hi := k*g.W, (k+1)*g.W
		piece := u
		var c1, c2 int
		if minX < lo {
			piece, c1 = clipX(piece, lo, false)
		}
		if maxX > hi && len(piece) > 0 {
			piece, c2 = clipX(piece, hi, true)
		}
		if c1 > 2 || c2 > 2 {
			return nil, false, fmt.Errorf("ring crosses the antimeridian %d times; only 2 handled", max(c1, c2))
		}
		if len(piece) < 4 || signedArea2(piece) == 0 {
			continue
		}
		piece = append([]pt(nil), piece...) // never shift a shared slice
		for i := range piece {
			piece[i][0] -= lo
		}
		out = append(out, piece)
	}
	return out, circlesPole, nil
}

// orient makes a ring counter-clockwise (ccw) or clockwise, in place.
func orient(r []pt, ccw bool) {
	if (signedArea2(r) > 0) != ccw {
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
	}
}

// containsPt is the even-odd rule on the grid.
func containsPt(r []pt, p pt) bool {
	in := false
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if (a[1] > p[1]) != (b[1] > p[1]) {
			x := float64(a[0]) + float64(p[1]-a[1])*float64(b[0]-a[0])/float64(b[1]-a[1])
			if float64(p[0]) < x {
				in = !in
			}
		}
	}
	return in
}

// buildPolygon converts one TopoJSON polygon (exterior then holes) into
// RFC 7946 planar polygons: split at the antimeridian, the polar cap closed,
// exterior rings counter-clockwise and holes clockwise.
func buildPolygon(g grid, rings [][]pt) ([][][]pt, error) {
	var exteriors [][]pt
	var holes [][]pt
	for i, r := range rings {
		if len(r) < 4 {
			continue
		}
		if isPoleLine(g, r) {
			if i != 0 {
				return nil, fmt.Errorf("pole line as a hole")
			}
			continue // the cap is re-created by closing the coast through the pole
		}
		pieces, pole, err := splitRing(g, r)
		if err != nil {
			return nil, err
		}
		if i == 0 || pole {
			exteriors = append(exteriors, pieces...)
		} else {
			if len(pieces) != 1 {
				return nil, fmt.Errorf("hole crosses the antimeridian")
			}
			holes = append(holes, pieces[0])
		}
	}
	polys := make([][][]pt, len(exteriors))
	for i, e := range exteriors {
		orient(e, true)
		polys[i] = [][]pt{e}
	}
	for _, h := range holes {
		orient(h, false)
		placed := false
		for i, e := range exteriors {
			if containsPt(e, h[0]) {
				polys[i] = append(polys[i], h)
				placed = true
				break
			}
		}
		if !placed {
			return nil, fmt.Errorf("hole outside every exterior ring")
		}
	}
	return polys, nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

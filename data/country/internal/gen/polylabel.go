package gen

import (
	"container/heap"
	"math"
)

// poleOfInaccessibility finds the point of a polygon farthest from its
// outline (Garcia-Castellanos & Lombardo's grid refinement, as popularised by
// Mapbox's polylabel), within precision degrees. It works in an
// equirectangular frame scaled by cos(latitude) at the polygon's middle, so
// "farthest" means roughly farthest on the ground. The result is strictly
// inside the polygon (outside its holes) whenever the polygon has area.
func poleOfInaccessibility(rings [][][2]float64, precision float64) (float64, float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range rings[0] {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	k := math.Max(math.Cos((minY+maxY)/2*math.Pi/180), 0.05)
	proj := make([][][2]float64, len(rings))
	for i, r := range rings {
		proj[i] = make([][2]float64, len(r))
		for j, p := range r {
			proj[i][j] = [2]float64{p[0] * k, p[1]}
		}
	}
	minX, maxX = minX*k, maxX*k
	w, h := maxX-minX, maxY-minY
	size := math.Min(w, h)
	if size == 0 {
		return rings[0][0][0], rings[0][0][1]
	}
	q := &cellQueue{}
	for x := minX; x < maxX; x += size {
		for y := minY; y < maxY; y += size {
			heap.Push(q, newCell(x+size/2, y+size/2, size/2, proj))
		}
	}
	best := newCell(minX+w/2, minY+h/2, 0, proj)
	if c := centroidCell(proj); c.d > best.d {
		best = c
	}
	for q.Len() > 0 {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		hs := c.h / 2
		for _, o := range [4][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			heap.Push(q, newCell(c.x+o[0]*hs, c.y+o[1]*hs, hs, proj))
		}
	}
	return best.x / k, best.y
}

type cell struct {
	x, y, h float64 // centre and half size
	d       float64 // signed distance from the centre to the outline
	max     float64 // the best distance any point of the cell could reach
}

func newCell(x, y, h float64, rings [][][2]float64) cell {
	d := signedDistance(x, y, rings)
	return cell{x: x, y: y, h: h, d: d, max: d + h*math.Sqrt2}
}

// centroidCell starts the search at the area centroid, a good first guess.
func centroidCell(rings [][][2]float64) cell {
	var a, cx, cy float64
	r := rings[0]
	for i := 0; i+1 < len(r); i++ {
		f := r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
		cx += (r[i][0] + r[i+1][0]) * f
		cy += (r[i][1] + r[i+1][1]) * f
		a += f * 3
	}
	if a == 0 {
		return newCell(r[0][0], r[0][1], 0, rings)
	}
	return newCell(cx/a, cy/a, 0, rings)
}

// signedDistance is positive inside the polygon, negative outside.
func signedDistance(x, y float64, rings [][][2]float64) float64 {
	inside := false
	minD2 := math.Inf(1)
	for _, r := range rings {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
				inside = !inside
			}
			minD2 = math.Min(minD2, segDist2(x, y, a, b))
		}
	}
	d := math.Sqrt(minD2)
	if inside {
		return d
	}
	return -d
}

func segDist2(px, py float64, a, b [2]float64) float64 {
	x, y := a[0], a[1]
	dx, dy := b[0]-x, b[1]-y
	if dx != 0 || dy != 0 {
		t := ((px-x)*dx + (py-y)*dy) / (dx*dx + dy*dy)
		if t > 1 {
			x, y = b[0], b[1]
		} else if t > 0 {
			x += dx * t
			y += dy * t
		}
	}
	dx, dy = px-x, py-y
	return dx*dx + dy*dy
}

type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any          { o := *q; c := o[len(o)-1]; *q = o[:len(o)-1]; return c }

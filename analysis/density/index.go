package density

import (
	"math"

	"gonum.org/v1/gonum/spatial/kdtree"
)

// item is one weighted point in gonum's k-d tree; coordinates are a unit
// vector for the sphere or (x, y, 0) for the plane.
type item struct {
	v [3]float64
	w float64
	i int // position in the input, for a summation order that does not depend on the tree
}

func (p *item) Compare(c kdtree.Comparable, d kdtree.Dim) float64 { return p.v[d] - c.(*item).v[d] }
func (p *item) Dims() int                                         { return 3 }
func (p *item) Distance(c kdtree.Comparable) float64              { return dist2(p.v, c.(*item).v) }

type items []*item

func (s items) Index(i int) kdtree.Comparable         { return s[i] }
func (s items) Len() int                              { return len(s) }
func (s items) Slice(start, end int) kdtree.Interface { return s[start:end] }
func (s items) Pivot(d kdtree.Dim) int {
	p := plane{s, d}
	// A deterministic pivot: a random one gives another tree, another
	// summation order and other last digits on every run.
	return kdtree.Partition(p, kdtree.MedianOfMedians(p))
}

// plane sorts items along one dimension, as gonum's Partition needs.
type plane struct {
	items
	dim kdtree.Dim
}

func (p plane) Less(i, j int) bool { return p.items[i].v[p.dim] < p.items[j].v[p.dim] }
func (p plane) Swap(i, j int)      { p.items[i], p.items[j] = p.items[j], p.items[i] }
func (p plane) Slice(start, end int) kdtree.SortSlicer {
	return plane{p.items[start:end], p.dim}
}

// index answers "which points lie within chord c of q" with a box query on
// gonum's k-d tree followed by an exact distance test.
type index struct {
	tree  *kdtree.Tree
	total float64 // total weight of the points in the tree
}

func newIndex(vs [][3]float64, w []float64) index {
	s := make(items, 0, len(vs))
	for i, v := range vs {
		if w[i] > 0 { // weightless points cannot contribute
			s = append(s, &item{v: v, w: w[i], i: i})
		}
	}
	total := 0.0
	for _, it := range s {
		total += it.w
	}
	return index{tree: kdtree.New(s, false), total: total}
}

// sum adds f(d2, w) over every point with squared distance below c*c from
// q. Floating-point addition is not associative and the tree's visiting
// order is not part of the result, so the terms are added as integers in
// fixed point: each term is scaled so that even the sum of every point's
// largest possible term (the total weight times f(0, 1)) fits in 2^62,
// which makes the sum exact, independent of order, and as precise as
// float64 near the surface's peak (the absolute error is below
// n * 2^-62 of that bound).
func (ix index) sum(q [3]float64, c float64, f func(d2, w float64) float64) float64 {
	bound := ix.total * f(0, 1)
	if !(bound > 0) {
		return 0
	}
	scale := float64(1<<62) / bound
	var s int64
	ix.within(q, c, func(p *item, d2 float64) {
		s += int64(math.Round(f(d2, p.w) * scale))
	})
	return float64(s) / scale
}

// within calls fn with every point with squared distance below c*c from q.
func (ix index) within(q [3]float64, c float64, fn func(p *item, d2 float64)) {
	lo, hi := &item{}, &item{}
	for k := 0; k < 3; k++ {
		lo.v[k], hi.v[k] = q[k]-c, q[k]+c
	}
	c2 := c * c
	ix.tree.DoBounded(&kdtree.Bounding{Min: lo, Max: hi}, func(x kdtree.Comparable, _ *kdtree.Bounding, _ int) bool {
		p := x.(*item)
		if d2 := dist2(p.v, q); d2 < c2 {
			fn(p, d2)
		}
		return false
	})
}

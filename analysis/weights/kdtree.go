package weights

import "slices"

// kdTree is a static k-d tree over up to three dimensions, laid out like
// mourner's KDBush: the points are reordered in place so that every
// subrange [lo, hi] is split at its middle index m on one axis (cycling
// through the axes with depth), and ranges of at most leafSize points are
// scanned linearly. It holds no pointers and allocates nothing per query.
//
// gonum's spatial/kdtree was the first choice, but its interface-based
// nodes and per-query heaps took several seconds for a 100,000-point
// distance band on this machine, against a goal of well under one; this
// flat layout does the same search in a small fraction of that.
type kdTree struct {
	dims int
	ids  []int32      // site of each slot
	v    [][3]float64 // coordinates of each slot
}

const leafSize = 32

func newKDTree(pts []kdPoint, dims int) *kdTree {
	t := &kdTree{dims: dims, ids: make([]int32, len(pts)), v: make([][3]float64, len(pts))}
	for k, p := range pts {
		t.ids[k], t.v[k] = p.i, p.v
	}
	t.build(0, len(pts)-1, 0)
	return t
}

func (t *kdTree) build(lo, hi, axis int) {
	if hi-lo <= leafSize {
		return
	}
	m := (lo + hi) / 2
	t.selectK(m, lo, hi, axis)
	next := (axis + 1) % t.dims
	t.build(lo, m-1, next)
	t.build(m+1, hi, next)
}

// selectK reorders [lo, hi] so that slot k holds the value it would hold
// if sorted on axis, smaller ones before, larger after (Hoare's
// quickselect with a median-of-three pivot; deterministic).
func (t *kdTree) selectK(k, lo, hi, axis int) {
	for hi > lo {
		mid := (lo + hi) / 2
		// Median of three into hi as the pivot.
		a, b, c := t.v[lo][axis], t.v[mid][axis], t.v[hi][axis]
		switch {
		case (a <= b && b <= c) || (c <= b && b <= a):
			t.swap(mid, hi)
		case (b <= a && a <= c) || (c <= a && a <= b):
			t.swap(lo, hi)
		}
		pivot := t.v[hi][axis]
		store := lo
		for i := lo; i < hi; i++ {
			if t.v[i][axis] < pivot {
				t.swap(i, store)
				store++
			}
		}
		t.swap(store, hi)
		switch {
		case store == k:
			return
		case store < k:
			lo = store + 1
		default:
			hi = store - 1
		}
	}
}

func (t *kdTree) swap(i, j int) {
	t.ids[i], t.ids[j] = t.ids[j], t.ids[i]
	t.v[i], t.v[j] = t.v[j], t.v[i]
}

// ball calls fn(site, squared distance) for every point within squared
// Euclidean distance r2 of q.
func (t *kdTree) ball(q [3]float64, r2 float64, fn func(site int32, d2 float64)) {
	if len(t.ids) == 0 {
		return
	}
	type frame struct{ lo, hi, axis int }
	var stackBuf [64]frame
	stack := append(stackBuf[:0], frame{0, len(t.ids) - 1, 0})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.hi-f.lo <= leafSize {
			for i := f.lo; i <= f.hi; i++ {
				if d2 := sq(t.v[i], q); d2 <= r2 {
					fn(t.ids[i], d2)
				}
			}
			continue
		}
		m := (f.lo + f.hi) / 2
		if d2 := sq(t.v[m], q); d2 <= r2 {
			fn(t.ids[m], d2)
		}
		next := (f.axis + 1) % t.dims
		off := q[f.axis] - t.v[m][f.axis]
		if off <= 0 || off*off <= r2 {
			stack = append(stack, frame{f.lo, m - 1, next})
		}
		if off >= 0 || off*off <= r2 {
			stack = append(stack, frame{m + 1, f.hi, next})
		}
	}
}

func sq(a, b [3]float64) float64 {
	x, y, z := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return x*x + y*y + z*z
}

// cand is a search candidate: a site and its squared tree distance.
type cand struct {
	site int32
	d2   float64
}

// worse orders candidates by distance, ties by the higher site index, so
// the k nearest are unique whatever the tree layout.
func worse(a, b cand) bool {
	if a.d2 != b.d2 {
		return a.d2 > b.d2
	}
	return a.site > b.site
}

// knn returns the k points nearest to q other than site skip, nearest
// first, ties broken by the lower site index.
func (t *kdTree) knn(q [3]float64, k int, skip int32) []cand {
	if k <= 0 || len(t.ids) == 0 {
		return nil
	}
	s := knnSearch{t: t, q: q, k: k, skip: skip, h: make([]cand, 0, k)}
	s.visit(0, len(t.ids)-1, 0)
	slices.SortFunc(s.h, func(a, b cand) int {
		if worse(b, a) {
			return -1
		}
		if worse(a, b) {
			return 1
		}
		return 0
	})
	return s.h
}

// knnSearch is one k-nearest query: a bounded max-heap (under worse) of
// the best candidates so far.
type knnSearch struct {
	t    *kdTree
	q    [3]float64
	k    int
	skip int32
	h    []cand
}

func (s *knnSearch) consider(i int) {
	c := cand{s.t.ids[i], sq(s.t.v[i], s.q)}
	if c.site == s.skip {
		return
	}
	h := s.h
	if len(h) < s.k {
		h = append(h, c)
		for j := len(h) - 1; j > 0; {
			p := (j - 1) / 2
			if !worse(h[j], h[p]) {
				break
			}
			h[j], h[p] = h[p], h[j]
			j = p
		}
		s.h = h
		return
	}
	if !worse(h[0], c) {
		return
	}
	h[0] = c
	for j := 0; ; {
		l, r, m := 2*j+1, 2*j+2, j
		if l < len(h) && worse(h[l], h[m]) {
			m = l
		}
		if r < len(h) && worse(h[r], h[m]) {
			m = r
		}
		if m == j {
			return
		}
		h[j], h[m] = h[m], h[j]
		j = m
	}
}

func (s *knnSearch) visit(lo, hi, axis int) {
	if hi < lo {
		return
	}
	if hi-lo <= leafSize {
		for i := lo; i <= hi; i++ {
			s.consider(i)
		}
		return
	}
	m := (lo + hi) / 2
	s.consider(m)
	next := (axis + 1) % s.t.dims
	off := s.q[axis] - s.t.v[m][axis]
	if off <= 0 {
		s.visit(lo, m-1, next)
		if len(s.h) < s.k || off*off <= s.h[0].d2 {
			s.visit(m+1, hi, next)
		}
		return
	}
	s.visit(m+1, hi, next)
	if len(s.h) < s.k || off*off <= s.h[0].d2 {
		s.visit(lo, m-1, next)
	}
}

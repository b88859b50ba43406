package cluster

import "math"

// kdTree is a static k-d tree over embedded points, stored flat: nodes in one
// slice, points reordered so every node owns a contiguous range. Each node
// keeps its bounding box and total weight, so a range count can add a whole
// node at once when the query ball swallows its box. HDBSCAN and SuggestEps
// query it for nearest neighbours; DBSCAN, which only asks "within eps",
// uses the cheaper voxelGrid, and the tree's range queries serve as its
// reference in the tests.
//
// gonum's spatial/kdtree stores one pointer node per point behind interfaces;
// it answers nearest and box queries well, but Borůvka's MST needs per-node
// annotations (smallest core distance, common component), so the package
// keeps this small flat tree of its own.
type kdTree struct {
	pts   []vec3    // points in tree order
	id    []int32   // tree order -> caller's index
	w     []float64 // weights in tree order
	nodes []kdNode
}

type kdNode struct {
	lo, hi      int32 // the node's points are pts[lo:hi]
	left, right int32 // child nodes, -1 for a leaf
	box               // bounding box
	w           float64
}

const kdLeafSize = 16

func newKDTree(pts []vec3, w []float64) *kdTree {
	n := len(pts)
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	t := &kdTree{nodes: make([]kdNode, 0, 2*(n/kdLeafSize+1))}
	if n > 0 {
		t.build(pts, w, perm, 0, int32(n))
	}
	t.pts = make([]vec3, n)
	t.w = make([]float64, n)
	t.id = perm
	for i, p := range perm {
		t.pts[i] = pts[p]
		t.w[i] = w[p]
	}
	return t
}

func (t *kdTree) build(pts []vec3, w []float64, perm []int32, lo, hi int32) int32 {
	ni := int32(len(t.nodes))
	nd := kdNode{lo: lo, hi: hi, left: -1, right: -1}
	for k := 0; k < 3; k++ {
		nd.Min[k], nd.Max[k] = math.Inf(1), math.Inf(-1)
	}
	for _, p := range perm[lo:hi] {
		q := pts[p]
		for k := 0; k < 3; k++ {
			nd.Min[k] = math.Min(nd.Min[k], q[k])
			nd.Max[k] = math.Max(nd.Max[k], q[k])
		}
		nd.w += w[p]
	}
	t.nodes = append(t.nodes, nd)
	if hi-lo <= kdLeafSize {
		return ni
	}
	d := 0
	for k := 1; k < 3; k++ {
		if nd.Max[k]-nd.Min[k] > nd.Max[d]-nd.Min[d] {
			d = k
		}
	}
	mid := lo + (hi-lo)/2
	selectNth(perm[lo:hi], pts, d, int(mid-lo))
	l := t.build(pts, w, perm, lo, mid)
	r := t.build(pts, w, perm, mid, hi)
	t.nodes[ni].left, t.nodes[ni].right = l, r
	return ni
}

// selectNth reorders id so that id[k] holds the point whose coordinate d is
// k-th smallest, with no larger coordinate before it and no smaller after.
func selectNth(id []int32, pts []vec3, d, k int) {
	lo, hi := 0, len(id)-1
	for hi > lo {
		a, b, c := pts[id[lo]][d], pts[id[lo+(hi-lo)/2]][d], pts[id[hi]][d]
		pv := math.Max(math.Min(a, b), math.Min(math.Max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for pts[id[i]][d] < pv {
				i++
			}
			for pts[id[j]][d] > pv {
				j--
			}
			if i <= j {
				id[i], id[j] = id[j], id[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// weightWithin sums the weight of points within squared distance r2 of q
// (inclusive), stopping early once the sum reaches limit.
func (t *kdTree) weightWithin(q vec3, r2, limit float64, stack []int32) (float64, []int32) {
	sum := 0.0
	stack = append(stack[:0], 0)
	for len(stack) > 0 && sum < limit {
		ni := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &t.nodes[ni]
		if nd.box.Dist2(q) > r2 {
			continue
		}
		if nd.box.Far2(q) <= r2 {
			sum += nd.w
			continue
		}
		if nd.left < 0 {
			for i := nd.lo; i < nd.hi; i++ {
				if dist2(q, t.pts[i]) <= r2 {
					sum += t.w[i]
				}
			}
			continue
		}
		stack = append(stack, nd.right, nd.left)
	}
	return sum, stack
}

// within calls fn with the tree position of every point within squared
// distance r2 of q (inclusive).
func (t *kdTree) within(q vec3, r2 float64, stack []int32, fn func(pos int32)) []int32 {
	stack = append(stack[:0], 0)
	for len(stack) > 0 {
		ni := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &t.nodes[ni]
		if nd.box.Dist2(q) > r2 {
			continue
		}
		if nd.left < 0 || nd.box.Far2(q) <= r2 {
			all := nd.box.Far2(q) <= r2
			for i := nd.lo; i < nd.hi; i++ {
				if all || dist2(q, t.pts[i]) <= r2 {
					fn(i)
				}
			}
			continue
		}
		stack = append(stack, nd.right, nd.left)
	}
	return stack
}

// neighbour is one entry of a k-nearest list.
type neighbour struct {
	d2 float64
	w  float64
}

// knn fills best with the k nearest points to q (q itself included when it is
// in the tree), sorted by distance.
func (t *kdTree) knn(q vec3, k int, best []neighbour, stack []int32) ([]neighbour, []int32) {
	best = best[:0]
	worst := math.Inf(1)
	stack = append(stack[:0], 0)
	for len(stack) > 0 {
		ni := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &t.nodes[ni]
		if nd.box.Dist2(q) > worst {
			continue
		}
		if nd.left < 0 {
			for i := nd.lo; i < nd.hi; i++ {
				d := dist2(q, t.pts[i])
				if len(best) == k && d >= worst {
					continue
				}
				j := len(best)
				if j < k {
					best = append(best, neighbour{})
				} else {
					j--
				}
				for j > 0 && best[j-1].d2 > d {
					best[j] = best[j-1]
					j--
				}
				best[j] = neighbour{d, t.w[i]}
				if len(best) == k {
					worst = best[k-1].d2
				}
			}
			continue
		}
		// Visit the nearer child first so the bound tightens early.
		l, r := &t.nodes[nd.left], &t.nodes[nd.right]
		if l.box.Dist2(q) <= r.box.Dist2(q) {
			stack = append(stack, nd.right, nd.left)
		} else {
			stack = append(stack, nd.left, nd.right)
		}
	}
	return best, stack
}

// coreDist2 returns the smallest squared distance d2 such that the points
// within d2 of q (q's own weight included) weigh at least minW, or +Inf when
// the whole tree weighs less. It is DBSCAN's "q becomes core at this radius"
// and HDBSCAN's core distance.
func (t *kdTree) coreDist2(q vec3, minW float64, best []neighbour, stack []int32) (float64, []neighbour, []int32) {
	n := len(t.pts)
	k := int(math.Ceil(minW))
	if k < 1 {
		k = 1
	}
	for {
		if k > n {
			k = n
		}
		best, stack = t.knn(q, k, best, stack)
		sum := 0.0
		for _, b := range best {
			sum += b.w
			if sum >= minW {
				return b.d2, best, stack
			}
		}
		if k == n {
			return math.Inf(1), best, stack
		}
		k *= 2
	}
}

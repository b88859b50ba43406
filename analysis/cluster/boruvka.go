package cluster

import (
	"math"
	"sync/atomic"
)

// mstEdge joins tree positions a and b at squared mutual-reachability
// distance m2 (in the tree's Euclidean units); ka < kb are the endpoints'
// indices among the distinct input points.
type mstEdge struct {
	a, b   int32
	ka, kb int32
	m2     float64
}

func newEdge(t *kdTree, p, q int32, m2 float64) mstEdge {
	e := mstEdge{a: p, b: q, ka: t.id[p], kb: t.id[q], m2: m2}
	if e.ka > e.kb {
		e.a, e.b, e.ka, e.kb = q, p, e.kb, e.ka
	}
	return e
}

// less orders edges by length, then by the endpoints' input order. Mutual
// reachability is full of ties (every neighbour inside a point's core
// distance is exactly that far), so the order must be total: Borůvka then
// never builds a cycle, the MST is the one Kruskal would pick in this order,
// and the result does not depend on how the k-d tree was built.
func (e mstEdge) less(f mstEdge) bool {
	if e.m2 != f.m2 {
		return e.m2 < f.m2
	}
	if e.ka != f.ka {
		return e.ka < f.ka
	}
	return e.kb < f.kb
}

// mutualReachabilityMST builds the minimum spanning tree of the complete
// graph whose edge p–q has length max(core(p), core(q), d(p, q)), without
// ever listing that graph: Borůvka's rounds each find, for every component,
// its shortest edge to another component with one nearest-neighbour search
// per point over the k-d tree. Searches skip subtrees whose points all lie
// in the searching point's component, and subtrees whose smallest core
// distance or box distance already exceeds the best edge found for the
// component, so late rounds with few large components stay cheap. core2 holds
// squared core distances in tree order.
func mutualReachabilityMST(t *kdTree, core2 []float64) []mstEdge {
	n := len(t.pts)
	edges := make([]mstEdge, 0, max(n-1, 0))
	if n < 2 {
		return edges
	}
	nodes := t.nodes
	minCore := make([]float64, len(nodes))
	for ni := len(nodes) - 1; ni >= 0; ni-- { // children come after parents
		nd := &nodes[ni]
		if nd.left < 0 {
			m := math.Inf(1)
			for i := nd.lo; i < nd.hi; i++ {
				m = math.Min(m, core2[i])
			}
			minCore[ni] = m
		} else {
			minCore[ni] = math.Min(minCore[nd.left], minCore[nd.right])
		}
	}
	uf := newUnionFind(n)
	comp := make([]int32, n)
	nodeComp := make([]int32, len(nodes))
	bound := make([]uint64, n) // per component root: best squared length so far, as float bits
	best := make([]mstEdge, n) // per point: its shortest edge out of its component
	stacks := make([][]int32, maxWorkers)
	for components := n; components > 1; {
		for i := range comp {
			comp[i] = uf.find(int32(i))
			bound[i] = math.Float64bits(math.Inf(1))
		}
		for ni := len(nodes) - 1; ni >= 0; ni-- {
			nd := &nodes[ni]
			if nd.left < 0 {
				c := comp[nd.lo]
				for i := nd.lo + 1; i < nd.hi; i++ {
					if comp[i] != c {
						c = -1
						break
					}
				}
				nodeComp[ni] = c
			} else if l := nodeComp[nd.left]; l >= 0 && l == nodeComp[nd.right] {
				nodeComp[ni] = l
			} else {
				nodeComp[ni] = -1
			}
		}
		parallelChunks(n, func(g, lo, hi int) {
			st := stacks[g]
			for p := lo; p < hi; p++ {
				best[p], st = nearestOutside(t, core2, minCore, comp, nodeComp, bound, int32(p), st)
			}
			stacks[g] = st
		})
		// Reduce to one edge per component; the order-independent minimum
		// makes the result the same whatever the scheduling was.
		pick := map[int32]mstEdge{}
		for p := 0; p < n; p++ {
			e := best[p]
			if e.a < 0 {
				continue
			}
			c := comp[p]
			if cur, ok := pick[c]; !ok || e.less(cur) {
				pick[c] = e
			}
		}
		chosen := make([]mstEdge, 0, len(pick))
		for _, e := range pick {
			chosen = append(chosen, e)
		}
		sortEdges(chosen)
		for _, e := range chosen {
			if uf.union(e.a, e.b) {
				edges = append(edges, e)
				components--
			}
		}
	}
	return edges
}

// nearestOutside finds point p's shortest mutual-reachability edge to a point
// of another component, or an edge with a = -1 when none beats the component's
// current bound. Pruning is strict (only subtrees that cannot tie are
// skipped), so the component's minimum edge under mstEdge.less is always
// found by the point that owns it.
func nearestOutside(t *kdTree, core2, minCore []float64, comp, nodeComp []int32, bound []uint64, p int32, st []int32) (mstEdge, []int32) {
	cp := comp[p]
	q := t.pts[p]
	cq := core2[p]
	res := mstEdge{a: -1, b: -1, m2: math.Inf(1)}
	limit := func() float64 {
		return math.Min(res.m2, math.Float64frombits(atomic.LoadUint64(&bound[cp])))
	}
	if cq > limit() {
		return res, st
	}
	st = append(st[:0], 0)
	for len(st) > 0 {
		ni := st[len(st)-1]
		st = st[:len(st)-1]
		if nodeComp[ni] == cp {
			continue
		}
		nd := &t.nodes[ni]
		lim := limit()
		if math.Max(cq, math.Max(minCore[ni], nd.box.Dist2(q))) > lim {
			continue
		}
		if nd.left < 0 {
			for i := nd.lo; i < nd.hi; i++ {
				if comp[i] == cp {
					continue
				}
				m := math.Max(cq, math.Max(core2[i], dist2(q, t.pts[i])))
				if m > lim {
					continue
				}
				e := newEdge(t, p, i, m)
				if res.a < 0 || e.less(res) {
					res = e
					lim = m
				}
			}
			continue
		}
		l, r := &t.nodes[nd.left], &t.nodes[nd.right]
		if l.box.Dist2(q) <= r.box.Dist2(q) {
			st = append(st, nd.right, nd.left)
		} else {
			st = append(st, nd.left, nd.right)
		}
	}
	if res.a >= 0 {
		// Lower the component's bound to this edge's length (atomic min).
		for {
			old := atomic.LoadUint64(&bound[cp])
			if math.Float64frombits(old) <= res.m2 || atomic.CompareAndSwapUint64(&bound[cp], old, math.Float64bits(res.m2)) {
				break
			}
		}
	}
	return res, st
}

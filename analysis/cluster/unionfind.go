package cluster

import "sync/atomic"

// unionFind is a disjoint-set forest with path halving; the root of a set is
// whichever index the unions happened to leave on top, so callers that need a
// stable numbering derive it from the members, never from the root. Every
// link and every halving points to a smaller index, so a parent is never
// after its child (labelSets relies on that).
type unionFind []int32

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

func (u unionFind) find(x int32) int32 {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

// union joins the sets of a and b and reports whether they were apart.
func (u unionFind) union(a, b int32) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return false
	}
	if ra < rb {
		u[rb] = ra
	} else {
		u[ra] = rb
	}
	return true
}

// findShared is find for concurrent use with unionShared: path halving by
// atomic stores, which is safe because a non-root only ever moves to an
// ancestor and never becomes a root again.
func (u unionFind) findShared(x int32) int32 {
	for {
		p := atomic.LoadInt32(&u[x])
		if p == x {
			return x
		}
		gp := atomic.LoadInt32(&u[p])
		if gp != p {
			atomic.StoreInt32(&u[x], gp)
		}
		x = gp
	}
}

// unionShared joins the sets of a and b; goroutines may call it
// concurrently. A root is linked under a smaller index by compare-and-swap,
// retried when another goroutine linked it first, so parents always point to
// smaller indices (no cycles) and the final partition, though not the roots,
// is the same whatever the schedule.
func (u unionFind) unionShared(a, b int32) {
	for {
		a, b = u.findShared(a), u.findShared(b)
		if a == b {
			return
		}
		if a < b {
			a, b = b, a
		}
		if atomic.CompareAndSwapInt32(&u[a], a, b) {
			return
		}
	}
}

package cluster

// unionFind is a disjoint-set forest with path halving; the root of a set is
// whichever index the unions happened to leave on top, so callers that need a
// stable numbering derive it from the members, never from the root.
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

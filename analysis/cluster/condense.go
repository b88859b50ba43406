package cluster

import (
	"math"
	"slices"
)

func sortEdges(e []mstEdge) {
	slices.SortFunc(e, func(a, b mstEdge) int {
		switch {
		case a.less(b):
			return -1
		case b.less(a):
			return 1
		}
		return 0
	})
}

// linkage is a single-linkage dendrogram: leaves 0..n-1 are the distinct
// points, merge i creates node n+i from left and right at distance dist.
type linkage struct {
	left, right []int32
	dist        []float64
	size        []float64 // weight of every node, leaves first
}

// singleLinkage turns MST edges (sorted by length) into a dendrogram; dist
// converts a squared tree distance to the user's distance.
func singleLinkage(edges []mstEdge, w []float64, dist func(m2 float64) float64) linkage {
	n := len(w)
	lk := linkage{size: make([]float64, n, 2*n)}
	copy(lk.size, w)
	uf := newUnionFind(n)
	top := make([]int32, n) // root of a set -> its dendrogram node
	for i := range top {
		top[i] = int32(i)
	}
	for i, e := range edges {
		ra, rb := uf.find(e.a), uf.find(e.b)
		a, b := top[ra], top[rb]
		lk.left = append(lk.left, a)
		lk.right = append(lk.right, b)
		lk.dist = append(lk.dist, dist(e.m2))
		lk.size = append(lk.size, lk.size[a]+lk.size[b])
		uf.union(ra, rb)
		top[uf.find(ra)] = int32(n + i)
	}
	return lk
}

// condensedRow is one row of the condensed tree: a point or a cluster leaving
// cluster parent at lambda = 1/distance.
type condensedRow struct {
	parent    int32
	child     int32 // a leaf (point) or a cluster id
	isCluster bool
	lambda    float64
	size      float64
}

func lambdaOf(d float64) float64 {
	if d > 0 {
		return 1 / d
	}
	return math.Inf(1)
}

// condense walks the dendrogram from the root as scikit-learn's
// _condense_tree does: a split with both sides weighing at least minSize makes
// two new clusters; otherwise the light side's points fall out of the current
// cluster at that lambda and the heavy side carries the cluster on. The one
// addition is for merged duplicates: a leaf of weight w that carries a
// cluster on is w identical points, which scikit-learn would see split apart
// at their own core distance, so they fall out at lambda 1/core. Cluster 0 is
// the root; children get higher ids than parents.
func condense(lk linkage, leafDist []float64, minSize float64) ([]condensedRow, int) {
	n := len(leafDist)
	if n < 2 {
		return nil, 1
	}
	root := int32(2*n - 2)
	cl := make([]int32, 2*n-1)
	cl[root] = 0
	next := int32(1)
	var rows []condensedRow
	var leaves []int32
	fallOut := func(node int32, parent int32, lambda float64) {
		leaves = append(leaves[:0], node)
		for k := 0; k < len(leaves); k++ {
			x := leaves[k]
			if int(x) < n {
				rows = append(rows, condensedRow{parent: parent, child: x, lambda: lambda, size: lk.size[x]})
				continue
			}
			leaves = append(leaves, lk.left[int(x)-n], lk.right[int(x)-n])
		}
	}
	queue := []int32{root}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		c := cl[node]
		if int(node) < n {
			rows = append(rows, condensedRow{parent: c, child: node, lambda: lambdaOf(leafDist[node]), size: lk.size[node]})
			continue
		}
		i := int(node) - n
		l, r := lk.left[i], lk.right[i]
		lambda := lambdaOf(lk.dist[i])
		ls, rs := lk.size[l], lk.size[r]
		switch {
		case ls >= minSize && rs >= minSize:
			for _, ch := range []int32{l, r} {
				cl[ch] = next
				rows = append(rows, condensedRow{parent: c, child: next, isCluster: true, lambda: lambda, size: lk.size[ch]})
				next++
				queue = append(queue, ch)
			}
		case ls < minSize && rs < minSize:
			fallOut(l, c, lambda)
			fallOut(r, c, lambda)
		case ls < minSize:
			fallOut(l, c, lambda)
			cl[r] = c
			queue = append(queue, r)
		default:
			fallOut(r, c, lambda)
			cl[l] = c
			queue = append(queue, l)
		}
	}
	return rows, int(next)
}

// selection is the outcome of excess-of-mass selection on a condensed tree.
type selection struct {
	selected  []bool    // per cluster id
	stability []float64 // per cluster id, before selection merged subtrees
	parent    []int32   // per cluster id, -1 for the root
}

// selectEOM computes every cluster's stability, the sum over its rows of
// (lambda - birth) * size, and keeps a cluster when its stability is at least
// the summed (already resolved) stability of its child clusters, otherwise
// passes that sum upwards, visiting children before parents. The root is
// never selected (allow_single_cluster=false), as in scikit-learn.
func selectEOM(rows []condensedRow, nClusters int) selection {
	s := selection{
		selected:  make([]bool, nClusters),
		stability: make([]float64, nClusters),
		parent:    make([]int32, nClusters),
	}
	birth := make([]float64, nClusters)
	s.parent[0] = -1
	children := make([][]int32, nClusters)
	for _, r := range rows {
		if r.isCluster {
			birth[r.child] = r.lambda
			s.parent[r.child] = r.parent
			children[r.parent] = append(children[r.parent], r.child)
		}
	}
	for _, r := range rows {
		s.stability[r.parent] += (r.lambda - birth[r.parent]) * r.size
	}
	resolved := slices.Clone(s.stability)
	for c := nClusters - 1; c >= 1; c-- {
		sub := 0.0
		for _, ch := range children[c] {
			sub += resolved[ch]
		}
		if sub > resolved[c] {
			resolved[c] = sub
			continue
		}
		s.selected[c] = true
		stack := slices.Clone(children[c])
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			s.selected[x] = false
			stack = append(stack, children[x]...)
		}
	}
	return s
}

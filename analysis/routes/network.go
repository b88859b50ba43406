package routes

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// Role is what a place mostly does in the network.
type Role uint8

// Roles, from the balance b = (in-out)/(in+out) of a node's flow, which
// runs from -1 (only sends) to +1 (only receives). With the default
// threshold 1/3 an origin sends at least twice what it receives, a
// destination receives at least twice what it sends, and everything in
// between passes flows on: a transit place.
const (
	RoleTransit Role = iota
	RoleOrigin
	RoleDestination
)

func (r Role) String() string {
	switch r {
	case RoleOrigin:
		return "origin"
	case RoleDestination:
		return "destination"
	}
	return "transit"
}

// DefaultRoleThreshold is the |balance| from which a node is an origin or
// a destination rather than a transit place.
const DefaultRoleThreshold = 1.0 / 3

// NetworkOptions tune AnalyzeNetwork. Zero fields take the defaults.
type NetworkOptions struct {
	RoleThreshold float64 // DefaultRoleThreshold
	Damping       float64 // PageRank damping, 0.85
	// Tolerance stops PageRank when the L1 change of the rank vector in one
	// iteration falls below it; 1e-12 (ranks then agree with networkx's to
	// about 1e-11).
	Tolerance  float64
	Resolution float64 // Louvain resolution γ, 1
	Seed       uint64  // Louvain's random source; same seed, same communities
}

// Edge is a directed link of the network with the flow along it.
type Edge struct {
	From, To string
	Count    int64
}

// Node is a place in the network with its statistics.
type Node struct {
	ID      string
	In, Out int64   // flow arriving, leaving
	Balance float64 // (In-Out)/(In+Out)
	Role    Role
	// Betweenness is the unnormalised betweenness centrality on the cost
	// 1/count: the number of ordered pairs (s, t), s ≠ t ≠ v, whose
	// cheapest path passes through v, each pair split evenly over its
	// equally cheap paths. Busy links are short, so hubs on the big routes
	// score high. It equals networkx's betweenness_centrality(G,
	// weight="cost", normalized=False) on the directed graph.
	Betweenness float64
	// PageRank is the count-weighted PageRank: a random walker follows
	// links in proportion to their flow. Ranks sum to 1.
	PageRank float64
	// Community numbers the Louvain community (on the undirected view, the
	// weight of a pair being the flow both ways), from 0 for the community
	// with the largest total flow.
	Community int
}

// Network is the analysed place graph.
type Network struct {
	Nodes      []Node // sorted by ID
	Edges      []Edge // sorted by From, To
	Modularity float64
}

// NetworkEdges sums hops (or flows) over years and categories into one
// edge per ordered pair of different places with a positive count.
func NetworkEdges(hops []Flow) []Edge {
	m := map[[2]string]int64{}
	for _, h := range hops {
		if h.Origin != h.Dest && h.Count > 0 {
			m[[2]string{h.Origin, h.Dest}] += h.Count
		}
	}
	edges := make([]Edge, 0, len(m))
	for k, c := range m {
		edges = append(edges, Edge{k[0], k[1], c})
	}
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return edges
}

// AnalyzeNetwork computes the node statistics of the graph the hops form
// (see NetworkEdges). Memory grows with the square of the number of
// places (all-pairs shortest paths), which is fine for countries and for
// a few thousand cells.
func AnalyzeNetwork(hops []Flow, opt NetworkOptions) *Network {
	if opt.RoleThreshold <= 0 {
		opt.RoleThreshold = DefaultRoleThreshold
	}
	if opt.Damping <= 0 {
		opt.Damping = 0.85
	}
	if opt.Tolerance <= 0 {
		opt.Tolerance = 1e-12
	}
	if opt.Resolution <= 0 {
		opt.Resolution = 1
	}
	edges := NetworkEdges(hops)
	ids := map[string]int64{}
	var names []string
	for _, e := range edges {
		for _, p := range []string{e.From, e.To} {
			if _, ok := ids[p]; !ok {
				ids[p] = 0
				names = append(names, p)
			}
		}
	}
	slices.Sort(names)
	for i, n := range names {
		ids[n] = int64(i)
	}
	nodes := make([]Node, len(names))
	for i, n := range names {
		nodes[i].ID = n
	}
	for _, e := range edges {
		nodes[ids[e.From]].Out += e.Count
		nodes[ids[e.To]].In += e.Count
	}
	for i := range nodes {
		n := &nodes[i]
		n.Balance = float64(n.In-n.Out) / float64(n.In+n.Out)
		switch {
		case n.Balance <= -opt.RoleThreshold:
			n.Role = RoleOrigin
		case n.Balance >= opt.RoleThreshold:
			n.Role = RoleDestination
		}
	}
	net := &Network{Nodes: nodes, Edges: edges}
	if len(nodes) == 0 {
		return net
	}

	// Betweenness on the cost 1/count.
	cost := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range nodes {
		cost.AddNode(simple.Node(int64(i)))
	}
	for _, e := range edges {
		cost.SetWeightedEdge(cost.NewWeightedEdge(simple.Node(ids[e.From]), simple.Node(ids[e.To]), 1/float64(e.Count)))
	}
	for id, b := range network.BetweennessWeighted(cost, path.DijkstraAllPaths(cost)) {
		nodes[id].Betweenness = b
	}

	for i, r := range pageRank(len(nodes), edges, ids, opt.Damping, opt.Tolerance) {
		nodes[i].PageRank = r
	}

	net.Modularity = communities(nodes, edges, ids, opt.Resolution, opt.Seed)
	return net
}

// pageRank is the power iteration of count-weighted PageRank, started
// from the uniform vector; a node without outgoing flow (a pure
// destination) hands its rank to every node evenly, as networkx and gonum
// do. gonum's network.PageRank computes the same fixed point but starts
// from a random vector, so its last digits change from run to run; this
// loop is deterministic.
func pageRank(n int, edges []Edge, ids map[string]int64, damp, tol float64) []float64 {
	out := make([]float64, n)
	for _, e := range edges {
		out[ids[e.From]] += float64(e.Count)
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < 100000; iter++ {
		var dangling float64
		for i, o := range out {
			if o == 0 {
				dangling += x[i]
			}
		}
		base := (1-damp)/float64(n) + damp*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for _, e := range edges {
			f := ids[e.From]
			next[ids[e.To]] += damp * x[f] * float64(e.Count) / out[f]
		}
		var diff float64
		for i := range x {
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < tol {
			break
		}
	}
	return x
}

// communities runs Louvain on the undirected view of the graph, numbers
// the communities by descending total flow (ties by their first node ID),
// sets Node.Community and returns the modularity Q.
func communities(nodes []Node, edges []Edge, ids map[string]int64, resolution float64, seed uint64) float64 {
	und := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range nodes {
		und.AddNode(simple.Node(int64(i)))
	}
	for _, e := range edges {
		u, v := simple.Node(ids[e.From]), simple.Node(ids[e.To])
		w := float64(e.Count)
		if old, ok := und.Weight(u.ID(), v.ID()); ok {
			w += old
		}
		und.SetWeightedEdge(und.NewWeightedEdge(u, v, w))
	}
	groups := community.Modularize(und, resolution, rand.NewPCG(seed, 0x9e3779b97f4a7c15)).Communities()
	type group struct {
		members []int
		flow    int64
	}
	gs := make([]group, 0, len(groups))
	for _, c := range groups {
		var g group
		for _, n := range c {
			g.members = append(g.members, int(n.ID()))
			g.flow += nodes[n.ID()].In + nodes[n.ID()].Out
		}
		if len(g.members) == 0 {
			continue
		}
		slices.Sort(g.members)
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(a, b group) int {
		return cmp.Or(cmp.Compare(b.flow, a.flow), cmp.Compare(a.members[0], b.members[0]))
	})
	part := make([][]graph.Node, len(gs))
	for ci, g := range gs {
		for _, m := range g.members {
			nodes[m].Community = ci
			part[ci] = append(part[ci], simple.Node(int64(m)))
		}
	}
	return community.Q(und, part, resolution)
}

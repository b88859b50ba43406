package routes

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os/exec"
	"reflect"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

func hopsOf(edges []Edge) []Flow {
	var fs []Flow
	for _, e := range edges {
		fs = append(fs, Flow{Key: Key{Origin: e.From, Dest: e.To}, Count: e.Count})
	}
	return fs
}

// fixtureEdges is a small route network: two origins feeding a transit
// hub, two equally cheap paths A-B-D and A-C-D (costs 1/2+1/4 and
// 1/4+1/2), and a dead end.
var fixtureEdges = []Edge{
	{"NGA", "NER", 40}, {"GHA", "NER", 20}, {"NER", "LBY", 55}, {"LBY", "ITA", 30},
	{"LBY", "MLT", 10}, {"MLT", "ITA", 10}, {"ITA", "FRA", 8}, {"NGA", "ITA", 5},
	{"A", "B", 2}, {"B", "D", 4}, {"A", "C", 4}, {"C", "D", 2}, {"D", "NGA", 1},
	{"FRA", "ESP", 3}, {"ESP", "FRA", 1},
}

func randomEdges(n int, seed uint64) []Edge {
	rng := rand.New(rand.NewPCG(seed, 1))
	name := func(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }
	seen := map[[2]int]bool{}
	var es []Edge
	for len(es) < 3*n {
		i, j := rng.IntN(n), rng.IntN(n)
		if i == j || seen[[2]int{i, j}] {
			continue
		}
		seen[[2]int{i, j}] = true
		es = append(es, Edge{name(i), name(j), 1 + rng.Int64N(50)})
	}
	return es
}

const networkxScript = `
import json, sys
import networkx as nx
edges = json.load(sys.stdin)
G = nx.DiGraph()
for e in edges:
    G.add_edge(e["From"], e["To"], weight=e["Count"], cost=1.0 / e["Count"])
bc = nx.betweenness_centrality(G, weight="cost", normalized=False)
pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
print(json.dumps({"bc": bc, "pr": pr}))
`

func TestNetworkMatchesNetworkx(t *testing.T) {
	py := testenv.DebianPython(t, "networkx")
	for name, edges := range map[string][]Edge{"fixture": fixtureEdges, "random40": randomEdges(40, 7)} {
		in, _ := json.Marshal(edges)
		cmd := exec.Command(py, "-c", networkxScript)
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("networkx: %v", err)
		}
		var ref struct{ BC, PR map[string]float64 }
		if err := json.Unmarshal(out, &ref); err != nil {
			t.Fatal(err)
		}
		net := AnalyzeNetwork(hopsOf(edges), NetworkOptions{})
		if len(net.Nodes) != len(ref.BC) {
			t.Fatalf("%s: %d nodes, networkx %d", name, len(net.Nodes), len(ref.BC))
		}
		var nonzero int
		for _, n := range net.Nodes {
			if d := math.Abs(n.Betweenness - ref.BC[n.ID]); d > 1e-9 {
				t.Errorf("%s: betweenness %s = %v, networkx %v", name, n.ID, n.Betweenness, ref.BC[n.ID])
			}
			if d := math.Abs(n.PageRank - ref.PR[n.ID]); d > 1e-9 {
				t.Errorf("%s: pagerank %s = %v, networkx %v", name, n.ID, n.PageRank, ref.PR[n.ID])
			}
			if n.Betweenness > 0 {
				nonzero++
			}
		}
		if nonzero < 3 {
			t.Errorf("%s: only %d nodes with betweenness: fixture too weak", name, nonzero)
		}
	}
}

func TestNetworkByHand(t *testing.T) {
	net := AnalyzeNetwork(hopsOf(fixtureEdges), NetworkOptions{})
	byID := map[string]Node{}
	for _, n := range net.Nodes {
		byID[n.ID] = n
	}
	// The tie: A reaches D by B or C at cost 0.75, so B and C each get half
	// of (A, D), and likewise half of (A, x) for every x beyond D: NGA,
	// NER, LBY, ITA, MLT, FRA, ESP -> 8 pairs, 4 each.
	if b, c := byID["B"].Betweenness, byID["C"].Betweenness; b != 4 || c != 4 {
		t.Errorf("B %v C %v, want 4 and 4", b, c)
	}
	// Roles from the balance (in-out)/(in+out): FRA 9 in, 3 out: 0.5;
	// ESP 3 in, 1 out: 0.5; D 6 in, 1 out: 5/7; MLT 10 and 10: 0.
	for id, want := range map[string]Role{"NGA": RoleOrigin, "GHA": RoleOrigin, "NER": RoleTransit,
		"LBY": RoleTransit, "FRA": RoleDestination, "ESP": RoleDestination, "A": RoleOrigin, "MLT": RoleTransit, "D": RoleDestination} {
		if byID[id].Role != want {
			t.Errorf("%s role %v (in %d out %d), want %v", id, byID[id].Role, byID[id].In, byID[id].Out, want)
		}
	}
	if n := byID["ITA"]; n.In != 45 || n.Out != 8 || n.Role != RoleDestination || math.Abs(n.Balance-37.0/53) > 1e-15 {
		t.Errorf("ITA %+v", n)
	}
	var sum float64
	for _, n := range net.Nodes {
		sum += n.PageRank
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("pagerank sums to %v", sum)
	}
}

// TestPageRankMatchesGonum: gonum's edge-weighted PageRank, from its random
// start, reaches the same fixed point.
func TestPageRankMatchesGonum(t *testing.T) {
	edges := randomEdges(30, 3)
	net := AnalyzeNetwork(hopsOf(edges), NetworkOptions{})
	g := simple.NewWeightedDirectedGraph(0, 0)
	idx := map[string]int64{}
	for i, n := range net.Nodes {
		idx[n.ID] = int64(i)
	}
	for _, e := range edges {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(idx[e.From]), simple.Node(idx[e.To]), float64(e.Count)))
	}
	pr := network.PageRank(g, 0.85, 1e-13)
	for i, n := range net.Nodes {
		if d := math.Abs(pr[int64(i)] - n.PageRank); d > 1e-9 {
			t.Errorf("%s: %v, gonum %v", n.ID, n.PageRank, pr[int64(i)])
		}
	}
}

// TestCommunities plants two dense groups joined by one weak link.
func TestCommunities(t *testing.T) {
	var edges []Edge
	west := []string{"BEN", "GHA", "NGA", "TGO"}
	east := []string{"KHM", "LAO", "THA", "VNM"}
	for _, g := range [][]string{west, east} {
		for _, a := range g {
			for _, b := range g {
				if a != b {
					edges = append(edges, Edge{a, b, 20})
				}
			}
		}
	}
	edges = append(edges, Edge{"NGA", "THA", 1})
	net := AnalyzeNetwork(hopsOf(edges), NetworkOptions{Seed: 1})
	comm := map[string]int{}
	for _, n := range net.Nodes {
		comm[n.ID] = n.Community
	}
	for _, g := range [][]string{west, east} {
		for _, p := range g {
			if comm[p] != comm[g[0]] {
				t.Errorf("%s in community %d, %s in %d", p, comm[p], g[0], comm[g[0]])
			}
		}
	}
	if comm["BEN"] == comm["KHM"] {
		t.Errorf("the two groups merged: %v", comm)
	}
	// Same total flow each side (481 in+out each): the community holding the
	// first node ID by byte order (BEN) is 0.
	if comm["BEN"] != 0 || comm["KHM"] != 1 {
		t.Errorf("numbering %v", comm)
	}
	// Q = sum over communities of (in-weight/m - (degree/2m)^2): each side
	// has 6 pairs of weight 40 (both directions), the link weighs 1.
	m := 6*40*2 + 1.0
	inside := 6 * 40.0
	deg := 2*inside + 1
	wantQ := 2 * (inside/m - (deg/(2*m))*(deg/(2*m)))
	if math.Abs(net.Modularity-wantQ) > 1e-12 {
		t.Errorf("modularity %v, want %v", net.Modularity, wantQ)
	}
	for seed := uint64(0); seed < 5; seed++ {
		a := AnalyzeNetwork(hopsOf(randomEdges(40, 9)), NetworkOptions{Seed: seed})
		b := AnalyzeNetwork(hopsOf(randomEdges(40, 9)), NetworkOptions{Seed: seed})
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: two runs differ", seed)
		}
	}
}

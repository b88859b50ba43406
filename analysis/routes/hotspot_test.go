package routes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"reflect"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

func TestFlowZByHand(t *testing.T) {
	// The 2×2 table [[10, 0], [2, 8]]: E(A,X) = 10·12/20 = 6 and the
	// adjusted residual is 4/sqrt(6·0.5·0.4); for a 2×2 table its square
	// is Pearson's chi-square 20·80²/(10·10·12·8) = 13.33.
	flows := []Flow{
		{Key: Key{Origin: "A", Dest: "X"}, Count: 10},
		{Key: Key{Origin: "B", Dest: "X"}, Count: 2},
		{Key: Key{Origin: "B", Dest: "Y"}, Count: 8},
		{Key: Key{Origin: "B", Dest: "B"}, Count: 99}, // ignored
	}
	st := FlowHotspots(flows, HotspotOptions{Permutations: -1})
	if len(st) != 3 {
		t.Fatalf("%d stats", len(st))
	}
	a := st[0]
	if a.Origin != "A" || a.Expected != 6 || math.Abs(a.FlowZ-4/math.Sqrt(1.2)) > 1e-12 {
		t.Errorf("A-X %+v", a)
	}
	if math.Abs(a.FlowZ*a.FlowZ-20*6400.0/9600) > 1e-9 {
		t.Errorf("z² %v, chi-square %v", a.FlowZ*a.FlowZ, 20*6400.0/9600)
	}
	// B-X: E = 10·12/20 = 6, z = -4/sqrt(1.2).
	if b := st[2]; b.Origin != "B" || b.Dest != "X" || math.Abs(b.FlowZ+4/math.Sqrt(1.2)) > 1e-12 {
		t.Errorf("B-X %+v", b)
	}
	if !math.IsNaN(a.GiP) {
		t.Errorf("GiP %v without permutations", a.GiP)
	}
}

// lineNeighbours: places P0..P9 in a row, each adjacent to the next.
func lineNeighbours(p string) []string {
	var i int
	var pre string
	fmt.Sscanf(p[1:], "%d", &i)
	pre = p[:1]
	var out []string
	if i > 0 {
		out = append(out, fmt.Sprintf("%s%d", pre, i-1))
	}
	if i < 9 {
		out = append(out, fmt.Sprintf("%s%d", pre, i+1))
	}
	return out
}

func plantedFlows() []Flow {
	rng := rand.New(rand.NewPCG(5, 5))
	var flows []Flow
	for o := 0; o < 10; o++ {
		for d := 0; d < 10; d++ {
			c := rng.Int64N(6)
			if o >= 3 && o <= 5 && d >= 3 && d <= 5 {
				c = 50
			}
			if c > 0 {
				flows = append(flows, Flow{Key: Key{Origin: fmt.Sprintf("O%d", o), Dest: fmt.Sprintf("D%d", d)}, Count: c})
			}
		}
	}
	return flows
}

func TestFlowHotspotPlanted(t *testing.T) {
	flows := plantedFlows()
	opt := HotspotOptions{Neighbours: lineNeighbours, Seed: 3}
	st := FlowHotspots(flows, opt)
	byKey := map[string]FlowStat{}
	for _, s := range st {
		byKey[s.Origin+s.Dest] = s
	}
	c := byKey["O4D4"]
	if c.Neighbourhood != 9 || c.GiZ < 5 || c.GiP != 0.001 {
		t.Errorf("centre of the planted block: %+v", c)
	}
	if e := byKey["O0D9"]; e.Neighbourhood != 4 {
		t.Errorf("corner neighbourhood %d, want 4", e.Neighbourhood)
	}
	for _, s := range st {
		if s.GiZ > c.GiZ+1e-12 {
			t.Errorf("%s-%s has G* %v above the planted centre %v", s.Origin, s.Dest, s.GiZ, c.GiZ)
		}
	}
	if again := FlowHotspots(flows, opt); !reflect.DeepEqual(again, st) {
		t.Errorf("same seed, different result")
	}
	t.Logf("planted centre: G* z %.4f p %.4f, flow z %.4f", c.GiZ, c.GiP, c.FlowZ)
}

const giScript = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
counts = {(f["o"], f["d"]): f["c"] for f in d["flows"]}
nb = d["nb"]
origins = sorted({o for o, _ in counts})
dests = sorted({x for _, x in counts})
feats = [(o, x) for o in origins for x in dests if o != x]
n = len(feats)
x = np.array([counts.get(f, 0) for f in feats], dtype=float)
def near(a, b):
    return a == b or b in nb.get(a, [])
W = np.array([[1.0 if near(fi[0], fj[0]) and near(fi[1], fj[1]) else 0.0 for fj in feats] for fi in feats])
S = x.std()
m = x.mean()
wi = W.sum(axis=1)
z = (W @ x - m * wi) / (S * np.sqrt((n * (W * W).sum(axis=1) - wi ** 2) / (n - 1)))
print(json.dumps({f[0] + "-" + f[1]: z[i] for i, f in enumerate(feats) if x[i] > 0}))
`

// TestFlowHotspotMatchesNumpy: a dense-matrix G* written independently in
// numpy (the full pair × pair weight matrix) gives the same z-scores.
func TestFlowHotspotMatchesNumpy(t *testing.T) {
	py := testenv.DebianPython(t, "numpy")
	flows := plantedFlows()
	// Mix in shared places (an origin that is also a destination).
	flows = append(flows, Flow{Key: Key{Origin: "D2", Dest: "O7"}, Count: 9}, Flow{Key: Key{Origin: "O1", Dest: "O2"}, Count: 4})
	nb := map[string][]string{}
	type jf struct {
		O string `json:"o"`
		D string `json:"d"`
		C int64  `json:"c"`
	}
	var jfs []jf
	for _, f := range flows {
		jfs = append(jfs, jf{f.Origin, f.Dest, f.Count})
		for _, p := range []string{f.Origin, f.Dest} {
			nb[p] = lineNeighbours(p)
		}
	}
	in, _ := json.Marshal(map[string]any{"flows": jfs, "nb": nb})
	cmd := exec.Command(py, "-c", giScript)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]float64
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	st := FlowHotspots(flows, HotspotOptions{Neighbours: lineNeighbours, Permutations: -1})
	if len(st) != len(ref) {
		t.Fatalf("%d stats, numpy %d", len(st), len(ref))
	}
	for _, s := range st {
		if r := ref[s.Origin+"-"+s.Dest]; math.Abs(s.GiZ-r) > 1e-9 {
			t.Errorf("%s-%s: G* z %v, numpy %v", s.Origin, s.Dest, s.GiZ, r)
		}
	}
}

func TestFlowHotspotDistanceBand(t *testing.T) {
	// Without a contiguity function, places within BandKm are neighbours:
	// with 1500 km, the four West African origins are mutual neighbours.
	var flows []Flow
	for _, o := range []string{"NGA", "GHA", "BEN", "TGO"} {
		flows = append(flows, Flow{Key: Key{Origin: o, Dest: "ITA"}, Count: 10})
	}
	flows = append(flows, Flow{Key: Key{Origin: "BRA", Dest: "USA"}, Count: 3})
	st := FlowHotspots(flows, HotspotOptions{Locate: MapLocator(testPlaces), BandKm: 1500, Permutations: -1})
	for _, s := range st {
		// Features: 5 origins × 2 destinations = 10 pairs.
		want := 4
		if s.Origin == "BRA" {
			want = 1
		}
		if s.Neighbourhood != want {
			t.Errorf("%s-%s neighbourhood %d, want %d", s.Origin, s.Dest, s.Neighbourhood, want)
		}
	}
}

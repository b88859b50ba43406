package hotspot

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/internal/testenv"
)

// oracles is the part of ../shared/fixtures/peer-oracles.json this package
// reproduces.
type oracles struct {
	GetisOrd struct {
		Points     [][2]float64       `json:"points"`
		Y          []float64          `json:"y"`
		GlobalGRaw map[string]float64 `json:"global_G_binary"`
		GiB        struct {
			Gs, EGs, VGs, Zs, PNorm []float64
		} `json:"Gi_B"`
		GiStarB struct {
			Gs, Zs []float64
		} `json:"Gistar_B"`
		GiR     struct{ Zs []float64 } `json:"Gi_R"`
		GiStarR struct{ Zs []float64 } `json:"Gistar_R"`
		Perm    struct {
			PSim []float64 `json:"p_sim"`
		} `json:"perm_seed10_999_directed"`
	} `json:"getisord_fixture"`
	Desmith struct {
		Y   []float64          `json:"y_z"`
		GAL map[string][]int   `json:"gal_neighbors_1based"`
		Glb map[string]float64 `json:"global_row_std"`
		Loc struct {
			Is, EIc, VIc, VI []float64
			QPysal           []int `json:"q_pysal"`
			QGeoda           []int `json:"q_geoda"`
		} `json:"local_row_std"`
	} `json:"desmith"`
	Lat3x3 map[string]float64 `json:"lat3x3_rook_B_y1to9"`
	STL    map[string]float64 `json:"stl_HR8893_n78"`
	FDR    struct {
		P      []float64 `json:"p"`
		A05    float64   `json:"alpha0.05"`
		A10    float64   `json:"alpha0.10"`
		P2     []float64 `json:"p2"`
		P2None float64   `json:"p2_alpha0.05_no_rejection_returns_alpha_over_n"`
	} `json:"fdr"`
}

func loadOracles(t *testing.T) *oracles {
	t.Helper()
	b, err := os.ReadFile(testenv.Fixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	var o oracles
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	// Fields whose JSON names Go's case-insensitive matching cannot reach.
	var raw struct {
		G struct {
			GiB struct {
				P []float64 `json:"p_norm"`
			} `json:"Gi_B"`
		} `json:"getisord_fixture"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	o.GetisOrd.GiB.PNorm = raw.G.GiB.P
	if len(o.GetisOrd.Y) != 6 || len(o.GetisOrd.GiB.PNorm) != 6 || len(o.Desmith.Loc.Is) != 10 {
		t.Fatalf("fixtures incomplete: %+v", o.GetisOrd)
	}
	return &o
}

// esda's tolerance: np.testing.assert_allclose(rtol=1e-5, atol=1e-7).
func close(got, want float64) bool {
	return math.Abs(got-want) <= 1e-7+1e-5*math.Abs(want)
}

func allClose(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !close(got[i], want[i]) {
			t.Errorf("%s[%d] = %.10g, want %.10g", name, i, got[i], want[i])
		}
	}
}

func scalarClose(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !close(got, want) {
		t.Errorf("%s = %.12g, want %.12g", name, got, want)
	}
}

// getisOrdW is the fixture's DistanceBand(threshold=15), built by our own
// planar distance band so the builder is checked against the neighbour
// lists the fixture states.
func getisOrdW(t *testing.T, o *oracles) *weights.W {
	t.Helper()
	pts := make([]orb.Point, len(o.GetisOrd.Points))
	for i, p := range o.GetisOrd.Points {
		pts[i] = orb.Point(p)
	}
	w, err := weights.DistanceBand(pts, 15, weights.Planar)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{1, 3}, {0, 3, 4}, {4}, {0, 1, 4}, {1, 2, 3, 5}, {4}}
	for i, nb := range want {
		got, _ := w.Neighbors(i)
		if len(got) != len(nb) {
			t.Fatalf("site %d neighbours %v, want %v", i, got, nb)
		}
		for k := range nb {
			if got[k] != nb[k] {
				t.Fatalf("site %d neighbours %v, want %v", i, got, nb)
			}
		}
	}
	return w
}

// desmithW is the desmith GAL contiguity, given 1-based in the fixture.
func desmithW(t *testing.T, o *oracles) *weights.W {
	t.Helper()
	nb := make([][]int, len(o.Desmith.Y))
	for k, list := range o.Desmith.GAL {
		i, err := strconv.Atoi(k)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range list {
			nb[i-1] = append(nb[i-1], j-1)
		}
	}
	w, err := weights.FromNeighbors(nb)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

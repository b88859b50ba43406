package emerging

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

type oracles struct {
	MannKendall struct {
		X    []float64 `json:"x"`
		S    float64   `json:"S"`
		VarS float64   `json:"VarS"`
		Z    float64   `json:"Z"`
		PTwo float64   `json:"p_two_sided_normal"`
		Tau  float64   `json:"tau"`
	} `json:"mann_kendall"`
	FDR struct {
		P     []float64 `json:"p"`
		A05   float64   `json:"alpha0.05"`
		A10   float64   `json:"alpha0.10"`
		P2    []float64 `json:"p2"`
		P2A05 float64   `json:"p2_alpha0.05_no_rejection_returns_alpha_over_n"`
	} `json:"fdr"`
	Getis struct {
		Y       []float64 `json:"y"`
		GistarB struct {
			Zs []float64 `json:"Zs"`
		} `json:"Gistar_B"`
	} `json:"getisord_fixture"`
}

func loadOracles(t *testing.T) oracles {
	t.Helper()
	b, err := os.ReadFile(testenv.Fixtures(t))
	if err != nil {
		t.Fatal(err)
	}
	var o oracles
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(math.Abs(b), 1e-300) || math.Abs(a-b) < 1e-15
}

// TestMannKendallOracle reproduces the peer oracle: S 41, VarS 125,
// Z 3.5777 (continuity-corrected: 40/sqrt 125), two-sided p 0.000347.
func TestMannKendallOracle(t *testing.T) {
	o := loadOracles(t).MannKendall
	if len(o.X) != 10 {
		t.Fatalf("fixture has %d values", len(o.X))
	}
	tr := MannKendall(o.X)
	if tr.S != o.S || tr.VarS != o.VarS {
		t.Errorf("S %v VarS %v, want %v %v", tr.S, tr.VarS, o.S, o.VarS)
	}
	if !near(tr.Z, o.Z, 1e-12) || !near(tr.P, o.PTwo, 1e-9) || !near(tr.Tau, o.Tau, 1e-12) {
		t.Errorf("Z %v p %v tau %v, want %v %v %v", tr.Z, tr.P, tr.Tau, o.Z, o.PTwo, o.Tau)
	}
}

// TestMannKendallTies checks the tie correction by hand. For
// 1 1 2 2 3: of the 10 pairs 2 are ties and 8 rise, so S = 8; two tie
// groups of 2 take 2*1*9 = 18 each from 5*4*15 = 300, so VarS =
// 264/18; Z = 7/sqrt(264/18).
func TestMannKendallTies(t *testing.T) {
	tr := MannKendall([]float64{1, 1, 2, 2, 3})
	if tr.S != 8 || !near(tr.VarS, 264.0/18, 1e-15) || !near(tr.Z, 7/math.Sqrt(264.0/18), 1e-14) {
		t.Errorf("got %+v", tr)
	}
	if !near(tr.P, 0.067575, 1e-4) { // 2*(1-Phi(1.82782)), from tables
		t.Errorf("p %v", tr.P)
	}
	// Falling is the mirror image.
	d := MannKendall([]float64{3, 2, 2, 1, 1})
	if d.S != -8 || d.Z != -tr.Z || d.P != tr.P {
		t.Errorf("mirror %+v", d)
	}
	// All tied, or too short: no evidence, not a division by zero.
	for _, x := range [][]float64{{4, 4, 4, 4}, {7}, nil} {
		if c := MannKendall(x); c.Z != 0 || c.P != 1 || c.VarS != 0 {
			t.Errorf("%v: %+v", x, c)
		}
	}
}

// TestFDROracle reproduces esda's fdr cutoffs from the peer oracle.
func TestFDROracle(t *testing.T) {
	o := loadOracles(t).FDR
	if got := FDRCutoff(o.P, 0.05); !near(got, o.A05, 1e-12) {
		t.Errorf("alpha 0.05: %v, want %v", got, o.A05)
	}
	if got := FDRCutoff(o.P, 0.10); !near(got, o.A10, 1e-12) {
		t.Errorf("alpha 0.10: %v, want %v", got, o.A10)
	}
	if got := FDRCutoff(o.P2, 0.05); !near(got, o.P2A05, 1e-12) {
		t.Errorf("no rejection: %v, want %v", got, o.P2A05)
	}
	c := fdrCutoffs(o.P)
	// p 0.001 is within 0.01*1/10; 0.004 is not within 0.01*2/10 but is
	// within 0.05*3/10; 0.03 is within 0.10*4/10 only; 0.2 is in none.
	for _, v := range []struct {
		z, p float64
		bin  int
	}{{3.3, 0.001, 3}, {-2.9, 0.004, -2}, {2.2, 0.03, 1}, {-1.3, 0.2, 0}, {0, 0.001, 0}} {
		if got := c.ConfidenceBin(v.z, v.p); got != v.bin {
			t.Errorf("z %v p %v: bin %d, want %d", v.z, v.p, got, v.bin)
		}
	}
}

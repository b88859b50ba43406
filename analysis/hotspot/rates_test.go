package hotspot

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// PySAL's Empirical_Bayes docstring: homicides 1979-84 (column 10 of
// stl_hom.csv) over population (column 13), first ten smoothed rates.
func TestEmpiricalBayesStLouis(t *testing.T) {
	f, err := os.Open(filepath.Join(libpysalExamples(t), "stl", "stl_hom.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var e, b []float64
	for k, r := range recs[1:] {
		ev, err1 := strconv.ParseFloat(r[10], 64)
		bv, err2 := strconv.ParseFloat(r[13], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("stl_hom.csv row %d: %v %v", k+2, err1, err2)
		}
		e, b = append(e, ev), append(b, bv)
	}
	if recs[0][10] != "HC7984" || recs[0][13] != "PO7984" {
		t.Fatalf("unexpected columns %q %q", recs[0][10], recs[0][13])
	}
	got, err := EmpiricalBayes(e, b)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{2.36718950e-05, 4.54539167e-05, 4.78114019e-05, 2.76907146e-05, 6.58989323e-05,
		3.66494122e-05, 5.79952721e-05, 2.03064590e-05, 3.31152999e-05, 3.02748380e-05}
	for i, w := range want {
		if math.Abs(got[i]-w) > 1e-7*w+1e-13 {
			t.Errorf("eb[%d] = %.8e, want %.8e", i, got[i], w)
		}
	}
}

// By hand: events 2, 10, 0 over bases 3, 100, 97. b = 12/200 = 0.06;
// rates 2/3, 0.1, 0; s2 = (3*(0.60667)^2 + 100*0.04^2 + 97*0.06^2)/200 =
// (1.104133 + 0.16 + 0.3492)/200 = 0.00806667; pbar = 200/3, so a =
// 0.00806667 - 0.06/66.667 = 0.00716667. Site 0: w = a/(a + 0.06/3) =
// 0.00716667/0.02716667 = 0.263804, eb = 0.263804*0.666667 +
// 0.736196*0.06 = 0.219975: the 2-in-3 site falls from 0.67 to 0.22.
func TestEmpiricalBayesByHand(t *testing.T) {
	got, err := EmpiricalBayes([]float64{2, 10, 0}, []float64{3, 100, 97})
	if err != nil {
		t.Fatal(err)
	}
	a := 0.00806666666666667 - 0.06/(200.0/3)
	w0 := a / (a + 0.02)
	want0 := w0*2/3 + (1-w0)*0.06
	if math.Abs(got[0]-want0) > 1e-12 || math.Abs(got[0]-0.220041) > 1e-6 {
		t.Errorf("eb[0] = %.9f, want %.9f (0.220041)", got[0], want0)
	}
	// The big-base site barely moves: w = a/(a + 0.0006) = 0.922747.
	want1 := 0.92274678*0.1 + (1-0.92274678)*0.06
	if math.Abs(got[1]-want1) > 1e-7 {
		t.Errorf("eb[1] = %.9f, want %.9f", got[1], want1)
	}
	// No extra-Poisson variation: every rate becomes the global rate.
	flat, err := EmpiricalBayes([]float64{1, 1, 1}, []float64{100, 100, 100})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range flat {
		if v != 0.01 {
			t.Errorf("flat[%d] = %v, want 0.01", i, v)
		}
	}
	if _, err := EmpiricalBayes([]float64{1}, []float64{0}); err == nil {
		t.Error("zero base accepted")
	}
}

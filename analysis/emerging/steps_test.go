package emerging

import (
	"strings"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestStepSpan(t *testing.T) {
	for _, c := range []struct {
		label      string
		start, end time.Time
	}{
		{"2019", day(2019, 1, 1), day(2020, 1, 1)},
		{"2019-Q1", day(2019, 1, 1), day(2019, 4, 1)},
		{"2019-Q4", day(2019, 10, 1), day(2020, 1, 1)},
		{"2020-02", day(2020, 2, 1), day(2020, 3, 1)},
		{"2019-12", day(2019, 12, 1), day(2020, 1, 1)},
	} {
		s, e, err := StepSpan(c.label)
		if err != nil || !s.Equal(c.start) || !e.Equal(c.end) {
			t.Errorf("%s: %v %v %v", c.label, s, e, err)
		}
	}
	for _, bad := range []string{"", "19", "2019-", "2019-Q5", "2019-13", "2019-00", "2019-Q", "abcd", "2019-1"} {
		if _, _, err := StepSpan(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestStepLabels(t *testing.T) {
	for _, c := range []struct{ first, last, want string }{
		{"2014", "2018", "2014 2015 2016 2017 2018"},
		{"2019-Q3", "2020-Q2", "2019-Q3 2019-Q4 2020-Q1 2020-Q2"},
		{"2019-11", "2020-02", "2019-11 2019-12 2020-01 2020-02"},
		{"2020", "2020", "2020"},
	} {
		got, err := StepLabels(c.first, c.last)
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("%s..%s: %v %v", c.first, c.last, got, err)
		}
	}
	for _, bad := range [][2]string{{"2020", "2019"}, {"2019", "2020-01"}, {"2019-Q1", "2019-03"}, {"x", "2019"}} {
		if _, err := StepLabels(bad[0], bad[1]); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestCoveredThrough(t *testing.T) {
	if got := CoveredThrough(2026, 5, 0); !got.Equal(day(2026, 5, 31)) {
		t.Errorf("2026-05: %v", got)
	}
	if got := CoveredThrough(2024, 2, 0); !got.Equal(day(2024, 2, 29)) {
		t.Errorf("2024-02: %v", got)
	}
	if got := CoveredThrough(2025, 0, 0); !got.Equal(day(2025, 12, 31)) {
		t.Errorf("2025: %v", got)
	}
	if got := CoveredThrough(2025, 3, 7); !got.Equal(day(2025, 3, 7)) {
		t.Errorf("2025-03-07: %v", got)
	}
}

// TestDropPartialFinalStep: the Europe incidents run 2014 to May 2026. By
// year the 2026 step is 151 of 365 days covered (41 %) and is dropped; the
// years before stay.
func TestDropPartialFinalStep(t *testing.T) {
	labels, _ := StepLabels("2014", "2026")
	counts := [][]float64{make([]float64, 13), make([]float64, 13)}
	counts[0][12] = 5
	kept, kl, warn, err := DropPartialFinalStep(counts, labels, CoveredThrough(2026, 5, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(kl) != 12 || kl[11] != "2025" || len(kept) != 2 || len(kept[0]) != 12 {
		t.Fatalf("kept %d labels ending %s, rows of %d", len(kl), kl[len(kl)-1], len(kept[0]))
	}
	for _, want := range []string{"2026", "41%", "2026-05-31", "2026-12-31"} {
		if !strings.Contains(warn, want) {
			t.Errorf("warning %q lacks %q", warn, want)
		}
	}
	// The input is untouched.
	if len(counts[0]) != 13 || counts[0][12] != 5 {
		t.Error("input changed")
	}
	// Location 0 only had data in 2026: after the drop it has none left.
	if occ := Occupied(kept); len(occ) != 0 {
		t.Errorf("occupied after drop: %v", occ)
	}
	if occ := Occupied(counts); len(occ) != 1 || occ[0] != 0 {
		t.Errorf("occupied before drop: %v", occ)
	}

	// Data through the last day of the step: nothing dropped, no warning.
	k2, l2, w2, err := DropPartialFinalStep(counts, labels, day(2026, 12, 31))
	if err != nil || w2 != "" || len(l2) != 13 || len(k2[0]) != 13 {
		t.Errorf("complete final step: %d labels, warning %q, %v", len(l2), w2, err)
	}
	// Monthly steps, data through 15 May: May is dropped, April stays.
	ml, _ := StepLabels("2026-01", "2026-05")
	mc := [][]float64{{1, 2, 3, 4, 1}}
	_, l3, w3, _ := DropPartialFinalStep(mc, ml, day(2026, 5, 15))
	if len(l3) != 4 || !strings.Contains(w3, "48%") {
		t.Errorf("monthly: %v %q", l3, w3)
	}
	// Labels past the data: every uncovered step goes.
	_, l4, _, _ := DropPartialFinalStep(counts, labels, day(2024, 12, 31))
	if len(l4) != 11 || l4[10] != "2024" {
		t.Errorf("overshoot: %v", l4)
	}
	// Errors: mismatched labels, nothing left.
	if _, _, _, err := DropPartialFinalStep(counts, labels[:5], day(2026, 12, 31)); err == nil {
		t.Error("label mismatch accepted")
	}
	if _, _, _, err := DropPartialFinalStep(counts, labels, day(2013, 6, 30)); err == nil {
		t.Error("no step left accepted")
	}
}

func TestBuildCube(t *testing.T) {
	labels, _ := StepLabels("2019", "2022")
	series := []map[string]int64{{"2019": 3, "2022": 1}, {}, {"2021": 7}}
	c, err := BuildCube(series, labels)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{3, 0, 0, 1}, {0, 0, 0, 0}, {0, 0, 7, 0}}
	for i := range want {
		for s := range want[i] {
			if c[i][s] != want[i][s] {
				t.Fatalf("cube %v, want %v", c, want)
			}
		}
	}
	if occ := Occupied(c); len(occ) != 2 || occ[0] != 0 || occ[1] != 2 {
		t.Errorf("occupied %v", occ)
	}
	if _, err := BuildCube([]map[string]int64{{"2018": 1}}, labels); err == nil || !strings.Contains(err.Error(), `location 0: count 1 in step "2018"`) {
		t.Errorf("label outside: %v", err)
	}
	if _, err := BuildCube(nil, []string{"2019", "2019"}); err == nil {
		t.Error("duplicate label accepted")
	}
}

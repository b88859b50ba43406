package emerging

import "testing"

// Gi* z-score series for the trend, ten steps each. Their Mann-Kendall
// results are checked in TestTrendSeries so the classifier cases below
// rest on known trends.
var (
	rising  = []float64{2.0, 2.3, 2.9, 3.1, 3.6, 4.0, 4.4, 5.1, 5.5, 6.2}   // S = 45
	falling = []float64{6.2, 5.5, 5.1, 4.4, 4.0, 3.6, 3.1, 2.9, 2.3, 2.0}   // S = -45
	flat    = []float64{3.1, 2.9, 3.3, 2.8, 3.2, 3.0, 2.7, 3.4, 2.95, 3.05} // no trend
	// weak has 12 inversions from sorted order: S = 33 - 12 = 21,
	// Z = 20/sqrt(125) = 1.789, p = 0.0736: significant at 0.10, not 0.05.
	weak = []float64{4, 3, 2, 1, 8, 7, 6, 5, 9, 10}
)

func neg(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = -v
	}
	return out
}

func TestTrendSeries(t *testing.T) {
	for _, c := range []struct {
		name string
		x    []float64
		s    float64
		p    func(float64) bool
	}{
		{"rising", rising, 45, func(p float64) bool { return p < 0.001 }},
		{"falling", falling, -45, func(p float64) bool { return p < 0.001 }},
		{"flat", flat, -1, func(p float64) bool { return p > 0.5 }},
		{"weak", weak, 21, func(p float64) bool { return p > 0.05 && p < 0.10 }},
	} {
		tr := MannKendall(c.x)
		if tr.S != c.s || !c.p(tr.P) {
			t.Errorf("%s: S %v p %v", c.name, tr.S, tr.P)
		}
	}
}

// TestClassifyAll17 gives every pattern a small history that must land in
// it, and a few that test the choices made where Esri's text overlaps.
func TestClassifyAll17(t *testing.T) {
	for _, c := range []struct {
		name string
		bins []int
		z    []float64
		want Pattern
	}{
		{"nothing significant", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, flat, NoPattern},
		{"new hot", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, rising, NewHot},
		{"consecutive hot", []int{0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, rising, ConsecutiveHot},
		{"intensifying hot", []int{1, 1, 2, 2, 2, 3, 3, 3, 3, 3}, rising, IntensifyingHot},
		{"persistent hot", []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, flat, PersistentHot},
		{"diminishing hot", []int{3, 3, 3, 3, 3, 2, 2, 2, 1, 1}, falling, DiminishingHot},
		{"sporadic hot", []int{1, 0, 0, 2, 0, 0, 1, 0, 0, 1}, flat, SporadicHot},
		{"oscillating hot", []int{0, -1, -2, 0, 0, 1, 0, 0, 0, 1}, flat, OscillatingHot},
		{"historical hot", []int{3, 3, 3, 3, 3, 3, 3, 2, 1, 0}, falling, HistoricalHot},

		{"new cold", []int{0, 0, 0, 0, 0, 0, 0, 0, 0, -1}, falling, NewCold},
		{"consecutive cold", []int{0, 0, 0, 0, 0, 0, 0, -1, -2, -3}, falling, ConsecutiveCold},
		// Cold spots intensify when their z-scores fall further below zero.
		{"intensifying cold", []int{-1, -1, -2, -2, -2, -3, -3, -3, -3, -3}, neg(rising), IntensifyingCold},
		{"persistent cold", []int{-2, -2, -2, -2, -2, -2, -2, -2, -2, -2}, neg(flat), PersistentCold},
		{"diminishing cold", []int{-3, -3, -3, -3, -3, -2, -2, -2, -1, -1}, neg(falling), DiminishingCold},
		{"sporadic cold", []int{-1, 0, 0, -2, 0, 0, -1, 0, 0, -1}, flat, SporadicCold},
		{"oscillating cold", []int{0, 1, 2, 0, 0, -1, 0, 0, 0, -1}, flat, OscillatingCold},
		{"historical cold", []int{-3, -3, -3, -3, -3, -3, -3, -2, -1, 0}, neg(falling), HistoricalCold},

		// 90 %: 9 of 10 steps hot, including the last, with one gap, is
		// persistent, not sporadic.
		{"9 of 10 with a gap", []int{1, 1, 1, 0, 1, 1, 1, 1, 1, 1}, flat, PersistentHot},
		// 10 of 12 is 83 %: under 90 %, so the same history is sporadic.
		{"10 of 12 with gaps", []int{1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1}, flat, SporadicHot},
		// Trend at p = 0.074: not significant at 0.05, so persistent.
		{"weak trend", []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, weak, PersistentHot},
		// Hot for 90 % but not at the end: historical, never persistent.
		{"90 % but not last, no trend", []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 0}, flat, HistoricalHot},
		// Cold earlier, hot only now: oscillating takes precedence over new.
		{"cold then new hot", []int{-1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, flat, OscillatingHot},
		// Cold earlier, then a final run: oscillating, not consecutive.
		{"cold then hot run", []int{-1, 0, 0, 0, 0, 0, 0, 1, 1, 1}, flat, OscillatingHot},
		// Hot now and then but not at the end, under 90 %: no pattern
		// (ArcGIS Pro's sporadic needs the final step).
		{"sporadic but not last", []int{1, 0, 1, 0, 1, 0, 1, 0, 1, 0}, flat, NoPattern},
		// A single early run of hot steps that ended: no pattern.
		{"old run", []int{1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, flat, NoPattern},
		// Hot in 9 of 10 steps while cold in one: persistent (the 90 %
		// rules do not look at cold steps).
		{"9 hot 1 cold", []int{1, 1, -1, 1, 1, 1, 1, 1, 1, 1}, flat, PersistentHot},
	} {
		tr := MannKendall(c.z)
		got := Classify(c.bins, tr, 0.05)
		if got != c.want {
			t.Errorf("%s: %v -> %v (%d), want %v (%d)", c.name, c.bins, got, got, c.want, c.want)
		}
	}
}

// TestTrendAlphaChoice shows the one knob: the same weakly rising series
// (p = 0.074) is persistent at the default 0.05 and intensifying at 0.10.
func TestTrendAlphaChoice(t *testing.T) {
	bins := []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}
	tr := MannKendall(weak)
	if got := Classify(bins, tr, DefaultOptions().TrendAlpha); got != PersistentHot {
		t.Errorf("default alpha: %v, want persistent hot spot", got)
	}
	if got := Classify(bins, tr, 0.10); got != IntensifyingHot {
		t.Errorf("alpha 0.10: %v, want intensifying hot spot", got)
	}
}

func TestPatternWords(t *testing.T) {
	want := map[Pattern]string{
		NoPattern:        "no pattern detected",
		NewHot:           "new hot spot",
		ConsecutiveHot:   "consecutive hot spot",
		IntensifyingHot:  "intensifying hot spot",
		PersistentHot:    "persistent hot spot",
		DiminishingHot:   "diminishing hot spot",
		SporadicHot:      "sporadic hot spot",
		OscillatingHot:   "oscillating hot spot",
		HistoricalHot:    "historical hot spot",
		NewCold:          "new cold spot",
		ConsecutiveCold:  "consecutive cold spot",
		IntensifyingCold: "intensifying cold spot",
		PersistentCold:   "persistent cold spot",
		DiminishingCold:  "diminishing cold spot",
		SporadicCold:     "sporadic cold spot",
		OscillatingCold:  "oscillating cold spot",
		HistoricalCold:   "historical cold spot",
	}
	all := Patterns()
	if len(all) != 17 || len(want) != 17 {
		t.Fatalf("%d patterns", len(all))
	}
	for _, p := range all {
		if p.String() != want[p] {
			t.Errorf("%d: %q, want %q", p, p.String(), want[p])
		}
	}
	if IntensifyingHot.Code() != 3 || HistoricalCold.Code() != -8 || !SporadicHot.Hot() || !NewCold.Cold() || NoPattern.Hot() || NoPattern.Cold() {
		t.Error("codes or Hot/Cold wrong")
	}
	if Pattern(9).String() != "invalid pattern" {
		t.Error("out-of-range pattern")
	}
}

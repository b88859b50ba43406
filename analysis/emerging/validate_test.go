package emerging

import (
	"math"
	"strings"
	"testing"
)

// TestAnalyzeErrors: bad input is an error that says where, never a panic.
func TestAnalyzeErrors(t *testing.T) {
	good := [][]float64{{1, 2, 3}, {2, 2, 2}, {0, 1, 0}}
	nb := [][]int{{1}, {0, 2}, {1}}
	opt := DefaultOptions()
	for _, c := range []struct {
		name   string
		counts [][]float64
		nb     [][]int
		opt    Options
		want   string
	}{
		{"empty", nil, nil, opt, "no locations"},
		{"one step", [][]float64{{1}, {2}}, [][]int{{1}, {0}}, opt, "at least 2"},
		{"ragged", [][]float64{{1, 2, 3}, {2, 2}, {0, 1, 0}}, nb, opt, "location 1 has 2 steps"},
		{"nan", [][]float64{{1, 2, 3}, {2, math.NaN(), 2}, {0, 1, 0}}, nb, opt, "location 1, step 1"},
		{"inf", [][]float64{{1, 2, 3}, {2, 2, 2}, {0, 1, math.Inf(1)}}, nb, opt, "location 2, step 2"},
		{"nb count", good, nb[:2], opt, "2 neighbour lists for 3"},
		{"nb range", good, [][]int{{1}, {0, 3}, {1}}, opt, "location 1: neighbour 3 out of range"},
		{"self", good, [][]int{{0, 1}, {0, 2}, {1}}, opt, "location 0 lists itself"},
		{"dup", good, [][]int{{1}, {0, 2, 0}, {1}}, opt, "neighbour 0 twice"},
		{"window", good, nb, Options{TimeWindow: 3, TrendAlpha: 0.05}, "time window 3"},
		{"negative window", good, nb, Options{TimeWindow: -1, TrendAlpha: 0.05}, "time window -1"},
		{"zero options", good, nb, Options{}, "trend alpha 0"},
	} {
		res, err := Analyze(c.counts, c.nb, c.opt)
		if err == nil || res != nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %q lacks %q", c.name, err, c.want)
		}
	}
	if _, err := Analyze(good, nb, opt); err != nil {
		t.Errorf("good cube: %v", err)
	}
}

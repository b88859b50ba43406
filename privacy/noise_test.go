package privacy

import (
	"math"
	"testing"
)

// The noise has the two-sided geometric law: P(0) = (1-a)/(1+a), mean 0,
// variance 2a/(1-a)^2 with a = exp(-eps), over 20000 labels.
func TestGeometricNoiseLaw(t *testing.T) {
	const n = 20000
	eps := 0.5
	a := math.Exp(-eps)
	var zeros, sum, sum2 float64
	for i := range n {
		x := float64(geometricNoise([]byte("key"), noiseLabel("cases/cells", i, "count"), eps))
		if x == 0 {
			zeros++
		}
		sum += x
		sum2 += x * x
	}
	p0 := zeros / n
	mean := sum / n
	variance := sum2/n - mean*mean
	wantP0 := (1 - a) / (1 + a)            // 0.2449
	wantVar := 2 * a / ((1 - a) * (1 - a)) // 7.81
	if math.Abs(p0-wantP0) > 0.015 {
		t.Errorf("P(0) = %.4f, want %.4f", p0, wantP0)
	}
	if math.Abs(mean) > 0.1 {
		t.Errorf("mean = %.3f, want 0", mean)
	}
	if math.Abs(variance-wantVar) > 0.7 {
		t.Errorf("variance = %.3f, want %.3f", variance, wantVar)
	}
	t.Logf("P(0) %.4f (%.4f), mean %.3f, variance %.3f (%.3f)", p0, wantP0, mean, variance, wantVar)
}

// The noise depends on the key and on every part of the label.
func TestNoiseDeterministic(t *testing.T) {
	a := geometricNoise([]byte("k"), "x/1/count", 0.1)
	if geometricNoise([]byte("k"), "x/1/count", 0.1) != a {
		t.Fatal("not deterministic")
	}
	differ := 0
	for i := range 50 {
		if geometricNoise([]byte("k"), noiseLabel("x", i, "count"), 0.1) != geometricNoise([]byte("k2"), noiseLabel("x", i, "count"), 0.1) {
			differ++
		}
	}
	if differ < 40 {
		t.Errorf("only %d of 50 draws change with the key", differ)
	}
}

package emerging

import "testing"

// BenchmarkAnalyze10kx20 runs the whole analysis on a 100 x 100 grid of
// locations (rook neighbours) over 20 steps: 200,000 bins.
func BenchmarkAnalyze10kx20(b *testing.B) {
	const w, h, nt = 100, 100, 20
	nb := rook(w, h)
	counts := make([][]float64, w*h)
	for i := range counts {
		counts[i] = make([]float64, nt)
		for s := range counts[i] {
			counts[i][s] = float64((i*31 + s*17 + i*s) % 9)
		}
	}
	opt := DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyze(counts, nb, opt); err != nil {
			b.Fatal(err)
		}
	}
}

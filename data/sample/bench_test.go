package sample

import (
	"io"
	"testing"
)

// countingWriter counts bytes, to report MB/s.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteCases measures how fast cases are generated (rows/s), so
// that writing the 1- and 10-million-row benchmark inputs stays cheap.
func BenchmarkWriteCases(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Cases = 100000
	cfg.Incidents = 0
	cfg.Flows = false
	var w countingWriter
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(&w, io.Discard, nil, nil, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(w.n / int64(b.N))
	b.ReportMetric(float64(cfg.Cases)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

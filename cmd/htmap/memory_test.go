package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/htmap/htmap/pipeline"
)

// The heap limit is 1.5 GiB for small inputs and 1.5 times the inputs'
// estimated text size for large ones, gzip (told by its first bytes)
// counted eight times over.
func TestHeapLimit(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, head string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(head)
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	small := mk("a.csv", "date,lat,lon\n", 1<<20)
	big := mk("b.csv", "date,lat,lon\n", 2<<30)
	gz := mk("c.txt", "\x1f\x8b\x08", 1<<28) // gzip whatever its name
	for _, c := range []struct {
		in   []string
		want int64
	}{
		{nil, minHeapLimit},
		{[]string{small, "embedded:cases.csv"}, minHeapLimit},
		{[]string{big}, 3 << 30},
		{[]string{gz, small}, int64(1.5 * float64(8<<28+1<<20))},
	} {
		var ins []pipeline.Input
		for _, p := range c.in {
			ins = append(ins, pipeline.Input{Path: p})
		}
		if got := heapLimit(ins); got != c.want {
			t.Errorf("heapLimit(%v) = %d, want %d", c.in, got, c.want)
		}
	}
}

package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"runtime/debug"

	"github.com/htmap/htmap/pipeline"
)

// Garbage collection. A run's live heap is mostly the points kept for
// clustering and density, about their size as CSV text; the garbage
// around it is short-lived rows and batches. Go's default (collect when
// the heap has doubled since the last collection) makes a run of ten
// million points peak at 2.5 GB, and collecting more often slows small
// runs by a fifth. So htmap collects when the heap has tripled, but
// keeps it under a soft limit sized from the inputs: 1.5 GiB, or 1.5
// times the inputs' estimated text size when that is larger (a limit
// below the live heap would make the collector run without pause).
// GOGC or GOMEMLIMIT in the environment override either setting.

const (
	gcPercent    = 200
	minHeapLimit = 1.5 * (1 << 30)
)

// tuneGC applies the collector settings for a run over inputs.
func tuneGC(inputs []pipeline.Input) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapLimit(inputs))
	}
}

// heapLimit is the soft heap limit for a run over inputs.
func heapLimit(inputs []pipeline.Input) int64 {
	var text float64
	for _, in := range inputs {
		fi, err := os.Stat(in.Path)
		if err != nil {
			continue // the embedded sample, or an error the run reports
		}
		text += float64(fi.Size()) * expansion(in.Path)
	}
	return int64(math.Max(minHeapLimit, 1.5*text))
}

// expansion is how much larger than the file its text is, guessed from
// the first bytes as ingest.Open tells formats apart: CSV compresses
// about 8 times with gzip, Parquet and Arrow hold about a third of it.
func expansion(path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	var magic [6]byte
	n, _ := io.ReadFull(f, magic[:])
	switch b := magic[:n]; {
	case bytes.HasPrefix(b, []byte{0x1f, 0x8b}):
		return 8
	case bytes.HasPrefix(b, []byte("PAR1")), bytes.HasPrefix(b, []byte("ARROW1")), bytes.HasPrefix(b, []byte{0xff, 0xff, 0xff, 0xff}):
		return 3
	}
	return 1
}

package geo

import (
	"runtime"
	"sync"

	"github.com/htmap/htmap/ingest"
)

// chunk is the number of records a worker takes at a time: large enough
// to amortise the hand-off, small enough to balance two cores.
const chunk = 8192

// AggregateParallel aggregates the batches over workers goroutines (the
// number of CPUs when workers <= 0), each into its own Aggregate, then
// merges them. Because Merge is commutative and associative on integer
// sums, the result is the same for any number of workers.
func AggregateParallel(sys System, opt Options, batches [][]ingest.Record, workers int) (*Aggregate, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if _, err := NewAggregate(sys, opt); err != nil {
		return nil, err
	}
	work := make(chan []ingest.Record)
	parts := make([]*Aggregate, workers)
	var wg sync.WaitGroup
	for w := range parts {
		parts[w], _ = NewAggregate(sys, opt)
		wg.Add(1)
		go func(a *Aggregate) {
			defer wg.Done()
			for b := range work {
				a.Add(b)
			}
		}(parts[w])
	}
	for _, b := range batches {
		for len(b) > chunk {
			work <- b[:chunk]
			b = b[chunk:]
		}
		if len(b) > 0 {
			work <- b
		}
	}
	close(work)
	wg.Wait()
	total := parts[0]
	for _, p := range parts[1:] {
		total.Merge(p)
	}
	return total, nil
}

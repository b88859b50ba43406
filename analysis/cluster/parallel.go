package cluster

import (
	"runtime"
	"sync"
)

// maxWorkers bounds the goroutines of parallelChunks, so callers can size
// per-worker scratch space.
const maxWorkers = 64

// parallelChunks runs fn over [0, n) split into chunks, on up to GOMAXPROCS
// (at most maxWorkers) goroutines. fn receives a worker number below
// maxWorkers so it can own scratch buffers.
// Results never depend on the split: every caller writes only to its own
// indices.
func parallelChunks(n int, fn func(worker, lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), maxWorkers)
	if workers > n/1024 {
		workers = n/1024 + 1
	}
	if workers <= 1 {
		fn(0, 0, n)
		return
	}
	const chunk = 4096
	var next int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for {
				mu.Lock()
				lo := int(next)
				next += chunk
				mu.Unlock()
				if lo >= n {
					return
				}
				fn(g, lo, min(lo+chunk, n))
			}
		}(g)
	}
	wg.Wait()
}

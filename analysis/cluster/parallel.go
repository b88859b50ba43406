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
	parallelBlocks(n, 4096, fn)
}

// parallelBlocks is parallelChunks with chunks of exactly size items (the
// last one shorter), each passed whole to one call of fn, so callers can keep
// per-chunk results at index lo/size.
func parallelBlocks(n, size int, fn func(worker, lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, (n+size-1)/size)
	if workers <= 1 {
		for lo := 0; lo < n; lo += size {
			fn(0, lo, min(lo+size, n))
		}
		return
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for {
				mu.Lock()
				lo := next
				next += size
				mu.Unlock()
				if lo >= n {
					return
				}
				fn(g, lo, min(lo+size, n))
			}
		}(g)
	}
	wg.Wait()
}

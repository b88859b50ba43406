package density

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// split cuts [0, n) into one range per GOMAXPROCS (one range when n is
// small enough that goroutines cost more than they save).
func split(n int) [][2]int {
	g := runtime.GOMAXPROCS(0)
	if n < 4096 || g == 1 {
		return [][2]int{{0, n}}
	}
	step := (n + g - 1) / g
	var out [][2]int
	for lo := 0; lo < n; lo += step {
		out = append(out, [2]int{lo, min(lo+step, n)})
	}
	return out
}

// parallel runs fn(0), …, fn(k−1) on k goroutines and waits for them.
func parallel(k int, fn func(i int)) {
	if k == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for i := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(i)
		}()
	}
	wg.Wait()
}

// forChunks runs fn over [0, n) on up to GOMAXPROCS goroutines; each index
// is written by exactly one call, so results do not depend on scheduling.
func forChunks(n int, fn func(lo, hi int)) {
	r := split(n)
	parallel(len(r), func(i int) { fn(r[i][0], r[i][1]) })
}

// forEach calls a worker on every index in [0, n), handing indices out one
// at a time to up to GOMAXPROCS goroutines, because the work per index
// (per location cell) varies by orders of magnitude between a city and
// open sea. newWorker builds each goroutine's worker, with its own scratch
// space. Which goroutine runs an index must not matter to the result.
func forEach(n int, newWorker func() func(i int)) {
	g := min(runtime.GOMAXPROCS(0), n)
	if g <= 1 {
		w := newWorker()
		for i := 0; i < n; i++ {
			w(i)
		}
		return
	}
	var next atomic.Int64
	parallel(g, func(int) {
		w := newWorker()
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			w(i)
		}
	})
}

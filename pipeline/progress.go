package pipeline

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Progress reports long work on a terminal: one line per stage, redrawn
// at most ten times a second. A nil *Progress reports nothing, which is
// what the CLI uses when stderr is not a terminal or --quiet is given.
type Progress struct {
	w     io.Writer
	mu    sync.Mutex
	name  string
	n     int64
	start time.Time
	last  time.Time
}

// NewProgress reports to w.
func NewProgress(w io.Writer) *Progress { return &Progress{w: w} }

// Start begins a stage.
func (p *Progress) Start(name string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.name, p.n, p.start, p.last = name, 0, time.Now(), time.Time{}
	p.draw()
}

// Add counts n more rows.
func (p *Progress) Add(n int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += n
	if time.Since(p.last) > 100*time.Millisecond {
		p.draw()
	}
}

// Done ends the stage and leaves its final line.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.draw()
	fmt.Fprintln(p.w)
}

func (p *Progress) draw() {
	p.last = time.Now()
	secs := time.Since(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(p.n) / secs
	}
	const width = 20
	spin := int(p.n/50000) % (2 * width)
	if spin >= width {
		spin = 2*width - 1 - spin
	}
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
	}
	bar[spin] = '='
	fmt.Fprintf(p.w, "\r%-40.40s [%s] %12d rows %10.0f rows/s", p.name, bar, p.n, rate)
}

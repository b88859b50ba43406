package pipeline

import (
	"fmt"
	"io"
	"time"
)

// timer records how long each stage took. Timings go to timings.json,
// never into the manifest, which must not depend on the clock.
type timer struct {
	log    io.Writer
	last   time.Time
	Stages []stageTime `json:"stages"`
}

type stageTime struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}

// newTimer starts timing; each lap is also printed to log when it is
// not nil (--verbose).
func newTimer(log io.Writer) *timer { return &timer{log: log, last: time.Now()} }

func (t *timer) lap(stage string) {
	now := time.Now()
	s := now.Sub(t.last).Seconds()
	t.Stages = append(t.Stages, stageTime{stage, s})
	t.last = now
	if t.log != nil {
		fmt.Fprintf(t.log, "htmap: %-40s %8.2f s\n", stage, s)
	}
}

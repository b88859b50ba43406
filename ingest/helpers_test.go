package ingest

import (
	"strings"
	"testing"
	"time"
)

// testNow fixes "today" so date tests do not depend on the clock.
var testNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

// readString reads CSV text through NewReader and collects everything.
func readString(t *testing.T, text string, opt Options) ([]Record, []Reject, Summary) {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = testNow
	}
	r, err := NewReader(strings.NewReader(text), "t.csv", opt)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	defer r.Close()
	return readAll(t, r)
}

func readAll(t *testing.T, r *Reader) ([]Record, []Reject, Summary) {
	t.Helper()
	var recs []Record
	var rejs []Reject
	sum, err := r.Read(func(b []Record) error {
		recs = append(recs, b...)
		return nil
	}, func(j Reject) error {
		rejs = append(rejs, j)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkBalance(t, sum, int64(len(recs)), int64(len(rejs)))
	return recs, rejs, sum
}

// checkBalance asserts the accounting invariant and that the callbacks
// saw exactly what the summary counts.
func checkBalance(t testing.TB, s Summary, used, rejected int64) {
	t.Helper()
	if s.RowsUsed+s.RowsRejected != s.RowsRead {
		t.Errorf("used %d + rejected %d != read %d", s.RowsUsed, s.RowsRejected, s.RowsRead)
	}
	if s.RowsUsed != used || s.RowsRejected != rejected {
		t.Errorf("summary used/rejected %d/%d, callbacks saw %d/%d", s.RowsUsed, s.RowsRejected, used, rejected)
	}
	var byReason int64
	for _, n := range s.Rejected {
		byReason += n
	}
	if byReason != s.RowsRejected {
		t.Errorf("rejected by reason sum %d != rows_rejected %d", byReason, s.RowsRejected)
	}
}

// wantRejects compares rejects field by field (File is not compared).
func wantRejects(t *testing.T, got []Reject, want []Reject) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rejects %+v, want %d %+v", len(got), got, len(want), want)
	}
	for i := range want {
		g := got[i]
		g.File = ""
		if g != want[i] {
			t.Errorf("reject %d:\n got %+v\nwant %+v", i, g, want[i])
		}
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

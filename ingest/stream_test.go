package ingest

import (
	"io"
	"runtime"
	"strconv"
	"testing"
)

// rowGen is an io.Reader that produces a cases CSV of n rows on the fly,
// so a test can stream far more data than it ever holds.
type rowGen struct {
	n, i int
	buf  []byte
}

func (g *rowGen) Read(p []byte) (int, error) {
	for len(g.buf) < len(p) && g.i <= g.n {
		if g.i == 0 {
			g.buf = append(g.buf, "case_id,date,citizenship,exploitation_country,lat,lon,gender,notes\n"...)
		} else {
			g.buf = append(g.buf, 'C')
			g.buf = strconv.AppendInt(g.buf, int64(g.i), 10)
			g.buf = append(g.buf, ",2019-04-07,PH,MYS,3.1,101.7,female,free text that is dropped\n"...)
		}
		g.i++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

// Memory stays bounded: the live heap while reading 200,000 rows (about
// 17 MB of CSV) grows by less than 16 MiB, where keeping the records
// alone would take over 40 MB.
func TestStreamingBoundedMemory(t *testing.T) {
	const rows = 200_000
	r, err := NewReader(&rowGen{n: rows}, "gen.csv", Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var peak uint64
	batches := 0
	measure := func() {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	measure()
	base := peak
	sum, err := r.Read(func(b []Record) error {
		if batches++; batches%10 == 0 {
			measure()
		}
		return nil
	}, nil)
	if err != nil || sum.RowsUsed != rows {
		t.Fatalf("%v %+v", err, sum)
	}
	if grew := peak - min(base, peak); grew > 16<<20 {
		t.Errorf("live heap grew by %d MiB while streaming", grew>>20)
	}
}

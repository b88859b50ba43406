package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
)

// readAll reads data with the given number of workers and chunk size and
// returns everything Read reported, as a comparable value.
type readResult struct {
	Recs    []Record
	Rejs    []Reject
	Sum     Summary
	Err     string
	Batches []int // sizes
}

func readWith(t testing.TB, data []byte, opt Options, workers, chunk int) (readResult, bool) {
	opt.Workers = workers
	r, err := NewReader(bytes.NewReader(data), "x.csv", opt)
	if err != nil {
		return readResult{}, false
	}
	r.chunkBytes = chunk
	var res readResult
	res.Sum, err = r.Read(func(b []Record) error {
		res.Batches = append(res.Batches, len(b))
		for _, rec := range b {
			rec.Transit = append([]string(nil), rec.Transit...)
			res.Recs = append(res.Recs, rec)
		}
		return nil
	}, func(j Reject) error {
		res.Rejs = append(res.Rejs, j)
		return nil
	})
	if err != nil {
		res.Err = err.Error()
	}
	return res, true
}

// sameRead checks that reading in parallel, in chunks of every size,
// gives exactly what a row-by-row read gives (rejects may come in
// another order relative to the record batches, never among
// themselves).
func sameRead(t testing.TB, data []byte, opt Options, chunks ...int) {
	want, ok := readWith(t, data, opt, 1, 0)
	if !ok {
		return
	}
	for _, c := range chunks {
		got, _ := readWith(t, data, opt, 3, c)
		for _, n := range got.Batches {
			if n < 1 || n > batchSize(opt) {
				t.Fatalf("chunk %d bytes: batch of %d records (batch size %d)", c, n, opt.BatchSize)
			}
		}
		got.Batches, want.Batches = nil, nil // a parallel read may pass shorter batches
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunk %d bytes: parallel read differs\nwant %+v\ngot  %+v\ninput %q", c, want, got, data)
		}
	}
}

// Rows with quoted newlines, doubled quotes, CRLF line ends, blank lines
// and a BOM are cut and read exactly as row by row, whatever the chunk
// size.
func TestParallelSameAsSerial(t *testing.T) {
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBFcase_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count,notes\r\n")
	for i := range 400 {
		switch i % 9 {
		case 0:
			fmt.Fprintf(&b, "C%d,2019-04-07,PH,MYS,3.1,101.7,,forced_labour,female,18--20,1,\"a note\nover \"\"two\"\" lines\"\r\n", i)
		case 1:
			fmt.Fprintf(&b, "C%d,2019,NGA,ITA,,,LBY;TUN,sexual_exploitation,male,,2,\r\n", i)
		case 2:
			b.WriteString("\r\n\n") // blank lines are skipped, but counted as lines
		case 3:
			fmt.Fprintf(&b, "C%d,not a date,PH,MYS,3.1,101.7,,,,,1,\n", i)
		case 4:
			fmt.Fprintf(&b, "C%d,2019-04-07,PH,MYS,101.7,3.1,,,,,1,\n", i) // swapped lat/lon
		case 5:
			fmt.Fprintf(&b, "\"C%d\",\"2020-01\",\"VNM\",\"GBR\",\"51.5\",\"-0.1\",\"\",\"\",\"\",\"\",\"3\",\"x,y\"\n", i)
		case 6:
			fmt.Fprintf(&b, "C%d,2019,PH\n", i) // too few fields
		default:
			fmt.Fprintf(&b, "C%d,2018-12-31,ROU,DEU,52.5,13.4,,,female,,1,\n", i)
		}
	}
	data := []byte(b.String())
	for _, fix := range []bool{false, true} {
		sameRead(t, data, Options{Now: testNow, FixSwapped: fix, BatchSize: 7}, 1, 17, 64, 100, 333, 4096, 1<<20)
	}
}

// A quoting error sends the rest of the input to the row-by-row reader:
// the rows before it are still read in parallel, and rejects, line
// numbers and the fatal error for a quote never closed are the same.
func TestParallelQuoteErrors(t *testing.T) {
	head := "date,citizenship,notes\n"
	var good strings.Builder
	for i := range 200 {
		fmt.Fprintf(&good, "2019,PH,\"n%d\"\n", i)
	}
	cases := map[string]string{
		"bare quote late":   head + good.String() + "2019,P\"H,x\n" + good.String(),
		"text after quote":  head + good.String() + "2019,\"PH\"x,y\n" + good.String(),
		"stray quote flips": head + good.String() + "2019,P\"H,\"a\nb\"\n" + good.String() + "2019,PH,\"\n",
		"never closed":      head + good.String() + "2019,PH,\"open\n" + good.String(),
		"bare quote first":  head + "2019,P\"H,x\n" + good.String(),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			sameRead(t, []byte(s), Options{Now: testNow, BatchSize: 5}, 1, 10, 50, 300, 1000)
		})
	}
}

// A truncated gzip stream fails the same way in parallel as row by row,
// after the same rows.
func TestParallelTruncatedGzip(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString("date,citizenship,lat,lon\n")
	for i := range 20000 {
		fmt.Fprintf(&raw, "2019,PH,%d.5,101.7\n", i%80)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	path := filepath.Join(t.TempDir(), "t.csv.gz")
	if err := os.WriteFile(path, z.Bytes()[:z.Len()*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(workers int) (Summary, []int64, error) {
		r, err := Open(path, Options{Now: testNow, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		r.chunkBytes = 4096
		var rows []int64
		sum, err := r.Read(func(b []Record) error {
			for _, rec := range b {
				rows = append(rows, rec.Row)
			}
			return nil
		}, nil)
		return sum, rows, err
	}
	s1, r1, e1 := read(1)
	s2, r2, e2 := read(2)
	var fe *FileError
	if e1 == nil || !errors.As(e2, &fe) || e1.Error() != e2.Error() {
		t.Fatalf("errors: serial %v, parallel %v", e1, e2)
	}
	if !reflect.DeepEqual(s1, s2) || !reflect.DeepEqual(r1, r2) || s1.RowsUsed == 0 || s1.RowsUsed >= 20000 {
		t.Fatalf("serial %+v (%d rows), parallel %+v (%d rows)", s1, len(r1), s2, len(r2))
	}
}

// A callback error stops a parallel read at once, with the counts
// adding up and no goroutine left blocked.
func TestParallelStopEarly(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,citizenship\n")
	for range 50000 {
		b.WriteString("2019,PH\n2019,XX\n")
	}
	stop := errors.New("stop")
	for _, at := range []int{1, 3, 40} {
		r, err := NewReader(strings.NewReader(b.String()), "s.csv", Options{Now: testNow, Workers: 2, BatchSize: 100})
		if err != nil {
			t.Fatal(err)
		}
		r.chunkBytes = 1000
		calls, seen := 0, 0
		sum, err := r.Read(func(b []Record) error {
			seen += len(b)
			if calls++; calls == at {
				return stop
			}
			return nil
		}, nil)
		if err != stop || sum.RowsUsed+sum.RowsRejected != sum.RowsRead || sum.RowsUsed != int64(seen) || seen < at {
			t.Fatalf("stop at batch %d: %v %+v", at, err, sum)
		}
	}
}

// FuzzParallelRead: for any input, a parallel read in small chunks gives
// exactly the records, rejects, counts and error of a row-by-row read.
func FuzzParallelRead(f *testing.F) {
	f.Add([]byte("date,citizenship\n2019,\"P\nH\"\n2019,PH\n"), uint8(0), uint8(3))
	f.Add([]byte("date,citizenship\n2019,P\"H\n2019,\"PH\"x\n2019,PH\n"), uint8(0), uint8(5))
	f.Add([]byte("year\torig\tdest\trefugees\n1995\tAFG\tIRN\t3\n\n1996\tAFG\tIRN\t4\n"), uint8(KindFlows), uint8(9))
	f.Fuzz(func(t *testing.T, data []byte, kind, chunk uint8) {
		sameRead(t, data, Options{Kind: Kind(kind % 5), BatchSize: 3, Now: testNow}, int(chunk%64)+1)
	})
}

// Cuts fall only after newlines outside quoted fields.
func TestCutRows(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"a,b\nc,d\ne", 8},
		{"a,b\nc,d\n", 8},
		{"a,b", 0},
		{"a,\"b\nc\"\nd", 8},
		{"a,\"b\nc", 0},
		{"a,\"b\"\"\n\"\"c\"\nd,\"e\nf", 12},
		{"\"\"\n\"", 3},
	} {
		if got := cutRows([]byte(c.in)); got != c.want {
			t.Errorf("cutRows(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// A stray quote flips the quote count for every row after it, so no
// later newline looks like a row end: the parallel reader then hands over
// to the row-by-row reader after a few chunks' worth of text, instead of
// reading the rest of the input into one chunk.
func TestParallelStrayQuoteStaysBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,citizenship,notes\n")
	for i := range 40000 {
		if i == 50 {
			b.WriteString("2019,PH,a 5\" screen\n")
			continue
		}
		fmt.Fprintf(&b, "2019,PH,n%d\n", i)
	}
	data := []byte(b.String())
	sameRead(t, data, Options{Now: testNow}, 1000)
	src := &countingReader{r: bytes.NewReader(data)}
	r, err := NewReader(src, "q.csv", Options{Now: testNow, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	r.chunkBytes = 1000
	var at int64 = -1
	sum, err := r.Read(nil, func(j Reject) error {
		if j.Reason == BadQuote {
			at = src.n.Load() // bytes taken from the input so far
		}
		return nil
	})
	if err != nil || sum.RowsRejected != 1 || sum.RowsUsed != 39999 {
		t.Fatalf("%v %+v", err, sum)
	}
	if at < 0 || at > 100_000 {
		t.Errorf("%d of %d bytes read when the stray quote was rejected", at, len(data))
	}
}

// A callback that stops the read stops the counts where it stopped: no
// repaired or same-country row is counted that was not passed on.
func TestParallelStopCountsOnlyWhatWasPassed(t *testing.T) {
	var b strings.Builder
	b.WriteString("year,orig,dest,refugees\n")
	for range 100 {
		b.WriteString("2019,PHL,PHL,3\n")
	}
	stop := errors.New("stop")
	for _, w := range []int{1, 2} {
		r, err := NewReader(strings.NewReader(b.String()), "f.csv", Options{Now: testNow, BatchSize: 5, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		r.chunkBytes = 1000 // many batches a chunk
		seen := 0
		sum, err := r.Read(func(recs []Record) error { seen += len(recs); return stop }, nil)
		if err != stop || sum.SameCountry != int64(seen) || sum.RowsUsed != int64(seen) {
			t.Errorf("workers %d: %v, %d passed on, %+v", w, err, seen, sum)
		}
	}
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

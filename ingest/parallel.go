package ingest

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"io"
	"runtime"
	"sync"
	"unicode/utf8"
)

// Delimited text is read in parallel: one goroutine cuts the bytes after
// the header into chunks of whole rows, workers split and validate the
// chunks, and Read hands the results on in input order, so callers see
// exactly what a row-by-row read gives (the same records, row numbers,
// lines, rejects and Summary), only sooner.
//
// A chunk is cut after a newline preceded by an even number of double
// quotes in the chunk. In text that follows RFC 4180 quoting, quotes
// open only at the start of a field and come in pairs inside it, so such
// a newline ends a row and never lies inside a quoted field. A worker
// that meets any quoting error in its chunk cannot trust that cut (a
// stray quote flips the count): the chunk and everything after it are
// then read row by row, as if the parallel reader had never started.

// chunkSize is the amount of text per chunk: large enough that the
// per-chunk costs vanish, small enough to keep both cores busy on inputs
// of a few megabytes and to bound the memory in flight.
const chunkSize = 256 << 10

// workers is the number of goroutines that parse chunks.
func workers(opt Options) int {
	if opt.Workers > 0 {
		return opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// textInput is delimited text positioned at its first data row.
type textInput struct {
	r     io.Reader
	comma rune
}

// chunk is a run of whole rows and, once done is closed, what the rows
// became.
type chunk struct {
	data []byte
	line int64 // lines before data: its first row starts on line+1
	done chan struct{}

	recs     []Record // used rows; Row counts from 1 within the chunk
	rejs     []Reject
	rows     int64 // rows read
	repaired []bool
	same     []bool
	lastLine int64 // line of the last row, 0 if none
	bad      bool  // a quoting error: read from here row by row
}

// splitter cuts text into chunks of whole rows.
type splitter struct {
	r     io.Reader
	carry []byte // read but not yet in a chunk
	line  int64  // lines before carry
	err   error  // a read error other than io.EOF
	eof   bool
	size  int  // chunk size in bytes
	stuck bool // no row end within maxChunkGrowth chunks: read row by row from carry
}

// maxChunkGrowth bounds how far a chunk grows to find the end of a row.
const maxChunkGrowth = 16

// next returns the next chunk's text, or nil at the end of the input or
// on a read error (s.err).
func (s *splitter) next(buf []byte) []byte {
	buf = append(buf[:0], s.carry...)
	s.carry = s.carry[:0]
	target := s.size
	for {
		for !s.eof && s.err == nil && len(buf) < target {
			if cap(buf)-len(buf) < 4096 {
				buf = append(buf, make([]byte, target-len(buf))...)[:len(buf)]
			}
			n, err := s.r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				s.eof = true
			} else if err != nil {
				s.err = err
			}
		}
		if s.err != nil {
			// Leave the rest to the row-by-row reader, which reports the
			// error as it always has.
			s.carry = append(s.carry, buf...)
			return nil
		}
		cut := len(buf)
		if !s.eof {
			cut = cutRows(buf)
		}
		if cut == 0 && !s.eof {
			if target >= maxChunkGrowth*s.size {
				// No row ends in several chunks' worth of text: a huge
				// quoted field, or a stray quote that flipped the count
				// for everything after it. The row-by-row reader takes
				// over from here instead of this reading on to the end.
				s.stuck = true
				s.carry = append(s.carry, buf...)
				return nil
			}
			target *= 2 // one row longer than a chunk
			continue
		}
		if cut == 0 {
			return nil
		}
		s.carry = append(s.carry, buf[cut:]...)
		return buf[:cut]
	}
}

// cutRows returns the length of the longest prefix of b that ends with a
// newline preceded by an even number of quotes; 0 if there is none.
// Rows rarely end inside quotes, so it counts the quotes before the last
// newline (a vectorised count) and steps back a line only while that
// number is odd.
func cutRows(b []byte) int {
	end := bytes.LastIndexByte(b, '\n')
	if end < 0 {
		return 0
	}
	quotes := bytes.Count(b[:end], []byte{'"'})
	for quotes%2 != 0 {
		prev := bytes.LastIndexByte(b[:end], '\n')
		if prev < 0 {
			return 0
		}
		quotes -= bytes.Count(b[prev:end], []byte{'"'})
		end = prev
	}
	return end + 1
}

// readParallel reads the rows of r.textIn through d. It reports done when
// it read the whole input; otherwise (a quoting error, a read error) it
// has set r.src to resume at the first row it did not deliver.
func (r *Reader) readParallel(d *delivery) (done bool, err error) {
	nw := workers(r.opt)
	sp := &splitter{r: r.textIn.r, line: r.src.(*csvSource).base, size: chunkSize}
	if r.chunkBytes > 0 {
		sp.size = r.chunkBytes
	}
	skip := r.src.(*csvSource).skip

	order := make(chan *chunk, 2*nw)
	work := make(chan *chunk, nw)
	free := make(chan *chunk, 3*nw+1) // chunks to reuse, with their buffers
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(order)
		defer close(work)
		for {
			var ch *chunk
			select {
			case ch = <-free:
			default:
				ch = &chunk{}
			}
			data := sp.next(ch.data)
			if data == nil {
				return
			}
			ch.data, ch.line, ch.done = data, sp.line, make(chan struct{})
			sp.line += int64(bytes.Count(data, []byte{'\n'}))
			select {
			case order <- ch:
			case <-stop:
				// never handed out: its rows go back in front of the rest
				sp.carry = append(data, sp.carry...)
				return
			}
			select {
			case work <- ch:
			case <-stop:
				close(ch.done) // never parsed; the reader has stopped waiting
				return
			}
		}
	})
	for range nw {
		wr := r.worker()
		wg.Go(func() {
			for ch := range work {
				wr.parseChunk(ch)
				close(ch.done)
			}
		})
	}
	var halted sync.Once
	halt := func() {
		halted.Do(func() {
			close(stop)
			for ch := range order {
				<-ch.done
			}
			wg.Wait()
		})
	}
	defer halt() // also when fn panics: no goroutine is left blocked

	for ch := range order {
		<-ch.done
		if ch.bad {
			// Hand this chunk, the ones cut after it and the rest of the
			// input to the row-by-row reader.
			rest := [][]byte{ch.data}
			halted.Do(func() {
				close(stop)
				for later := range order {
					<-later.done
					rest = append(rest, later.data)
				}
				wg.Wait()
			})
			r.resume(sp, rest, ch.line, skip)
			return false, nil
		}
		skip += int64(len(ch.data))
		r.src.(*csvSource).skip = skip // BytesRead, as seen from fn
		if err := d.deliver(ch); err != nil {
			return false, err
		}
		select {
		case free <- ch:
		default:
		}
	}
	wg.Wait()
	if sp.err != nil || sp.stuck {
		r.resume(sp, nil, sp.line, skip)
		return false, nil
	}
	return true, nil
}

// resume points r.src at the given chunks' text, then the splitter's
// unread bytes and the rest of the input (or its read error).
func (r *Reader) resume(sp *splitter, chunks [][]byte, base, skip int64) {
	var rs []io.Reader
	for _, b := range chunks {
		rs = append(rs, bytes.NewReader(b))
	}
	rs = append(rs, bytes.NewReader(sp.carry))
	if sp.err != nil {
		rs = append(rs, errReader{sp.err})
	} else {
		rs = append(rs, sp.r)
	}
	r.src = resumeCSV(io.MultiReader(rs...), r.textIn.comma, r.plan.header, base, skip)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// worker returns a reader that shares r's plan and options but has
// caches of its own, for one parsing goroutine.
func (r *Reader) worker() *Reader {
	return &Reader{
		name: r.name, opt: r.opt, now: r.now, plan: r.plan, textIn: r.textIn,
		countries: make(map[string]resolved), strs: make(map[string]string), lower: make(map[string]string),
	}
}

// parseChunk splits and validates the rows of ch.data. It stops at the
// first quoting error and marks the chunk bad.
func (r *Reader) parseChunk(ch *chunk) {
	ch.recs, ch.rejs = ch.recs[:0], ch.rejs[:0]
	ch.repaired, ch.same = ch.repaired[:0], ch.same[:0]
	ch.rows, ch.lastLine, ch.bad = 0, 0, false
	var c rowCheck
	c.p = &r.plan
	c.ascii = isASCII(ch.data)
	var rec Record
	add := func(row []string, line int64) {
		ch.rows++
		ch.lastLine = line
		if j, ok := r.parseRow(&c, row, line, ch.rows, &rec); !ok {
			ch.rejs = append(ch.rejs, j)
			return
		}
		ch.recs = append(ch.recs, rec)
		ch.repaired = append(ch.repaired, c.repaired)
		ch.same = append(ch.same, c.same)
	}
	if comma := r.textIn.comma; comma < utf8.RuneSelf {
		// Rows split by hand as encoding/csv would; on any quoting
		// trouble the chunk goes to the row-by-row reader.
		ch.bad = !splitRows(ch.data, byte(comma), ch.line, add)
		return
	}
	cr := csv.NewReader(bytes.NewReader(ch.data))
	cr.Comma = r.textIn.comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			// A quoting error (nothing else fails on bytes in memory):
			// the row-by-row reader reports it, with the same words.
			ch.bad = true
			return
		}
		l, _ := cr.FieldPos(0)
		add(row, ch.line+int64(l))
	}
}

// deliver passes a parsed chunk on: its rejects, then its records, in
// batches of at most the batch size, with row numbers made global. The
// records go to fn where the worker left them, without a copy.
func (d *delivery) deliver(ch *chunk) error {
	if err := d.flush(); err != nil { // rows of an earlier row-by-row read
		return err
	}
	base := d.sum.RowsRead
	if ch.lastLine > 0 {
		d.lastLine = ch.lastLine
	}
	// RowsRead grows as rows are passed on, so the counts add up even
	// when a callback stops the read half way through the chunk.
	for _, j := range ch.rejs {
		d.sum.RowsRead++
		if err := d.reject(j); err != nil {
			return err
		}
	}
	recs := ch.recs
	for i := range recs {
		recs[i].Row += base
	}
	for at := 0; at < len(recs); {
		b := recs[at:min(len(recs), at+len(d.batch))]
		for i := at; i < at+len(b); i++ { // counted as passed on, as row by row
			if ch.repaired[i] {
				d.sum.Repaired[SwappedLatLon]++
			}
			if ch.same[i] {
				d.sum.SameCountry++
			}
		}
		at += len(b)
		d.sum.RowsRead += int64(len(b))
		d.sum.RowsUsed += int64(len(b))
		if d.fn != nil {
			if err := d.fn(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// isASCII reports whether b is all 7-bit ASCII, and so valid UTF-8.
func isASCII(b []byte) bool {
	var or uint64
	for len(b) >= 8 {
		or |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		or |= uint64(c)
	}
	return or&0x8080808080808080 == 0
}

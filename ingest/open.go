package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/htmap/htmap/data/country"
)

// Reader reads one input, row by row, into Records. Open or NewReader
// check the file and its header before any row is read; Read then
// streams the rows through validation in fixed-size batches.
type Reader struct {
	name  string
	opt   Options
	now   time.Time
	plan  plan
	src   source
	close []func() error

	textIn     *textInput // delimited text after the header, for parallel reading; nil otherwise
	chunkBytes int        // chunk size for parallel reading; 0 means chunkSize (tests set it small)

	countries map[string]resolved // country.Resolve results by cell text
	strs      map[string]string   // interned age band, category, route
	lower     map[string]string   // lower-cased gender, by cell text
	read      bool
}

type resolved struct {
	iso3 string
	ok   bool
}

// Limits on the per-reader caches: they hold distinct cell texts, which
// are few in real data; a hostile file with millions of distinct values
// only stops being cached, it does not grow memory.
const (
	maxCountryCache = 1 << 14
	maxInterned     = 1 << 14
)

// Open opens a file and reads its header. The format is found from the
// content, not the name: gzip (decompressed transparently, then read as
// text), Arrow IPC file or stream, Parquet, or delimited UTF-8 text. Text
// is refused before any row is read when it is empty, binary or not
// UTF-8 in its first 64 KiB, has no recognisable delimiter, or lacks the
// required columns of its kind; every error names the file.
func Open(path string, opt Options) (*Reader, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var magic [8]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, &FileError{File: name, Err: err}
	}
	var r *Reader
	switch {
	case n >= 6 && string(magic[:6]) == "ARROW1":
		var src *columnarSource
		if src, err = openArrowFile(f); err == nil {
			r, err = newReader(src, name, opt, src.close, f.Close)
		}
	case n >= 4 && string(magic[:4]) == "PAR1":
		var src *columnarSource
		if src, err = openParquet(f, batchSize(opt)); err == nil {
			r, err = newReader(src, name, opt, src.close, f.Close)
		}
	case n >= 4 && bytes.Equal(magic[:4], []byte{0xFF, 0xFF, 0xFF, 0xFF}) && isArrowName(name):
		var src *columnarSource
		if src, err = openArrowStream(bufio.NewReader(f)); err == nil {
			r, err = newReader(src, name, opt, src.close, f.Close)
		}
	case n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		var zr *gzip.Reader
		if zr, err = gzip.NewReader(tee(f, opt.Tee)); err == nil {
			r, err = newTextReader(zr, name, opt, zr.Close, f.Close)
		}
	default:
		r, err = newTextReader(tee(f, opt.Tee), name, opt, f.Close)
	}
	if err != nil {
		f.Close()
		var fe *FileError
		if !errors.As(err, &fe) {
			err = &FileError{File: name, Err: err}
		}
		return nil, err
	}
	return r, nil
}

func tee(r io.Reader, w io.Writer) io.Reader {
	if w == nil {
		return r
	}
	return io.TeeReader(r, w)
}

func isArrowName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".arrow" || ext == ".arrows" || ext == ".feather" || ext == ".ipc"
}

// NewReader reads delimited text (CSV) from r, with the same checks as
// Open. name is used in errors, Rejects and the Summary. Compressed and
// columnar inputs need Open.
func NewReader(r io.Reader, name string, opt Options) (*Reader, error) {
	return newTextReader(r, name, opt)
}

func newTextReader(r io.Reader, name string, opt Options, closers ...func() error) (*Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	full := err != nil // fewer bytes than the window: head is all there is
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, &FileError{File: name, Err: fmt.Errorf("read: %w", err)}
	}
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
		head = head[3:]
	}
	comma, line, col, err := sniffText(head, full)
	if err != nil {
		return nil, &FileError{File: name, Line: line, Column: col, Err: err}
	}
	// Read the header from the sniffed window when it ends there, so the
	// rows can then be cut into chunks straight from br and parsed in
	// parallel (Read); otherwise read it from the stream as any row.
	if src, off, ok := headerFromWindow(head, full, comma); ok {
		br.Discard(int(off))
		src.r = resumeCSV(br, comma, nil, 0, 0).r
		r, err := newReader(src, name, opt, closers...)
		if err == nil {
			r.textIn = &textInput{r: br, comma: comma}
		}
		return r, err
	}
	src, line, col, err := newCSVSource(br, comma)
	if err != nil {
		return nil, &FileError{File: name, Line: line, Column: col, Err: err}
	}
	return newReader(src, name, opt, closers...)
}

// headerFromWindow parses the header from the start of the input. It
// reports ok only when the whole header record lies in head: then src
// holds the header, its line count as base and its length as skip, and
// off is that length.
func headerFromWindow(head []byte, full bool, comma rune) (src *csvSource, off int64, ok bool) {
	hs, _, _, err := newCSVSource(bytes.NewReader(head), comma)
	if err != nil {
		return nil, 0, false // the stream path reports it, or reads on past the window
	}
	off = hs.r.InputOffset()
	if !full && (off == 0 || head[off-1] != '\n') {
		return nil, 0, false
	}
	hs.base = int64(bytes.Count(head[:off], []byte{'\n'}))
	hs.skip = off
	return hs, off, true
}

// newReader finishes opening: it decides the kind and plans the columns.
func newReader(src source, name string, opt Options, closers ...func() error) (*Reader, error) {
	h := src.header()
	k := opt.Kind
	if k == KindUnknown && len(opt.Columns) > 0 && DetectKind(h) == KindUnknown {
		// A mapping can make a header readable that names no column the
		// usual way: take the first kind the mapped header satisfies.
		for _, kk := range [...]Kind{KindCases, KindIncidents, KindFlows, KindCTDC} {
			if _, err := makePlan(h, kk, opt); err == nil {
				k = kk
				break
			}
		}
	}
	if k == KindUnknown {
		if k = DetectKind(h); k == KindUnknown {
			return nil, fileErr(name, 1, 0, "cannot tell the format from the header (%s); name it with --format cases, ctdc, incidents or flows", shortList(h))
		}
	}
	p, err := makePlan(h, k, opt)
	if err != nil {
		return nil, &FileError{File: name, Line: 1, Err: err}
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	return &Reader{
		name: name, opt: opt, now: now.UTC(), plan: p, src: src, close: closers,
		countries: make(map[string]resolved), strs: make(map[string]string), lower: make(map[string]string),
	}, nil
}

func shortList(h []string) string {
	if len(h) > 8 {
		return strings.Join(h[:8], ", ") + ", ..."
	}
	return strings.Join(h, ", ")
}

func batchSize(opt Options) int {
	if opt.BatchSize > 0 {
		return opt.BatchSize
	}
	return 4096
}

// Kind returns the layout being read, given or detected.
func (r *Reader) Kind() Kind { return r.plan.kind }

// BytesRead returns how many bytes of text (after decompression) the
// reader has consumed so far, for progress reports from inside Read's
// callback; it is 0 for Arrow and Parquet inputs.
func (r *Reader) BytesRead() int64 { return r.src.offset() }

// Header returns the column names of the input as read.
func (r *Reader) Header() []string { return r.plan.header }

// Close releases the input. It is safe to call more than once.
func (r *Reader) Close() error {
	var first error
	for _, c := range r.close {
		if err := c(); err != nil && first == nil && !errors.Is(err, os.ErrClosed) {
			first = err
		}
	}
	r.close = nil
	return first
}

// resolveCountry resolves a country cell through country.Resolve,
// caching results per distinct text.
func (r *Reader) resolveCountry(s string) (string, bool) {
	if v, ok := r.countries[s]; ok {
		return v.iso3, v.ok
	}
	iso3, ok := country.Resolve(s)
	iso3 = strings.Clone(iso3) // never a view into the row
	if len(r.countries) < maxCountryCache {
		r.countries[strings.Clone(s)] = resolved{iso3, ok}
	}
	return iso3, ok
}

// intern returns a copy of s shared by all equal values, so a million
// rows saying "female" hold one string, and no Record keeps alive the
// buffer of the row it came from.
func (r *Reader) intern(s string) string {
	if v, ok := r.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	if len(r.strs) < maxInterned {
		r.strs[v] = v
	}
	return v
}

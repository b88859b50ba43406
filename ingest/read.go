package ingest

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Read streams the rest of the input. fn receives the used records in
// input order, in batches of at most Options.BatchSize; the slice and its records are reused once
// fn returns, so fn must copy what it keeps. rej receives every rejected
// row. Either may be nil (htmap validate only counts).
//
// Every row read is either passed to fn or to rej, never both, never
// neither: the returned Summary always has RowsUsed + RowsRejected ==
// RowsRead, also when Read stops early. The error is a *FileError for a
// problem that makes the rest of the input unreadable (a quote left
// open, a truncated gzip stream), or the first error returned by fn or
// rej.
func (r *Reader) Read(fn func([]Record) error, rej func(Reject) error) (Summary, error) {
	d := &delivery{
		r: r, fn: fn, rej: rej,
		sum: Summary{
			File: r.name, Kind: r.plan.kind,
			Rejected: make(map[Reason]int64),
			Repaired: make(map[Reason]int64),
			Dropped:  append([]string(nil), r.plan.dropped...),
		},
	}
	if r.read {
		return d.sum, &FileError{File: r.name, Err: errors.New("Read called twice")}
	}
	r.read = true
	d.batch = make([]Record, batchSize(r.opt))
	if r.textIn != nil && workers(r.opt) > 1 {
		if done, err := r.readParallel(d); done || err != nil {
			if err == nil {
				err = d.flush()
			}
			return d.sum, err
		}
		// a chunk the parallel reader could not vouch for: r.src now
		// resumes at its first row
	}
	err := r.readRows(d)
	if err == nil {
		err = d.flush()
	}
	return d.sum, err
}

// delivery hands a Read's rows to its callbacks and keeps the Summary.
type delivery struct {
	r        *Reader
	fn       func([]Record) error
	rej      func(Reject) error
	sum      Summary
	batch    []Record
	n        int
	lastLine int64 // line of the last row read
}

// flush passes the batch to fn; its records are overwritten in place by
// the next rows.
func (d *delivery) flush() error {
	if d.n == 0 {
		return nil
	}
	var err error
	if d.fn != nil {
		err = d.fn(d.batch[:d.n])
	}
	d.n = 0
	return err
}

func (d *delivery) reject(j Reject) error {
	d.sum.RowsRejected++
	d.sum.Rejected[j.Reason]++
	if d.rej != nil {
		return d.rej(j)
	}
	return nil
}

// use counts the record just written at d.batch[d.n] as used.
func (d *delivery) use(repaired, same bool) error {
	d.sum.RowsUsed++
	if repaired {
		d.sum.Repaired[SwappedLatLon]++
	}
	if same {
		d.sum.SameCountry++
	}
	if d.n++; d.n == len(d.batch) {
		return d.flush()
	}
	return nil
}

// readRows reads r.src row by row to its end, on the calling goroutine.
func (r *Reader) readRows(d *delivery) error {
	var c rowCheck
	c.p = &r.plan
	for {
		row, line, err := r.src.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				d.sum.RowsRead++
				j := Reject{File: r.name, Line: re.line, Reason: re.reason}
				if re.column > 0 && re.column <= len(r.plan.header) {
					// Past the header's width the row is wrong as a whole.
					j.Column, j.Field = re.column, r.plan.header[re.column-1]
				}
				if err := d.reject(j); err != nil {
					return err
				}
				continue
			}
			if ferr := d.flush(); ferr != nil {
				return ferr
			}
			var fe *FileError
			if errors.As(err, &fe) {
				fe.File = r.name
				return fe
			}
			return &FileError{File: r.name, Line: d.lastLine, Err: fmt.Errorf("read after this line: %w", err)}
		}
		d.lastLine = line
		d.sum.RowsRead++
		if j, ok := r.parseRow(&c, row, line, d.sum.RowsRead, &d.batch[d.n]); !ok {
			if err := d.reject(j); err != nil {
				return err
			}
			continue
		}
		if err := d.use(c.repaired, c.same); err != nil {
			return err
		}
	}
}

// parseRow validates one row, the num-th data row of the input, into
// rec. A row that fails leaves rec zero and returns its Reject, with ok
// false; c then tells nothing more.
func (r *Reader) parseRow(c *rowCheck, row []string, line, num int64, rec *Record) (j Reject, ok bool) {
	if len(row) != len(r.plan.header) {
		*rec = Record{}
		return Reject{File: r.name, Line: line, Reason: FieldCount}, false
	}
	c.reset(row)
	*rec = Record{Kind: r.plan.kind, Input: r.opt.Input, Row: num, Line: line}
	if c.validUTF8() {
		switch r.plan.kind {
		case KindCases:
			r.cases(c, rec)
		case KindCTDC:
			r.ctdc(c, rec)
		case KindIncidents:
			r.incidents(c, rec)
		case KindFlows:
			r.flows(c, rec)
		}
	}
	if c.reason != "" {
		*rec = Record{}
		return c.reject(r.name, line), false
	}
	return Reject{}, true
}

// rowCheck holds one row under validation and its first failure: the
// failing column furthest to the left, so a Reject always names the
// first bad cell of the row. Failures of the row as a whole (column 0)
// are kept only when no single column failed.
type rowCheck struct {
	p        *plan
	row      []string
	reason   Reason
	col      int // 1-based; 0 = the whole row
	repaired bool
	same     bool
	ascii    bool // every row is known to be ASCII (checked a chunk at a time)
}

func (c *rowCheck) reset(row []string) {
	c.row, c.reason, c.col, c.repaired, c.same = row, "", 0, false, false
}

func (c *rowCheck) has(f field) bool { return c.p.idx[f] >= 0 }

// cell returns the trimmed text of a schema field, "" when the file has
// no such column.
func (c *rowCheck) cell(f field) string {
	if i := c.p.idx[f]; i >= 0 {
		return trimSpace(c.row[i])
	}
	return ""
}

// fail records a failure of field f, keeping the leftmost.
func (c *rowCheck) fail(f field, why Reason) {
	col := c.p.idx[f] + 1
	if col == 0 {
		c.failRow(why)
		return
	}
	if c.reason == "" || c.col == 0 || col < c.col {
		c.reason, c.col = why, col
	}
}

// failRow records a failure of the row as a whole.
func (c *rowCheck) failRow(why Reason) {
	if c.reason == "" {
		c.reason, c.col = why, 0
	}
}

func (c *rowCheck) failed() bool { return c.reason != "" }

// validUTF8 checks the schema cells (the others are dropped unread).
// Almost all input is ASCII, so one pass ORs the bytes together and only
// a row with a high bit set is decoded properly.
func (c *rowCheck) validUTF8() bool {
	if c.ascii {
		return true
	}
	var or8 uint64
	var or byte
	for _, i := range c.p.present {
		s := c.row[i]
		for len(s) >= 8 { // the compiler merges these into one 8-byte load
			or8 |= uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
				uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
			s = s[8:]
		}
		for j := 0; j < len(s); j++ {
			or |= s[j]
		}
	}
	if or8&0x8080808080808080 == 0 && or < utf8.RuneSelf {
		return true
	}
	for f, i := range c.p.idx {
		if i >= 0 && !utf8.ValidString(c.row[i]) {
			c.fail(field(f), InvalidUTF8)
		}
	}
	return c.reason == ""
}

// reject builds the Reject of a failed row. Its Value comes from the
// failing schema column only, made valid UTF-8 and copied so it does
// not pin the row's memory.
func (c *rowCheck) reject(file string, line int64) Reject {
	j := Reject{File: file, Line: line, Column: c.col, Reason: c.reason}
	if c.col > 0 {
		j.Field = c.p.header[c.col-1]
		j.Value = strings.Clone(strings.ToValidUTF8(c.row[c.col-1], "\uFFFD"))
	}
	return j
}

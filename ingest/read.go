package ingest

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Read streams the rest of the input. fn receives the used records in
// batches of Options.BatchSize; the slice and its records are reused once
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
	sum := Summary{
		File: r.name, Kind: r.plan.kind,
		Rejected: make(map[Reason]int64),
		Repaired: make(map[Reason]int64),
		Dropped:  append([]string(nil), r.plan.dropped...),
	}
	if r.read {
		return sum, &FileError{File: r.name, Err: errors.New("Read called twice")}
	}
	r.read = true

	batch := make([]Record, batchSize(r.opt))
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		var err error
		if fn != nil {
			err = fn(batch[:n])
		}
		n = 0 // the records are overwritten in place by the next rows
		return err
	}
	reject := func(j Reject) error {
		sum.RowsRejected++
		sum.Rejected[j.Reason]++
		if rej != nil {
			return rej(j)
		}
		return nil
	}
	width := len(r.plan.header)
	var c rowCheck
	c.p = &r.plan
	var lastLine int64
	for {
		row, line, err := r.src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				sum.RowsRead++
				j := Reject{File: r.name, Line: re.line, Reason: re.reason}
				if re.column > 0 && re.column <= width {
					// Past the header's width the row is wrong as a whole.
					j.Column, j.Field = re.column, r.plan.header[re.column-1]
				}
				if err := reject(j); err != nil {
					return sum, err
				}
				continue
			}
			if ferr := flush(); ferr != nil {
				return sum, ferr
			}
			var fe *FileError
			if errors.As(err, &fe) {
				fe.File = r.name
				return sum, fe
			}
			return sum, &FileError{File: r.name, Line: lastLine, Err: fmt.Errorf("read after this line: %w", err)}
		}
		lastLine = line
		sum.RowsRead++
		if len(row) != width {
			if err := reject(Reject{File: r.name, Line: line, Reason: FieldCount}); err != nil {
				return sum, err
			}
			continue
		}
		c.reset(row)
		rec := &batch[n]
		*rec = Record{Kind: r.plan.kind, Input: r.opt.Input, Row: sum.RowsRead, Line: line}
		if c.validUTF8() {
			switch r.plan.kind {
			case KindCases:
				r.cases(&c, rec)
			case KindCTDC:
				r.ctdc(&c, rec)
			case KindIncidents:
				r.incidents(&c, rec)
			case KindFlows:
				r.flows(&c, rec)
			}
		}
		if c.reason != "" {
			*rec = Record{}
			if err := reject(c.reject(r.name, line)); err != nil {
				return sum, err
			}
			continue
		}
		sum.RowsUsed++
		if c.repaired {
			sum.Repaired[SwappedLatLon]++
		}
		if c.same {
			sum.SameCountry++
		}
		if n++; n == len(batch) {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	return sum, flush()
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

package ingest

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
)

// source yields the rows of one input as strings, whatever its format,
// so every format goes through the same validation.
type source interface {
	// header returns the column names.
	header() []string
	// next returns the fields of the next row and the line it starts
	// on. The slice is only valid until the following call. It returns
	// io.EOF at the end, a *rowError for a row that could not be split
	// into fields but after which reading can go on, and any other error
	// when reading cannot go on.
	next() ([]string, int64, error)
	// offset returns the number of input bytes consumed so far.
	offset() int64
}

// rowError is a row the source could not split into fields; the reader
// counts and rejects it and goes on.
type rowError struct {
	line   int64
	column int // 1-based field position, 0 for the whole row
	reason Reason
}

func (e *rowError) Error() string { return string(e.reason) }

// csvSource reads delimited text with encoding/csv: strict quoting
// (LazyQuotes off), variable field counts checked by the reader, one
// allocation per row (ReuseRecord).
type csvSource struct {
	r    *csv.Reader
	head []string
	// base is added to every line number: the lines before r's input
	// (the header, rows already read in parallel), and skip to every
	// offset.
	base, skip int64
}

func newCSVSource(r io.Reader, comma rune) (*csvSource, int64, int, error) {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	h, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			col := pe.Column
			if pe.StartLine != pe.Line {
				col = 0 // the column is on a later line
			}
			return nil, int64(pe.StartLine), col, errors.New("header: " + pe.Err.Error())
		}
		if err == io.EOF {
			return nil, 0, 0, errors.New("empty file")
		}
		return nil, 0, 0, err
	}
	head := make([]string, len(h))
	for i, s := range h {
		head[i] = trimSpace(s)
	}
	return &csvSource{r: cr, head: head}, 0, 0, nil
}

func (s *csvSource) header() []string { return s.head }

// resumeCSV reads rows (no header) from r, which starts on line base+1
// and at byte skip of the input.
func resumeCSV(r io.Reader, comma rune, head []string, base, skip int64) *csvSource {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvSource{r: cr, head: head, base: base, skip: skip}
}

func (s *csvSource) offset() int64 { return s.skip + s.r.InputOffset() }

func (s *csvSource) next() ([]string, int64, error) {
	row, err := s.r.Read()
	if err == nil {
		line, _ := s.r.FieldPos(0)
		return row, s.base + int64(line), nil
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && (pe.Err == csv.ErrQuote || pe.Err == csv.ErrBareQuote) {
		if pe.StartLine == pe.Line {
			// The quote error is confined to one line and the reader
			// resumes at the next: reject this row only.
			return nil, 0, &rowError{line: s.base + int64(pe.StartLine), column: len(row) + 1, reason: BadQuote}
		}
		// A quoted field ran on over later lines: the row boundaries
		// after it cannot be trusted.
		return nil, 0, &FileError{Line: s.base + int64(pe.StartLine), Column: pe.Column,
			Err: errors.New("quoted field opened here is not closed properly (error at line " +
				strconv.FormatInt(s.base+int64(pe.Line), 10) + "); rows after it cannot be told apart")}
	}
	return nil, 0, err
}

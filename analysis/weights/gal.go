package weights

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GALError is a problem in a GAL file, at a 1-based line and column (the
// column of the offending token). The caller adds the file name.
type GALError struct {
	Line, Col int
	Msg       string
}

func (e *GALError) Error() string {
	return fmt.Sprintf("gal:%d:%d: %s", e.Line, e.Col, e.Msg)
}

// ReadGAL reads binary weights in the GAL text format of GeoDa and PySAL:
//
//	n                      (or GeoDa's "0 n layer key")
//	id cardinality
//	neighbour-id neighbour-id ...
//	... one pair of lines per site
//
// ids gives the id of each site in the caller's order (ids[i] is site i),
// so the weights line up with the caller's values whatever order the file
// lists the sites in; every id must appear exactly once as a record and
// every neighbour id must be one of ids. With ids nil, the sites are the
// file's records in file order. The file is read token by token, so an
// island's empty neighbour line may be present or absent, and a long list
// may wrap. A self-neighbour is dropped, as in [FromNeighbors].
func ReadGAL(r io.Reader, ids []string) (*W, error) {
	tk := &galTokens{sc: bufio.NewScanner(r)}
	tk.sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	// Header: the first line alone.
	head, line, err := tk.headerLine()
	if err != nil {
		return nil, err
	}
	var nTok galToken
	switch len(head) {
	case 1:
		nTok = head[0]
	case 4:
		nTok = head[1]
	default:
		return nil, &GALError{line, 1, fmt.Sprintf("header has %d fields, want 1 (n) or 4 (0 n layer key)", len(head))}
	}
	n, err := strconv.Atoi(nTok.s)
	if err != nil || n < 0 {
		return nil, &GALError{nTok.line, nTok.col, fmt.Sprintf("site count %q is not a non-negative integer", nTok.s)}
	}
	if ids != nil && len(ids) != n {
		return nil, &GALError{nTok.line, nTok.col, fmt.Sprintf("file has %d sites, caller has %d ids", n, len(ids))}
	}

	type record struct {
		id  galToken
		nbs []galToken
	}
	recs := make([]record, 0, n)
	for range n {
		id, ok := tk.next()
		if !ok {
			return nil, tk.eof(fmt.Sprintf("file ends after %d of %d records", len(recs), n))
		}
		kt, ok := tk.next()
		if !ok {
			return nil, tk.eof(fmt.Sprintf("record %q has no neighbour count", id.s))
		}
		k, err := strconv.Atoi(kt.s)
		if err != nil || k < 0 {
			return nil, &GALError{kt.line, kt.col, fmt.Sprintf("neighbour count %q is not a non-negative integer", kt.s)}
		}
		rec := record{id: id, nbs: make([]galToken, 0, k)}
		for range k {
			t, ok := tk.next()
			if !ok {
				return nil, tk.eof(fmt.Sprintf("record %q ends before its %d neighbours", id.s, k))
			}
			rec.nbs = append(rec.nbs, t)
		}
		recs = append(recs, rec)
	}
	if t, ok := tk.next(); ok {
		return nil, &GALError{t.line, t.col, fmt.Sprintf("unexpected %q after the %d records", t.s, n)}
	}
	if tk.err != nil {
		return nil, fmt.Errorf("gal: %w", tk.err)
	}

	if ids == nil {
		ids = make([]string, n)
		first := make(map[string]bool, n)
		for i, r := range recs {
			if first[r.id.s] {
				return nil, &GALError{r.id.line, r.id.col, fmt.Sprintf("record id %q appears twice", r.id.s)}
			}
			first[r.id.s] = true
			ids[i] = r.id.s
		}
	}
	site := make(map[string]int, n)
	for i, id := range ids {
		if _, dup := site[id]; dup {
			return nil, fmt.Errorf("gal: id %q given twice", id)
		}
		site[id] = i
	}
	nb := make([][]int, n)
	seen := make([]bool, n)
	for _, r := range recs {
		i, ok := site[r.id.s]
		if !ok {
			return nil, &GALError{r.id.line, r.id.col, fmt.Sprintf("record id %q is not among the sites", r.id.s)}
		}
		if seen[i] {
			return nil, &GALError{r.id.line, r.id.col, fmt.Sprintf("record id %q appears twice", r.id.s)}
		}
		seen[i] = true
		list := make([]int, 0, len(r.nbs))
		for _, t := range r.nbs {
			j, ok := site[t.s]
			if !ok {
				return nil, &GALError{t.line, t.col, fmt.Sprintf("neighbour id %q is not among the sites", t.s)}
			}
			if j == i {
				continue
			}
			if slicesContains(list, j) {
				return nil, &GALError{t.line, t.col, fmt.Sprintf("neighbour id %q listed twice for %q", t.s, r.id.s)}
			}
			list = append(list, j)
		}
		nb[i] = list
	}
	return FromNeighbors(nb)
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// galToken is one whitespace-separated field and where it starts.
type galToken struct {
	s         string
	line, col int
}

// galTokens splits a GAL file into tokens, remembering line and column.
type galTokens struct {
	sc      *bufio.Scanner
	line    int
	pending []galToken
	err     error
}

// headerLine returns the fields of the first non-empty line.
func (t *galTokens) headerLine() ([]galToken, int, error) {
	for t.sc.Scan() {
		t.line++
		f := fields(t.sc.Text(), t.line)
		if len(f) > 0 {
			return f, t.line, nil
		}
	}
	if err := t.sc.Err(); err != nil {
		return nil, t.line, fmt.Errorf("gal: %w", err)
	}
	return nil, t.line, &GALError{t.line + 1, 1, "empty file, want a header line"}
}

func (t *galTokens) next() (galToken, bool) {
	for len(t.pending) == 0 {
		if !t.sc.Scan() {
			t.err = t.sc.Err()
			return galToken{}, false
		}
		t.line++
		t.pending = fields(t.sc.Text(), t.line)
	}
	tok := t.pending[0]
	t.pending = t.pending[1:]
	return tok, true
}

func (t *galTokens) eof(msg string) error {
	if t.err != nil {
		return fmt.Errorf("gal: %w", t.err)
	}
	return &GALError{t.line + 1, 1, msg}
}

// fields splits a line on spaces and tabs, with
// 1-based byte columns.
func fields(s string, line int) []galToken {
	s = strings.TrimSuffix(s, "\r")
	var out []galToken
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			out = append(out, galToken{s[i:j], line, i + 1})
		}
		i = j
	}
	return out
}

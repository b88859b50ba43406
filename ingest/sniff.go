package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// sniffSize is how much of a text input is inspected before any row is
// read: enough to see the header and a few hundred rows, small enough to
// refuse a wrong file at once.
const sniffSize = 64 << 10

// sniffText checks the start of a text input and returns the field
// delimiter. head is the first bytes of the (decompressed) input after
// any UTF-8 byte-order mark; full says whether head is the whole input.
// Errors carry the 1-based line and column where the trouble is.
func sniffText(head []byte, full bool) (comma rune, line int64, col int, err error) {
	if len(bytes.TrimSpace(head)) == 0 {
		return 0, 0, 0, errors.New("empty file")
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return 0, 1, 1, errors.New("file is UTF-16; convert it to UTF-8")
	}
	check := head
	if !full {
		// The sniff window may cut a multi-byte character in two.
		if s := lastStart(check); !utf8.FullRune(check[s:]) {
			check = check[:s]
		}
	}
	if i := bytes.IndexByte(check, 0); i >= 0 {
		l, c := position(check, i)
		return 0, l, c, errors.New("binary file (NUL byte); want UTF-8 CSV, Arrow IPC or Parquet")
	}
	if !utf8.Valid(check) {
		i := firstInvalid(check)
		l, c := position(check, i)
		return 0, l, c, fmt.Errorf("not UTF-8 (byte 0x%02X); re-encode the file as UTF-8", check[i])
	}
	comma = detectDelimiter(head)
	if comma == 0 {
		first := head
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		if len(first) > 80 {
			first = first[:80]
		}
		return 0, 1, 0, fmt.Errorf("cannot find the delimiter: the header %q is one column (want , ; tab or |)", bytes.TrimSpace(first))
	}
	return comma, 0, 0, nil
}

// lastStart returns the index where the last (possibly partial) UTF-8
// sequence of b starts.
func lastStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return len(b)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// position converts a byte offset into a 1-based line and byte column.
func position(b []byte, off int) (int64, int) {
	line := int64(1 + bytes.Count(b[:off], []byte{'\n'}))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, off - start + 1
}

// detectDelimiter picks the delimiter among , ; tab and | that splits
// the header into the most fields while splitting the following records
// (up to 20, within the sniff window) into the same number. Quotes are
// honoured, so delimiters inside quoted fields do not count. It returns
// 0 when no candidate splits the header at all.
func detectDelimiter(head []byte) rune {
	best, bestScore := rune(0), 0
	for _, c := range [...]byte{',', ';', '\t', '|'} {
		counts := countFields(head, c, 21)
		if len(counts) == 0 || counts[0] < 2 {
			continue
		}
		score := counts[0] * 2
		for _, n := range counts[1:] {
			if n != counts[0] {
				score = counts[0] // inconsistent: prefer a consistent rival
				break
			}
		}
		if score > bestScore {
			best, bestScore = rune(c), score
		}
	}
	if best == 0 {
		// No complete record (a quote left open in the header, say):
		// fall back to the first line, quotes ignored, so the CSV reader
		// gets to report the real problem.
		first := head
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		for _, c := range [...]byte{',', ';', '\t', '|'} {
			if n := bytes.Count(first, []byte{c}); n > bestScore {
				best, bestScore = rune(c), n
			}
		}
	}
	return best
}

// countFields returns the field counts of the first max complete records
// of b split by delim, honouring double quotes. A record cut off by the
// end of b is left out.
func countFields(b []byte, delim byte, max int) []int {
	var counts []int
	n, inQuote, empty := 1, false, true
	for i := 0; i < len(b) && len(counts) < max; i++ {
		switch c := b[i]; {
		case c == '"':
			inQuote = !inQuote
			empty = false
		case inQuote:
		case c == delim:
			n++
			empty = false
		case c == '\n':
			if !empty {
				counts = append(counts, n)
			}
			n, empty = 1, true
		case c != '\r':
			empty = false
		}
	}
	if !empty && !inQuote && len(counts) == 0 {
		counts = append(counts, n) // a header with no newline after it
	}
	return counts
}

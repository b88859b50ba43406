package ingest

import (
	"bytes"
	"strings"
	"unsafe"
)

// splitRows splits whole rows of delimited text into fields the way
// encoding/csv does with LazyQuotes off and any number of fields: a
// record per line, or over several lines inside a quoted field; "\r\n"
// read as "\n" (also inside quotes); one "\r" dropped at the very end of
// the text; empty lines skipped; "" inside a quoted field is one quote.
// fn receives each record and the line it starts on (line is the number
// of lines before data).
//
// It reports false, having stopped, at the first text encoding/csv
// refuses (a quote inside an unquoted field, anything but a delimiter or
// a line end after a closing quote, a quoted field still open where data
// ends): the caller then reads the same text with encoding/csv, which
// reports the error.
//
// The fields are views of data, valid only until data is reused: fn must
// copy what it keeps (parseRow keeps nothing). Only a quoted field with
// "" or "\r\n" in it is copied, to unescape it.
func splitRows(data []byte, comma byte, line int64, fn func(row []string, line int64)) bool {
	var row []string
	n := len(data)
	i := 0
	line++ // the line i is on
	for i < n {
		// Empty lines: "\n", "\r\n", or a lone "\r" ending the text.
		switch {
		case data[i] == '\n':
			i++
			line++
			continue
		case data[i] == '\r' && (i+1 == n || data[i+1] == '\n'):
			i += 2
			line++
			continue
		}
		start := line
		row = row[:0]
		for {
			if i < n && data[i] == '"' {
				f, next, lines, ok := quotedField(data, i, comma)
				if !ok {
					return false
				}
				row = append(row, f)
				line += lines
				i = next
				if i < n && data[i] == comma {
					i++
					continue
				}
				if i < n { // at a line end: quotedField checked
					if data[i] == '\r' {
						i++
					}
					i++
					line++
				}
				break
			}
			j := i
			for j < n && data[j] != comma && data[j] != '\n' {
				if data[j] == '"' {
					return false // a quote inside an unquoted field
				}
				j++
			}
			if j < n && data[j] == comma {
				row = append(row, view(data[i:j]))
				i = j + 1
				continue
			}
			e := j
			if e > i && data[e-1] == '\r' {
				e-- // "\r\n", or "\r" ending the text
			}
			row = append(row, view(data[i:e]))
			i = j
			if j < n {
				i++
				line++
			}
			break
		}
		fn(row, start)
	}
	return true
}

// quotedField reads the quoted field opening at data[i]. It returns the
// field, the index just past its closing quote, how many newlines it
// held, and false for text after the closing quote that is neither the
// delimiter nor a line end, or no closing quote at all.
func quotedField(data []byte, i int, comma byte) (f string, next int, lines int64, ok bool) {
	n := len(data)
	j := i + 1
	plain := true // no "" and no "\r\n" inside: the field is a view
	for {
		q := bytes.IndexByte(data[j:], '"')
		if q < 0 {
			return "", 0, 0, false
		}
		q += j
		if q+1 < n && data[q+1] == '"' {
			plain = false
			j = q + 2
			continue
		}
		j = q + 1
		break
	}
	if j < n {
		switch c := data[j]; {
		case c == comma, c == '\n':
		case c == '\r' && (j+1 == n || data[j+1] == '\n'): // "\r\n", or "\r" ending the text
		default:
			return "", 0, 0, false
		}
	}
	body := data[i+1 : j-1]
	lines = int64(bytes.Count(body, []byte{'\n'}))
	if lines > 0 && bytes.Contains(body, []byte("\r\n")) {
		plain = false
	}
	if plain {
		return view(body), j, lines, true
	}
	s := strings.ReplaceAll(string(body), `""`, `"`)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return s, j, lines, true
}

// view is b as a string without a copy; b must not change while the
// string is in use.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

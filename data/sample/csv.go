package sample

import "strconv"

// row builds one CSV line in a reused buffer. Fields are quoted only when
// they hold a comma, a quote or a line break, as RFC 4180 writers do, so
// the files read the same in every CSV reader.
type row struct {
	b []byte
	n int // fields appended so far
}

func (w *row) reset() { w.b, w.n = w.b[:0], 0 }

func (w *row) sep() {
	if w.n > 0 {
		w.b = append(w.b, ',')
	}
	w.n++
}

// str appends a text field.
func (w *row) str(s string) {
	w.sep()
	if !needsQuote(s) {
		w.b = append(w.b, s...)
		return
	}
	w.b = append(w.b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			w.b = append(w.b, '"')
		}
		w.b = append(w.b, s[i])
	}
	w.b = append(w.b, '"')
}

// bytes appends a text field given as bytes.
func (w *row) bytes(s []byte) {
	w.sep()
	if !needsQuote(string(s)) {
		w.b = append(w.b, s...)
		return
	}
	w.b = append(w.b, '"')
	for _, c := range s {
		if c == '"' {
			w.b = append(w.b, '"')
		}
		w.b = append(w.b, c)
	}
	w.b = append(w.b, '"')
}

// int appends an integer field.
func (w *row) int(v int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, v, 10)
}

// deg appends a coordinate with 6 decimals (about 0.1 m).
func (w *row) deg(v float64) {
	w.sep()
	w.b = strconv.AppendFloat(w.b, v, 'f', 6, 64)
}

// empty appends an empty field.
func (w *row) empty() { w.sep() }

// end terminates the line.
func (w *row) end() []byte { return append(w.b, '\n') }

func needsQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\n', '\r':
			return true
		}
	}
	return false
}

package ingest

import (
	"bytes"
	"encoding/csv"
	"io"
	"reflect"
	"testing"
)

type splitRow struct {
	Fields []string
	Line   int64
}

// csvRows reads data with encoding/csv as the row-by-row reader does;
// ok is false when it reports any error.
func csvRows(data []byte, comma byte) (rows []splitRow, ok bool) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return rows, true
		}
		if err != nil {
			return rows, false
		}
		l, _ := cr.FieldPos(0)
		rows = append(rows, splitRow{row, int64(l)})
	}
}

// checkSplit: splitRows reads data exactly as encoding/csv does, and
// refuses exactly the text encoding/csv refuses.
func checkSplit(t *testing.T, data []byte, comma byte) {
	var got []splitRow
	ok := splitRows(data, comma, 0, func(row []string, line int64) {
		got = append(got, splitRow{append([]string(nil), row...), line})
	})
	want, wantOK := csvRows(data, comma)
	if ok != wantOK || (ok && !reflect.DeepEqual(got, want)) {
		t.Fatalf("splitRows(%q): ok %v, %+v\nencoding/csv: ok %v, %+v", data, ok, got, wantOK, want)
	}
}

func TestSplitRowsLikeCSV(t *testing.T) {
	for _, s := range []string{
		"", "\n", "\r\n", "\r", "a", "a\r", "a\r\r", "a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,\n", ",\n,", "\n\na\n\n",
		"\r\r\n", "a\rb,c\n", `"a","b"` + "\n", `"a""b",c` + "\n", `""` + "\n", `"",""`, `a,""` + "\n",
		"\"a\nb\",c\nd\n", "\"a\r\nb\",c\r\n", "\"a\r\n\r\nb\"", `"a"` + "\r\n", `"a"` + "\r", `"a"`, `"a`,
		`a"b`, `"a"b`, `"a" ,b`, "x,\"a\rb\"\n", "\"\"\"\"\n", "\"a\"\"\n\"\"b\"\n", ",\"a\",\n", "a,b\n\r\nc\n",
		"\"a\nb\"\r\n\r\nc,d", "a,\"b\"\r\n", "\"\r\"\n", "\"a\"\n\"", "é,ü\n",
	} {
		checkSplit(t, []byte(s), ',')
		checkSplit(t, bytes.ReplaceAll([]byte(s), []byte{','}, []byte{';'}), ';')
	}
}

func FuzzSplitRows(f *testing.F) {
	for _, s := range []string{"a,b\r\nc", "\"a\"\"\r\nb\",c\n", "\"a\"\r", "x,\"\n\"\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSplit(t, data, ',')
		checkSplit(t, data, '\t')
	})
}

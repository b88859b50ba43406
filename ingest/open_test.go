package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad files are refused by Open with an error naming the file and,
// where it helps, the line and column, before any row is read.
func TestOpenRefusesBadFiles(t *testing.T) {
	latin1 := "date,citizenship\n2019,C\xf4te d'Ivoire\n"
	tests := []struct {
		name, content, want string
	}{
		{"empty.csv", "", "empty.csv: empty file"},
		{"blank.csv", "\n\n  \n", "blank.csv: empty file"},
		{"bom-only.csv", "\xEF\xBB\xBF", "bom-only.csv: empty file"},
		{"bin.csv", "date,lat\x00\x01\x02", "bin.csv:1:9: binary file (NUL byte); want UTF-8 CSV, Arrow IPC or Parquet"},
		{"latin1.csv", latin1, "latin1.csv:2:7: not UTF-8 (byte 0xF4); re-encode the file as UTF-8"},
		{"utf16.csv", "\xFF\xFEd\x00a\x00", "utf16.csv:1:1: file is UTF-16; convert it to UTF-8"},
		{"colon.csv", "date:citizenship\n2019:PH\n", `colon.csv:1: cannot find the delimiter: the header "date:citizenship" is one column (want , ; tab or |)`},
		{"noplace.csv", "case_id,date,gender\n1,2019,f\n", "noplace.csv:1: missing required columns for cases: a place: citizenship or exploitation_country, or lat and lon"},
		{"latonly.csv", "date,lat\n2019,1\n", "latonly.csv:1: missing required columns for cases: lon (lon, lng, long, longitude)"},
		{"what.csv", "a,b,c\n1,2,3\n", "what.csv:1: cannot tell the format from the header (a, b, c); name it with --format cases, ctdc, incidents or flows"},
		{"ctdc.csv", "yearOfRegistration,gender\n2019,Male\n", "ctdc.csv:1: missing required columns for ctdc: citizenship; CountryOfExploitation"},
		{"inc.csv", "Region,Reported Date,Number Dead,Latitude\nx,y,1,2\n", "inc.csv:1: missing required columns for incidents: coordinates: coordinates (Location Coordinates, Coordinates), or lat (Latitude, lat) and lon (Longitude, lon)"},
		{"header-quote.csv", "date,\"citizenship\n", "header-quote.csv:1:19: header: extraneous or missing \" in quoted-field"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Open(p, Options{})
		if err == nil {
			r.Close()
			t.Errorf("%s: opened", tc.name)
			continue
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.File != tc.name {
			t.Errorf("%s: error %T %v does not name the file", tc.name, err, err)
		}
		if err.Error() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, err.Error(), tc.want)
		}
	}
	if _, err := Open(filepath.Join(dir, "nope.csv"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// A non-UTF-8 byte after the 64 KiB sniff window rejects that row only.
func TestInvalidUTF8AfterSniff(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,citizenship,notes\n")
	for b.Len() < sniffSize+100 {
		b.WriteString("2019,PH,ok\n")
	}
	rows := strings.Count(b.String(), "\n") - 1
	b.WriteString("2019,C\xf4te d'Ivoire,ok\n")
	b.WriteString("2019,PH,caf\xe9\n") // in a dropped column: harmless
	_, rejs, sum := readString(t, b.String(), Options{})
	wantRejects(t, rejs, []Reject{{Line: int64(rows + 2), Column: 2, Field: "citizenship", Value: "C\uFFFDte d'Ivoire", Reason: InvalidUTF8}})
	if sum.RowsRead != int64(rows+2) {
		t.Errorf("read %d", sum.RowsRead)
	}
}

// Every common delimiter, with and without a byte-order mark and CRLF
// line ends, reads to the same records.
func TestDelimitersAndBOM(t *testing.T) {
	rows := [][]string{{"date", "citizenship", "exploitation_country", "count"}, {"2019", "PH", "Korea, Republic of", "2"}, {"2020-01", "MD", "RU", "1"}}
	var want []Record
	for _, bom := range []string{"", "\xEF\xBB\xBF"} {
		for _, sep := range []string{",", ";", "\t", "|"} {
			for _, eol := range []string{"\n", "\r\n"} {
				var b strings.Builder
				b.WriteString(bom)
				for _, r := range rows {
					for i, f := range r {
						if i > 0 {
							b.WriteString(sep)
						}
						if strings.Contains(f, sep) {
							f = `"` + f + `"`
						}
						b.WriteString(f)
					}
					b.WriteString(eol)
				}
				recs, rejs, _ := readString(t, b.String(), Options{})
				if len(rejs) != 0 || len(recs) != 2 {
					t.Fatalf("sep %q bom %q: %d records %v", sep, bom, len(recs), rejs)
				}
				if want == nil {
					want = recs
					if recs[0].Destination != "KOR" || recs[1].Date != (Date{2020, 1, 0, PrecisionMonth}) {
						t.Fatalf("records %+v", recs)
					}
				}
				for i := range recs {
					if recs[i].Origin != want[i].Origin || recs[i].Destination != want[i].Destination || recs[i].Count != want[i].Count {
						t.Errorf("sep %q bom %q eol %q: %+v", sep, bom, eol, recs[i])
					}
				}
			}
		}
	}
}

func TestGzip(t *testing.T) {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte("date,citizenship\n2019,PH\n2019,Atlantis\n"))
	zw.Close()
	p := filepath.Join(t.TempDir(), "cases.csv.gz")
	os.WriteFile(p, z.Bytes(), 0o644)
	r, err := Open(p, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	recs, rejs, sum := readAll(t, r)
	if err := r.Close(); err != nil {
		t.Error(err)
	}
	if len(recs) != 1 || recs[0].Origin != "PHL" || len(rejs) != 1 || rejs[0].File != "cases.csv.gz" || sum.File != "cases.csv.gz" {
		t.Errorf("recs %+v rejs %+v", recs, rejs)
	}

	// A truncated stream stops the read with an error naming the file,
	// after the rows that could be read.
	var big bytes.Buffer
	zw = gzip.NewWriter(&big)
	zw.Write([]byte("date,citizenship,notes\n"))
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(zw, "2019,PH,%d\n", i*7919%100003)
	}
	zw.Close()
	os.WriteFile(p, big.Bytes()[:big.Len()/2], 0o644)
	r, err = Open(p, Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sum, err = r.Read(nil, nil)
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "cases.csv.gz" || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated gzip: %v", err)
	}
	if sum.RowsRead < 5000 || sum.RowsRead >= 20000 || sum.RowsUsed != sum.RowsRead {
		t.Errorf("truncated gzip summary %+v", sum)
	}
}

// A quote error confined to one line rejects that row and reading goes
// on; a row with the wrong number of fields is rejected whole; a quote
// left open stops the read with the line where it was opened.
func TestMalformedRows(t *testing.T) {
	const in = "date,citizenship,notes\n" +
		"2019,PH,fine\n" +
		"2019,P\"H,bare quote\n" +
		"2019,\"PH\"x,text after quote\n" +
		"2019,PH\n" +
		"2019,PH,a,b\n" +
		"2019,\"multi\nline\",ok\n" + // a quoted newline is fine; the country is not
		"2019,UA,last\n"
	_, rejs, sum := readString(t, in, Options{})
	wantRejects(t, rejs, []Reject{
		{Line: 3, Column: 2, Field: "citizenship", Reason: BadQuote},
		{Line: 4, Column: 2, Field: "citizenship", Reason: BadQuote},
		{Line: 5, Reason: FieldCount},
		{Line: 6, Reason: FieldCount},
		{Line: 7, Column: 2, Field: "citizenship", Value: "multi\nline", Reason: UnknownCountry},
	})
	if sum.RowsRead != 7 || sum.RowsUsed != 2 {
		t.Errorf("summary %+v", sum)
	}

	r, err := NewReader(strings.NewReader("date,citizenship\n2019,PH\n2019,\"PH\n2019,UA\n"), "open.csv", Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	sum, err = r.Read(func(b []Record) error { n += len(b); return nil }, nil)
	var fe *FileError
	if !errors.As(err, &fe) || fe.File != "open.csv" || fe.Line != 3 {
		t.Fatalf("got %v", err)
	}
	if n != 1 || sum.RowsRead != 1 || sum.RowsUsed != 1 {
		t.Errorf("records before the error: %d, summary %+v", n, sum)
	}
	if !strings.HasPrefix(err.Error(), "open.csv:3:") {
		t.Errorf("message %q", err.Error())
	}
}

func TestFileErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    FileError
		want string
	}{
		{FileError{File: "cases.csv", Line: 12, Column: 3, Err: errors.New("boom")}, "cases.csv:12:3: boom"},
		{FileError{File: "cases.csv", Line: 12, Err: errors.New("boom")}, "cases.csv:12: boom"},
		{FileError{File: "cases.csv", Err: errors.New("boom")}, "cases.csv: boom"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q want %q", got, tc.want)
		}
	}
}

// Batches are handed over full and the slice is reused.
func TestBatches(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,citizenship\n")
	for i := 0; i < 10; i++ {
		b.WriteString("2019,PH\n")
	}
	r, err := NewReader(strings.NewReader(b.String()), "b.csv", Options{BatchSize: 4, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	var rows []int64
	sum, err := r.Read(func(recs []Record) error {
		sizes = append(sizes, len(recs))
		for _, rec := range recs {
			rows = append(rows, rec.Row)
		}
		return nil
	}, nil)
	if err != nil || sum.RowsUsed != 10 {
		t.Fatal(err, sum)
	}
	if len(sizes) != 3 || sizes[0] != 4 || sizes[1] != 4 || sizes[2] != 2 {
		t.Errorf("batch sizes %v", sizes)
	}
	for i, row := range rows {
		if row != int64(i+1) {
			t.Errorf("rows %v", rows)
			break
		}
	}
	if got := r.BytesRead(); got != int64(b.Len()) {
		t.Errorf("BytesRead %d, want %d", got, b.Len())
	}
	if _, err := r.Read(nil, nil); err == nil {
		t.Error("second Read succeeded")
	}
	// A callback error stops the read and is returned as is.
	stop := errors.New("stop")
	r, _ = NewReader(strings.NewReader(b.String()), "b.csv", Options{BatchSize: 4, Now: testNow})
	if _, err := r.Read(func([]Record) error { return stop }, nil); err != stop {
		t.Errorf("got %v", err)
	}
}

// A multi-byte character cut in two by the end of the 64 KiB sniff
// window is not mistaken for invalid UTF-8.
func TestSniffWindowSplitsCharacter(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,citizenship\n")
	for b.Len()+len("2019,T") < sniffSize-1 {
		b.WriteString("2019,PH\n")
	}
	if b.Len()+len("2019,T") != sniffSize-1 {
		t.Fatalf("layout: %d", b.Len())
	}
	b.WriteString("2019,Türkiye\n") // ü is 0xC3 0xBC at offsets 65535, 65536
	recs, rejs, _ := readString(t, b.String(), Options{})
	if len(rejs) != 0 || recs[len(recs)-1].Origin != "TUR" {
		t.Errorf("rejects %v last %+v", rejs, recs[len(recs)-1])
	}
}

package ingest

import (
	"bytes"
	"testing"
)

func TestRejectsWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewRejectsWriter(&b)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "file,line,column,field,value,reason\n" {
		t.Errorf("empty file %q", got)
	}
	b.Reset()
	w = NewRejectsWriter(&b)
	w.Write(Reject{File: "mm.csv", Line: 81, Column: 16, Field: "Location Coordinates", Value: "-114.579342, 32.468858", Reason: SwappedLatLon})
	w.Write(Reject{File: "t.csv", Line: 5, Reason: FieldCount})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "file,line,column,field,value,reason\n" +
		"mm.csv,81,16,Location Coordinates,\"-114.579342, 32.468858\",swapped_lat_lon\n" +
		"t.csv,5,0,,,field_count\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Personal data never passes ingest: unique markers planted in
// non-schema columns of every kind, in used rows, in rejected rows, in
// rows with too many fields and in rows with broken quotes, must not
// appear in any byte of any Record, Reject, Summary or rejects.csv.
func TestNoPersonalDataPassesIngest(t *testing.T) {
	marker := func(i int) string { return fmt.Sprintf("ZQX%04dMARK", i) }
	n := 0
	next := func() string { n++; return marker(n) }

	inputs := map[string]string{}
	{
		var b strings.Builder
		b.WriteString("case_id,date,citizenship,exploitation_country,lat,lon,victim_name,phone,address\n")
		fmt.Fprintf(&b, "c1,2019,PH,US,14.6,121,%s,%s,%s\n", next(), next(), next())
		fmt.Fprintf(&b, "c2,2019,Atlantis,US,,,%s,%s,%s\n", next(), next(), next())      // rejected
		fmt.Fprintf(&b, "c3,1800,PH,US,,,%s,%s,%s\n", next(), next(), next())            // rejected
		fmt.Fprintf(&b, "c4,2019,PH,US,,,%s,%s,%s,%s\n", next(), next(), next(), next()) // field count
		fmt.Fprintf(&b, "c5,2019,PH,US,,,%s\"x,%s,%s\n", next(), next(), next())         // bare quote
		fmt.Fprintf(&b, "c6,2019,PH,US,,,\"%s\"x,%s,%s\n", next(), next(), next())       // text after quote
		inputs["cases"] = b.String()
	}
	{
		var b strings.Builder
		b.WriteString(ctdcHeader[:len(ctdcHeader)-1] + ",name\n")
		fmt.Fprintf(&b, "2016,Female,18--20,PH,1.0,0.0,US,%s,%s,%s,,,,PHL,USA,%s\n", next(), next(), next(), next())
		fmt.Fprintf(&b, "2016,Female,18--20,ZZ,1.0,0.0,US,%s,%s,%s,,,,PHL,USA,%s\n", next(), next(), next(), next())
		inputs["ctdc"] = b.String()
	}
	{
		var b strings.Builder
		b.WriteString("Incident ID,Region,Reported Date,Total Dead and Missing,Location Coordinates,Location Description,URL,Information Source\n")
		fmt.Fprintf(&b, "i1,Europe,\"May 1, 2019\",3,\"45, 10\",%s,%s,%s\n", next(), next(), next())
		fmt.Fprintf(&b, "i2,Caribbean,\"May 1, 2019\",3,\"18, 68\",%s,%s,%s\n", next(), next(), next())
		fmt.Fprintf(&b, "i3,Europe,\"May 1, 2019\",-3,\"45, 10\",%s,%s,%s\n", next(), next(), next())
		inputs["incidents"] = b.String()
	}
	{
		var b strings.Builder
		b.WriteString("orig,dest,year,refugees,orig_name,comment\n")
		fmt.Fprintf(&b, "AFG,PAK,2019,100,%s,%s\n", next(), next())
		fmt.Fprintf(&b, "AFG,PAK,2019,NA,%s,%s\n", next(), next())
		inputs["flows"] = b.String()
	}

	for kind, text := range inputs {
		recs, rejs, sum := readString(t, text, Options{})
		if len(recs) == 0 || len(rejs) == 0 {
			t.Fatalf("%s: want both used and rejected rows, got %d and %d", kind, len(recs), len(rejs))
		}
		var out bytes.Buffer
		fmt.Fprintf(&out, "%#v\n%#v\n%#v\n", recs, rejs, sum)
		w := NewRejectsWriter(&out)
		for _, j := range rejs {
			w.Write(j)
		}
		w.Flush()
		for i := 1; i <= n; i++ {
			if m := marker(i); strings.Contains(text, m) && bytes.Contains(out.Bytes(), []byte(m)) {
				t.Errorf("%s: marker %s leaked:\n%s", kind, m, out.String())
			}
		}
		// The markers are in the input, so a reader that kept every
		// column would fail this test.
		if !strings.Contains(text, "MARK") || !bytes.Contains([]byte(text), []byte("ZQX")) {
			t.Fatal("no markers planted")
		}
	}
	if n < 40 {
		t.Fatalf("only %d markers", n)
	}
}

package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/htmap/htmap/ingest"
)

// The manifest's size and SHA-256 of an input are those of the file,
// whether ingest hashed it as it read (CSV, gzip) or the digest had to
// read it again (a reader that never got to the end).
func TestInputDigest(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("date,citizenship,exploitation_country,lat,lon\n")
	for range 20000 {
		b.WriteString("2019-04-07,PH,MYS,3.1,101.7\n")
	}
	csvPath := filepath.Join(dir, "c.csv")
	os.WriteFile(csvPath, []byte(b.String()), 0o644)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(b.String()))
	zw.Close()
	gzPath := filepath.Join(dir, "c.csv.gz")
	os.WriteFile(gzPath, z.Bytes(), 0o644)

	for _, p := range []string{csvPath, gzPath} {
		data, _ := os.ReadFile(p)
		want := sha256.Sum256(data)
		recs, err := ReadInputs(context.Background(), []Input{{Path: p}}, false, nil,
			func(int, ingest.Kind, []ingest.Record) error { return nil }, nil)
		if err != nil {
			t.Fatal(err)
		}
		if recs[0].SHA256 != hex.EncodeToString(want[:]) || recs[0].Bytes != int64(len(data)) {
			t.Errorf("%s: manifest has %d bytes %s, want %d %x", p, recs[0].Bytes, recs[0].SHA256, len(data), want)
		}
	}
}

func TestInputDigestUnread(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.csv")
	// larger than ingest's sniff window, so opening alone does not read it all
	data := []byte("date,citizenship\n" + strings.Repeat("2019,PH\n", 20000))
	os.WriteFile(p, data, 0o644)
	r, size, digest, err := openInput(Input{Path: p}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sum, err := digest() // nothing read yet: the digest reads the file itself
	want := sha256.Sum256(data)
	if err != nil || sum != hex.EncodeToString(want[:]) || size != int64(len(data)) {
		t.Errorf("digest %s %v, size %d; want %x, %d", sum, err, size, want, len(data))
	}
}

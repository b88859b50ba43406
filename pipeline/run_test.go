package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func readManifest(t *testing.T, dir string) Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// sampleRun runs the pipeline on the embedded sample once for the whole
// test binary; tests only read its output.
var sampleRun = sync.OnceValues(func() (string, *Manifest) {
	dir, err := os.MkdirTemp("", "htmap-sample-run-")
	if err != nil {
		panic(err)
	}
	out := filepath.Join(dir, "out")
	m, err := Run(context.Background(), Config{Out: out, Quiet: true}, Options{Command: []string{"htmap", "run", "--out", out}})
	if err != nil {
		panic(err)
	}
	return out, m
})

func TestMain(m *testing.M) {
	code := m.Run()
	if dir, _ := filepath.Split(filepath.Clean(sampleDirIfRun)); dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

var sampleDirIfRun string

func sampleOut(t *testing.T) (string, *Manifest) {
	t.Helper()
	out, m := sampleRun()
	sampleDirIfRun = out
	return out, m
}

func TestRunSampleAccountsForEveryRow(t *testing.T) {
	out, m := sampleOut(t)
	if len(m.Inputs) != 3 {
		t.Fatalf("sample run read %d inputs, want 3", len(m.Inputs))
	}
	for _, in := range m.Inputs {
		if in.RowsRead == 0 || in.RowsUsed+in.RowsRejected != in.RowsRead {
			t.Errorf("%s: read %d, used %d, rejected %d", in.Name, in.RowsRead, in.RowsUsed, in.RowsRejected)
		}
		var sum int64
		for _, n := range in.Rejected {
			sum += n
		}
		if sum != in.RowsRejected {
			t.Errorf("%s: reasons add up to %d, rejected %d", in.Name, sum, in.RowsRejected)
		}
	}
	// Every rejected row is in private/rejects.csv: one line each plus the header.
	b, err := os.ReadFile(filepath.Join(out, PrivateDir, "rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := int64(bytes.Count(b, []byte("\n"))); lines != m.Totals.RowsRejected+1 {
		t.Errorf("rejects.csv has %d lines for %d rejected rows", lines, m.Totals.RowsRejected)
	}
	if m.Totals.RowsRejected == 0 {
		t.Error("the sample plants invalid rows, but none was rejected")
	}
	if got := readManifest(t, out); got.Totals != m.Totals {
		t.Errorf("manifest on disk %+v, returned %+v", got.Totals, m.Totals)
	}
}

// Two runs into different folders give byte-identical files.
func TestRunIsReproducible(t *testing.T) {
	base := t.TempDir()
	first, _ := sampleOut(t)
	var sums []map[string][]byte
	for _, out := range []string{first, filepath.Join(base, "deeper", "b")} {
		if out != first {
			cfg := Config{Out: out, Quiet: true, Workers: 1}
			if _, err := Run(context.Background(), cfg, Options{Command: []string{"htmap", "run", "--out", out}}); err != nil {
				t.Fatal(err)
			}
		}
		files := map[string][]byte{}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == "timings.json" {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(out, p)
			files[rel] = b
			return err
		})
		sums = append(sums, files)
	}
	if len(sums[0]) != len(sums[1]) {
		t.Fatalf("runs wrote %d and %d files", len(sums[0]), len(sums[1]))
	}
	for name, b := range sums[0] {
		if !bytes.Equal(b, sums[1][name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}

// Personal fields never leave ingest: marker strings planted in
// non-schema columns, and in a row that is rejected, appear in no byte of
// any output, private files included.
func TestPersonalFieldsNeverPublished(t *testing.T) {
	dir := t.TempDir()
	csv := "case_id,date,citizenship,exploitation_country,lat,lon,victim_name,phone,notes\n" +
		"c1,2019-03-01,PH,US,34.05,-118.25,MARKER_NAME_7f3a,MARKER_PHONE_91b2,MARKER_NOTE_c4d5\n" +
		"c2,2019-13-45,PH,US,34.05,-118.25,MARKER_NAME_rej1,MARKER_PHONE_rej2,MARKER_NOTE_rej3\n" +
		"c3,2020,UA,PL,,,MARKER_NAME_88aa,,\n"
	in := filepath.Join(dir, "cases.csv")
	if err := os.WriteFile(in, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	m, err := Run(context.Background(), Config{Inputs: []Input{{Path: in}}, Out: out, Quiet: true}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Totals.RowsRead != 3 || m.Totals.RowsRejected != 1 {
		t.Fatalf("totals %+v, want 3 read and 1 rejected", m.Totals)
	}
	n := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := os.ReadFile(p)
		if bytes.Contains(b, []byte("MARKER_")) {
			t.Errorf("%s contains a planted personal-field marker", p)
		}
		return err
	})
	if n < 2 {
		t.Fatalf("only %d output files checked", n)
	}
}

func TestOutRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), Config{Out: dir, Quiet: true}, Options{})
	if err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err = %v, want a refusal naming --force", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "precious.txt")); string(b) != "keep" {
		t.Error("the foreign folder was changed")
	}
	ents, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".htmap-tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestRedactOut(t *testing.T) {
	got := redactOut([]string{"htmap", "run", "--out", "/home/x/out", "--out=/y", "--in", "a.csv"}, "")
	want := "htmap run --out <out> --out=<out> --in a.csv"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

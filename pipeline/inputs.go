package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"sort"
	"strings"

	"github.com/htmap/htmap/data/sample"
	"github.com/htmap/htmap/ingest"
)

const embeddedPrefix = "embedded:"

func isEmbedded(p string) bool { return strings.HasPrefix(p, embeddedPrefix) }

// SampleInputs names the files of the embedded sample, which a run with
// no input reads.
func SampleInputs() []Input {
	return []Input{
		{Path: embeddedPrefix + "cases.csv"},
		{Path: embeddedPrefix + "incidents.csv"},
		{Path: embeddedPrefix + "flows.csv"},
	}
}

// options turns an Input into ingest options.
func (in Input) options(fixSwapped bool) (ingest.Options, error) {
	opt := ingest.Options{Columns: in.Columns, CountColumn: in.CountColumn, FixSwapped: fixSwapped}
	if in.Format != "" {
		k, err := ingest.ParseKind(in.Format)
		if err != nil {
			return opt, err
		}
		opt.Kind = k
	}
	return opt, nil
}

// sensitive tells whether an input's records describe victims.
func (in Input) sensitive(k ingest.Kind) bool {
	if in.Sensitive != nil {
		return *in.Sensitive
	}
	return k.Sensitive()
}

// openInput opens an input file, or a file of the embedded sample, and
// returns its reader with the input's size and a function giving its
// SHA-256, to call once the reader has been read.
func openInput(in Input, fixSwapped bool) (*ingest.Reader, int64, func() (string, error), error) {
	opt, err := in.options(fixSwapped)
	if err != nil {
		return nil, 0, nil, err
	}
	if isEmbedded(in.Path) {
		files, err := sample.Embedded()
		if err != nil {
			return nil, 0, nil, err
		}
		name := strings.TrimPrefix(in.Path, embeddedPrefix)
		b, ok := files[name]
		if !ok {
			names := make([]string, 0, len(files))
			for n := range files {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, 0, nil, fmt.Errorf("%s: no such embedded file (have %s)", in.Path, strings.Join(names, ", "))
		}
		n, sum, _ := hashReader(bytes.NewReader(b))
		r, err := ingest.NewReader(bytes.NewReader(b), in.Path, opt)
		return r, n, func() (string, error) { return sum, nil }, err
	}
	fi, err := os.Stat(in.Path)
	if err != nil {
		return nil, 0, nil, err
	}
	// The file is hashed as ingest reads it; digest falls back to a
	// second pass where ingest did not read it all, in order.
	h := &countingHash{h: sha256.New()}
	opt.Tee = h
	r, err := ingest.Open(in.Path, opt)
	digest := func() (string, error) {
		if h.n == fi.Size() {
			return hex.EncodeToString(h.h.Sum(nil)), nil
		}
		n, sum, err := hashFile(in.Path)
		if err == nil && n != fi.Size() {
			err = fmt.Errorf("%s changed while it was read", in.Path)
		}
		return sum, err
	}
	return r, fi.Size(), digest, err
}

// countingHash is a hash that counts the bytes written to it.
type countingHash struct {
	h hash.Hash
	n int64
}

func (c *countingHash) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.h.Write(p)
}

// record turns an ingest summary into the manifest's input record.
func record(in Input, s ingest.Summary, size int64, sum string) InputRecord {
	rec := InputRecord{
		Name:           in.Path,
		Format:         s.Kind.String(),
		Sensitive:      in.sensitive(s.Kind),
		Bytes:          size,
		SHA256:         sum,
		RowsRead:       s.RowsRead,
		RowsUsed:       s.RowsUsed,
		RowsRejected:   s.RowsRejected,
		Rejected:       map[string]int64{},
		SameCountry:    s.SameCountry,
		DroppedColumns: append([]string{}, s.Dropped...),
	}
	for r, n := range s.Rejected {
		rec.Rejected[string(r)] = n
	}
	if len(s.Repaired) > 0 {
		rec.Repaired = map[string]int64{}
		for r, n := range s.Repaired {
			rec.Repaired[string(r)] = n
		}
	}
	return rec
}

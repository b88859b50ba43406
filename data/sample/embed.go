package sample

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
)

//go:generate go run ./internal/gen embedded

// embedded holds the default sample, gzip-compressed. The directory also
// holds a README, so the pattern matches even before the first
// `go generate`.
//
//go:embed embedded
var embedded embed.FS

// embeddedNames are the embedded sample's files.
func embeddedNames() []string {
	return []string{"cases.csv", "incidents.csv", "flows.csv", "truth.json"}
}

// Embedded returns the files of the embedded sample, made by
// DefaultConfig, decompressed: "cases.csv", "incidents.csv", "flows.csv"
// and "truth.json" mapped to their bytes. The map is new on every call,
// so callers may keep or change it. The bytes are exactly what
// Write(DefaultConfig()) produces (a test checks this).
func Embedded() (map[string][]byte, error) {
	out := make(map[string][]byte, 4)
	for _, name := range embeddedNames() {
		b, err := embeddedFile(name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

// EmbeddedTruth returns what is planted in the embedded sample.
func EmbeddedTruth() (Truth, error) {
	var t Truth
	b, err := embeddedFile("truth.json")
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return t, fmt.Errorf("sample: embedded truth.json: %w", err)
	}
	return t, nil
}

func embeddedFile(name string) ([]byte, error) {
	z, err := embedded.ReadFile("embedded/" + name + ".gz")
	if err != nil {
		return nil, fmt.Errorf("sample: embedded %s missing (run go generate ./data/sample): %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("sample: embedded %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("sample: embedded %s: %w", name, err)
	}
	return b, nil
}

package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"runtime/debug"
	"sort"

	"github.com/htmap/htmap/analysis/vulnerability"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
	"github.com/htmap/htmap/privacy"
)

// Version is htmap's release version, written into every manifest.
const Version = "0.1.0-dev"

// Manifest describes a run completely enough to repeat it: what htmap
// it was, the resolved configuration, every input with its hash and row
// accounting, every output with its hash, and the warnings. It holds no
// clock time and no absolute output path, so two runs of the same inputs
// and config give the same bytes.
type Manifest struct {
	Htmap    BuildInfo      `json:"htmap"`
	Command  []string       `json:"command"`
	Config   Config         `json:"config"`
	Inputs   []InputRecord  `json:"inputs"`
	Totals   Totals         `json:"totals"`
	Analyses []KindAnalysis `json:"analyses"`
	Privacy  privacy.Report `json:"privacy"`
	// Vulnerability summarises the risk-factor index, when one was built.
	Vulnerability *vulnerability.Summary `json:"vulnerability,omitempty"`
	Outputs       []OutputRecord         `json:"outputs"`
	Warnings      []string               `json:"warnings"`
}

// KindAnalysis records the parameters each input kind was analysed with,
// as resolved: the cell system, the weights and why, the time steps, the
// clustering radius.
type KindAnalysis struct {
	Kind          string        `json:"kind"`
	Sensitive     bool          `json:"sensitive"`
	FirstDate     string        `json:"first_date"`
	LastDate      string        `json:"last_date"`
	CellSystem    string        `json:"cell_system,omitempty"`
	Cells         int           `json:"cells,omitempty"`
	Weights       string        `json:"weights,omitempty"`
	WeightsReason string        `json:"weights_reason,omitempty"`
	Unplaced      *geo.Unplaced `json:"unplaced,omitempty"`
	Steps         []string      `json:"steps,omitempty"`
	ClusterMethod string        `json:"cluster_method,omitempty"`
	ClusterEpsKm  float64       `json:"cluster_eps_km,omitempty"`
	HotspotField  string        `json:"hotspot_field,omitempty"`
}

// usedRows is the number of rows used from the inputs of one kind.
func usedRows(inputs []InputRecord, kind ingest.Kind) int64 {
	var n int64
	for _, in := range inputs {
		if in.Format == kind.String() {
			n += in.RowsUsed
		}
	}
	return n
}

// BuildInfo names the htmap that made a run.
type BuildInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
}

// InputRecord is one input's identity and row accounting:
// RowsUsed + RowsRejected == RowsRead always.
type InputRecord struct {
	Name           string           `json:"name"`
	Format         string           `json:"format"`
	Sensitive      bool             `json:"sensitive"`
	Bytes          int64            `json:"bytes"`
	SHA256         string           `json:"sha256"`
	RowsRead       int64            `json:"rows_read"`
	RowsUsed       int64            `json:"rows_used"`
	RowsRejected   int64            `json:"rows_rejected"`
	Rejected       map[string]int64 `json:"rejected_by_reason"`
	Repaired       map[string]int64 `json:"repaired_by_reason,omitempty"`
	SameCountry    int64            `json:"same_country_rows,omitempty"`
	DroppedColumns []string         `json:"dropped_columns"`
}

// Totals adds up the row accounting over all inputs.
type Totals struct {
	RowsRead     int64 `json:"rows_read"`
	RowsUsed     int64 `json:"rows_used"`
	RowsRejected int64 `json:"rows_rejected"`
}

// OutputRecord is one file the run wrote, relative to the output folder.
type OutputRecord struct {
	Path     string `json:"path"`
	Format   string `json:"format"`
	SHA256   string `json:"sha256"`
	Features int64  `json:"features,omitempty"`
	Private  bool   `json:"private,omitempty"`
}

func buildInfo() BuildInfo {
	b := BuildInfo{Version: Version, Commit: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				b.Commit = s.Value
			}
		}
	}
	return b
}

func (m *Manifest) sortOutputs() {
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// hashFile returns the size and hex SHA-256 of a file.
func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	return hashReader(f)
}

func hashReader(r io.Reader) (int64, string, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// The global Missing Migrants file has incidents with no one dead or
// missing (weight 0): clustering leaves them out as noise instead of
// failing, and every point record gets a label.
func TestClustersOnMissingMigrants(t *testing.T) {
	in := testenv.SharedFile(t, "missing_migrants_global_2014_2021.csv")
	out := filepath.Join(t.TempDir(), "out")
	m, err := Run(context.Background(), Config{Inputs: []Input{{Path: in}}, Out: out, Quiet: true, Flat: true,
		Stages: []string{"clusters"}, EpsKm: 50, MinPoints: 20}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, PrivateDir, "labels.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := int64(bytes.Count(b, []byte("\n"))) - 1; lines != m.Totals.RowsUsed {
		t.Errorf("%d labels for %d incidents", lines, m.Totals.RowsUsed)
	}
	fs := readLayer(t, filepath.Join(out, "clusters.geojson"))
	if len(fs) < 10 {
		t.Errorf("%d clusters", len(fs))
	}
}

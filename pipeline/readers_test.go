package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// Every layer of a sample run opens in readers that share no code with
// htmap, with the same rows and values as its GeoJSON: apache-arrow (npm)
// for the Arrow IPC files with their GeoArrow metadata, DuckDB (npm) for
// the GeoParquet files with their geo metadata.
func TestOutputsOpenInIndependentReaders(t *testing.T) {
	mods := testenv.NodeModules(t, "apache-arrow", "@duckdb/node-api")
	node := testenv.Command(t, "node")
	out, _ := sampleOut(t)
	cmd := exec.Command(node, filepath.Join("testdata", "check_outputs.cjs"), out)
	cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
	b, err := cmd.CombinedOutput()
	t.Logf("%s", b)
	if err != nil {
		t.Fatalf("independent readers disagree: %v", err)
	}
	if n := strings.Count("\n"+string(b), "\nok "); n < 10 {
		t.Errorf("only %d layers checked", n)
	}
}

// GDAL's GeoJSON driver (Debian's ogrinfo) opens every GeoJSON layer of a
// sample run with no warning or error.
func TestGeoJSONOpensInGDAL(t *testing.T) {
	ogrinfo := testenv.Command(t, "ogrinfo")
	out, _ := sampleOut(t)
	files, _ := filepath.Glob(filepath.Join(out, "*", "*.geojson"))
	if len(files) < 10 {
		t.Fatalf("only %d GeoJSON layers", len(files))
	}
	for _, f := range files {
		if strings.Contains(f, string(filepath.Separator)+PrivateDir+string(filepath.Separator)) {
			continue
		}
		cmd := exec.Command(ogrinfo, "-ro", "-so", "-al", f)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		stdout, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("ogrinfo %s: %v\n%s", f, err, stderr.String())
			continue
		}
		if !strings.Contains(string(stdout), "Feature Count:") {
			t.Errorf("ogrinfo %s printed no feature count:\n%s", f, stdout)
		}
	}
}

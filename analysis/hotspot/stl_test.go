package hotspot

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/internal/testenv"
)

// libpysalExamples returns the folder of the example data that Debian's
// python3-libpysal ships (the St. Louis homicides among them).
// Importing libpysal takes seconds, so the answer is kept for the run.
func libpysalExamples(t *testing.T) string {
	t.Helper()
	examplesOnce.Do(func() {
		py := testenv.DebianPython(t, "libpysal")
		out, err := exec.Command(py, "-c", "import libpysal, os; print(os.path.dirname(libpysal.__file__))").Output()
		if err != nil {
			examplesErr = err
			return
		}
		examplesDir = filepath.Join(strings.TrimSpace(string(out)), "examples")
	})
	if examplesDir == "" {
		// A skip inside Once leaves examplesDir empty; ask again so this
		// test skips (or fails in CI) with the reason too.
		testenv.DebianPython(t, "libpysal")
		t.Fatalf("locating libpysal: %v", examplesErr)
	}
	return examplesDir
}

var (
	examplesOnce sync.Once
	examplesDir  string
	examplesErr  error
)

// TestMoranStLouis reproduces esda's test_moran on the St. Louis homicide
// rates 1988-93 (stl_hom.txt, HR8893) with the contiguity of stl.gal,
// row-standardised, read by our GAL reader.
func TestMoranStLouis(t *testing.T) {
	o := loadOracles(t)
	dir := filepath.Join(libpysalExamples(t), "stl")
	f, err := os.Open(filepath.Join(dir, "stl_hom.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var y []float64
	col := -1
	for line := 0; sc.Scan(); line++ {
		fs := strings.Split(sc.Text(), ",")
		switch {
		case line == 0: // "78,4"
		case line == 1:
			for k, name := range fs {
				if strings.Trim(name, `"`) == "HR8893" {
					col = k
				}
			}
		default:
			v, err := strconv.ParseFloat(fs[col], 64)
			if err != nil {
				t.Fatalf("stl_hom.txt:%d: %v", line+1, err)
			}
			y = append(y, v)
		}
	}
	if len(y) != 78 {
		t.Fatalf("read %d rates, want 78", len(y))
	}
	g, err := os.Open(filepath.Join(dir, "stl.gal"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	ids := make([]string, 78)
	for i := range ids {
		ids[i] = strconv.Itoa(i + 1)
	}
	w, err := weights.ReadGAL(g, ids)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Moran(y, w.RowStandardized())
	if err != nil {
		t.Fatal(err)
	}
	s := o.STL
	scalarClose(t, "I", m.I, s["I"])
	scalarClose(t, "EI", m.EI, s["EI"])
	scalarClose(t, "VI_norm", m.VINorm, s["VI_norm"])
	scalarClose(t, "VI_rand", m.VIRand, s["VI_rand"])
	scalarClose(t, "z_norm", m.ZNorm, s["z_norm"])
	scalarClose(t, "z_rand", m.ZRand, s["z_rand"])
	scalarClose(t, "p_norm one-sided", m.PNorm/2, s["p_norm_one_sided"])
}

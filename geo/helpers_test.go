package geo

import (
	"bufio"
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// runRef runs an external reference program with lines on stdin and
// returns its output lines split into float fields.
func runRef(t *testing.T, input []string, name string, args ...string) [][]float64 {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = strings.NewReader(strings.Join(input, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	var res [][]float64
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var row []float64
		for _, f := range strings.Fields(sc.Text()) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("%s output %q: %v", name, sc.Text(), err)
			}
			row = append(row, v)
		}
		res = append(res, row)
	}
	if len(res) != len(input) {
		t.Fatalf("%s gave %d lines for %d inputs", name, len(res), len(input))
	}
	return res
}

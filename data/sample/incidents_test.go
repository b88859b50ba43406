package sample

import (
	"bufio"
	"bytes"
	"cmp"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// dbscanBrute is DBSCAN from its definition (Ester et al. 1996, as
// scikit-learn runs it: min_points counts the point itself), comparing
// every pair whose latitudes are within eps of each other: obviously
// right, and independent of any spatial index. Labels are cluster
// numbers from 0, or -1 for noise.
func dbscanBrute(lat, lon []float64, eps float64, minPts int) []int {
	n := len(lat)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(lat[a], lat[b]) })
	dlat := eps/(earthRadiusKm*math.Pi/180) + 1e-9 // a degree of latitude is the same length everywhere
	nb := make([][]int, n)
	for a, i := range order {
		for _, j := range order[a:] {
			if lat[j]-lat[i] > dlat {
				break
			}
			if haversineKm(lat[i], lon[i], lat[j], lon[j]) <= eps {
				nb[i] = append(nb[i], j)
				if j != i {
					nb[j] = append(nb[j], i)
				}
			}
		}
	}
	label := make([]int, n)
	for i := range label {
		label[i] = -2 // unvisited
	}
	c := 0
	for i := range n {
		if label[i] != -2 || len(nb[i]) < minPts {
			continue
		}
		label[i] = c
		queue := []int{i}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			if len(nb[p]) < minPts {
				continue // border point: joins, does not expand
			}
			for _, q := range nb[p] {
				if label[q] < 0 {
					label[q] = c
					queue = append(queue, q)
				}
			}
		}
		c++
	}
	for i := range label {
		if label[i] == -2 {
			label[i] = -1
		}
	}
	return label
}

// TestClustersFoundByDBSCAN runs DBSCAN with the truth's parameters on
// the incidents and checks that it finds exactly the planted clusters,
// each whole, and leaves the background as noise.
func TestClustersFoundByDBSCAN(t *testing.T) {
	g := generate(t, DefaultConfig())
	tb := readTable(t, g.incidents)
	var lat, lon []float64
	for _, r := range tb.rows {
		lat = append(lat, tb.num(t, r, "Latitude"))
		lon = append(lon, tb.num(t, r, "Longitude"))
	}
	labels := dbscanBrute(lat, lon, g.t.DBSCAN.EpsKm, g.t.DBSCAN.MinPoints)
	size := map[int]int{}
	for _, l := range labels {
		size[l]++
	}
	if len(g.t.Clusters) != 3 {
		t.Fatalf("%d clusters planted", len(g.t.Clusters))
	}
	if len(size)-1 != len(g.t.Clusters) {
		t.Errorf("DBSCAN found %d clusters, %d planted: sizes %v", len(size)-1, len(g.t.Clusters), size)
	}
	for _, c := range g.t.Clusters {
		// The planted points are the ones within the radius (plus, at
		// most, a stray background point or two).
		var within int64
		found := map[int]int{}
		for i := range lat {
			if haversineKm(c.Lat, c.Lon, lat[i], lon[i]) <= c.RadiusKm+1e-3 {
				within++
				found[labels[i]]++
			}
		}
		if within < c.N || within > c.N+3 {
			t.Errorf("%s: %d incidents within %g km, %d planted", c.Name, within, c.RadiusKm, c.N)
		}
		if len(found) != 1 {
			t.Errorf("%s: its points got labels %v, want one cluster", c.Name, found)
			continue
		}
		for l := range found {
			if l < 0 {
				t.Errorf("%s: labelled noise", c.Name)
				continue
			}
			if extra := size[l] - int(within); extra > int(c.N)/10 {
				t.Errorf("%s: cluster has %d points, %d within the radius", c.Name, size[l], within)
			}
			t.Logf("%s: planted %d, DBSCAN cluster %d points, dead+missing %d", c.Name, c.N, size[l], c.Count)
		}
		if c.N < 100 {
			t.Errorf("%s: only %d incidents", c.Name, c.N)
		}
	}
	t.Logf("noise: %d of %d incidents", size[-1], len(lat))
}

// TestIncidentsLayout checks the incidents against the real IOM export:
// the same columns in the same order, counts that add up, and regions
// that agree with the longitude's sign (ingest rejects those that do not).
func TestIncidentsLayout(t *testing.T) {
	g := generate(t, small())
	tb := readTable(t, g.incidents)
	f, err := os.Open(testenv.SharedFile(t, "missing_migrants_europe_med_2014_2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	real := strings.Split(strings.TrimSpace(line), ",")
	if got := strings.Join(tb.header, ","); got != strings.Join(real[:len(tb.header)], ",") {
		t.Errorf("header\n%s\nis not the start of IOM's\n%s", got, strings.Join(real, ","))
	}
	west := map[string]bool{"North America": true, "Central America": true}
	east := map[string]bool{"Eastern Africa": true, "South-eastern Asia": true}
	for _, r := range tb.rows {
		dm, _ := strconv.ParseInt(tb.get(r, "No. dead/missing"), 10, 64)
		missing, _ := strconv.ParseInt(tb.get(r, "No. missing"), 10, 64)
		dead := int64(0)
		if d := tb.get(r, "No. dead"); d != "NA" {
			dead, _ = strconv.ParseInt(d, 10, 64)
		}
		if dm != dead+missing || dm < 1 {
			t.Errorf("dead %d + missing %d != %d: %v", dead, missing, dm, r)
		}
		lon := tb.num(t, r, "Longitude")
		reg := tb.get(r, "Region of Incident")
		if west[reg] && lon >= 0 || east[reg] && lon <= 0 {
			t.Errorf("region %s at longitude %g", reg, lon)
		}
		if y := tb.get(r, "Incident year"); !strings.HasPrefix(tb.get(r, "Incident date"), y+"-") || !strings.HasPrefix(tb.get(r, "Incident ID"), y+".MMP") {
			t.Errorf("year %s disagrees with date or id: %v", y, r)
		}
	}
}

// TestDBSCANMatchesScikitLearn runs scikit-learn's DBSCAN (Debian's
// python3-sklearn) on the incidents with the truth's parameters: the
// partition must be the one the all-pairs DBSCAN above finds, so the
// planted clusters are what a standard tool recovers too.
func TestDBSCANMatchesScikitLearn(t *testing.T) {
	t.Parallel() // mostly waiting for an external process
	py := testenv.DebianPython(t, "sklearn", "numpy")
	g := generate(t, DefaultConfig())
	tb := readTable(t, g.incidents)
	var in strings.Builder
	var lat, lon []float64
	for _, r := range tb.rows {
		lat = append(lat, tb.num(t, r, "Latitude"))
		lon = append(lon, tb.num(t, r, "Longitude"))
		in.WriteString(tb.get(r, "Latitude") + "," + tb.get(r, "Longitude") + "\n")
	}
	cmd := exec.Command(py, filepath.Join("testdata", "dbscan.py"),
		strconv.FormatFloat(g.t.DBSCAN.EpsKm, 'g', -1, 64), strconv.Itoa(g.t.DBSCAN.MinPoints))
	cmd.Stdin = strings.NewReader(in.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	fields := strings.Fields(string(out))
	if len(fields) != len(lat) {
		t.Fatalf("%d labels for %d points", len(fields), len(lat))
	}
	ours := dbscanBrute(lat, lon, g.t.DBSCAN.EpsKm, g.t.DBSCAN.MinPoints)
	// Same partition: a one-to-one map between the two labellings.
	fwd, back := map[int]int{}, map[int]int{}
	clusters := map[int]bool{}
	for i, f := range fields {
		theirs, _ := strconv.Atoi(f)
		if a, ok := fwd[ours[i]]; ok && a != theirs {
			t.Fatalf("point %d: labelled %d here and %d by scikit-learn, inconsistent with earlier points", i, ours[i], theirs)
		}
		if b, ok := back[theirs]; ok && b != ours[i] {
			t.Fatalf("point %d: scikit-learn label %d maps to two of ours", i, theirs)
		}
		fwd[ours[i]], back[theirs] = theirs, ours[i]
		if theirs >= 0 {
			clusters[theirs] = true
		}
	}
	if fwd[-1] != -1 || len(clusters) != len(g.t.Clusters) {
		t.Errorf("scikit-learn: %d clusters, noise maps to %d", len(clusters), fwd[-1])
	}
}

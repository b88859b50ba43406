package testenv

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
)

// BenchPoints reads the lon/lat points and counts of the CSV named by
// HTMAP_BENCH_POINTS (bench/run's points_N.csv: a header with lat, lon
// and count columns; an empty count is 1, as ingest reads it). Rows
// without coordinates are left out. It skips the benchmark or test when
// the variable is unset, also in CI: the file is made by bench/run, not
// kept anywhere.
func BenchPoints(tb testing.TB) ([]orb.Point, []float64) {
	tb.Helper()
	path := os.Getenv("HTMAP_BENCH_POINTS")
	if path == "" {
		tb.Skip("HTMAP_BENCH_POINTS is not set")
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	la, okLa := col["lat"]
	lo, okLo := col["lon"]
	cn, okCn := col["count"]
	if !okLa || !okLo || !okCn {
		tb.Fatalf("%s: want lat, lon and count columns, have %v", path, head)
	}
	var pts []orb.Point
	var counts []float64
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		lat, err1 := strconv.ParseFloat(rec[la], 64)
		lon, err2 := strconv.ParseFloat(rec[lo], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		c, err := strconv.ParseFloat(rec[cn], 64)
		if err != nil {
			c = 1
		}
		pts, counts = append(pts, orb.Point{lon, lat}), append(counts, c)
	}
	return pts, counts
}

package weights

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func row(w *W, i int) []int {
	nb, _ := w.Neighbors(i)
	return nb
}

// One degree of longitude on the equator is R*pi/180 = 111.19508 km on the
// sphere of radius 6371.0088; the band is inclusive.
func TestDistanceBandGeodesicByHand(t *testing.T) {
	const deg = EarthRadiusKm * math.Pi / 180 // 111.195080 km
	pts := []orb.Point{{0, 0}, {1, 0}, {2, 0}, {179.5, 0}, {-179.5, 0}, {0, 90}, {180, 89.5}}
	w, err := DistanceBand(pts, 111.2, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	// Across the antimeridian too, and at the pole.
	want := [][]int{{1}, {0, 2}, {1}, {4}, {3}, {6}, {5}}
	for i, nb := range want {
		if got := row(w, i); !slices.Equal(got, nb) {
			t.Errorf("site %d: %v, want %v", i, got, nb)
		}
	}
	// The pole and 89.5 N are half a degree apart: 55.5975 km.
	w, err = DistanceBand(pts, deg/2+1e-6, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(row(w, 5), []int{6}) || !slices.Equal(w.Islands(), []int{0, 1, 2, 3, 4}) {
		t.Errorf("pole neighbours %v islands %v, want [6] and [0 1 2 3 4]", row(w, 5), w.Islands())
	}
	w, err = DistanceBand(pts, deg/2-1e-6, Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Islands()) != len(pts) {
		t.Errorf("islands %v, want all", w.Islands())
	}
	// Just under a degree: the equator points lose each other.
	w, err = DistanceBand(pts, deg*(1-1e-9), Geodesic)
	if err != nil {
		t.Fatal(err)
	}
	if len(row(w, 1)) != 0 {
		t.Errorf("band below 1 degree still links %v", row(w, 1))
	}
}

// Inclusive band on exact planar distances (the esda fixture's 15).
func TestDistanceBandPlanarInclusive(t *testing.T) {
	pts := []orb.Point{{10, 10}, {20, 10}, {40, 10}, {15, 20}, {30, 20}, {30, 30}}
	w, err := DistanceBand(pts, 15, Planar)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{1, 3}, {0, 3, 4}, {4}, {0, 1, 4}, {1, 2, 3, 5}, {4}}
	for i, nb := range want {
		if got := row(w, i); !slices.Equal(got, nb) {
			t.Errorf("site %d: %v, want %v", i, got, nb)
		}
	}
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
}

// On a unit grid the 4th neighbour of a corner is a tie between (2,0) and
// (0,2); the lower index wins, every time.
func TestKNNTiesDeterministic(t *testing.T) {
	var pts []orb.Point
	for r := 0; r < 5; r++ {
		for c := 0; c < 5; c++ {
			pts = append(pts, orb.Point{float64(c), float64(r)})
		}
	}
	for range 5 {
		w, err := KNN(pts, 4, Planar)
		if err != nil {
			t.Fatal(err)
		}
		if got := row(w, 0); !slices.Equal(got, []int{1, 2, 5, 6}) {
			t.Fatalf("corner neighbours %v, want [1 2 5 6]", got)
		}
		if got := row(w, 12); !slices.Equal(got, []int{7, 11, 13, 17}) {
			t.Fatalf("centre neighbours %v, want [7 11 13 17]", got)
		}
	}
	d, err := KthNeighborDistances(pts, 3, Planar)
	if err != nil {
		t.Fatal(err)
	}
	if d[0] != math.Sqrt2 || d[12] != 1 {
		t.Errorf("3rd-neighbour distances %v %v, want sqrt 2 and 1", d[0], d[12])
	}
	// Fewer sites than k+1: everyone else.
	w, err := KNN(pts[:3], 8, Planar)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(row(w, 0), []int{1, 2}) {
		t.Errorf("small KNN %v", row(w, 0))
	}
}

func TestBadCoordinates(t *testing.T) {
	for _, pts := range [][]orb.Point{{{0, 0}, {math.NaN(), 1}}, {{0, 0}, {0, 91}}, {{math.Inf(1), 0}}} {
		if _, err := DistanceBand(pts, 10, Geodesic); err == nil {
			t.Errorf("%v accepted", pts)
		}
	}
	if _, err := DistanceBand([]orb.Point{{0, 0}}, -1, Planar); err == nil {
		t.Error("negative band accepted")
	}
	if _, err := KNN([]orb.Point{{0, 0}}, 0, Planar); err == nil {
		t.Error("k = 0 accepted")
	}
}

func TestFromNeighbors(t *testing.T) {
	w, err := FromNeighbors([][]int{{2, 1, 0}, {0}, {0}, {}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(row(w, 0), []int{1, 2}) || !slices.Equal(w.Islands(), []int{3}) {
		t.Errorf("rows %v, islands %v", row(w, 0), w.Islands())
	}
	if _, err := FromNeighbors([][]int{{1}, {5}}); err == nil || !strings.Contains(err.Error(), "site 1") {
		t.Errorf("out of range: %v", err)
	}
	if _, err := FromNeighbors([][]int{{1, 1}, {0}}); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate: %v", err)
	}
}

func TestRowStandardizedAndSums(t *testing.T) {
	// Path 0 - 1 - 2 plus island 3, binary and symmetric: S0 = 4,
	// S1 = 1/2 * 4 ordered pairs * (1+1)^2 = 8, S2 = 2^2 + 4^2 + 2^2 + 0 = 24.
	w, err := FromNeighbors([][]int{{1}, {0, 2}, {1}, {}})
	if err != nil {
		t.Fatal(err)
	}
	s0, s1, s2 := w.Sums()
	if s0 != 4 || s1 != 8 || s2 != 24 {
		t.Errorf("sums %v %v %v, want 4 8 24", s0, s1, s2)
	}
	r := w.RowStandardized()
	_, wt := r.Neighbors(1)
	if !slices.Equal(wt, []float64{0.5, 0.5}) || r.RowSum(3) != 0 || r.RowSum(0) != 1 {
		t.Errorf("row standardised %v", r.Weight)
	}
	// Row-standardised path: S0 = 3; S1 = 1/2 * ((1+.5)^2 * 4) = 4.5;
	// S2 = (1+.5)^2 + (1+2)^2 + (1+.5)^2 = 13.5.
	s0, s1, s2 = r.Sums()
	if s0 != 3 || s1 != 4.5 || s2 != 13.5 {
		t.Errorf("R sums %v %v %v, want 3 4.5 13.5", s0, s1, s2)
	}
	// Asymmetric 0 -> 1 only: S0 = 1, S1 = 1/2 (1 + 1) = 1, S2 = 1 + 1 = 2.
	a, err := FromNeighbors([][]int{{1}, {}})
	if err != nil {
		t.Fatal(err)
	}
	if s0, s1, s2 := a.Sums(); s0 != 1 || s1 != 1 || s2 != 2 {
		t.Errorf("asymmetric sums %v %v %v, want 1 1 2", s0, s1, s2)
	}
	if b := r.Binary(); !slices.Equal(b.Weight, []float64{1, 1, 1, 1}) {
		t.Errorf("binary %v", b.Weight)
	}
}

const galDesmith = `0 4 desmith POLY_ID
b 2
a c
a 1
b
c 2
b d
d 1
c
`

func TestReadGAL(t *testing.T) {
	// ids in the caller's order differ from the file's: weights follow ids.
	w, err := ReadGAL(strings.NewReader(galDesmith), []string{"d", "c", "b", "a"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{1}, {0, 2}, {1, 3}, {2}}
	for i, nb := range want {
		if got := row(w, i); !slices.Equal(got, nb) {
			t.Errorf("site %d: %v, want %v", i, got, nb)
		}
	}
	// nil ids: the file's order; one-number header; island without its
	// empty line; CRLF line ends.
	w, err = ReadGAL(strings.NewReader("3\r\n1 1\r\n2\r\n2 1\r\n1\r\n3 0\r\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(row(w, 0), []int{1}) || !slices.Equal(w.Islands(), []int{2}) {
		t.Errorf("rows %v islands %v", row(w, 0), w.Islands())
	}
}

func TestReadGALErrors(t *testing.T) {
	cases := []struct {
		in        string
		ids       []string
		line, col int
		msg       string
	}{
		{"", nil, 1, 1, "empty"},
		{"1 2\n", nil, 1, 1, "header"},
		{"x\n", nil, 1, 1, "site count"},
		{"2\n1 1\n2\n2 1\n  9\n", nil, 5, 3, `"9" is not among`},
		{"2\n1 x\n", nil, 2, 3, "neighbour count"},
		{"2\n1 1\n2\n", nil, 4, 1, "ends after 1 of 2"},
		{"1\n1 0\nextra\n", nil, 3, 1, "unexpected"},
		{"2\n1 1\n2\n1 1\n2\n", nil, 4, 1, "appears twice"},
		{"2\n1 1\n2\n2 1\n1\n", []string{"1", "3"}, 3, 1, `neighbour id "2" is not among`},
	}
	for _, c := range cases {
		_, err := ReadGAL(strings.NewReader(c.in), c.ids)
		var ge *GALError
		if !errors.As(err, &ge) {
			t.Errorf("%q: error %v, want a GALError", c.in, err)
			continue
		}
		if ge.Line != c.line || ge.Col != c.col || !strings.Contains(ge.Msg, c.msg) {
			t.Errorf("%q: %v, want %d:%d %q", c.in, err, c.line, c.col, c.msg)
		}
	}
	if _, err := ReadGAL(strings.NewReader("2\n1 0\n2 0\n"), []string{"1"}); err == nil {
		t.Error("id count mismatch accepted")
	}
}

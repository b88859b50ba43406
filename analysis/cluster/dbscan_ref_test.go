package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/paulmach/orb"
)

// kdDBSCAN is the k-d tree DBSCAN that the voxel grid replaced, kept as a
// reference: merge rows, build the tree, flag core points by weighted range
// counts, join core points by range queries, label border points.
func kdDBSCAN(sp space, points []orb.Point, weights []float64, eps, minPoints float64) Result {
	m, err := merge(points, weights)
	if err != nil {
		panic(err)
	}
	emb, err := sp.embed(m.pts)
	if err != nil {
		panic(err)
	}
	t := newKDTree(emb, m.w)
	n := len(t.pts)
	c := sp.toChord(eps)
	r2 := c * c
	core := make([]bool, n)
	var st []int32
	for i := 0; i < n; i++ {
		var s float64
		s, st = t.weightWithin(t.pts[i], r2, minPoints, st)
		core[i] = s >= minPoints
	}
	uf := newUnionFind(n)
	for i := 0; i < n; i++ {
		if core[i] {
			p := int32(i)
			st = t.within(t.pts[i], r2, st, func(j int32) {
				if j > p && core[j] {
					uf.union(p, j)
				}
			})
		}
	}
	first := map[int32]int{}
	for i := 0; i < n; i++ {
		if core[i] {
			r, row := uf.find(int32(i)), m.first[t.id[i]]
			if f, ok := first[r]; !ok || row < f {
				first[r] = row
			}
		}
	}
	number := numberByFirst(first)
	lab := make([]int, n)
	for i := range lab {
		lab[i] = Noise
		if core[i] {
			lab[i] = number[uf.find(int32(i))]
		}
	}
	for i := 0; i < n; i++ {
		if !core[i] {
			best := Noise
			st = t.within(t.pts[i], r2, st, func(j int32) {
				if core[j] && (best == Noise || lab[j] < best) {
					best = lab[j]
				}
			})
			lab[i] = best
		}
	}
	pos := make([]int32, n)
	for i, d := range t.id {
		pos[d] = int32(i)
	}
	res := Result{Labels: make([]int, len(points)), Core: make([]bool, len(points)), NClusters: len(number)}
	for i, d := range m.of {
		res.Labels[i], res.Core[i] = lab[pos[d]], core[pos[d]]
	}
	return res
}

// bruteDBSCAN is DBSCAN by its definition over all pairs of rows, with the
// same chord comparison: the reference for small inputs.
func bruteDBSCAN(sp space, points []orb.Point, weights []float64, eps, minPoints float64) Result {
	emb, err := sp.embed(points)
	if err != nil {
		panic(err)
	}
	c := sp.toChord(eps)
	r2 := c * c
	n := len(points)
	wt := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	res := Result{Labels: make([]int, n), Core: make([]bool, n)}
	for i := range emb {
		s := 0.0
		for j := range emb {
			if dist2(emb[i], emb[j]) <= r2 {
				s += wt(j)
			}
		}
		res.Core[i] = s >= minPoints
	}
	uf := newUnionFind(n)
	for i := range emb {
		for j := i + 1; j < n; j++ {
			if res.Core[i] && res.Core[j] && dist2(emb[i], emb[j]) <= r2 {
				uf.union(int32(i), int32(j))
			}
		}
	}
	number := map[int32]int{}
	for i := range emb {
		res.Labels[i] = Noise
		if res.Core[i] {
			r := uf.find(int32(i))
			if _, ok := number[r]; !ok {
				number[r] = len(number)
			}
			res.Labels[i] = number[r]
		}
	}
	for i := range emb {
		if !res.Core[i] {
			for j := range emb {
				if res.Core[j] && dist2(emb[i], emb[j]) <= r2 && (res.Labels[i] == Noise || res.Labels[j] < res.Labels[i]) {
					res.Labels[i] = res.Labels[j]
				}
			}
		}
	}
	res.NClusters = len(number)
	return res
}

// sameResult reports the first difference between two DBSCAN results.
func sameResult(got, want Result) error {
	if got.NClusters != want.NClusters {
		return fmt.Errorf("%d clusters, want %d", got.NClusters, want.NClusters)
	}
	if len(got.Labels) != len(want.Labels) || len(got.Core) != len(want.Core) {
		return fmt.Errorf("%d labels, %d core flags, want %d", len(got.Labels), len(got.Core), len(want.Labels))
	}
	for i := range want.Labels {
		if got.Labels[i] != want.Labels[i] || got.Core[i] != want.Core[i] {
			return fmt.Errorf("row %d: label %d core %v, want %d %v", i, got.Labels[i], got.Core[i], want.Labels[i], want.Core[i])
		}
	}
	return nil
}

// refCase is one random input for the reference comparisons.
type refCase struct {
	name     string
	planar   bool
	pts      []orb.Point
	w        []float64
	eps, min float64
	wide     bool // eps spans many points' spread: neighbourhoods are huge
}

// randomCases draws inputs that stress the grid: blobs at the antimeridian,
// at both poles and at mid latitudes, uniform noise, exact duplicates,
// integer and dyadic weights (their sums are exact in any order), nil
// weights, radii from metres to the whole globe, and planar lattices whose
// pairs sit exactly at eps.
func randomCases(seed uint64, n int) []refCase {
	r := rand.New(rand.NewPCG(seed, 11))
	centres := []orb.Point{{180, 0}, {-179.99, 35}, {179.995, -60}, {0, 90}, {137, -90}, {12.5, 41.9}, {-99.1, 19.4}, {-0.001, 0.001}}
	var cases []refCase
	for k := 0; k < 3; k++ {
		var cs []orb.Point
		for i := 0; i < 1+r.IntN(5); i++ {
			cs = append(cs, centres[r.IntN(len(centres))])
		}
		sigma := []float64{0.05, 0.5, 5, 50}[r.IntN(4)]
		pts, w := blobs(seed*10+uint64(k), cs, n/len(cs), sigma, n/10)
		switch k {
		case 1:
			w = nil
		case 2:
			for i := range w {
				w[i] = float64(1+r.IntN(8)) / 4
			}
		}
		for _, eps := range []float64{1e-4, sigma / 5, sigma, 3 * sigma, 30 * sigma, 25000} {
			for _, min := range []float64{1, 2.5, 4, 15} {
				cases = append(cases, refCase{fmt.Sprintf("blobs%d sigma %v eps %v min %v", k, sigma, eps, min), false, pts, w, eps, min, eps > sigma})
			}
		}
	}
	// A planar lattice with gaps: neighbours at exactly 1 and sqrt(2) apart,
	// some rows repeated.
	var lat []orb.Point
	var lw []float64
	for i := 0; i < n; i++ {
		if r.IntN(3) > 0 {
			p := orb.Point{float64(r.IntN(40)), float64(r.IntN(40))}
			lat, lw = append(lat, p), append(lw, float64(1+r.IntN(2)))
		}
	}
	for _, eps := range []float64{0.5, 1, math.Sqrt2, 2, 100} {
		for _, min := range []float64{2, 3, 5, 9} {
			cases = append(cases, refCase{fmt.Sprintf("lattice eps %v min %v", eps, min), true, lat, lw, eps, min, eps > 2})
		}
	}
	// Radii far below what the grid can resolve over the data's extent, so
	// voxels grow beyond eps and hold several clusters each: blobs of 0.1 mm
	// on the sphere, of unit spread 10^12 apart in the plane.
	tiny, tw := blobs(seed, centres[:3], n/3, 1e-7, 0)
	var far []orb.Point
	for i := 0; i < n; i++ {
		c := float64(r.IntN(3)-1) * 1e12
		far = append(far, orb.Point{c + r.NormFloat64(), -c + r.NormFloat64()})
	}
	for _, min := range []float64{2, 5} {
		for _, eps := range []float64{3e-8, 1e-7, 3e-7} {
			cases = append(cases, refCase{fmt.Sprintf("tiny eps %v min %v", eps, min), false, tiny, tw, eps, min, false})
		}
		for _, eps := range []float64{0.1, 0.3, 1} {
			cases = append(cases, refCase{fmt.Sprintf("far eps %v min %v", eps, min), true, far, nil, eps, min, false})
		}
	}
	// The same on a lattice: rows 2 apart along x, each cut by gaps into
	// clusters, with two outliers 10^11 apart that make voxels tens of units
	// wide, so several clusters cross each pair of voxels and pairs lie at
	// exactly eps inside one voxel.
	rowsLat := []orb.Point{{-5e10, 0}, {5e10, 0}}
	for x := 0; x < 3*n; x++ {
		for y := 0; y < 8; y += 2 {
			if r.IntN(3) > 0 {
				rowsLat = append(rowsLat, orb.Point{float64(x), float64(y)})
			}
		}
	}
	for _, eps := range []float64{1, 2} {
		cases = append(cases, refCase{fmt.Sprintf("far lattice eps %v", eps), true, rowsLat, nil, eps, 3, false})
	}
	// Planar points spread over many orders of magnitude.
	var wide []orb.Point
	for i := 0; i < n/4; i++ {
		wide = append(wide, orb.Point{math.Ldexp(r.NormFloat64(), r.IntN(80)-40), r.NormFloat64()})
	}
	for _, eps := range []float64{1e-9, 0.3, 1e6} {
		cases = append(cases, refCase{fmt.Sprintf("wide eps %v", eps), true, wide, nil, eps, 3, eps > 1})
	}
	return cases
}

func (c refCase) run(run func(space, []orb.Point, []float64, float64, float64) Result) Result {
	return run(space{planar: c.planar}, c.pts, c.w, c.eps, c.min)
}

func gridDBSCAN(sp space, pts []orb.Point, w []float64, eps, min float64) Result {
	res, err := dbscan(sp, pts, w, eps, min)
	if err != nil {
		panic(err)
	}
	return res
}

// The voxel grid gives the very labels and core flags of DBSCAN by its
// definition, pair by pair, on small random inputs.
func TestDBSCANGridMatchesBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		for _, c := range randomCases(seed, 300) {
			if err := sameResult(c.run(gridDBSCAN), c.run(bruteDBSCAN)); err != nil {
				t.Fatalf("seed %d, %s (%d points): %v", seed, c.name, len(c.pts), err)
			}
		}
	}
}

// On larger inputs, split over several workers, the grid agrees with the k-d
// tree implementation it replaced, whatever GOMAXPROCS.
func TestDBSCANGridMatchesKDTree(t *testing.T) {
	n := 6_000
	if testing.Short() {
		n = 2_000
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for seed := uint64(1); seed <= 2; seed++ {
		for k, c := range randomCases(100+seed, n) {
			if c.wide {
				continue // the k-d tree lists every neighbour: slow at large eps
			}
			want := c.run(kdDBSCAN)
			runtime.GOMAXPROCS(1 + k%4)
			if err := sameResult(c.run(gridDBSCAN), want); err != nil {
				t.Fatalf("seed %d, %s (%d points, GOMAXPROCS %d): %v", seed, c.name, len(c.pts), 1+k%4, err)
			}
		}
	}
}

// Duplicates' weights add in row order, as the k-d tree's merge added them,
// also when their rows are interleaved with another point's in one voxel
// too full for an insertion sort: ones and then 1e16s sum to more than the
// other way round.
func TestVoxelGridMergesInRowOrder(t *testing.T) {
	a, b := orb.Point{5, 5}, orb.Point{5, 5.000001}
	r := rand.New(rand.NewPCG(1, 2))
	var pts []orb.Point
	var w []float64
	want, first := 0.0, -1
	for i := 0; i < 2000; i++ {
		if r.IntN(2) == 0 {
			pts, w = append(pts, b), append(w, 3)
			continue
		}
		if first < 0 {
			first = i
		}
		wa := 1.0
		if i >= 1900 {
			wa = 1e16
		}
		pts, w = append(pts, a), append(w, wa)
		want += wa
	}
	other := 0.0
	for i := len(pts) - 1; i >= 0; i-- {
		if pts[i] == a {
			other += w[i]
		}
	}
	if other == want {
		t.Fatal("the order of these weights does not matter")
	}
	sp := space{}
	g, of, err := newVoxelGrid(sp, pts, w, sp.toChord(1))
	if err != nil {
		t.Fatal(err)
	}
	if g.voxels() != 1 || len(g.pts) != 2 {
		t.Fatalf("%d voxels, %d points, want 1 and 2", g.voxels(), len(g.pts))
	}
	for i, p := range pts {
		if (of[i] == of[first]) != (p == a) {
			t.Fatalf("row %d is merged wrongly", i)
		}
	}
	if got := g.w[of[first]]; got != want {
		t.Errorf("merged weight %v, want the row-order sum %v", got, want)
	}
}

// Single points, all-identical inputs and one point at each pole.
func TestDBSCANGridEdgeCases(t *testing.T) {
	same := make([]orb.Point, 5000)
	for i := range same {
		same[i] = orb.Point{-180, -90}
	}
	for _, c := range []refCase{
		{"one point", false, []orb.Point{{10, 20}}, nil, 1, 1, false},
		{"one point, not enough", false, []orb.Point{{10, 20}}, []float64{0.5}, 1, 1, false},
		{"poles", false, []orb.Point{{0, 90}, {180, 90}, {0, -90}, {-45, 89.99999}}, nil, 0.01, 2, false},
		{"antimeridian", false, []orb.Point{{180, 0}, {-180, 0}, {179.99999, 0}, {-179.99999, 0}}, nil, 0.002, 3, false},
		{"identical", false, same, nil, 1e-9, 4000, false},
		{"identical, too few", false, same, nil, 1e-9, 6000, false},
		{"half the globe", false, []orb.Point{{0, 0}, {180, 0}, {90, 0}}, nil, math.Pi * EarthRadiusKm, 3, true},
		// Duplicates' weights add in row order: (1 + 1) + 1e16 = 1e16 + 2,
		// while 1e16 + 1 + 1 would round to 1e16.
		{"duplicate weights in row order", false, []orb.Point{{5, 5}, {5, 5}, {5, 5}}, []float64{1, 1, 1e16}, 1, 1e16 + 2, false},
	} {
		if err := sameResult(c.run(gridDBSCAN), c.run(bruteDBSCAN)); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

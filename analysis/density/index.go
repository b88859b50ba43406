package density

import (
	"math"

	"github.com/htmap/htmap/internal/box3"
)

// Grid sizes: location cells and coarse point cells are cubes of the
// search radius's side (so 27 of them hold everything within reach of a
// location), and each coarse cell with splitMin points or more is split
// into finePerCoarse³ fine cubes. The coarse cells are what a location
// cell looks up; the fine cells are what it sums, whole by their moments
// when inside the search radius, point by point when straddling its edge,
// so the finer they are the fewer points are summed one by one, and the
// more moments are computed. A 32nd of the radius is near the fastest on
// the bench data.
const finePerCoarse = 32

// index holds the weighted points grouped by fine cell, fine cells grouped
// by coarse cell, coordinates and weights in separate arrays in cell order
// so a cell's points are one contiguous run that the distance loop streams
// through.
type index struct {
	side float64 // of a coarse cube

	packed     bool // cube numbers pack (see packBits)
	coarse     cubeMap
	coarseKeys []voxel
	coarseBox  []box
	coarseFine []int32 // coarse cell c holds fine cells coarseFine[c]:coarseFine[c+1]
	direct     []bool  // coarse cell c is summed point by point, not by fine cell

	fineBox   []box
	finePts   []int32   // fine cell f holds points finePts[f]:finePts[f+1]
	frame     []frame   // of each fine cell with moments
	mom       []float64 // one per monomial per fine cell with moments, from momAt
	momAt     []int32   // offset into mom, or -1: sum point by point
	expand    expansion
	canExpand bool
	rho       float64 // every point of a fine cell is within rho of its centre

	x, y, z, w []float64
	total      float64 // total weight, summed in input order
}

// gridSide is the coarse cube side for search radius c, but never so small
// that a coordinate (at most bound in absolute value) divided by a fine
// side overflows the cube numbers.
func gridSide(c, bound float64) float64 {
	return max(c, bound*0x1p-40, 0x1p-1000)
}

// newIndex indexes the points of positive weight (weightless points cannot
// contribute) for the kernel k; sphere tells whether the points are unit
// vectors, which the cell expansions need.
//
// Points are sorted by coarse cell with one map lookup each (coarse cells
// are few where points are dense), then each coarse cell with enough
// points to be worth it is sorted by fine cell on its own, numbering its
// fine cubes with a table of finePerCoarse³ slots rather than a map.
// Sparse coarse cells stay whole: one fine cell, summed point by point.
func newIndex(vs [][3]float64, w []float64, k *kernel, sphere bool) index {
	var use []int32
	var ix index
	for i := range vs {
		if w[i] > 0 {
			use = append(use, int32(i))
			ix.total += w[i]
		}
	}
	bound := 1.0 // unit vectors
	if !sphere {
		bound = 0
		for _, v := range vs {
			bound = max(bound, math.Abs(v[0]), math.Abs(v[1]), math.Abs(v[2]))
		}
	}
	ix.side = gridSide(k.c, bound)
	ix.packed = sphere && packable(1, ix.side)
	cid, ckeys := numberCubes(len(use), ix.packed, func(j int) voxel { return voxelOf(vs[use[j]], ix.side) })
	ix.coarseKeys = ckeys
	ix.coarse = newCubeMap(ckeys, ix.packed)
	n := len(use)
	ix.x, ix.y, ix.z, ix.w = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	cpts := scatter(cid, len(ckeys), func(j, pos int) {
		i := use[j]
		ix.x[pos], ix.y[pos], ix.z[pos], ix.w[pos] = vs[i][0], vs[i][1], vs[i][2], w[i]
	})
	if sphere {
		// A fine cell's points lie within √3 sides of their mean and the
		// mean within a hair of the sphere: 2 sides bound them all.
		ix.rho = 2 * ix.side / finePerCoarse
		ix.expand, ix.canExpand = newExpansion(k, k.c, ix.rho)
	}
	// Fine cells, coarse cell by coarse cell: starts relative to the
	// coarse cell's first point.
	local := make([][]int32, len(ckeys))
	forEach(len(ckeys), func() func(int) {
		var sc splitScratch
		return func(c int) {
			local[c] = sc.split(&ix, ckeys[c], int(cpts[c]), int(cpts[c+1]))
		}
	})
	ix.coarseFine = make([]int32, len(ckeys)+1)
	for c, starts := range local {
		ix.coarseFine[c+1] = ix.coarseFine[c] + int32(len(starts))
	}
	ix.finePts = make([]int32, 0, ix.coarseFine[len(ckeys)]+1)
	for c, starts := range local {
		for _, s := range starts {
			ix.finePts = append(ix.finePts, cpts[c]+s)
		}
	}
	ix.finePts = append(ix.finePts, int32(n))
	nf := len(ix.finePts) - 1
	ix.fineBox = make([]box, nf)
	forEach(nf, func() func(int) {
		return func(f int) {
			b := box3.Empty()
			for j := ix.finePts[f]; j < ix.finePts[f+1]; j++ {
				b.Add([3]float64{ix.x[j], ix.y[j], ix.z[j]})
			}
			ix.fineBox[f] = b
		}
	})
	ix.coarseBox = make([]box, len(ckeys))
	for c := range ckeys {
		b := box3.Empty()
		for f := ix.coarseFine[c]; f < ix.coarseFine[c+1]; f++ {
			b.Union(ix.fineBox[f])
		}
		ix.coarseBox[c] = b
	}
	ix.moments()
	// Where fine cells hold a point or two and none has moments, looking
	// at them one by one costs more than their points: such coarse cells
	// are summed point by point straight away.
	ix.direct = make([]bool, len(ckeys))
	for c := range ckeys {
		fa, fb := ix.coarseFine[c], ix.coarseFine[c+1]
		ix.direct[c] = cpts[c+1]-cpts[c] < 4*(fb-fa)
		for f := fa; f < fb && ix.direct[c]; f++ {
			ix.direct[c] = ix.momAt[f] < 0
		}
	}
	return ix
}

// splitMin is the fewest points a coarse cell needs to be split into fine
// cells; below it, fine cells would hold a point or two each.
const splitMin = 64

// splitScratch is one goroutine's space for splitting coarse cells.
type splitScratch struct {
	slot       []int32 // fine cube within the coarse cube → local fine cell, or −1
	id         []int32 // local fine cell of each point
	count      []int32
	x, y, z, w []float64
}

// split sorts the points [a, b) of the coarse cell with cube key by fine
// cell, in place, and returns the fine cells' starts relative to a, in
// order of first appearance. Fine cubes nest exactly in coarse ones (the
// fine side is the coarse side over a power of two, so both divisions
// round alike), so a fine cube is numbered by its position in the coarse
// one.
func (sc *splitScratch) split(ix *index, key voxel, a, b int) []int32 {
	if b-a < splitMin {
		return []int32{0}
	}
	const m = finePerCoarse
	if sc.slot == nil {
		sc.slot = make([]int32, m*m*m)
		for i := range sc.slot {
			sc.slot[i] = -1
		}
	}
	fside := ix.side / m
	x, y, z, w := ix.x[a:b], ix.y[a:b], ix.z[a:b], ix.w[a:b]
	sc.id = sc.id[:0]
	sc.count = sc.count[:0]
	var cubes []int
	for j := range x {
		f := voxelOf([3]float64{x[j], y[j], z[j]}, fside)
		s := int((f[0]-m*key[0])*m*m + (f[1]-m*key[1])*m + (f[2] - m*key[2]))
		if sc.slot[s] < 0 {
			sc.slot[s] = int32(len(sc.count))
			sc.count = append(sc.count, 0)
			cubes = append(cubes, s)
		}
		sc.id = append(sc.id, sc.slot[s])
		sc.count[sc.slot[s]]++
	}
	for _, s := range cubes {
		sc.slot[s] = -1
	}
	starts := make([]int32, len(sc.count))
	for f := 1; f < len(starts); f++ {
		starts[f] = starts[f-1] + sc.count[f-1]
	}
	sc.x = append(sc.x[:0], x...)
	sc.y = append(sc.y[:0], y...)
	sc.z = append(sc.z[:0], z...)
	sc.w = append(sc.w[:0], w...)
	next := append(sc.count[:0], starts...)
	for j, f := range sc.id {
		p := next[f]
		x[p], y[p], z[p], w[p] = sc.x[j], sc.y[j], sc.z[j], sc.w[j]
		next[f]++
	}
	return starts
}

// moments computes the expansion of every fine cell with enough points
// for it to be cheaper than summing them, about its weighted mean
// direction.
func (ix *index) moments() {
	nf := len(ix.finePts) - 1
	ix.momAt = make([]int32, nf)
	ix.frame = make([]frame, nf)
	if !ix.canExpand {
		for f := range ix.momAt {
			ix.momAt[f] = -1
		}
		return
	}
	nMom := len(ix.expand.mono.coef)
	minPts := int32(nMom / 2)
	used := 0
	for f := range ix.momAt {
		ix.momAt[f] = -1
		if ix.finePts[f+1]-ix.finePts[f] > minPts {
			ix.momAt[f] = int32(used * nMom)
			used++
		}
	}
	ix.mom = make([]float64, used*nMom)
	forEach(nf, func() func(int) {
		t := make([][momBatch]float64, nMom)
		return func(f int) {
			at := ix.momAt[f]
			if at < 0 {
				return
			}
			a, b := ix.finePts[f], ix.finePts[f+1]
			var s [3]float64
			for j := a; j < b; j++ {
				s[0] += ix.w[j] * ix.x[j]
				s[1] += ix.w[j] * ix.y[j]
				s[2] += ix.w[j] * ix.z[j]
			}
			norm := math.Sqrt(s[0]*s[0] + s[1]*s[1] + s[2]*s[2])
			p0 := [3]float64{s[0] / norm, s[1] / norm, s[2] / norm}
			if !(ix.fineBox[f].Far2(p0) <= ix.rho*ix.rho) {
				ix.momAt[f] = -1 // the expansion's error bound does not hold
				return
			}
			ix.frame[f] = newFrame(p0)
			ix.expand.moments(ix.mom[at:at+int32(nMom)], t, &ix.frame[f], ix.x[a:b], ix.y[a:b], ix.z[a:b], ix.w[a:b])
		}
	})
}

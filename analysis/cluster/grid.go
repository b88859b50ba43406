package cluster

import (
	"github.com/htmap/htmap/internal/box3"
	"sort"

	"github.com/paulmach/orb"
)

// voxelGrid holds the distinct points of an input sorted by the voxel of a
// gridShape that holds them, each voxel a contiguous run with its tight
// bounding box and total weight. Unlike a k-d tree it is built by one radix
// sort, with no per-node work, and the neighbours of a voxel are found by
// key arithmetic; the boxes let queries decide whole voxels at once.
type voxelGrid struct {
	shape gridShape
	r2    float64   // squared chord of eps: dist2 <= r2 is "within eps"
	pts   []vec3    // distinct points, voxel by voxel
	w     []float64 // summed weight of the rows at each distinct point
	keys  []uint64  // voxel keys, ascending
	vox   []voxel   // the voxels, in key order
}

// voxel is what queries read about a voxel, in one 64-byte cache line.
type voxel struct {
	box                // tight bounding box of the voxel's points
	w          float64 // their total weight
	start, end int32   // the voxel holds pts[start:end]
}

// voxels is the number of non-empty voxels.
func (g *voxelGrid) voxels() int { return len(g.keys) }

// newVoxelGrid validates and indexes points (rows) with weights w (nil means
// 1 each) for neighbourhoods of radius chord in the space sp (dist2 <=
// chord*chord, as the k-d tree compares). Rows with identical embedded points
// become one point carrying their summed weight (added in row order); of
// maps each row to its point. Identical points have the same distance to
// everything, so merging them changes no result and makes heavy duplication
// cost nothing.
//
// Memory per row is kept to what the result needs: the embedding is not
// stored in row order but computed twice (once for the key, once when rows
// are scattered to voxel order: sequential reads and random writes, which do
// not stall the processor as random reads do), and duplicates are merged in
// place.
func newVoxelGrid(sp space, points []orb.Point, w []float64, chord float64) (*voxelGrid, []int32, error) {
	n := len(points)
	g := &voxelGrid{r2: chord * chord, shape: newGridShape(sp.bounds(points), chord)}
	keys := make([]uint64, n)
	rows := make([]int32, n)
	err := sp.eachEmbedded(points, func(i int, v vec3) {
		keys[i] = g.shape.key(v)
		rows[i] = int32(i)
	})
	if err != nil {
		return nil, nil, err
	}
	keys, rows = radixSort(keys, rows, g.shape.bits)
	runs := g.voxelRuns(keys)
	keys = nil

	// of is first each row's position in voxel order, then its point's.
	of := make([]int32, n)
	parallelChunks(n, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			of[rows[k]] = int32(k)
		}
	})
	s := sortedRows{pts: make([]vec3, n), w: make([]float64, n), row: rows}
	sp.eachEmbedded(points, func(i int, v vec3) {
		k := of[i]
		s.pts[k] = v
		if w == nil {
			s.w[k] = 1
		} else {
			s.w[k] = w[i]
		}
	})

	// Count each voxel's distinct points.
	nv := g.voxels()
	start := make([]int32, nv+1)
	parallelChunks(nv, func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			start[v+1] = s.distinct(int(runs[v]), int(runs[v+1]))
		}
	})
	for v := 0; v < nv; v++ {
		start[v+1] += start[v]
	}
	g.pts, g.w = s.pts, s.w
	if int(start[nv]) < n {
		g.mergeDuplicates(s, runs, start, of)
	} else {
		parallelChunks(nv, func(_, lo, hi int) {
			for k := runs[lo]; k < runs[hi]; k++ {
				of[s.row[k]] = k
			}
		})
	}

	g.vox = make([]voxel, nv)
	parallelChunks(nv, func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			vx := voxel{box: box3.Empty(), start: start[v], end: start[v+1]}
			for j := vx.start; j < vx.end; j++ {
				vx.Add(g.pts[j])
				vx.w += g.w[j]
			}
			g.vox[v] = vx
		}
	})
	return g, of, nil
}

// mergeDuplicates turns each run of identical points in s (neighbours, see
// distinct) into one point with the summed weight, in place and in order:
// point j of voxel v moves to start[v]+j, never after its old place. of
// gets each row's point.
func (g *voxelGrid) mergeDuplicates(s sortedRows, runs, start []int32, of []int32) {
	j := int32(-1)
	for v := 0; v+1 < len(runs); v++ {
		for k := runs[v]; k < runs[v+1]; k++ {
			wk := s.w[k] // before g.w[j] = 0, as j may be k
			if k == runs[v] || s.pts[k] != s.pts[k-1] {
				j++
				g.pts[j], g.w[j] = s.pts[k], 0
			}
			g.w[j] += wk
			of[s.row[k]] = j
		}
	}
	g.pts, g.w = g.pts[:j+1:j+1], g.w[:j+1:j+1]
}

// voxelRuns sets g.keys to the distinct sorted keys and returns where each
// one's run starts in keys, with len(keys) appended.
func (g *voxelGrid) voxelRuns(keys []uint64) []int32 {
	nv := 0
	for i := range keys {
		if i == 0 || keys[i] != keys[i-1] {
			nv++
		}
	}
	runs := make([]int32, 0, nv+1)
	g.keys = make([]uint64, 0, nv)
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			runs = append(runs, int32(i))
			g.keys = append(g.keys, k)
		}
	}
	return append(runs, int32(len(keys)))
}

// sortedRows is the rows in voxel order: point, weight and input row. Its
// sub-slices sort by point (x, y, z), then row.
type sortedRows struct {
	pts []vec3
	w   []float64
	row []int32
}

// distinct counts the distinct points of rows a to b (one voxel), first
// sorting them, when they hold duplicates, so that identical points are
// neighbours, rows ascending. Small voxels without duplicates, most of them,
// are only compared pairwise and stay in row order.
func (s sortedRows) distinct(a, b int) int32 {
	if b-a <= 8 {
		dup := false
		for i := a; i < b && !dup; i++ {
			for j := i + 1; j < b && !dup; j++ {
				dup = s.pts[i] == s.pts[j]
			}
		}
		if !dup {
			return int32(b - a)
		}
	}
	sort.Sort(s.sub(a, b))
	d := int32(1)
	for k := a + 1; k < b; k++ {
		if s.pts[k] != s.pts[k-1] {
			d++
		}
	}
	return d
}

func (s sortedRows) sub(a, b int) sortedRows {
	return sortedRows{s.pts[a:b], s.w[a:b], s.row[a:b]}
}

func (s sortedRows) Len() int { return len(s.pts) }

func (s sortedRows) Less(i, j int) bool {
	p, q := &s.pts[i], &s.pts[j]
	for k := 0; k < 3; k++ {
		if p[k] != q[k] {
			return p[k] < q[k]
		}
	}
	return s.row[i] < s.row[j]
}

func (s sortedRows) Swap(i, j int) {
	s.pts[i], s.pts[j] = s.pts[j], s.pts[i]
	s.w[i], s.w[j] = s.w[j], s.w[i]
	s.row[i], s.row[j] = s.row[j], s.row[i]
}

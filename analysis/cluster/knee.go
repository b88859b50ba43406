package cluster

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// EpsCurve is the sorted k-distance curve used to choose DBSCAN's radius.
type EpsCurve struct {
	// DistancesKm holds, for every distinct location in ascending order, the
	// radius at which it would become a core point with minPoints k: the
	// distance to its k-th nearest point, itself counted first and weights
	// counting as repeated rows. It is what scikit-learn users compute with
	// NearestNeighbors(n_neighbors=k).kneighbors(X)[0][:, -1].
	DistancesKm []float64
	// Knee is the index of the curve's knee and EpsKm its distance.
	Knee  int
	EpsKm float64
}

// SuggestEps computes the k-distance curve of lon/lat points and its knee:
// below the knee distances grow slowly (points inside clusters), beyond it
// they shoot up (noise), so the knee's distance is a reasonable eps for
// DBSCAN with minPoints k. The knee is found as in Kneedle (Satopää et al.,
// 2011): with both axes scaled to [0, 1], the point farthest below the
// straight line joining the curve's ends. It is a suggestion to look at, not
// a rule; the curve is returned for plotting.
func SuggestEps(points []orb.Point, weights []float64, k float64) (EpsCurve, error) {
	if !(k >= 1) || math.IsInf(k, 0) {
		return EpsCurve{}, fmt.Errorf("cluster: SuggestEps k %v must be at least 1", k)
	}
	m, err := merge(points, weights)
	if err != nil {
		return EpsCurve{}, err
	}
	if len(m.pts) == 0 {
		return EpsCurve{}, fmt.Errorf("cluster: SuggestEps needs points")
	}
	sp := space{}
	emb, err := sp.embed(m.pts)
	if err != nil {
		return EpsCurve{}, err
	}
	total := 0.0
	for _, w := range m.w {
		total += w
	}
	if total < k {
		return EpsCurve{}, fmt.Errorf("cluster: SuggestEps k %v exceeds the total weight %v", k, total)
	}
	t := newKDTree(emb, m.w)
	d := make([]float64, len(t.pts))
	type scratch struct {
		best []neighbour
		st   []int32
	}
	scr := make([]scratch, maxWorkers)
	parallelChunks(len(d), func(g, lo, hi int) {
		s := &scr[g]
		for i := lo; i < hi; i++ {
			var c2 float64
			c2, s.best, s.st = t.coreDist2(t.pts[i], k, s.best, s.st)
			d[i] = sp.toDist(math.Sqrt(c2))
		}
	})
	sort.Float64s(d)
	knee := kneeIndex(d)
	return EpsCurve{DistancesKm: d, Knee: knee, EpsKm: d[knee]}, nil
}

// kneeIndex returns the index of the point of an ascending curve farthest
// below the chord from its first to its last point, both axes normalised.
func kneeIndex(d []float64) int {
	n := len(d)
	span := d[n-1] - d[0]
	if n < 3 || span <= 0 {
		return n - 1
	}
	best, at := 0.0, n-1
	for i, v := range d {
		x := float64(i) / float64(n-1)
		y := (v - d[0]) / span
		if gap := x - y; gap > best {
			best, at = gap, i
		}
	}
	return at
}

package routes

import (
	"math"
	"math/rand/v2"
	"slices"
)

// HotspotOptions tune FlowHotspots. Zero fields take the defaults.
type HotspotOptions struct {
	// Neighbours lists the places adjacent to a place (country contiguity
	// from data/country, or cell rings). When nil, places within BandKm of
	// each other by their Locate points are neighbours.
	Neighbours func(place string) []string
	Locate     Locator
	BandKm     float64 // 1000 km by default; only without Neighbours
	// Permutations is the number of conditional permutations for the G*
	// pseudo p-value: 999 by default, negative for none.
	Permutations int
	Seed         uint64
}

// FlowStat is the unusualness of one observed origin-destination pair.
type FlowStat struct {
	Origin, Dest string
	Count        int64
	// Expected is out_i·in_j/total, the count if where flows leave and
	// where they arrive were independent (the independence, or
	// unconstrained gravity without distance, baseline).
	Expected float64
	// FlowZ is the adjusted standardised residual of the count against
	// Expected (Haberman 1973): (n - e) / sqrt(e (1 - out_i/T)(1 - in_j/T)).
	// It is about standard normal when the baseline holds, so |FlowZ| > 1.96
	// marks a pair carrying more (or less) than its ends' totals predict.
	// The origin-destination table has no diagonal (domestic records are
	// not flows), which the baseline ignores, so FlowZ is slightly
	// conservative. NaN when undefined (a single origin or destination).
	FlowZ float64
	// GiZ is the Getis-Ord G* z-score of the pair among all origin ×
	// destination pairs (zeros included), with binary weights: a pair's
	// neighbourhood is every pair whose origin is its origin or a
	// neighbour of it and whose destination is its destination or a
	// neighbour of it (Berglund and Karlström 1999). The formula is
	// ArcGIS's Gi*, which esda's binary Gi* z equals.
	GiZ float64
	// GiP is the conditional-permutation pseudo p-value of G*, computed
	// as esda does: (min(L, R-L) + 1) / (R + 1), L being the permutations
	// with a neighbourhood sum at least the observed one. NaN when no
	// permutations were asked for.
	GiP float64
	// Neighbourhood is the number of pairs in the G* neighbourhood,
	// including the pair itself.
	Neighbourhood int
}

// FlowHotspots scores every observed pair of flows (summed over years and
// categories; pairs from a place to itself are ignored). The result is in
// descending count, then origin and destination order.
//
// The G* reference set is every pair of an origin (a place with outflow)
// and a destination (a place with inflow), zero pairs included, as in
// Berglund and Karlström's origin-destination matrix; only observed pairs
// get a statistic. Permutation cost is observed pairs × Permutations ×
// neighbourhood size: about 2 s for 4,000 flows among 230 places with 999
// permutations.
func FlowHotspots(flows []Flow, opt HotspotOptions) []FlowStat {
	if opt.BandKm <= 0 {
		opt.BandKm = 1000
	}
	if opt.Permutations == 0 {
		opt.Permutations = 999
	}
	counts := map[[2]string]int64{}
	outs, ins := map[string]int64{}, map[string]int64{}
	var total int64
	for _, f := range flows {
		if f.Origin == f.Dest || f.Count <= 0 {
			continue
		}
		counts[[2]string{f.Origin, f.Dest}] += f.Count
		outs[f.Origin] += f.Count
		ins[f.Dest] += f.Count
		total += f.Count
	}
	if total == 0 {
		return nil
	}
	origins, dests := sortedKeys(outs), sortedKeys(ins)

	// Features: every origin × destination pair of different places.
	type feat struct{ o, d int }
	index := map[[2]int]int{}
	var feats []feat
	var x []float64
	for oi, o := range origins {
		for di, d := range dests {
			if o == d {
				continue
			}
			index[[2]int{oi, di}] = len(feats)
			feats = append(feats, feat{oi, di})
			x = append(x, float64(counts[[2]string{o, d}]))
		}
	}
	n := float64(len(x))
	var mean, ss float64
	for _, v := range x {
		mean += v
	}
	mean /= n
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / n)

	oNear := closedNeighbours(origins, opt)
	dNear := closedNeighbours(dests, opt)

	var stats []FlowStat
	var mark []uint32
	var stamp uint32
	if opt.Permutations > 0 {
		mark = make([]uint32, len(x))
	}
	for fi, f := range feats {
		if x[fi] == 0 {
			continue
		}
		o, d := origins[f.o], dests[f.d]
		s := FlowStat{Origin: o, Dest: d, Count: int64(x[fi]), GiP: math.NaN()}
		T := float64(total)
		oi, dj := float64(outs[o]), float64(ins[d])
		s.Expected = oi * dj / T
		s.FlowZ = (x[fi] - s.Expected) / math.Sqrt(s.Expected*(1-oi/T)*(1-dj/T))
		if math.IsInf(s.FlowZ, 0) {
			s.FlowZ = math.NaN()
		}

		var hood []int
		for _, a := range oNear[f.o] {
			for _, b := range dNear[f.d] {
				if j, ok := index[[2]int{a, b}]; ok {
					hood = append(hood, j)
				}
			}
		}
		s.Neighbourhood = len(hood)
		var sum float64
		for _, j := range hood {
			sum += x[j]
		}
		w := float64(len(hood))
		den := sd * math.Sqrt((n*w-w*w)/(n-1))
		s.GiZ = (sum - mean*w) / den
		if den == 0 {
			s.GiZ = math.NaN()
		}
		if opt.Permutations > 0 && len(hood) < len(x) {
			if stamp > math.MaxUint32-uint32(opt.Permutations)-1 {
				clear(mark)
				stamp = 0
			}
			s.GiP, stamp = permP(x, fi, len(hood), sum, opt.Permutations, opt.Seed, mark, stamp)
		}
		stats = append(stats, s)
	}
	slices.SortFunc(stats, func(a, b FlowStat) int {
		if a.Count != b.Count {
			if a.Count > b.Count {
				return -1
			}
			return 1
		}
		if a.Origin != b.Origin {
			if a.Origin < b.Origin {
				return -1
			}
			return 1
		}
		if a.Dest < b.Dest {
			return -1
		}
		if a.Dest > b.Dest {
			return 1
		}
		return 0
	})
	return stats
}

// permP holds x[i] in place and draws the other k-1 neighbourhood members
// at random (without replacement, Floyd's algorithm) from the remaining
// features, R times. Each feature has its own PCG stream (seed, i), so
// results do not depend on the order or grouping of the work. mark is
// scratch space of len(x) entries, all below stamp on entry; it returns
// the next free stamp.
func permP(x []float64, i, k int, observed float64, R int, seed uint64, mark []uint32, stamp uint32) (float64, uint32) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	m := len(x) - 1 // candidates: every feature but i
	larger := 0
	for r := 0; r < R; r++ {
		stamp++
		sum := x[i]
		for j := m - (k - 1); j < m; j++ {
			t := rng.IntN(j + 1)
			if mark[t] == stamp {
				t = j
			}
			mark[t] = stamp
			idx := t
			if idx >= i {
				idx++ // skip i itself
			}
			sum += x[idx]
		}
		if sum >= observed {
			larger++
		}
	}
	if R-larger < larger {
		larger = R - larger
	}
	return float64(larger+1) / float64(R+1), stamp
}

// neighbours returns, for each place of list, the indices in list of the
// place itself and of its neighbours: by opt.Neighbours when given, else
// within opt.BandKm by great-circle distance between located points
// (places the locator cannot place have only themselves).
func closedNeighbours(list []string, opt HotspotOptions) [][]int {
	pos := make(map[string]int, len(list))
	for i, p := range list {
		pos[p] = i
	}
	out := make([][]int, len(list))
	if opt.Neighbours != nil {
		for i, p := range list {
			set := map[int]bool{i: true}
			for _, q := range opt.Neighbours(p) {
				if j, ok := pos[q]; ok {
					set[j] = true
				}
			}
			out[i] = sortedInts(set)
		}
		return out
	}
	pts := make([]vec, len(list))
	ok := make([]bool, len(list))
	for i, p := range list {
		if opt.Locate == nil {
			break
		}
		if pl, found := opt.Locate(p); found {
			pts[i], ok[i] = toVec(pl.Point), true
		}
	}
	band := opt.BandKm / EarthRadiusKm
	for i := range list {
		out[i] = []int{i}
		if !ok[i] {
			continue
		}
		for j := range list {
			if j != i && ok[j] && angle(pts[i], pts[j]) <= band {
				out[i] = append(out[i], j)
			}
		}
		slices.Sort(out[i])
	}
	return out
}

func sortedInts(set map[int]bool) []int {
	s := make([]int, 0, len(set))
	for k := range set {
		s = append(s, k)
	}
	slices.Sort(s)
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	s := make([]string, 0, len(m))
	for k := range m {
		s = append(s, k)
	}
	slices.Sort(s)
	return s
}

package routes

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// CorridorOptions tune Corridors. Zero fields take the defaults.
type CorridorOptions struct {
	// MaxDistance is the largest flow distance (see FlowDistance) from a
	// corridor's centre flow at which a flow joins it; 0.5 by default. A
	// flow parallel to the centre, of about its length L, joins when both
	// its ends lie within about 0.35 L of the centre's: origins across West
	// Africa share one corridor to Southern Europe (L about 4000 km), but
	// not a corridor to a neighbouring country.
	MaxDistance float64
	// MinLengthKm floors flow lengths in FlowDistance, so very short flows
	// do not divide by almost nothing; 100 km by default.
	MinLengthKm float64
	// MaxSegmentKm is passed to Arc for the corridor geometry.
	MaxSegmentKm float64
	// TopCategories is how many dominant categories a corridor lists; 3.
	TopCategories int
}

// CategoryShare is a category's part of a corridor.
type CategoryShare struct {
	Category string
	Count    int64
	Share    float64 // Count over the corridor's Count
}

// Corridor is a group of flows with near origins and near destinations.
type Corridor struct {
	ID      int   // 0 for the corridor with the largest count, then on
	Count   int64 // sum of the member flows
	Members []Flow
	// Categories are the largest categories by count (only when the flows
	// carry categories, see Options.ByCategory), largest first.
	Categories []CategoryShare
	// Origin and Dest are the count-weighted spherical means of the
	// members' ends; Geometry is the Arc between them.
	Origin, Dest orb.Point
	Geometry     orb.Geometry
}

// FlowDistance is Tao and Thill's flow dissimilarity (2016) with equal
// weights on both ends: sqrt((do² + dd²) / (Li·Lj)), where do and dd are
// the great-circle distances between the two origins and between the two
// destinations and Li, Lj the flows' lengths (each at least minLenKm). It
// is scale free: long flows may lie further apart and still be similar.
func FlowDistance(oi, di, oj, dj orb.Point, minLenKm float64) float64 {
	return flowDist(newEnds(oi, di, minLenKm), newEnds(oj, dj, minLenKm))
}

// ends is a flow prepared for flowDist: its ends as unit vectors and its
// floored length in km.
type ends struct {
	o, d vec
	len  float64
}

func newEnds(o, d orb.Point, minLenKm float64) ends {
	return endsOf(toVec(o), toVec(d), minLenKm)
}

func endsOf(o, d vec, minLenKm float64) ends {
	return ends{o, d, math.Max(angle(o, d)*EarthRadiusKm, minLenKm)}
}

func flowDist(a, b ends) float64 {
	do, dd := angle(a.o, b.o)*EarthRadiusKm, angle(a.d, b.d)*EarthRadiusKm
	return math.Sqrt((do*do + dd*dd) / (a.len * b.len))
}

// Corridors groups flows into corridors by leader clustering on the flow
// distance: pairs are taken from the largest count down (ties by origin,
// destination); each joins the corridor whose centre flow (from the
// count-weighted mean of its members' origins to that of their
// destinations) is nearest, if within MaxDistance, or else starts a new
// corridor. Big flows thus anchor the corridors and small ones attach to
// them, the result does not depend on input order, and the cost is flows
// × corridors distance computations, not all pairs.
//
// Flows are first summed per origin-destination pair over years and
// categories (the categories are kept for the corridor's dominant
// categories). Pairs with an end the locator cannot place come back in
// unplaced, summed the same way.
func Corridors(flows []Flow, locate Locator, opt CorridorOptions) (corridors []Corridor, unplaced []Flow) {
	if opt.MaxDistance <= 0 {
		opt.MaxDistance = 0.5
	}
	if opt.MinLengthKm <= 0 {
		opt.MinLengthKm = 100
	}
	if opt.TopCategories <= 0 {
		opt.TopCategories = 3
	}
	type pair struct {
		Flow
		o, d orb.Point
		e    ends
		cats map[string]int64
	}
	byKey := map[[2]string]*pair{}
	var pairs []*pair
	for _, f := range flows {
		k := [2]string{f.Origin, f.Dest}
		p := byKey[k]
		if p == nil {
			p = &pair{Flow: Flow{Key: Key{Origin: f.Origin, Dest: f.Dest}}, cats: map[string]int64{}}
			byKey[k] = p
			pairs = append(pairs, p)
		}
		p.Count += f.Count
		p.Records += f.Records
		if f.Category != "" {
			p.cats[f.Category] += f.Count
		}
	}
	var placed []*pair
	for _, p := range pairs {
		po, ok1 := locate(p.Origin)
		pd, ok2 := locate(p.Dest)
		if !ok1 || !ok2 {
			unplaced = append(unplaced, p.Flow)
			continue
		}
		p.o, p.d = po.Point, pd.Point
		p.e = newEnds(p.o, p.d, opt.MinLengthKm)
		placed = append(placed, p)
	}
	slices.SortFunc(unplaced, compareFlows)
	slices.SortFunc(placed, func(a, b *pair) int { return compareFlows(a.Flow, b.Flow) })

	// Each group keeps the count-weighted vector sums of its ends, and
	// its centre flow runs between their directions.
	type group struct {
		members []*pair
		so, sd  vec
		co, cd  orb.Point
		centre  ends
	}
	join := func(g *group, p *pair) {
		w := float64(p.Count)
		if w <= 0 {
			w = 1e-9 // zero counts still pull a new group's centre
		}
		g.members = append(g.members, p)
		g.so, g.sd = g.so.plus(toVec(p.o).scale(w)), g.sd.plus(toVec(p.d).scale(w))
		g.co, g.cd = meanPoint(g.so, g.members[0].o), meanPoint(g.sd, g.members[0].d)
		g.centre = newEnds(g.co, g.cd, opt.MinLengthKm)
	}
	var groups []*group
	for _, p := range placed {
		best, bestD := -1, math.Inf(1)
		for gi, g := range groups {
			if d := flowDist(p.e, g.centre); d < bestD {
				best, bestD = gi, d
			}
		}
		if best < 0 || bestD > opt.MaxDistance {
			groups = append(groups, &group{})
			best = len(groups) - 1
		}
		join(groups[best], p)
	}

	for _, g := range groups {
		var c Corridor
		cats := map[string]int64{}
		for _, m := range g.members {
			c.Count += m.Count
			c.Members = append(c.Members, m.Flow)
			for k, v := range m.cats {
				cats[k] += v
			}
		}
		c.Origin, c.Dest = g.co, g.cd
		c.Geometry = Arc(c.Origin, c.Dest, opt.MaxSegmentKm)
		for k, v := range cats {
			c.Categories = append(c.Categories, CategoryShare{Category: k, Count: v, Share: float64(v) / float64(c.Count)})
		}
		slices.SortFunc(c.Categories, func(a, b CategoryShare) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Category, b.Category))
		})
		if len(c.Categories) > opt.TopCategories {
			c.Categories = c.Categories[:opt.TopCategories]
		}
		corridors = append(corridors, c)
	}
	// Stable: groups were created in order of their leaders, so equal
	// counts keep the leader order.
	slices.SortStableFunc(corridors, func(a, b Corridor) int { return cmp.Compare(b.Count, a.Count) })
	for i := range corridors {
		corridors[i].ID = i
	}
	return corridors, unplaced
}

// meanPoint is the direction of a weighted vector sum, or fallback when
// the sum vanishes (zero counts, or ends spread evenly round the globe).
func meanPoint(s vec, fallback orb.Point) orb.Point {
	if s.norm() < 1e-12 {
		return fallback
	}
	return s.unit().point()
}

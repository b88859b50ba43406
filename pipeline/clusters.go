package pipeline

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
	"github.com/uber/h3-go/v4"

	"github.com/htmap/htmap/analysis/cluster"
	"github.com/htmap/htmap/analysis/density"
	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/geo"
	"github.com/htmap/htmap/ingest"
)

// sensitiveClusterRes is the H3 resolution whose cells stand in for a
// sensitive cluster's hull: a hull's vertices would be victims' places.
const sensitiveClusterRes = 6

// clusterResult is DBSCAN (or HDBSCAN) on a kind's points.
type clusterResult struct {
	epsKm, minPoints float64
	method           string
	res              cluster.Result
	sums             []cluster.Summary
}

// clusterPoints runs density-based clustering on the points of a kind,
// weighted by their counts (identical places merge, their counts adding
// toward min-points as scikit-learn's sample_weight). The radius is the
// configured one or the knee of the k-distance curve.
func clusterPoints(kind ingest.Kind, ps *pointSet, cfg *Config, warn func(string, ...any)) (*clusterResult, error) {
	// Points that weigh nothing (incidents with no one dead or missing)
	// cannot make or join a cluster: they are left out and labelled noise.
	pts, wts := ps.pts, ps.counts
	var at []int32 // positions of the points kept; nil when all are
	if slices.ContainsFunc(ps.counts, func(w float64) bool { return !(w > 0) }) {
		pts, wts = nil, nil
		for i, w := range ps.counts {
			if w > 0 {
				pts, wts, at = append(pts, ps.pts[i]), append(wts, w), append(at, int32(i))
			}
		}
	}
	if len(pts) == 0 {
		return nil, nil
	}
	cr := &clusterResult{epsKm: cfg.EpsKm, minPoints: cfg.MinPoints, method: "dbscan"}
	var res cluster.Result
	if cfg.ClusterMethod == "hdbscan" {
		cr.method = "hdbscan"
		r, err := cluster.HDBSCAN(pts, wts, cluster.HDBSCANOptions{MinClusterSize: cfg.MinPoints})
		if err != nil {
			return nil, fmt.Errorf("%s clusters: %w", kind, err)
		}
		res = r
	} else {
		if cr.epsKm <= 0 {
			curve, err := cluster.SuggestEps(pts, wts, cfg.MinPoints)
			if err != nil {
				warn("%s: no clustering radius could be suggested (%v); clusters skipped", kind, err)
				return nil, nil
			}
			cr.epsKm = curve.EpsKm
		}
		r, err := cluster.DBSCAN(pts, wts, cr.epsKm, cfg.MinPoints)
		if err != nil {
			return nil, fmt.Errorf("%s clusters: %w", kind, err)
		}
		res = r
	}
	sums, err := cluster.Summarize(pts, wts, res.Labels)
	if err != nil {
		return nil, err
	}
	cr.res = cluster.Result{NClusters: res.NClusters, Labels: res.Labels}
	if at != nil {
		// Back to the positions of all points.
		cr.res.Labels = make([]int, len(ps.pts))
		for i := range cr.res.Labels {
			cr.res.Labels[i] = cluster.Noise
		}
		for j, i := range at {
			cr.res.Labels[i] = res.Labels[j]
		}
		for k := range sums {
			for m, j := range sums[k].Members {
				sums[k].Members[m] = int(at[j])
			}
		}
	}
	cr.sums = sums
	return cr, nil
}

// clustersTable is one feature per cluster. For public inputs the shape
// is the convex hull of its points; for sensitive ones the union of the
// H3 cells its points fall in, and dates only to the month.
func clustersTable(kind ingest.Kind, sensitive bool, ps *pointSet, cr *clusterResult) (*table, error) {
	c := cols("cluster_id", export.Int, "n_points", export.Int, "count", export.Int,
		"first_date", export.String, "last_date", export.String, "top_category", export.String,
		"centroid_lon", export.Float, "centroid_lat", export.Float, "method", export.String, "eps_km", export.Float)
	feats := make([]export.Feature, len(cr.sums))
	errs := make([]error, len(cr.sums))
	parallelFor(len(cr.sums), func(i int) {
		s := cr.sums[i]
		var first, last ingest.Date
		cats := map[string]float64{}
		var count int64
		for _, m := range s.Members {
			d := ps.dates[m]
			if sensitive && d.Precision == ingest.PrecisionDay {
				d.Day, d.Precision = 0, ingest.PrecisionMonth
			}
			if d.Precision != ingest.PrecisionNone {
				if first.Precision == ingest.PrecisionNone || dateAfter(first, d) {
					first = d
				}
				if last.Precision == ingest.PrecisionNone || dateAfter(d, last) {
					last = d
				}
			}
			cats[ps.cat(m)] += ps.counts[m]
			count += int64(ps.counts[m])
		}
		var shape orb.Geometry
		if sensitive {
			g, err := h3Union(ps.pts, s.Members)
			if err != nil {
				errs[i] = err
				return
			}
			shape = g
		} else {
			shape = s.Hull
			if p, ok := shape.(orb.Polygon); ok {
				shape = geo.SplitAntimeridian(p)
			}
		}
		centroid := s.Centroid
		eps := num(cr.epsKm)
		if cr.method != "dbscan" {
			eps = nil
		}
		feats[i] = export.Feature{Geometry: shape, Values: []any{
			int64(s.Label), int64(s.NPoints), count, dateValue(first), dateValue(last), topKey(cats),
			centroid[0], centroid[1], cr.method, eps,
		}}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &table{kind: kind, sensitive: sensitive, counts: []string{"count", "n_points"}, hideGeometry: true,
		attached: []string{"first_date", "last_date", "top_category", "centroid_lon", "centroid_lat"},
		layer:    &export.Layer{Name: "clusters", Columns: c, Features: export.Slice(feats)}}, nil
}

// h3Union is the outline of the H3 cells holding the members' points.
func h3Union(pts []orb.Point, members []int) (orb.Geometry, error) {
	set := map[h3.Cell]bool{}
	for _, m := range members {
		cell, err := h3.LatLngToCell(h3.LatLng{Lat: pts[m][1], Lng: pts[m][0]}, sensitiveClusterRes)
		if err != nil {
			return nil, err
		}
		set[cell] = true
	}
	cells := make([]h3.Cell, 0, len(set))
	for c := range set {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool { return cells[i] < cells[j] })
	polys, err := h3.CellsToMultiPolygon(cells)
	if err != nil {
		return nil, err
	}
	var mp orb.MultiPolygon
	for _, gp := range polys {
		p := orb.Polygon{loopRing(gp.GeoLoop)}
		for _, h := range gp.Holes {
			p = append(p, loopRing(h))
		}
		switch g := geo.SplitAntimeridian(p).(type) {
		case orb.Polygon:
			mp = append(mp, g)
		case orb.MultiPolygon:
			mp = append(mp, g...)
		}
	}
	if len(mp) == 1 {
		return mp[0], nil
	}
	return mp, nil
}

func loopRing(l h3.GeoLoop) orb.Ring {
	r := make(orb.Ring, 0, len(l)+1)
	for _, ll := range l {
		r = append(r, orb.Point{ll.Lng, ll.Lat})
	}
	if len(r) > 0 {
		r = append(r, r[0])
	}
	return r
}

// topKey returns the key with the largest value (ties: the smallest key).
func topKey(m map[string]float64) any {
	best, bv := "", math.Inf(-1)
	for _, k := range sortedStrings(m) {
		if m[k] > bv {
			best, bv = k, m[k]
		}
	}
	if best == "" {
		return nil
	}
	return best
}

// densityTable evaluates the quartic kernel density of a kind's points
// on equal-area grid cells near the points.
func densityTable(kind ingest.Kind, sensitive bool, ps *pointSet, cfg *Config) (*table, error) {
	if len(ps.pts) == 0 {
		return nil, nil
	}
	opt := density.Options{BandwidthKm: cfg.BandwidthKm}
	if sensitive {
		opt.MinBandwidthKm = density.SensitiveMinBandwidthKm
	}
	bw, err := density.RuleOfThumb(ps.pts, ps.counts)
	if err != nil && opt.BandwidthKm == 0 {
		return nil, fmt.Errorf("%s density: %w", kind, err)
	}
	radius := opt.BandwidthKm
	if radius == 0 {
		radius = math.Min(bw.Rule, density.DefaultMaxBandwidthKm)
	}
	radius = math.Max(radius, opt.MinBandwidthKm)
	spec := cfg.DensityCell
	if spec == "" {
		spec = fmt.Sprintf("grid:%d", int(math.Max(5, math.Min(100, math.Round(radius/5)))))
	}
	sys, err := geo.ParseSystem(spec)
	if err != nil {
		return nil, err
	}
	// The cells within one radius of a point's cell.
	occ := map[geo.Key]bool{}
	for _, p := range ps.pts {
		if k, ok := sys.Locate(p[1], p[0]); ok {
			occ[k] = true
		}
	}
	area := map[geo.Key]bool{}
	for k := range occ {
		for _, n := range sys.Within(k, radius) {
			area[n] = true
		}
	}
	keys := sortedKeys(area)
	at := make([]orb.Point, len(keys))
	for i, k := range keys {
		at[i] = sys.Shape(k).Point
	}
	opt.BandwidthKm = radius
	surf, err := density.Estimate(ps.pts, ps.counts, at, opt)
	if err != nil {
		return nil, fmt.Errorf("%s density: %w", kind, err)
	}
	c := cols("cell_id", export.String, "density", export.Float, "bandwidth_km", export.Float)
	var feats []export.Feature
	for i, k := range keys {
		if surf.Density[i] <= 0 {
			continue
		}
		sh := sys.Shape(k)
		feats = append(feats, export.Feature{Geometry: sh.Geometry, Values: []any{sh.ID, surf.Density[i], surf.Bandwidth.Radius}})
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i].Values[0].(string) < feats[j].Values[0].(string) })
	return &table{kind: kind, sensitive: sensitive,
		layer: &export.Layer{Name: "density", Columns: c, Features: export.Slice(feats)}}, nil
}

// parallelFor calls fn(i) for every i in [0, n) on GOMAXPROCS
// goroutines, handing out indices one at a time (the items differ
// widely in cost). fn must write only what belongs to its i.
func parallelFor(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

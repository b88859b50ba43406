package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/htmap/htmap/analysis/hotspot"
	"github.com/htmap/htmap/analysis/weights"
	"github.com/htmap/htmap/export"
)

// HotspotLayerConfig is htmap hotspot's configuration: ArcGIS's Hot Spot
// Analysis on a layer the user brings.
type HotspotLayerConfig struct {
	In, Field, Weights, Out string
	Planar                  bool // x/y coordinates with Euclidean distance
	Permutations            int
	Seed                    uint64
	NoFDR, Force            bool
}

// HotspotLayer reads a GeoJSON point or polygon layer (or an .arrow or
// .parquet layer of an earlier run), computes Gi* and
// Local Moran on one numeric property, and writes OUT/hotspots.geojson:
// every input feature with its own properties kept and the statistics
// added at full precision (it is the user's own layer, so no privacy
// rounding applies). A feature whose field is null or missing, such as a
// withheld count of a published htmap layer, is refused rather than read
// as zero. Polygons are placed at their area centroid for distance
// weights; contiguity (queen) needs polygons.
func HotspotLayer(c HotspotLayerConfig, command []string) (*Manifest, error) {
	b, err := os.ReadFile(c.In)
	if err != nil {
		return nil, err
	}
	var fc *geojson.FeatureCollection
	if strings.HasSuffix(c.In, ".arrow") || strings.HasSuffix(c.In, ".parquet") {
		// A layer of an earlier run, read back for chaining.
		fc, err = export.ReadFeatures(c.In)
	} else if fc, err = geojson.UnmarshalFeatureCollection(b); err != nil {
		err = fmt.Errorf("%s: not a GeoJSON FeatureCollection: %w", c.In, err)
	}
	if err != nil {
		return nil, err
	}
	n := len(fc.Features)
	if n == 0 {
		return nil, fmt.Errorf("%s: no features", c.In)
	}
	vals := make([]float64, n)
	pts := make([]orb.Point, n)
	geoms := make([]orb.Geometry, n)
	ids := make([]string, n)
	for i, f := range fc.Features {
		v, ok := f.Properties[c.Field]
		switch x := v.(type) {
		case float64:
			vals[i] = x
		case nil:
			if ok {
				return nil, fmt.Errorf("%s: feature %d: %s is null (a withheld count?); refusing to read it as zero", c.In, i+1, c.Field)
			}
			return nil, fmt.Errorf("%s: feature %d has no property %q", c.In, i+1, c.Field)
		default:
			return nil, fmt.Errorf("%s: feature %d: %s is %v, not a number", c.In, i+1, c.Field, x)
		}
		if f.Geometry == nil {
			return nil, fmt.Errorf("%s: feature %d has no geometry", c.In, i+1)
		}
		geoms[i] = f.Geometry
		switch g := f.Geometry.(type) {
		case orb.Point:
			pts[i] = g
		case orb.Polygon, orb.MultiPolygon:
			pts[i], _ = planar.CentroidArea(g)
		default:
			pts[i], _ = planar.CentroidArea(g)
		}
		ids[i] = strconv.Itoa(i)
		if f.ID != nil {
			ids[i] = fmt.Sprint(f.ID)
		}
	}
	metric := weights.Geodesic
	if c.Planar {
		metric = weights.Planar
	}
	spec, err := ParseWeights(c.Weights)
	if err != nil {
		return nil, err
	}
	reason := ""
	if spec.Kind == "optimized" {
		band, err := hotspot.OptimizedBand(pts, vals, metric)
		if err != nil {
			return nil, fmt.Errorf("choosing a distance band: %w (give --weights)", err)
		}
		spec, reason = WeightsSpec{Kind: "distance", Km: band.Distance}, band.Reason
	}
	var w *weights.W
	if spec.Kind == "contiguity" {
		w, err = weights.Queen(geoms)
	} else {
		w, err = buildWeights(spec, pts, metric, nil, ids)
	}
	if err != nil {
		return nil, err
	}
	res, err := hotspot.Analyze(vals, w, hotspot.Options{Permutations: c.Permutations, Seed: c.Seed, NoFDR: c.NoFDR})
	if err != nil {
		return nil, err
	}
	for i, f := range fc.Features {
		p := f.Properties
		p["gi_z"], p["gi_p"], p["gi_psim"], p["gi_bin"] = num(res.GiZ[i]), num(res.GiP[i]), sim(res.GiPSim, i), res.GiBin[i]
		p["lisa_i"], p["lisa_z"], p["lisa_p"], p["lisa_psim"] = num(res.LisaI[i]), num(res.LisaZ[i]), num(res.LisaP[i]), sim(res.LisaPSim, i)
		p["lisa_q"], p["lisa_cluster"] = res.LisaQ[i], res.LisaCluster[i]
		f.Geometry = export.Rewind(f.Geometry)
	}
	fc.BBox = nil
	od, err := newOutDir(c.Out, c.Force)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			od.abort()
		}
	}()
	out, err := json.Marshal(fc)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(od.path("hotspots.geojson"), append(out, '\n'), 0o644); err != nil {
		return nil, err
	}
	size, sum, _ := hashReader(bytesReader(b))
	m := &Manifest{Htmap: buildInfo(), Command: redactOut(command, c.Out), Warnings: []string{},
		Inputs: []InputRecord{{Name: c.In, Format: "geojson", Bytes: size, SHA256: sum, RowsRead: int64(n), RowsUsed: int64(n),
			Rejected: map[string]int64{}, DroppedColumns: []string{}}},
		Analyses: []KindAnalysis{{Kind: "layer", Weights: spec.String(), WeightsReason: reason}}}
	m.Config.Weights, m.Config.Permutations, m.Config.Seed, m.Config.NoFDR = spec.String(), res.Permutations, c.Seed, c.NoFDR
	m.Totals = Totals{RowsRead: int64(n), RowsUsed: int64(n)}
	if isl := w.Islands(); len(isl) > 0 {
		m.Warnings = append(m.Warnings, fmt.Sprintf("%d features have no neighbour under %s; they get neutral statistics", len(isl), spec))
	}
	if err := m.addOutput(od, "hotspots.geojson", "geojson", int64(n), false); err != nil {
		return nil, err
	}
	if err := writeJSON(od.path("manifest.json"), m); err != nil {
		return nil, err
	}
	if err := od.commit(); err != nil {
		return nil, err
	}
	ok = true
	return m, nil
}

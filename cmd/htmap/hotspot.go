package main

import (
	"context"
	"fmt"

	"github.com/htmap/htmap/pipeline"
)

func cmdHotspot(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "hotspot", "--in LAYER.geojson --field NAME [--weights distance:KM|knn:K|contiguity|gal:FILE] [--planar] [--permutations N] [--seed N] [--no-fdr] --out DIR",
		"Hot spot analysis (Getis-Ord Gi*) and cluster and outlier analysis (Local Moran's I)\n"+
			"on any GeoJSON point or polygon layer, as ArcGIS's tools. Writes DIR/hotspots.geojson:\n"+
			"every feature with its own properties and gi_z, gi_p, gi_psim, gi_bin, lisa_i, lisa_z,\n"+
			"lisa_p, lisa_psim, lisa_q, lisa_cluster added. Without --weights the distance band is\n"+
			"chosen by incremental spatial autocorrelation (Optimized Hot Spot Analysis).")
	var c pipeline.HotspotLayerConfig
	fs.StringVar(&c.In, "in", "", "input GeoJSON `LAYER` (points or polygons)")
	fs.StringVar(&c.Field, "field", "", "numeric property to analyse")
	fs.StringVar(&c.Weights, "weights", "", "distance:KM, knn:K, contiguity (polygons, queen) or gal:FILE (default: optimized band)")
	fs.BoolVar(&c.Planar, "planar", false, "coordinates are projected x/y: Euclidean distance in their units")
	fs.IntVar(&c.Permutations, "permutations", 999, "permutations for pseudo p-values (-1 for none)")
	fs.Uint64Var(&c.Seed, "seed", 1, "random seed")
	fs.BoolVar(&c.NoFDR, "no-fdr", false, "no false discovery rate correction")
	fs.StringVar(&c.Out, "out", "", "output `DIR`")
	fs.BoolVar(&c.Force, "force", false, "replace a non-empty --out that holds no htmap manifest")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if c.In == "" || c.Field == "" || c.Out == "" {
		return usagef("--in, --field and --out are required")
	}
	if _, err := pipeline.ParseWeights(c.Weights); err != nil {
		return usageError{err.Error()}
	}
	m, err := pipeline.HotspotLayer(c, append([]string{"htmap"}, e.argv...))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "htmap hotspot: %d features, weights %s; wrote %s/hotspots.geojson\n", m.Totals.RowsRead, m.Config.Weights, c.Out)
	return nil
}

package pipeline

import (
	"context"

	"github.com/paulmach/orb"

	"github.com/htmap/htmap/analysis/cluster"
	"github.com/htmap/htmap/ingest"
)

// SuggestEps reads the inputs' points and returns their k-distance curve
// (k = MinPoints, the point itself counted, weighted by count) with its
// knee, the radius to try for DBSCAN. Nothing is written.
func SuggestEps(ctx context.Context, cfg Config) (cluster.EpsCurve, error) {
	cfg.Defaults()
	var pts []orb.Point
	var w []float64
	_, err := ReadInputs(ctx, cfg.Inputs, cfg.FixSwapped, nil, func(_ int, _ ingest.Kind, recs []ingest.Record) error {
		for _, r := range recs {
			if r.HasPoint && r.Count > 0 {
				pts = append(pts, orb.Point{r.Lon, r.Lat})
				w = append(w, float64(r.Count))
			}
		}
		return nil
	}, nil)
	if err != nil {
		return cluster.EpsCurve{}, err
	}
	return cluster.SuggestEps(pts, w, cfg.MinPoints)
}

package routes

import "github.com/paulmach/orb"

// Route is a flow with its drawn geometry: a LineString, or a
// MultiLineString when the arc crosses the antimeridian.
type Route struct {
	Flow
	Geometry orb.Geometry
}

// Draw gives each flow whose two ends the locator can place its great-
// circle Arc (segments of at most maxSegKm). Flows it cannot place come
// back in undrawn, in input order, for the manifest.
func Draw(flows []Flow, locate Locator, maxSegKm float64) (routes []Route, undrawn []Flow) {
	for _, f := range flows {
		o, ok1 := locate(f.Origin)
		d, ok2 := locate(f.Dest)
		if !ok1 || !ok2 {
			undrawn = append(undrawn, f)
			continue
		}
		routes = append(routes, Route{Flow: f, Geometry: Arc(o.Point, d.Point, maxSegKm)})
	}
	return routes, undrawn
}

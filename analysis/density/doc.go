// Package density estimates a kernel density surface from weighted incident
// points, the way ArcGIS's Kernel Density tool does, so that maps made here
// can be compared with maps analysts already know.
//
// The kernel is ArcGIS's quartic (biweight) kernel: a point of weight w at
// distance d from a location adds
//
//	(3/π) · w · (1 − (d/r)²)² / r²    for d < r, nothing beyond,
//
// so each point spreads exactly its weight over a disc of radius r and the
// surface is in weight per km² (per squared unit for the planar variant).
// Distances are great-circle kilometres on a sphere of radius 6371.0088 km;
// the caller chooses the evaluation locations (usually the centres of
// equal-area grid cells).
//
// # Speed
//
// A grid of cubes over the points' 3-D unit vectors restricts every sum to
// the points within r, and the kernel is evaluated without an arcsine: it
// only needs (d/r)², a short power series in the squared chord
// (series.go). Points are grouped in small cubes (a 32nd of r's chord); a
// cube lying wholly within r of a location is summed at once from the
// moments of its points (moments.go), a cube straddling r point by point.
// Incidents cluster in cities, so nearly all of a location's points come
// in whole cubes: on the million-point bench file a location has 12,000
// points within reach on average and costs 23 cube sums and 900
// distances. Both ways agree with a pair-by-pair sum with math.Asin to
// rounding (1e-13 of the density, plus the fixed point's resolution;
// brute_test.go). Sums
// are added in fixed point and each location is summed by one goroutine,
// so a surface is the same to the last digit whatever the number of
// cores.
//
// # Bandwidth
//
// Unless the caller gives one, the radius follows ArcGIS's rule of thumb,
// computed on the data's own extent:
//
//	r = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2)
//
// with SD the weighted standard distance from the weighted mean centre, Dm
// the weighted median distance to that centre and n the total weight. For a
// worldwide dataset the rule gives a kernel of a thousand kilometres or more,
// which smears continents together, so the rule's result is capped at
// Options.MaxBandwidthKm (DefaultMaxBandwidthKm, 500 km, unless set). A
// caller publishing sensitive data sets Options.MinBandwidthKm: no radius,
// given or derived, goes below it, so a single case is always spread over at
// least π·min² km² and cannot stand out as a sharp peak at a victim's
// location (SensitiveMinBandwidthKm is the value the pipeline uses).
package density

// Package weights holds sparse spatial weights: for every site, the sites
// that count as its neighbours and the weight each one gets.
//
// A [W] is stored row by row in compressed sparse row form (one offsets
// slice, one neighbour slice, one weight slice) because the statistics walk
// each site's neighbours in turn and 100,000 sites of eight neighbours must
// stay a few megabytes.
//
// Self-weights are never stored. A site is not its own neighbour in a W; a
// statistic that counts the site itself, such as Getis-Ord Gi*, adds the
// self term explicitly, so no builder has to guess whether the diagonal is
// wanted and row standardisation never mixes the two.
//
// Builders:
//
//   - [DistanceBand]: every pair closer than or exactly at a band, in
//     great-circle kilometres on a sphere of radius [EarthRadiusKm]
//     (6371.0088 km, the IUGG mean radius) or in plain planar units.
//   - [KNN]: the k nearest sites of each site (not symmetric).
//   - [FromNeighbors]: contiguity lists the caller already has, for example
//     the neighbouring cells of a hexagonal grid.
//   - [Queen] and [Rook]: contiguity of a user's polygon layer (a shared
//     vertex, or a shared edge), equal to libpysal's on its St. Louis
//     counties.
//   - [ReadGAL]: PySAL and GeoDa's GAL text format.
//
// [ParseSpec] reads the command line's --weights value
// (distance:KM, knn:K, contiguity, gal:FILE).
//
// Distance builders use a k-d tree, never all pairs. On the sphere the
// tree holds 3-D unit vectors and searches by chord length, a monotone
// function of great-circle distance, so the poles and the antimeridian
// need no special case; membership is then decided by the exact
// great-circle distance. The tree is a small flat one of our own (see
// kdtree.go for why not gonum's): 100,000 points take about half a second
// of CPU, a quarter of a second on two cores, for a distance band or for 8
// nearest neighbours (BenchmarkDistanceBand100k, BenchmarkKNN8_100k).
// scikit-learn's BallTree (haversine) agrees on every neighbour in the
// tests.
//
// Builders return binary weights (every weight 1). [W.RowStandardized]
// divides each row by its sum, as PySAL's transform "R". A site without
// neighbours (an island) keeps an empty row: its row sum is 0, it is listed
// by [W.Islands], and no division by zero ever happens; what a statistic
// reports for an island is documented in package hotspot.
package weights

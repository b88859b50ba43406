// Package cluster groups incident points that belong together: DBSCAN and
// HDBSCAN on geodesic (great-circle) distance, a k-distance curve to choose
// DBSCAN's radius, and per-cluster summaries (size, weight, spherical
// centroid, antimeridian-aware convex hull).
//
// Inputs are plain slices: points as orb.Point{lon, lat} in degrees and an
// optional weight per point (a count of incidents at that spot; nil means 1
// each). Outputs are plain structs with one label per input point, -1 for
// noise and 0..k-1 for clusters. The package knows no file formats.
//
// # Distances
//
// Distances are great-circle distances on a sphere of radius 6371.0088 km
// (the IUGG mean radius, as scikit-learn's haversine examples use). Points
// are placed on the unit sphere as 3-D vectors; because the straight chord
// between two unit vectors grows monotonically with the angle between them,
// "within eps km" is the same as "chord at most 2 sin(eps/2R)", so Euclidean
// indexes answer geodesic questions exactly, with no distortion near the
// poles or across the 180° meridian: a uniform voxel grid for DBSCAN, a k-d
// tree for the nearest-neighbour questions of HDBSCAN and SuggestEps.
//
// # Weights and duplicates
//
// Points with identical coordinates are merged before anything else and their
// weights added, as scikit-learn's sample_weight would count them: a spot
// with 500 reports is one tree entry of weight 500, never 500 entries whose
// pairwise neighbourhoods make the run quadratic. Labels are then copied back
// to every input row.
//
// # DBSCAN or HDBSCAN
//
// DBSCAN asks for a radius eps and a weight minPoints: a place is dense when
// at least minPoints incidents lie within eps of it. It reproduces
// scikit-learn's labels exactly (tested against it) and handles a million
// points in well under a second. Its weakness is the single radius: deserts and sea
// crossings have very different densities. SuggestEps draws the k-distance
// curve that analysts use to pick eps.
//
// HDBSCAN needs only a minimum cluster size: it builds the whole hierarchy of
// DBSCAN clusterings over all radii (as a minimum spanning tree of
// mutual-reachability distances, built by Borůvka's algorithm over the k-d
// tree) and keeps the clusters that persist longest (excess of mass), so
// clusters of different densities come out together. Its Probabilities say how
// firmly each point belongs.
//
// Summarize turns labels into what a map needs: size, weight, centroid and a
// hull. Hull vertices are input locations; for sensitive data publish a
// coarser shape instead.
//
// # Planar variants
//
// DBSCANPlanar and HDBSCANPlanar run the same code on flat x/y coordinates with
// Euclidean distance; they exist so the algorithms can be checked against
// small hand-worked examples and textbook fixtures.
package cluster

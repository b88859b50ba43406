// Package analysis is the statistics stage of htmap: it finds where cases
// concentrate more than chance allows.
//
// The stage knows no file formats. Its inputs are plain slices (point
// coordinates, one value per site, neighbour lists) and its outputs are
// plain structs, so the pipeline, the CLI and tests all call the same
// functions and a number can be checked by hand.
//
// The tree:
//
//   - analysis/weights: sparse spatial weights (who is whose neighbour and
//     how much), built from a distance band or k nearest neighbours on the
//     sphere or the plane (through a k-d tree, never all pairs), from
//     contiguity lists, or read from a PySAL GAL file; row standardisation
//     and the list of islands (sites without neighbours).
//   - analysis/hotspot: Getis-Ord Gi* as ArcGIS computes it, an
//     esda-compatible Gi/Gi* and global G, Local and global Moran's I,
//     Benjamini-Hochberg false-discovery-rate control and ArcGIS confidence
//     bins, conditional permutation pseudo p-values, the optimized hot spot
//     distance band (incremental spatial autocorrelation) and empirical
//     Bayes rate smoothing. hotspot.Analyze is the one entry point the
//     pipeline and the CLI call.
//   - analysis/emerging: how hot and cold spots change over time (Esri's
//     Emerging Hot Spot Analysis over a space-time cube, Mann-Kendall).
//   - analysis/density: kernel density surfaces (ArcGIS's quartic kernel).
//   - analysis/cluster: density-based clustering of incidents (DBSCAN,
//     HDBSCAN).
//   - analysis/routes: origin-destination flows, route legs and geometry,
//     the network of places and flow hot spots.
package analysis

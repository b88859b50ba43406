// Package emerging finds how hot and cold spots change over time: Esri's
// Emerging Hot Spot Analysis, rebuilt from its published description.
//
// The input is a space-time cube, counts[location][step], plus each
// location's spatial neighbours. Three things are computed:
//
//  1. A space-time Getis-Ord Gi* z-score for every bin (location, step).
//     The neighbourhood of bin (i, t) is location i and its spatial
//     neighbours, each in steps t-K through t (K = Options.TimeWindow,
//     ArcGIS's "neighborhood time step", default 1). Weights are binary.
//     The mean and the population standard deviation are taken over every
//     bin of the cube and n is the number of bins, as ArcGIS does, so a
//     quiet year is judged against the whole period and not only against
//     itself. The p-value is two-sided. Benjamini-Hochberg false discovery
//     rate control runs over all bins at 99, 95 and 90 % and gives each bin
//     an ArcGIS confidence bin -3..3; a bin is hot (cold) when its bin is
//     positive (negative), that is, significant at 90 % after FDR.
//  2. A Mann-Kendall trend test on each location's series of counts and
//     of Gi* z-scores: S, its variance corrected for ties, Z with the
//     continuity correction and a two-sided normal p-value.
//  3. One of 17 patterns per location from its hot/cold history and the
//     trend of its Gi* z-scores: new, consecutive, intensifying,
//     persistent, diminishing, sporadic, oscillating or historical hot
//     spot, the same eight cold spots, or no pattern. The exact rules, and
//     where they settle gaps in Esri's wording, are on [Classify] and in
//     docs/emerging.md.
//
// Nothing is random: there are no permutations, so the same cube always
// gives the same map.
//
// Neighbour lists never contain the location itself (the same convention
// as package weights); Gi* adds the self term. Lists need not be
// symmetric, so k-nearest-neighbour lists work unchanged.
//
// Building the cube is the caller's work, with three rules from the
// method: the locations are the cells with a record in some step (see
// [Occupied]); steps without any record are zero columns, never skipped
// (see [StepLabels]); and a final step the data covers only in part is
// dropped with a warning rather than read as a collapse (see
// [DropPartialFinalStep]). Records dated more coarsely than the step (a
// year-only date under monthly steps) cannot be placed in a step; they stay
// out of the cube and the caller reports how many there were.
package emerging

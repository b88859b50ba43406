// Package routes turns records into the movements they describe:
// origin-destination flows, the legs of routes through transit countries,
// great-circle route geometry, a network of places with hub statistics,
// corridors (clusters of similar flows) and flow hotspots.
//
// Like the rest of the analysis stage it knows no file formats. Inputs are
// record batches and plain lookups (a place's representative point, its
// neighbours); outputs are plain structs with orb geometries, which the
// export stage writes as GeoJSON, CSV or Arrow.
//
// # Flows
//
// An [Accumulator] is a combiner: Add folds a batch of records in, Merge
// folds another accumulator in, and Table produces the sorted [Table]. So
// the same code runs over one file, over shards in parallel, or on Beam.
// What a record becomes depends on its kind:
//
//   - cases and ctdc: one flow from citizenship (Origin) to the country of
//     exploitation (Destination). A record with transit countries still
//     counts once in the routes; its hops (origin, transit..., destination)
//     go to the legs table and to the network instead.
//   - flows (migrant stock, refugees): as given.
//   - incidents: origin country to the incident's cell, named by the
//     caller's CellOf function (h3 cell id or any string).
//
// A record whose two ends are the same place is counted per place (as
// domestic for cases, set aside for flow tables), not drawn. A record with
// an unknown or missing end is counted per reason in [Table.Excluded], not
// drawn. Nothing is silently dropped: every record weight lands in exactly
// one of Flows, Domestic, SetAside or Excluded (see [Table.Check]).
//
// [AtLeast] applies a minimum count (for privacy or legibility) and
// tallies what it hides.
//
// # Places
//
// A [Locator] turns an id into a [Place] with a point. [CountryPlace]
// places ISO alpha-3 codes at data/country's representative points,
// [MapLocator] serves a fixed list (the cells of point data), and [Chain]
// tries several in turn. [CountryNeighbours] gives land contiguity for
// the flow hotspots.
//
// # Geometry
//
// [Arc] draws the great circle between two points on a sphere, densified
// by spherical interpolation so that no segment is longer than a given
// length, and split at the antimeridian as RFC 7946 asks, with the
// crossing latitude computed on the great circle itself. [Draw] does it
// for every flow whose ends can be placed and returns the rest, to be
// counted rather than drawn.
//
// # Network
//
// [AnalyzeNetwork] builds a weighted directed gonum graph of places from
// hops (legs where a route's transit is known, else the direct flow) and
// gives each node its in- and out-flow, a role from the in/out balance,
// betweenness (shortest paths on the cost 1/count, unnormalised, as
// networkx computes it), PageRank and a Louvain community.
//
// # Corridors and hotspots
//
// [Corridors] groups flows whose origins and destinations are both near
// ([FlowDistance], Tao and Thill's scale-free flow dissimilarity;
// leader clustering from the largest flow down, each flow joining the
// nearest corridor centre). Each corridor has its total, its member
// flows, its dominant categories and an arc between the count-weighted
// centres of its origins and of its destinations. [FlowHotspots] gives the Getis-Ord G* z of every flow over its
// origin-and-destination neighbourhood (Berglund and Karlström) with a
// seeded permutation p-value, and a z against the independence baseline
// out_i*in_j/total, so a route is flagged for being unusual rather than
// merely large.
//
// # Flow maps
//
// [FlowmapTables] and [WriteFlowmap] give the locations and flows tables
// flowmap.blue and flowmap.gl read.
package routes

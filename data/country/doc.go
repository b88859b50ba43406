// Package country is htmap's embedded country reference: ISO 3166-1 codes
// and names, boundaries, a representative point, area and land neighbours
// for every current ISO entry (plus Kosovo), compiled into the binary so no
// run ever downloads anything.
//
// # Resolving spellings
//
// [Resolve] maps an input spelling to the canonical alpha-3 code. Inputs mix
// ISO alpha-2 (CTDC), alpha-3 (UNHCR), numeric, and names in the styles of
// UN DESA ("Bolivia (Plurinational State of)", "China, Hong Kong SAR"), the
// World Bank ("Korea, Rep.", "Gambia, The"), IOM ("Türkiye", "Palestinian
// Territories"), Walk Free and Natural Earth ("Dem. Rep. Congo"). Codes are
// read case-insensitively; Namibia's "NA" is Namibia, never a missing value,
// so callers must decide what "missing" means before calling Resolve. Names
// are compared after a normalisation that folds case and accents, drops
// punctuation and the words of/the/and, and expands the usual abbreviations;
// "X, Y" is also tried as "Y X", and a trailing parenthesis is ignored as a
// last resort ("Morocco (en route to Ceuta)" is Morocco). Region aggregates
// (Caribbean, Micronesia, Polynesia, ...), "Channel Islands" and markers like
// "Unknown" or "Mixed" do not resolve, on purpose: a stock reported for a
// region must not be drawn in one of its countries. Resolve costs one map
// lookup for exact codes and known names, and one normalisation (no
// allocation) plus a lookup otherwise.
//
// The code list is github.com/biter777/countries without the withdrawn ANT
// and YUG. Kosovo is XKX (the code of the World Bank, Walk Free and the EU;
// XK and KOS are accepted) with Numeric 0, because ISO gives it none.
//
// # Boundaries
//
// Boundaries are Natural Earth 1:50m admin-0 from the npm package
// world-atlas@2.0.2 (countries-50m.json; the 1:110m file lacks Malta,
// Singapore and Bahrain). The committed generator (internal/gen, run by
// `go generate ./data/country`) converts it into countries.bin.gz, 240 kB:
// coordinates stay on world-atlas's integer grid (about 400 m by 190 m), so
// the file is exact and byte-for-byte reproducible, and a test regenerates it
// whenever tools/npm/node_modules is installed.
//
// Decisions about the features of countries-50m that have no ISO id or hold
// territories with their own ISO code:
//
//   - Kosovo (no id) is XKX; Northern Cyprus (no id) is merged into CYP and
//     Somaliland (no id) into SOM, as ISO and the UN count them; Siachen
//     Glacier (no id, disputed) goes to IND, which administers it. Merging
//     dissolves the shared border (the arcs both use), so Somalia and Cyprus
//     are each one polygon, as OGC validity requires.
//   - "Indian Ocean Ter." (no id) is split: the island east of 100°E is
//     Christmas Island (CXR), the others are the Cocos Islands (CCK).
//   - Ashmore and Cartier Is. shares Australia's id 036 and stays AUS.
//   - Natural Earth keeps overseas parts inside their sovereign; where ISO
//     gives them a code they are moved to it, so a death off Mayotte is not
//     drawn in France: France's French Guiana, Guadeloupe, Martinique,
//     Réunion and Mayotte (GUF, GLP, MTQ, REU, MYT); Norway's Svalbard, Bjørnøya
//     and Jan Mayen (SJM); the Netherlands' Bonaire, Sint Eustatius and Saba
//     (BES); New Zealand's Tokelau (TKL). Åland (ALA) has its own id and code.
//   - Islands dropped at 1:50m are taken from countries-10m of the same
//     package: every polygon of at least 1 km², north of 60°S, with an ISO
//     id, that no 1:50m polygon comes near. Lampedusa and Linosa are among
//     them: without them the 72 incidents (700 dead and missing) that IOM
//     records within 22 km of their coasts would count as at sea. That adds
//     990 islands (about 30 kB; atolls whose ring would cross itself on the
//     1:50m grid are left out) and gives Tuvalu, the US Minor Outlying
//     Islands and Bouvet Island (split from Norway) a shape. Borders and all
//     other coasts stay 1:50m.
//   - Ceuta and Melilla (ESP) and Gibraltar (GIB) lie inside the 1:50m
//     outlines of Morocco and Spain. Their 1:10m polygons are added on top
//     (overlays), with the land borders ESP-MAR and GIB-ESP; the
//     neighbour's outline still covers them (their 37 km² count in both
//     AreaKm2 values), so geo.CountryIndex lets the smallest containing
//     polygon win. Without this, the 193 IOM incidents
//     at the Ceuta and Melilla fences would be located in Morocco.
//   - Every code then has a shape. (Built without countries-10m, Gibraltar
//     would get a point only and a nil Shape.)
//
// Shapes follow RFC 7946: rings are closed with at least 4 positions,
// exterior rings counter-clockwise and holes clockwise. world-atlas writes
// rings in d3's spherical convention, so the generator fixes three things:
// it rewinds every ring; it cuts the rings that cross the antimeridian
// (Russia's mainland with Chukotka, Wrangel Island, one Fijian island) at
// ±180 into separate polygons; and it rebuilds Antarctica, which world-atlas
// writes as a zero-area ring along the pole with the coast as a hole, as the
// coast closed along the pole row (-89.999°). No ring steps across the globe
// except along that polar row, and GEOS finds every shape valid (tested).
//
// # Point, area, neighbours
//
// Point is the pole of inaccessibility of the largest polygon (within about
// 100 m, in a frame scaled by cos(latitude)): always inside the country, far
// from its coast, unlike the planar centroid, which falls outside Croatia,
// Viet Nam, Greece, Japan, Indonesia and the Philippines (tested). It is
// meant for drawing routes and for distance weights.
//
// AreaKm2 is the area on the WGS84 ellipsoid: the polygon's area in Lambert's
// cylindrical equal-area projection of the ellipsoid (authalic latitude),
// exact for edges straight in that projection; it is within 0.04 % of
// pyproj's geodesic area for every country over 1000 km² (tested at 0.1 %).
//
// Neighbours come from the TopoJSON topology: two countries are neighbours
// when a boundary arc belongs to both, so only land borders count and islands
// have none.
package country

// Package geo puts records onto geographic cells, the unit that hotspot
// statistics, maps and feeds work on.
//
// # Cell systems
//
// A System cuts the world into cells; ParseSystem builds one from a --cell
// value:
//
//   - h3:RES (0..15): Uber's H3 hexagons through github.com/uber/h3-go
//     (cgo). cell_id is the index as lower-case hex, the value kepler.gl,
//     DuckDB and BigQuery join on; area_km2 is h3.CellAreaKm2.
//   - grid:KM: an equal-area grid on EASE-Grid 2.0 (EPSG:6933, Lambert's
//     cylindrical equal-area projection of the WGS84 ellipsoid, true scale
//     at ±30°), implemented here from Snyder's formulas and checked
//     against PROJ. Every cell has KM² km² of area on the ellipsoid, so
//     counts are comparable across latitudes. The projection is
//     cylindrical, so cells are lon/lat rectangles: round(W / KM) columns, W = 34,735 km being the
//     projected width of the world, tile 360° exactly; the width is
//     adjusted to that and the height set to KM²/width, keeping the area
//     exact. Rows start at
//     the equator; the row at each pole is cut at ±90° and is smaller
//     (its area_km2 says so). At high latitude cells are tall and narrow
//     on the ground (about 5 km by 125 km for grid:25 at 80°): equal
//     areas, unequal shapes. cell_id is g<KM>_<col>_<row>, columns from
//     180°W, rows from the north pole. area_km2 is the closed-form area of
//     the quadrangle on the ellipsoid (QuadrangleAreaKm2), not a spherical
//     formula, which would drift by about 1 % from equator to pole.
//   - country: the embedded admin-0 polygons of package data/country,
//     cell_id the ISO alpha-3 code. Points are located through
//     CountryIndex with the sea rule (SeaKm): further than 22 km from
//     every coast is at sea, in no country.
//
// Every cell has a polygon that follows RFC 7946 (closed rings, exteriors
// counter-clockwise) and is cut at the antimeridian into a MultiPolygon
// when it crosses it (SplitAntimeridian); a cell round a pole is drawn as
// a cap from -180° to 180° closed along the pole. It also has a
// representative point (H3 centre, grid cell centre, country pole of
// inaccessibility), used for distance bands and the study area.
//
// # Which records go where
//
// A record with coordinates goes to the cell containing its point. A
// record with only a country (CTDC, case tables without coordinates,
// flows) is placed only by the country system, by Destination, the
// country of exploitation; under H3 or a grid it is not spread over
// hexagons as if it had a location but counted in Unplaced.CountryOnly,
// which the pipeline reports. Incidents are placed by their point only.
// Unplaced also counts points at sea (country system), unknown countries
// and records with no location at all. Placed plus Unplaced is every
// record added.
//
// # Aggregation
//
// Aggregate is a map and combine: Add folds a batch in, Merge folds
// another Aggregate in, and the result depends only on the records, not
// on batching, order or the number of workers (AggregateParallel runs one
// Aggregate per core and merges). Each Cell carries Count (the sum of
// record counts: victims, dead and missing, migrants), NRecords, a
// breakdown per time bucket (Step: year, quarter or month; records dated
// more coarsely than the step go to Coarse and undated ones to Undated,
// never guessed into a bucket), breakdowns per column (--by: category,
// gender, age_band, route, origin, destination, kind; empty fields count
// as "unknown"), FirstDate and LastDate, and a rate per 100,000 when a
// Denominator table (keyed by cell_id) is given.
//
// # Study area
//
// The study area is the set of cells the statistics run over, empty cells
// included with count 0; it changes every mean and variance, so it is an
// explicit rule. With a polygon layer (--study-area FILE,
// StudyAreaFromGeoJSON) it is every cell whose representative point lies
// inside a polygon, and occupied cells outside are dropped and counted.
// By default (DefaultStudyArea) it is every cell whose representative
// point lies within one weights band (a great-circle distance in km,
// given by the caller) of an occupied cell's, sea included for H3 and
// grid cells. Aggregate.CellsIn returns the cells of an area.
//
// # Neighbours
//
// System.Neighbours gives the contiguity for spatial weights: the H3 grid
// ring k=1 (six cells, five around the twelve pentagons), queen or rook
// contiguity on the grid (columns wrap round the antimeridian, rows do
// not cross the poles), and land borders for countries. Islands have no
// neighbours: the slice is empty.
//
// # Speed
//
// Benchmarks (go test -bench . ./geo) measure point-to-cell assignment
// per system and aggregation throughput. The grid locates a point with a
// latitude lookup table and no trigonometry (tens of millions of points
// per second on one core); H3 pays its C core and the cgo crossing (about
// two million per second).
package geo

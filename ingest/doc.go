// Package ingest reads the input files of htmap into validated Records:
// the first stage of the pipeline, and the only one that sees raw input.
//
// # Inputs
//
// Four layouts (Kind) are read, detected from the header unless
// Options.Kind says otherwise:
//
//   - cases: the generic case schema of docs/schema.md, columns case_id,
//     date, citizenship, exploitation_country, lat, lon, transit,
//     exploitation_type, gender, age_band, count. Required: date, and a
//     place (citizenship or exploitation_country, or lat and lon).
//   - ctdc: the Counter Trafficking Data Collaborative global dataset as
//     published (yearOfRegistration, gender, ageBroad, citizenship,
//     isForcedLabour, isSexualExploit, CountryOfExploitation).
//   - incidents: the IOM Missing Migrants exports, all three layouts
//     (2014-2021 with "Location Coordinates" and "August 31, 2021"
//     dates; the regional file with Latitude/Longitude and ISO dates; the
//     current export with "Thu, 01/01/2026 - 12:00" dates).
//   - flows: origin-destination tables; the headers origin/orig/orig_iso3/
//     origin_iso3, destination/dest/dest_iso3/destination_iso3, year and
//     count/value/flow/stock/refugees are recognised as they are.
//
// Options.Columns maps the schema field names of a kind to other header
// names. The field names are those of docs/schema.md for cases; year,
// gender, age_band, citizenship, forced_labour, sexual_exploitation,
// exploitation_country for ctdc; incident_id, date, year, month,
// coordinates, lat, lon, dead_and_missing, dead, missing, region, route,
// origin for incidents; origin, destination, year, count for flows.
//
// Files may be delimited text (comma, semicolon, tab or pipe, found by
// sniffing; UTF-8 with or without a byte-order mark; gzip-compressed or
// not), Arrow IPC (file or stream) or Parquet with the same columns.
// Columnar values are turned into text and validated by the same code.
// Before any row is read, Open refuses a file that is empty, binary or
// not UTF-8 in its first 64 KiB, has no recognisable delimiter, or lacks
// required columns, with a *FileError naming the file and what is wrong.
//
// # What a count is
//
// Record.Count weighs a row, and means one thing per kind: the count
// column for cases (default 1); 1 per victim row for ctdc; dead plus
// missing for incidents (the "Total Dead and Missing" or "No.
// dead/missing" column when filled, else "Number Dead" plus "Minimum
// Estimated Number of Missing", an empty part counting 0); the count
// column for flows. Counts of different kinds are different things
// (victims, deaths, migrants) and are never added together.
//
// # Unknown values
//
// A country cell that is empty, -99, 0, 00 or "unknown" is the value
// Unknown: counted, not rejected (CTDC writes its unknowns this way).
// NA is Namibia, never a missing marker, in country cells. Empty
// categorical cells (gender, age band, exploitation type, route) are
// Unknown too. A field whose column the file lacks stays "".
//
// CTDC's two flags become one Category: forced_labour, sexual_exploitation,
// forced_labour_and_sexual_exploitation when both are 1, other when both
// are 0 (the victim was exploited in another way), and Unknown when
// neither is 1 and at least one is missing. A flag that is 1 decides even
// when the other is missing. CTDC's *_lat/*_long columns are country
// centroids added by a third party, not places, and are ignored.
//
// For incidents, Origin is "Country of Origin" when it names exactly one
// country that resolves, else Unknown (the cell often lists several
// countries, or says Mixed); it is never a reason to reject.
//
// # Validation: nothing lost
//
// Every row read is used or rejected, never both, never neither:
// Summary.RowsUsed + Summary.RowsRejected == Summary.RowsRead. A rejected
// row yields one Reject naming the file, line, the first (leftmost)
// failing column, its header name, its value and a Reason:
//
//	field_count        the row has more or fewer fields than the header
//	bad_quote          a quote inside an unquoted field, or text after a
//	                   closing quote, on one line (a quote that runs on
//	                   over lines stops the read with a FileError)
//	invalid_utf8       a schema cell is not valid UTF-8
//	missing_date       the date is empty (incidents: and no year column
//	                   value to fall back on)
//	bad_date           the date is not one of the accepted forms, or not
//	                   a real calendar day
//	date_out_of_range  the date is before 1900 or after Options.Now
//	missing_place      cases: no known country and no point; incidents:
//	                   no coordinates
//	unknown_country    a country cell that country.Resolve does not know
//	                   (e.g. UNHCR's XXA for stateless and TIB)
//	bad_coordinate     a coordinate that is not a number, one of lat/lon
//	                   without the other, or a "lat, lon" cell that is
//	                   not two numbers
//	lat_out_of_range   |lat| > 90 (and not evidently swapped)
//	lon_out_of_range   |lon| > 180
//	swapped_lat_lon    |lat| > 90 but the pair is valid in lon, lat order;
//	                   with Options.FixSwapped it is swapped back, used and
//	                   counted in Summary.Repaired instead
//	region_mismatch    the longitude's sign contradicts the row's stated
//	                   region (see the table below)
//	missing_count      incidents: no dead, missing or total cell filled;
//	                   flows: the count is empty or NA
//	bad_count          a count that is not a whole number
//	negative_count     a count below zero (incidents: any of the count
//	                   cells read, as a negative part makes the row's
//	                   numbers untrustworthy)
//	bad_flag           a CTDC flag that is not 0, 1, 0.0 or 1.0
//
// Region table for region_mismatch (incidents; names compared without
// regard to case, comma-joined lists checked when their known parts
// agree): US-Mexico Border, North America, Northern America, Central
// America, South America, Caribbean, Latin America and the Caribbean and
// Americas need lon < 0; Middle East, Western Asia, Central Asia, South
// Asia, Southern Asia, Southeast Asia, South-eastern Asia, East Asia and
// Eastern Asia need lon > 0. Europe, Africa, the Mediterranean and
// Oceania straddle a meridian and are not checked.
//
// Accepted dates: YYYY, YYYY-MM and YYYY-MM-DD for all kinds, keeping
// the precision (a year is the whole year, not January 1st); incidents
// also take "August 31, 2021" and "Thu, 01/01/2026 - 12:00", and fall
// back to the year and month columns (year or month precision) when the
// date cell is empty. Counts are whole numbers, with optional thousands
// separators ("1,022") or a zero fraction ("12.0"); NA, N/A, NaN, ".."
// and "-" mean missing.
//
// # Personal data
//
// Only schema columns are read. Every other column (names, free text,
// addresses, phone numbers, URLs) is dropped as the row is read: it never
// reaches a Record or a Reject, and Summary.Dropped lists the dropped
// header names only. No Record string shares memory with the raw row.
//
// # Streaming
//
// Read hands records to a callback, in input order, in batches of at
// most Options.BatchSize, and reuses the batch, so memory is bounded by
// the batch size, a few chunks in flight and the caches of distinct
// country and category texts, not by the file size.
//
// Delimited text is split and validated on Options.Workers goroutines
// (all cores by default): the text is cut into chunks of whole rows and
// the results are passed on in order, so the records, rejects, line
// numbers and Summary are those of a row-by-row read. Rows are split by
// hand exactly as encoding/csv splits them (a fuzz test holds the two
// together); a chunk with a quoting error, and everything after it, is
// read row by row with encoding/csv, which reports the error.
// BenchmarkReadCases measures rows/s and MB/s on a generated
// one-million-row cases file.
package ingest

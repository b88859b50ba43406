// DuckDB floor for ingest plus aggregation: read the cases CSV and count
// points per EASE-Grid 2.0 cell (htmap's grid:KM) in SQL.
//
//   node duckdb_grid.mjs CSV KM OUT.csv
//
// The cell is computed from lon/lat with the Lambert cylindrical
// equal-area formulas on the WGS84 ellipsoid (Snyder 10-13, 10-15, true
// scale at ±30°), tiled as htmap's geo.Grid: round(2·XMAX/KM) whole
// columns, row height KM²/width, rows from the equator outwards, counted
// from the north. It prints the seconds of the query alone (read, project,
// group, fetch) as JSON on stdout; the process start is not included.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../../tools/npm/package.json"));
const { DuckDBInstance } = require("@duckdb/node-api");

const [csv, kmArg, out] = process.argv.slice(2);
if (!csv || !kmArg) {
  console.error("usage: node duckdb_grid.mjs CSV KM [OUT.csv]");
  process.exit(2);
}
const km = Number(kmArg);

// Grid constants, exactly as geo/ease.go and geo/grid.go derive them.
const a = 6378137.0;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const q = (s) => (1 - e2) * (s / (1 - e2 * s * s) + Math.atanh(e * s) / e);
const k0 = Math.cos(Math.PI / 6) / Math.sqrt(1 - e2 * 0.25);
const xmax = a * k0 * Math.PI;
const ymax = (a * q(1)) / (2 * k0);
const side = km * 1000;
const ncols = Math.max(1, Math.round((2 * xmax) / side));
const w = (2 * xmax) / ncols;
const h = (side * side) / w;
const nhalf = Math.ceil(ymax / h);
const name = String(km);
// Write constants in exponent form so DuckDB reads them as DOUBLE, not
// DECIMAL (whose products overflow).
const d = (v) => v.toExponential();
const qscale = (a * (1 - e2)) / (2 * k0) / h; // y/h = qscale * q'(s)

const sql = `
WITH p AS (
  SELECT lat, lon, coalesce("count", 1) AS c, sin(radians(lat)) AS s
  FROM read_csv('${csv.replaceAll("'", "''")}', header = true,
                columns = {'case_id': 'VARCHAR', 'date': 'VARCHAR', 'citizenship': 'VARCHAR',
                           'exploitation_country': 'VARCHAR', 'lat': 'DOUBLE', 'lon': 'DOUBLE',
                           'transit': 'VARCHAR', 'exploitation_type': 'VARCHAR', 'gender': 'VARCHAR',
                           'age_band': 'VARCHAR', 'count': 'BIGINT', 'notes': 'VARCHAR'})
  WHERE lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180
), g AS (
  SELECT c,
    least(CAST(floor((lon + 180) / 360 * ${ncols}) AS BIGINT), ${ncols - 1}) AS col,
    greatest(0, least(${2 * nhalf - 1}, ${nhalf} - CAST(ceil(
      ${d(qscale)} * (s / (1 - ${d(e2)} * s * s) + atanh(${d(e)} * s) / ${d(e)})
    ) AS BIGINT))) AS row
  FROM p
)
SELECT 'g${name}_' || col || '_' || row AS cell_id, sum(c) AS count, count(*) AS n_records
FROM g GROUP BY col, row`;

const inst = await DuckDBInstance.create(":memory:");
const con = await inst.connect();
const t0 = process.hrtime.bigint();
const reader = await con.runAndReadAll(sql);
const rows = reader.getRows();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (out) {
  const fs = await import("node:fs");
  const lines = ["cell_id,count,n_records"];
  for (const [id, c, n] of rows) lines.push(`${id},${c},${n}`);
  fs.writeFileSync(out, lines.join("\n") + "\n");
}
console.log(JSON.stringify({ seconds, cells: rows.length }));

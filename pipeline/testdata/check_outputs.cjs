// check_outputs.cjs OUT_DIR: reads every published layer of a run with
// readers independent of htmap (apache-arrow for .arrow, DuckDB for
// .parquet) and compares them with the layer's GeoJSON: same rows, same
// values, the GeoArrow extension metadata and the GeoParquet "geo"
// metadata present. Prints one line per file and exits 1 on any mismatch.
const fs = require('fs');
const path = require('path');
const arrow = require('apache-arrow');
const { DuckDBInstance } = require('@duckdb/node-api');

const out = process.argv[2];
let failures = 0;
const fail = (msg) => { console.log('FAIL ' + msg); failures++; };

function layers(dir) {
  const res = [];
  for (const kind of fs.readdirSync(dir)) {
    const p = path.join(dir, kind);
    if (kind === 'private' || !fs.statSync(p).isDirectory()) continue;
    for (const f of fs.readdirSync(p)) {
      if (f.endsWith('.geojson')) res.push(path.join(p, f.slice(0, -'.geojson'.length)));
    }
  }
  return res.sort();
}

// key gives a row's properties as a canonical string, so rows can be
// compared as multisets (GeoParquet rows are in spatial order).
function key(props, names) {
  return JSON.stringify(names.map((n) => {
    let v = props[n];
    if (typeof v === 'bigint') v = Number(v);
    if (typeof v === 'number') v = Number(v.toPrecision(12));
    return v === undefined ? null : v;
  }));
}

function same(a, b, what) {
  if (a.length !== b.length) { fail(`${what}: ${b.length} rows, GeoJSON has ${a.length}`); return false; }
  const x = [...a].sort(), y = [...b].sort();
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) { fail(`${what}: row differs: ${y[i]} vs GeoJSON ${x[i]}`); return false; }
  }
  return true;
}

(async () => {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const all = layers(out);
  if (all.length === 0) fail('no layers in ' + out);
  for (const base of all) {
    const name = path.relative(out, base);
    const gj = JSON.parse(fs.readFileSync(base + '.geojson', 'utf8'));
    const names = gj.features.length ? Object.keys(gj.features[0].properties) : [];
    const want = gj.features.map((f) => key(f.properties, names));

    // Arrow IPC through apache-arrow.
    const t = arrow.tableFromIPC(fs.readFileSync(base + '.arrow'));
    const geom = t.schema.fields.find((f) => f.name === 'geometry');
    const ext = geom && geom.metadata.get('ARROW:extension:name');
    if (ext !== 'geoarrow.wkb') fail(`${name}.arrow: geometry extension ${ext}`);
    const crs = geom && JSON.parse(geom.metadata.get('ARROW:extension:metadata') || '{}').crs;
    if (!crs || !crs.id || crs.id.code !== 'CRS84') fail(`${name}.arrow: CRS is not OGC:CRS84`);
    const arows = [];
    for (const r of t) arows.push(key(r.toJSON(), names));
    const aok = same(want, arows, name + '.arrow');

    // GeoParquet through DuckDB.
    const pq = (base + '.parquet').replace(/'/g, "''");
    const kv = await db.runAndReadAll(`select value from parquet_kv_metadata('${pq}') where key = 'geo'`);
    const geo = kv.getRows().length ? JSON.parse(Buffer.from(kv.getRows()[0][0].bytes).toString()) : null;
    if (!geo || geo.version !== '1.1.0' || geo.primary_column !== 'geometry' || geo.columns.geometry.encoding !== 'WKB') {
      fail(`${name}.parquet: geo metadata ${JSON.stringify(geo)}`);
    }
    const rows = await db.runAndReadAll(`select * exclude (geometry, bbox) from read_parquet('${pq}')`);
    const cols = rows.columnNames();
    const prows = rows.getRows().map((r) => {
      const o = {};
      cols.forEach((c, i) => { o[c] = r[i]; });
      return key(o, names);
    });
    const pok = same(want, prows, name + '.parquet');
    if (aok && pok) console.log(`ok   ${name}: ${want.length} rows in GeoJSON, Arrow and GeoParquet`);
  }
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.log('FAIL ' + e.stack); process.exit(1); });

// Reads {"atlas": FILE, "points": [{"num": "840", "lat": .., "lon": ..}, ...]}
// on stdin and prints, as JSON, the points that do not fall inside the
// country with that ISO numeric id in world-atlas's countries-50m
// (decoded with topojson-client), each with the country they fall in.
// An independent check, in another language and reader, that the
// generator's points are on land in the right country.
const fs = require("fs");
const path = require("path");
const modules = process.env.NODE_MODULES;
const topojson = require(path.join(modules, "topojson-client"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const topo = JSON.parse(fs.readFileSync(input.atlas, "utf8"));
const features = topojson.feature(topo, topo.objects.countries).features;

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function inPolygon(rings, x, y) {
  if (!inRing(rings[0], x, y)) return false;
  for (let k = 1; k < rings.length; k++) if (inRing(rings[k], x, y)) return false;
  return true;
}
function contains(f, x, y) {
  const g = f.geometry;
  if (!g) return false;
  if (g.type === "Polygon") return inPolygon(g.coordinates, x, y);
  if (g.type === "MultiPolygon") return g.coordinates.some((p) => inPolygon(p, x, y));
  return false;
}

// Several features can share an id (Australia and Ashmore and Cartier
// Islands are both 036), so an id maps to all of them.
const byId = new Map();
for (const f of features) if (f.id) byId.set(f.id, [...(byId.get(f.id) || []), f]);
const bad = [];
input.points.forEach((p, i) => {
  const f = byId.get(p.num);
  if (f && f.some((g) => contains(g, p.lon, p.lat))) return;
  const where = features.find((g) => contains(g, p.lon, p.lat));
  bad.push({ index: i, num: p.num, lat: p.lat, lon: p.lon, in: where ? where.properties.name : "sea", known: !!f });
});
process.stdout.write(JSON.stringify(bad));

// Independent H3 check for geo's tests: reads "lat lon count" lines on
// stdin, assigns each point to its H3 cell with h3-js at the resolution
// given as the first argument, and prints "cell total" lines sorted by cell.
// Usage: NODE_PATH=tools/npm/node_modules node h3count.js RES < points
const h3 = require("h3-js");
const res = parseInt(process.argv[2], 10);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const totals = new Map();
  for (const line of input.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3) continue;
    const cell = h3.latLngToCell(parseFloat(f[0]), parseFloat(f[1]), res);
    totals.set(cell, (totals.get(cell) || 0) + parseInt(f[2], 10));
  }
  const cells = [...totals.keys()].sort();
  process.stdout.write(cells.map((c) => c + " " + totals.get(c)).join("\n") + "\n");
});

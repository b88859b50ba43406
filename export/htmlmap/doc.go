// Package htmlmap writes htmap's interactive map, map.html: one
// self-contained page that policymakers can open from a USB stick on a
// machine with no network. Everything is inlined (Leaflet, the app, the
// country basemap, every published layer), and a Content-Security-Policy
// in the page forbids any fetch, so a stray reference fails loudly in
// testing instead of leaking a request from a locked-down office.
//
// # Why Leaflet with SVG
//
// Leaflet (npm leaflet 1.9.4, BSD-2-Clause) draws vector layers as SVG
// paths, which needs neither WebGL nor glyph files: MapLibre GL would need
// both, and WebGL is missing on many locked-down or remote-desktop
// machines (headless Chromium has it only with SwiftShader). SVG also
// makes each feature a DOM element, so the browser test can count what is
// drawn per layer pane. The layers htmap publishes are small (thousands of
// cells at most), well within what SVG handles. No tile layer is used and
// no default marker image is ever requested: points are circle markers
// and labels are div icons.
//
// # The bundle
//
// tools/mapbundle concatenates Leaflet's dist files with the app in web/
// (app.js, app.css) into assets/bundle.js and assets/bundle.css, keeping
// Leaflet's licence at the top; `go generate ./export/htmlmap` reruns it.
// The bundle is committed and embedded with go:embed, so building htmap
// needs no node, and a test in tools/mapbundle regenerates it and compares
// bytes whenever tools/npm/node_modules is installed.
//
// # What the page shows
//
// A basemap of the embedded country boundaries (package data/country,
// simplified by Douglas-Peucker to 0.05°, see [Basemap]) with labels for
// countries of at least 25 000 km²: the largest at world view, smaller
// ones as the user zooms in. Over it, one toggleable layer per published layer, grouped by
// input kind: hot and cold spots (cells, gi_bin in [HotSpotColors]),
// the same by period (cube, driven by the time slider), emerging patterns,
// point clusters, density, routes and legs (width by the square root of
// the count, an SVG arrowhead at the destination end) and hubs (nodes,
// radius by betweenness, colour by role). Each layer has its legend under
// its checkbox, and every feature a tooltip listing its published values,
// where a withheld value (null with <name>_suppressed true) reads "fewer
// than k". Layers absent from the Input are not offered. A footer gives the
// sources, the as-of date of the data, the privacy note and the htmap
// version.
//
// # Keyboard and colour
//
// The layer panel holds one fieldset per input kind with a real checkbox
// per layer (Tab, Space), and an <input type=range> for the period (arrow
// keys, Home, End), all with visible focus rings; the map itself is
// focusable and pans and zooms with arrow and +/- keys (Leaflet's keyboard
// handler). Palettes are colour-blind safe: ColorBrewer RdBu for the
// gi_bin classes (tested under simulated deuteranopia and protanopia),
// viridis for density, Okabe-Ito for hub roles, Paul Tol's indigo for
// routes; tooltips name every class, so colour is never the only cue.
//
// # Determinism
//
// [Write] depends only on its Input: layers are ordered by kind and a fixed
// drawing order, the style is marshalled from sorted maps, and nothing
// reads the clock, so the same Input gives the same bytes. [FromDir]
// rebuilds an Input from a run's output folder for `htmap map --from`,
// never reading private/.
package htmlmap

// Package staticmap draws htmap's static map for reports, map.png and
// map.svg, in Go without a browser: the hot and cold spot classes of the
// cells layers, the top routes, country outlines for context, a legend, a
// title and a source line.
//
// The projection is Equal Earth (written here from Šavrič, Patterson and
// Jenny's formulas), an equal-area world projection, so areas compare
// honestly; the view is zoomed to the data's extent with a margin. Drawing
// uses gonum.org/v1/plot/vg, a maintained pure-Go vector library with a
// raster back end (vgimg, on git.sr.ht/~sbinet/gg) and an SVG back end
// (vgsvg), so both files come from one drawing routine and neither needs
// cgo or system fonts: text uses the Liberation fonts compiled into
// gonum/plot. The SVG names the font family rather than embedding it,
// which keeps it small; a viewer without Liberation Sans substitutes a
// similar sans-serif.
//
// Everything is deterministic: no clock, no map iteration, the same input
// gives the same PNG and SVG bytes.
//
// # Size and resolution
//
// Options.Width and Height are the size in CSS pixels (1/96 inch), 1600 by
// 1000 by default. DPI sets the resolution: the physical size stays, the
// pixel count scales by DPI/96, so 300 dpi for a printed report gives a
// 5000 by 3125 PNG of the same map. [Map.Project] returns the pixel of a
// coordinate in the final image, so tests can check what is drawn where.
package staticmap

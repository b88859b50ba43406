package staticmap

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/htmap/htmap/export/htmlmap"
)

// Options sets the static map's size and texts.
type Options struct {
	// Width and Height in CSS pixels (1/96 inch); default 1600 by 1000.
	Width, Height int
	// DPI is the resolution (default 96); it scales the pixel count, not
	// the layout. It is rounded to a whole number.
	DPI float64
	// Title overrides the input's title; Source overrides the source line
	// built from the input's sources, as-of date and version.
	Title, Source string
	// TopRoutes is how many routes are drawn, largest count first
	// (default 10); withheld counts rank last.
	TopRoutes int
}

// Layout in CSS pixels: a title band, the map frame, a source band.
const (
	titleBand  = 56.0
	sourceBand = 30.0
	margin     = 0.08 // share of the data's extent added on each side
	minSpan    = 0.12 // smallest view, Equal Earth units (about 7°)
)

// Map is a static map laid out and ready to draw.
type Map struct {
	in     htmlmap.Input
	opt    Options
	dpi    int
	scale  float64 // image pixels per CSS pixel
	k      float64 // CSS pixels per Equal Earth unit
	cx, cy float64 // Equal Earth centre of the view
	cells  []cell
	routes []route
	nRoute int // routes in the input, drawn or not
}

type cell struct {
	bin   int
	shape orb.Geometry
}

type route struct {
	count    float64 // NaN when withheld or unknown
	line     orb.Geometry
	from, to string
}

// New decodes the hot spot and route layers of in and lays the map out.
// Hot spot classes come from the "cells" layers, or when there are none
// from the last step of the "cube" layers; routes from the "routes"
// layers. Other layers are not drawn on the static map.
func New(in htmlmap.Input, opt Options) (*Map, error) {
	if opt.Width <= 0 {
		opt.Width = 1600
	}
	if opt.Height <= 0 {
		opt.Height = 1000
	}
	if opt.DPI <= 0 {
		opt.DPI = 96
	}
	if opt.TopRoutes <= 0 {
		opt.TopRoutes = 10
	}
	if float64(opt.Height) <= titleBand+sourceBand+50 || opt.Width < 200 {
		return nil, fmt.Errorf("static map %dx%d px is too small (at least 200x%d)", opt.Width, opt.Height, int(titleBand+sourceBand+51))
	}
	m := &Map{in: in, opt: opt, dpi: int(math.Round(opt.DPI))}
	m.scale = float64(m.dpi) / 96
	var cubes []htmlmap.Layer
	for _, l := range in.Layers {
		switch l.Name {
		case "cells":
			fc, err := decode(l)
			if err != nil {
				return nil, err
			}
			for _, f := range fc.Features {
				m.addCell(f)
			}
		case "cube":
			cubes = append(cubes, l)
		case "routes":
			fc, err := decode(l)
			if err != nil {
				return nil, err
			}
			for _, f := range fc.Features {
				if f.Geometry == nil {
					continue
				}
				r := route{count: math.NaN(), line: f.Geometry, from: f.Properties.MustString("origin", ""), to: f.Properties.MustString("destination", "")}
				if c, ok := f.Properties["count"].(float64); ok {
					r.count = c
				}
				m.routes = append(m.routes, r)
			}
		}
	}
	if len(m.cells) == 0 {
		for _, l := range cubes {
			fc, err := decode(l)
			if err != nil {
				return nil, err
			}
			last := ""
			for _, f := range fc.Features {
				last = max(last, f.Properties.MustString("step", ""))
			}
			for _, f := range fc.Features {
				if f.Properties.MustString("step", "") == last {
					m.addCell(f)
				}
			}
		}
	}
	m.nRoute = len(m.routes)
	// Largest first; withheld counts last; ties by origin, destination.
	slices.SortStableFunc(m.routes, func(a, b route) int {
		an, bn := math.IsNaN(a.count), math.IsNaN(b.count)
		switch {
		case an != bn:
			if an {
				return 1
			}
			return -1
		case !an && a.count != b.count:
			return cmp.Compare(b.count, a.count)
		}
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to))
	})
	if len(m.routes) > opt.TopRoutes {
		m.routes = m.routes[:opt.TopRoutes]
	}
	m.fit()
	return m, nil
}

func decode(l htmlmap.Layer) (*geojson.FeatureCollection, error) {
	fc, err := geojson.UnmarshalFeatureCollection(l.GeoJSON)
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("layer %s/%s: byte %d: %w", l.Kind, l.Name, se.Offset, err)
		}
		return nil, fmt.Errorf("layer %s/%s: %w", l.Kind, l.Name, err)
	}
	return fc, nil
}

func (m *Map) addCell(f *geojson.Feature) {
	if f.Geometry == nil {
		return
	}
	b := 0
	if v, ok := f.Properties["gi_bin"].(float64); ok && v >= -3 && v <= 3 {
		b = int(v)
	}
	m.cells = append(m.cells, cell{bin: b, shape: f.Geometry})
}

// frame returns the map frame in CSS pixels.
func (m *Map) frame() (x0, y0, w, h float64) {
	return 0, titleBand, float64(m.opt.Width), float64(m.opt.Height) - titleBand - sourceBand
}

// fit centres the view on the cells and drawn routes, with a margin; with
// no data it shows the inhabited world.
func (m *Map) fit() {
	b := emptyBox()
	for _, c := range m.cells {
		b = b.addGeom(c.shape)
	}
	for _, r := range m.routes {
		b = b.addGeom(r.line)
	}
	if b.empty() {
		b = b.add(-180, -58).add(180, 84).add(0, -58).add(0, 84)
	}
	sx, sy := b.maxX-b.minX, b.maxY-b.minY
	sx, sy = max(sx*(1+2*margin), minSpan), max(sy*(1+2*margin), minSpan)
	_, _, fw, fh := m.frame()
	m.k = min(fw/sx, fh/sy)
	m.cx, m.cy = (b.minX+b.maxX)/2, (b.minY+b.maxY)/2
}

// css returns the CSS-pixel position (top-left origin) of lon, lat.
func (m *Map) css(lon, lat float64) (float64, float64) {
	x, y := EqualEarth(lon, lat)
	x0, y0, fw, fh := m.frame()
	return x0 + fw/2 + (x-m.cx)*m.k, y0 + fh/2 - (y-m.cy)*m.k
}

// Project returns the pixel of lon, lat in the final image (origin at the
// top left, x to the right, y down), DPI included.
func (m *Map) Project(lon, lat float64) (x, y float64) {
	px, py := m.css(lon, lat)
	return px * m.scale, py * m.scale
}

// Size returns the image's size in pixels: Width and Height scaled by
// DPI/96, rounded.
func (m *Map) Size() (w, h int) {
	return int(float64(m.opt.Width)*m.scale + 0.5), int(float64(m.opt.Height)*m.scale + 0.5)
}

// box is a bound in Equal Earth units.
type box struct{ minX, minY, maxX, maxY float64 }

func emptyBox() box { return box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)} }

func (b box) empty() bool { return b.minX > b.maxX }

func (b box) add(lon, lat float64) box {
	x, y := EqualEarth(lon, lat)
	return box{min(b.minX, x), min(b.minY, y), max(b.maxX, x), max(b.maxY, y)}
}

func (b box) addGeom(g orb.Geometry) box {
	eachPoint(g, func(p orb.Point) { b = b.add(p[0], p[1]) })
	return b
}

func eachPoint(g orb.Geometry, f func(orb.Point)) {
	switch t := g.(type) {
	case orb.Point:
		f(t)
	case orb.MultiPoint:
		for _, p := range t {
			f(p)
		}
	case orb.LineString:
		for _, p := range t {
			f(p)
		}
	case orb.MultiLineString:
		for _, l := range t {
			eachPoint(l, f)
		}
	case orb.Ring:
		for _, p := range t {
			f(p)
		}
	case orb.Polygon:
		for _, r := range t {
			eachPoint(r, f)
		}
	case orb.MultiPolygon:
		for _, p := range t {
			eachPoint(p, f)
		}
	case orb.Collection:
		for _, x := range t {
			eachPoint(x, f)
		}
	}
}

package staticmap

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"

	"github.com/htmap/htmap/export/htmlmap"
)

var (
	seaColor     = color.RGBA{0xf2, 0xf6, 0xfa, 0xff}
	landColor    = color.RGBA{0xd9, 0xd9, 0xd9, 0xff}
	borderColor  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	labelColor   = color.RGBA{0x6b, 0x6b, 0x6b, 0xff}
	textColor    = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	subtleColor  = color.RGBA{0x55, 0x55, 0x55, 0xff}
	frameColor   = color.RGBA{0x99, 0x99, 0x99, 0xff}
	legendFill   = color.NRGBA{0xff, 0xff, 0xff, 0xf0}
	legendBorder = color.RGBA{0xb0, 0xb0, 0xb0, 0xff}
)

// painter draws in CSS pixels with a top-left origin on a vg canvas,
// whose unit is the point (3/4 of a CSS pixel) and origin bottom-left.
type painter struct {
	c     vg.Canvas
	h     float64 // canvas height in CSS pixels
	fonts *font.Cache
}

func (p *painter) pt(x, y float64) vg.Point {
	return vg.Point{X: vg.Length(x * 0.75), Y: vg.Length((p.h - y) * 0.75)}
}

func (p *painter) rect(x, y, w, h float64, fill color.Color) {
	var path vg.Path
	path.Move(p.pt(x, y))
	path.Line(p.pt(x+w, y))
	path.Line(p.pt(x+w, y+h))
	path.Line(p.pt(x, y+h))
	path.Close()
	p.c.SetColor(fill)
	p.c.Fill(path)
}

func (p *painter) face(size float64, bold bool) font.Face {
	f := font.Font{Typeface: "Liberation", Variant: "Sans"}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return p.fonts.Lookup(f, vg.Length(size*0.75))
}

// text writes s with its baseline at y; align is 0 left, 0.5 centre.
func (p *painter) text(x, y float64, s string, size float64, bold bool, c color.Color, align float64) {
	f := p.face(size, bold)
	w := float64((&f).Width(s)) / 0.75
	p.c.SetColor(c)
	p.c.FillString(f, p.pt(x-align*w, y), s)
}

func (p *painter) textWidth(s string, size float64, bold bool) float64 {
	f := p.face(size, bold)
	return float64(f.Width(s)) / 0.75
}

// draw paints the whole map onto c.
func (m *Map) draw(c vg.Canvas) {
	p := &painter{c: c, h: float64(m.opt.Height), fonts: font.NewCache(liberation.Collection())}
	fx, fy, fw, fh := m.frame()
	p.rect(fx, fy, fw, fh, seaColor)
	m.drawCountries(p)
	for _, cl := range m.cells {
		m.fillGeom(p, cl.shape, htmlmap.HotSpotColor(cl.bin))
	}
	m.drawRoutes(p)
	m.drawLegend(p)

	// Bands over whatever spilled out of the frame, then the texts.
	w, h := float64(m.opt.Width), float64(m.opt.Height)
	p.rect(0, 0, w, titleBand, color.White)
	p.rect(0, h-sourceBand, w, sourceBand, color.White)
	c.SetColor(frameColor)
	c.SetLineWidth(0.75)
	var border vg.Path
	border.Move(p.pt(fx, fy))
	border.Line(p.pt(fx+fw, fy))
	border.Line(p.pt(fx+fw, fy+fh))
	border.Line(p.pt(fx, fy+fh))
	border.Close()
	c.Stroke(border)

	title := m.opt.Title
	if title == "" {
		title = m.in.Title
	}
	if title == "" {
		title = "htmap"
	}
	if m.in.Subtitle != "" {
		p.text(16, 27, title, 20, true, textColor, 0)
		p.text(16, 47, m.in.Subtitle, 13, false, subtleColor, 0)
	} else {
		p.text(16, 36, title, 22, true, textColor, 0)
	}
	p.text(16, h-11, fitText(p, m.sourceLine(), 11, w-32), 11, false, subtleColor, 0)
}

// sourceLine is Options.Source, or the input's sources, date, privacy
// note and version.
func (m *Map) sourceLine() string {
	if m.opt.Source != "" {
		return m.opt.Source
	}
	var parts []string
	if len(m.in.Sources) > 0 {
		parts = append(parts, "Source: "+strings.Join(m.in.Sources, "; "))
	}
	if m.in.AsOf != "" {
		parts = append(parts, "data as of "+m.in.AsOf)
	}
	if m.in.PrivacyNote != "" {
		parts = append(parts, m.in.PrivacyNote)
	}
	v := m.in.Version
	if v == "" {
		v = "unknown"
	}
	parts = append(parts, "htmap "+v+", Equal Earth projection, boundaries: Natural Earth")
	return strings.Join(parts, " · ")
}

// fitText shortens s with an ellipsis until it fits in w CSS pixels.
func fitText(p *painter, s string, size, w float64) string {
	if p.textWidth(s, size, false) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.textWidth(string(r)+"…", size, false) > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// visible reports whether a geometry's projected bound meets the frame.
func (m *Map) visible(g orb.Geometry) bool {
	fx, fy, fw, fh := m.frame()
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	eachPoint(g, func(pt orb.Point) {
		x, y := m.css(pt[0], pt[1])
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	})
	return x1 >= fx && x0 <= fx+fw && y1 >= fy && y0 <= fy+fh
}

func (m *Map) drawCountries(p *painter) {
	// Simplify to about half an image pixel: finer detail cannot show.
	tol := math.Min(0.5, math.Max(0.003, 0.5*(180/math.Pi)/(m.k*m.scale)))
	countries := htmlmap.Basemap(tol)
	p.c.SetLineWidth(vg.Length(0.5 * 0.75))
	for _, c := range countries {
		if !m.visible(c.Shape) {
			continue
		}
		path := m.path(p, c.Shape)
		p.c.SetColor(landColor)
		p.c.Fill(path)
		p.c.SetColor(borderColor)
		p.c.Stroke(path)
	}
	// Labels for countries big enough on screen, at their inner point.
	fx, fy, fw, fh := m.frame()
	pxPerKm := m.k / 6371.0088
	for _, c := range countries {
		if c.AreaKm2*pxPerKm*pxPerKm < 9000 {
			continue
		}
		x, y := m.css(c.Label[0], c.Label[1])
		if x < fx+40 || x > fx+fw-40 || y < fy+12 || y > fy+fh-12 {
			continue
		}
		p.text(x, y+4, c.Name, 11, false, labelColor, 0.5)
	}
}

// path turns polygons into a vg path (nonzero fill: holes wind the other
// way, as RFC 7946 and the country table guarantee).
func (m *Map) path(p *painter, g orb.Geometry) vg.Path {
	var path vg.Path
	ring := func(r orb.Ring) {
		for i, pt := range r {
			x, y := m.css(pt[0], pt[1])
			if i == 0 {
				path.Move(p.pt(x, y))
			} else {
				path.Line(p.pt(x, y))
			}
		}
		if len(r) > 0 {
			path.Close()
		}
	}
	switch t := g.(type) {
	case orb.Polygon:
		for _, r := range t {
			ring(r)
		}
	case orb.MultiPolygon:
		for _, poly := range t {
			for _, r := range poly {
				ring(r)
			}
		}
	}
	return path
}

func (m *Map) fillGeom(p *painter, g orb.Geometry, c color.Color) {
	switch g.(type) {
	case orb.Polygon, orb.MultiPolygon:
	default:
		return
	}
	if !m.visible(g) {
		return
	}
	p.c.SetColor(c)
	p.c.Fill(m.path(p, g))
}

func (m *Map) maxCount() float64 {
	mx := 0.0
	for _, r := range m.routes {
		if !math.IsNaN(r.count) {
			mx = max(mx, r.count)
		}
	}
	return mx
}

func routeWidth(count, mx float64) float64 {
	if math.IsNaN(count) || mx <= 0 {
		return 1.2
	}
	return 1.2 + 7*math.Sqrt(count/mx)
}

// drawRoutes draws the top routes, smallest first so the largest lie on
// top, each with an arrowhead at its destination end.
func (m *Map) drawRoutes(p *painter) {
	mx := m.maxCount()
	for i := len(m.routes) - 1; i >= 0; i-- {
		r := m.routes[i]
		w := routeWidth(r.count, mx)
		var lines []orb.LineString
		switch t := r.line.(type) {
		case orb.LineString:
			lines = []orb.LineString{t}
		case orb.MultiLineString:
			lines = t
		}
		p.c.SetColor(htmlmap.RouteColor)
		p.c.SetLineWidth(vg.Length(w * 0.75))
		for _, ls := range lines {
			if len(ls) < 2 {
				continue
			}
			var path vg.Path
			for j, pt := range ls {
				x, y := m.css(pt[0], pt[1])
				if j == 0 {
					path.Move(p.pt(x, y))
				} else {
					path.Line(p.pt(x, y))
				}
			}
			p.c.Stroke(path)
		}
		if len(lines) > 0 {
			m.arrowhead(p, lines[len(lines)-1], w)
		}
	}
}

// arrowhead draws a filled triangle whose tip is the line's last point,
// pointing along the line's last stretch.
func (m *Map) arrowhead(p *painter, ls orb.LineString, w float64) {
	if len(ls) < 2 {
		return
	}
	tx, ty := m.css(ls[len(ls)-1][0], ls[len(ls)-1][1])
	length, half := 6+2.2*w, 3.5+1.2*w
	// Walk back to the first point at least an arrow length away, so a
	// densely sampled arc still gives a steady direction.
	bx, by := tx, ty
	for i := len(ls) - 2; i >= 0; i-- {
		bx, by = m.css(ls[i][0], ls[i][1])
		if math.Hypot(tx-bx, ty-by) >= length {
			break
		}
	}
	d := math.Hypot(tx-bx, ty-by)
	if d == 0 {
		return
	}
	ux, uy := (tx-bx)/d, (ty-by)/d
	baseX, baseY := tx-ux*length, ty-uy*length
	var path vg.Path
	path.Move(p.pt(tx, ty))
	path.Line(p.pt(baseX-uy*half, baseY+ux*half))
	path.Line(p.pt(baseX+uy*half, baseY-ux*half))
	path.Close()
	p.c.SetColor(htmlmap.RouteColor)
	p.c.Fill(path)
}

// drawLegend draws the legend box at the frame's bottom-left corner.
func (m *Map) drawLegend(p *painter) {
	const (
		pad  = 10.0
		row  = 18.0
		boxW = 260.0
	)
	type item struct {
		kind  int // 0 heading, 1 swatch, 2 line sample, 3 note
		label string
		c     color.Color
		w     float64
	}
	var items []item
	if len(m.cells) > 0 {
		items = append(items, item{kind: 0, label: "Hot and cold spots (Getis-Ord Gi*)"})
		for b := 3; b >= -3; b-- {
			items = append(items, item{kind: 1, label: htmlmap.HotSpotLabels[b+3], c: htmlmap.HotSpotColor(b)})
		}
	}
	if len(m.routes) > 0 {
		mx := m.maxCount()
		items = append(items, item{kind: 0, label: fmt.Sprintf("Top %d of %d routes, width by count", len(m.routes), m.nRoute)})
		if mx > 0 {
			for _, c := range []float64{mx, math.Round(mx / 4)} {
				items = append(items, item{kind: 2, label: strconv.FormatFloat(c, 'f', -1, 64), w: routeWidth(c, mx)})
			}
		}
		k := m.in.K
		if k <= 0 {
			k = 10
		}
		items = append(items, item{kind: 2, label: "fewer than " + strconv.Itoa(k) + " or unknown", w: routeWidth(math.NaN(), mx)})
		items = append(items, item{kind: 3, label: "Arrows point to the destination."})
	}
	if len(items) == 0 {
		return
	}
	_, fy, _, fh := m.frame()
	boxH := 2*pad + float64(len(items))*row
	x0, y0 := 12.0, fy+fh-12-boxH
	p.rect(x0, y0, boxW, boxH, legendFill)
	p.c.SetColor(legendBorder)
	p.c.SetLineWidth(0.75)
	var border vg.Path
	border.Move(p.pt(x0, y0))
	border.Line(p.pt(x0+boxW, y0))
	border.Line(p.pt(x0+boxW, y0+boxH))
	border.Line(p.pt(x0, y0+boxH))
	border.Close()
	p.c.Stroke(border)
	for i, it := range items {
		y := y0 + pad + float64(i)*row
		base := y + 13
		switch it.kind {
		case 0:
			p.text(x0+pad, base, it.label, 12, true, textColor, 0)
		case 1:
			p.rect(x0+pad, y+3, 16, 12, it.c)
			p.text(x0+pad+24, base, it.label, 11, false, textColor, 0)
		case 2:
			var l vg.Path
			l.Move(p.pt(x0+pad, y+9))
			l.Line(p.pt(x0+pad+26, y+9))
			p.c.SetColor(htmlmap.RouteColor)
			p.c.SetLineWidth(vg.Length(it.w * 0.75))
			p.c.Stroke(l)
			p.text(x0+pad+34, base, it.label, 11, false, textColor, 0)
		case 3:
			p.text(x0+pad, base, fitText(p, it.label, 10, boxW-2*pad), 10, false, subtleColor, 0)
		}
	}
}

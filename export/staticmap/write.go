package staticmap

import (
	"image/png"
	"io"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/htmap/htmap/export/htmlmap"
)

// WritePNG draws the map and writes it as a PNG.
func (m *Map) WritePNG(w io.Writer) error {
	c := vgimg.NewWith(
		vgimg.UseWH(vg.Length(float64(m.opt.Width)*0.75), vg.Length(float64(m.opt.Height)*0.75)),
		vgimg.UseDPI(m.dpi),
	)
	m.draw(c)
	return png.Encode(w, c.Image())
}

// WriteSVG draws the map and writes it as an SVG document, sized in
// points (Width and Height times 3/4).
func (m *Map) WriteSVG(w io.Writer) error {
	c := vgsvg.New(vg.Length(float64(m.opt.Width)*0.75), vg.Length(float64(m.opt.Height)*0.75))
	m.draw(c)
	_, err := c.WriteTo(w)
	return err
}

// WritePNG lays out and draws in as map.png.
func WritePNG(w io.Writer, in htmlmap.Input, opt Options) error {
	m, err := New(in, opt)
	if err != nil {
		return err
	}
	return m.WritePNG(w)
}

// WriteSVG lays out and draws in as map.svg.
func WriteSVG(w io.Writer, in htmlmap.Input, opt Options) error {
	m, err := New(in, opt)
	if err != nil {
		return err
	}
	return m.WriteSVG(w)
}

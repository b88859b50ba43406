package staticmap

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/export/htmlmap/maptest"
)

func render(t *testing.T, in htmlmap.Input, opt Options) (*Map, image.Image, []byte) {
	t.Helper()
	m, err := New(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.WritePNG(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return m, img, b.Bytes()
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func at(img image.Image, x, y float64) color.RGBA {
	return rgba(img.At(int(math.Floor(x)), int(math.Floor(y))))
}

// TestPlantedHotspot draws the hand-made sample and reads back the pixel
// at the planted cells' centres: the 99 % hot cell must be exactly the hot
// colour and the 99 % cold cell the cold colour.
func TestPlantedHotspot(t *testing.T) {
	m, img, _ := render(t, maptest.Input(), Options{})
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1000 {
		t.Fatalf("PNG is %dx%d, want 1600x1000", b.Dx(), b.Dy())
	}
	if w, h := m.Size(); w != 1600 || h != 1000 {
		t.Errorf("Size() = %d, %d", w, h)
	}
	x, y := m.Project(maptest.HotLon, maptest.HotLat)
	if got, want := at(img, x, y), htmlmap.HotSpotColor(3); got != want {
		t.Errorf("hot cell pixel at (%.1f, %.1f) = %v, want %v", x, y, got, want)
	}
	x, y = m.Project(maptest.ColdLon, maptest.ColdLat)
	if got, want := at(img, x, y), htmlmap.HotSpotColor(-3); got != want {
		t.Errorf("cold cell pixel at (%.1f, %.1f) = %v, want %v", x, y, got, want)
	}
	// A 95 % cell beside the hot one (20..21°E, 42..43°N).
	x, y = m.Project(20.5, 42.5)
	if got, want := at(img, x, y), htmlmap.HotSpotColor(2); got != want {
		t.Errorf("95 %% cell pixel = %v, want %v", got, want)
	}
	// The largest route (Nigeria to Italy) at the middle of its arc.
	fc, err := geojson.UnmarshalFeatureCollection(maptest.Routes())
	if err != nil {
		t.Fatal(err)
	}
	mid := fc.Features[0].Geometry.(orb.LineString)[16]
	x, y = m.Project(mid[0], mid[1])
	if got := at(img, x, y); got != htmlmap.RouteColor {
		t.Errorf("route pixel at %v = %v, want %v", mid, got, htmlmap.RouteColor)
	}
	// Open sea far from any route: the Bay of Biscay.
	x, y = m.Project(-6, 45.5)
	if got := at(img, x, y); got != seaColor {
		t.Errorf("sea pixel = %v, want %v", got, seaColor)
	}
}

// TestDocImage writes docs/img/map-png.png for the README when
// HTMAP_WRITE_DOC_PNG names the file (1280x800 keeps it under 300 KB).
func TestDocImage(t *testing.T) {
	p := os.Getenv("HTMAP_WRITE_DOC_PNG")
	if p == "" {
		t.Skip("HTMAP_WRITE_DOC_PNG not set")
	}
	_, _, data := render(t, maptest.Input(), Options{Width: 1280, Height: 800})
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestProjectFrame checks the layout by hand: the view is centred on the
// data's Equal Earth bound, so the centre of that bound lands at the
// centre of the map frame (between the title and source bands).
func TestProjectFrame(t *testing.T) {
	in := htmlmap.Input{Layers: []htmlmap.Layer{{Kind: "cases", Name: "cells", GeoJSON: []byte(
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[10,0],[20,0],[20,10],[10,10],[10,0]]]},"properties":{"gi_bin":3}}]}`)}}}
	m, err := New(in, Options{Width: 800, Height: 600})
	if err != nil {
		t.Fatal(err)
	}
	// The cell's Equal Earth bound: x shrinks toward the poles, so the
	// west edge is at (10°E, 10°N) and the east edge at (20°E, 0°).
	x0, _ := EqualEarth(10, 10)
	x1, _ := EqualEarth(20, 0)
	_, y0 := EqualEarth(10, 0)
	_, y1 := EqualEarth(10, 10)
	cx, cy := (x0+x1)/2, (y0+y1)/2
	fh := 600 - titleBand - sourceBand
	k := min(800/((x1-x0)*(1+2*margin)), fh/((y1-y0)*(1+2*margin)))
	px, py := m.Project(20, 0)
	ex, ey := 400+(x1-cx)*k, titleBand+fh/2-(y0-cy)*k
	if math.Abs(px-ex) > 1e-9 || math.Abs(py-ey) > 1e-9 {
		t.Errorf("Project(20, 0) = %v, %v; want %v, %v", px, py, ex, ey)
	}
}

// TestDPI: a higher DPI keeps the layout and multiplies the pixels by
// DPI/96. The image is drawn at 144 dpi (drawing 300 dpi takes half a
// minute under -race); 300 dpi is checked on the layout.
func TestDPI(t *testing.T) {
	def300, err := New(maptest.Input(), Options{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	if w, h := def300.Size(); w != 5000 || h != 3125 {
		t.Errorf("default size at 300 dpi %dx%d, want 5000x3125", w, h)
	}
	m300, err := New(maptest.Input(), Options{Width: 800, Height: 500, DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	if w, h := m300.Size(); w != 2500 || h != 1563 {
		t.Errorf("800x500 at 300 dpi is %dx%d, want 2500x1563", w, h)
	}
	m, img, _ := render(t, maptest.Input(), Options{Width: 800, Height: 500, DPI: 144})
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 750 {
		t.Fatalf("PNG is %dx%d, want 1200x750 (800x500 at 144/96)", b.Dx(), b.Dy())
	}
	m96, err := New(maptest.Input(), Options{Width: 800, Height: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Map{m, m300} {
		x, y := m.Project(maptest.HotLon, maptest.HotLat)
		x96, y96 := m96.Project(maptest.HotLon, maptest.HotLat)
		if f := m.scale; math.Abs(x-x96*f) > 1e-9 || math.Abs(y-y96*f) > 1e-9 {
			t.Errorf("%d dpi pixel %v,%v is not the 96 dpi pixel %v,%v scaled by %v", m.dpi, x, y, x96, y96, f)
		}
	}
	x, y := m.Project(maptest.HotLon, maptest.HotLat)
	if got, want := at(img, x, y), htmlmap.HotSpotColor(3); got != want {
		t.Errorf("hot pixel at 144 dpi = %v, want %v", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	in := maptest.Input()
	var p1, p2, s1, s2 bytes.Buffer
	if err := WritePNG(&p1, in, Options{Width: 640, Height: 400}); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(&p2, maptest.Input(), Options{Width: 640, Height: 400}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p1.Bytes(), p2.Bytes()) {
		t.Error("two PNGs of the same input differ")
	}
	// Layer order must not matter either.
	rev := maptest.Input()
	for i, j := 0, len(rev.Layers)-1; i < j; i, j = i+1, j-1 {
		rev.Layers[i], rev.Layers[j] = rev.Layers[j], rev.Layers[i]
	}
	if err := WriteSVG(&s1, in, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteSVG(&s2, rev, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(s1.Bytes(), s2.Bytes()) {
		t.Error("two SVGs of the same input differ")
	}
}

// TestSVG checks the SVG is well-formed XML of the right size with the
// title, the legend and the hot colour in it.
func TestSVG(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSVG(&b, maptest.Input(), Options{Title: "Planted <test> & map"}); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	var texts []string
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tk.Name.Local
				for _, a := range tk.Attr {
					if a.Name.Local == "width" && a.Value != "1200pt" {
						t.Errorf("width %q, want 1200pt (1600 px)", a.Value)
					}
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(tk)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	if root != "svg" {
		t.Errorf("root element %q", root)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Planted <test> & map", "Hot spot, 99 % confidence", "Top 8 of 8 routes, width by count", "data as of 2021-11"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	if !strings.Contains(b.String(), "#B2182B") {
		t.Error("SVG has no fill in the 99 % hot colour #B2182B")
	}
}

// TestTopRoutes: routes are ranked by count, withheld counts last, and
// only the top ones are kept.
func TestTopRoutes(t *testing.T) {
	m, err := New(maptest.Input(), Options{TopRoutes: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range m.routes {
		got = append(got, r.from+">"+r.to)
	}
	if strings.Join(got, " ") != "NGA>ITA ROU>DEU ALB>GBR" || m.nRoute != 8 {
		t.Errorf("top routes %v of %d, want NGA>ITA ROU>DEU ALB>GBR of 8", got, m.nRoute)
	}
	all, _ := New(maptest.Input(), Options{TopRoutes: 100})
	if last := all.routes[len(all.routes)-1]; last.from != "ERI" || !math.IsNaN(last.count) {
		t.Errorf("withheld route not last: %+v", last)
	}
}

// TestNoLayers draws the world with no data and no legend.
func TestNoLayers(t *testing.T) {
	m, img, _ := render(t, htmlmap.Input{Title: "Empty"}, Options{Width: 400, Height: 250})
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 250 {
		t.Fatalf("size %v", b)
	}
	// Mid-Pacific is sea, central Brazil is land.
	if x, y := m.Project(-150, 0); at(img, x, y) != seaColor {
		t.Errorf("Pacific pixel %v, want sea", at(img, x, y))
	}
	if x, y := m.Project(-50, -10); at(img, x, y) != landColor {
		t.Errorf("Brazil pixel %v, want land", at(img, x, y))
	}
}

func TestBadInput(t *testing.T) {
	in := htmlmap.Input{Layers: []htmlmap.Layer{{Kind: "cases", Name: "cells", GeoJSON: []byte(`{"type":"FeatureCollection","features":[`)}}}
	if _, err := New(in, Options{}); err == nil || !strings.Contains(err.Error(), "cases/cells") {
		t.Errorf("broken layer: err = %v, want one naming cases/cells", err)
	}
	if _, err := New(htmlmap.Input{}, Options{Width: 100, Height: 50}); err == nil {
		t.Error("a 100x50 map was accepted")
	}
}

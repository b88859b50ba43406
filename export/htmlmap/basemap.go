package htmlmap

import (
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"

	"github.com/htmap/htmap/data/country"
)

// Country is one country of the basemap.
type Country struct {
	ISO3, Name string
	Label      orb.Point // where its name is written (inside the country)
	AreaKm2    float64
	Shape      orb.MultiPolygon
}

// Basemap returns the embedded country boundaries simplified by
// Douglas-Peucker to tol degrees, in the order of country.All. Islands
// smaller than the tolerance collapse and are dropped, except the largest
// polygon of each country, which keeps its original outline so small
// states such as Malta or Nauru stay on the map. Holes that collapse are
// dropped. Countries without a polygon are left out. The result is a
// fresh copy: the embedded shapes are never modified.
//
// The HTML map uses 0.05° (about 5 km, invisible at the zooms where
// countries are the context; a third of the positions); the static map
// picks a tolerance from its scale.
func Basemap(tol float64) []Country {
	dp := simplify.DouglasPeucker(tol)
	var out []Country
	for _, c := range country.All() {
		if len(c.Shape) == 0 {
			continue
		}
		largest, best := 0, -1.0
		for i, poly := range c.Shape {
			b := poly.Bound()
			if a := (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1]); a > best {
				largest, best = i, a
			}
		}
		var mp orb.MultiPolygon
		for pi, poly := range c.Shape {
			var p orb.Polygon
			for i, r := range poly {
				s := dp.Ring(r.Clone())
				if len(s) < 4 {
					if i > 0 || pi != largest {
						if i == 0 {
							break // the exterior collapsed: drop the island
						}
						continue
					}
					s = r.Clone()
				}
				p = append(p, s)
			}
			if len(p) > 0 {
				mp = append(mp, p)
			}
		}
		out = append(out, Country{ISO3: c.ISO3, Name: c.Name, Label: c.Point, AreaKm2: c.AreaKm2, Shape: mp})
	}
	return out
}

// labelMinKm2 is the smallest country that gets a label in the HTML map;
// the app shows smaller ones only as the user zooms in.
const labelMinKm2 = 25000

// appendBasemap writes the basemap as compact JSON:
// {"countries":[[iso3,[[[x,y,x,y,...],...],...]],...],"labels":[[lon,lat,name,km2],...]}
// with coordinates at 0.01° (about 1 km), far below what the simplified
// outline resolves.
func appendBasemap(b []byte, cs []Country) []byte {
	b = append(b, `{"countries":[`...)
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendQuote(b, c.ISO3)
		b = append(b, ",["...)
		for j, p := range c.Shape {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			for k, r := range p {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, '[')
				for n, pt := range r {
					if n > 0 {
						b = append(b, ',')
					}
					b = appendRounded(b, pt[0], 100)
					b = append(b, ',')
					b = appendRounded(b, pt[1], 100)
				}
				b = append(b, ']')
			}
			b = append(b, ']')
		}
		b = append(b, "]]"...)
	}
	b = append(b, `],"labels":[`...)
	n := 0
	for _, c := range cs {
		if c.AreaKm2 < labelMinKm2 {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, '[')
		b = appendRounded(b, c.Label[0], 100)
		b = append(b, ',')
		b = appendRounded(b, c.Label[1], 100)
		b = append(b, ',')
		b = appendJSONString(b, c.Name)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(math.Round(c.AreaKm2)), 10)
		b = append(b, ']')
	}
	return append(b, "]}"...)
}

func appendRounded(b []byte, x, scale float64) []byte {
	r := math.Round(x*scale) / scale
	if r == 0 {
		r = 0 // no negative zero
	}
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}

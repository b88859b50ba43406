package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// GeoJSONOptions controls how a layer is written.
type GeoJSONOptions struct {
	// Decimals is the number of decimals kept in coordinates (default 6,
	// about 10 cm).
	Decimals int
	// Seq writes an RFC 8142 GeoJSON text sequence: one feature per
	// record, each prefixed by the record separator 0x1E and ended by a
	// newline, instead of a FeatureCollection.
	Seq bool
}

// WriteStats tells what a writer wrote.
type WriteStats struct {
	Features int64
	BBox     orb.Bound // empty (Min > Max) when the layer has no geometry
	Types    []string  // geometry types present, sorted
}

// WriteGeoJSON streams a layer as an RFC 7946 FeatureCollection: lon/lat
// positions rounded to opt.Decimals, exterior rings counter-clockwise and
// holes clockwise, no crs member, the same properties on every feature,
// and a bbox member on the collection (written after the features, which
// JSON allows, so the layer is read once).
//
// Geometry that crosses the antimeridian must already be split by the
// stage that made it; the writer only orders and rounds.
func WriteGeoJSON(w io.Writer, l *Layer, opt GeoJSONOptions) (WriteStats, error) {
	if opt.Decimals <= 0 {
		opt.Decimals = 6
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	g := &gjWriter{scale: math.Pow(10, float64(opt.Decimals)), bound: emptyBound()}
	keys := make([][]byte, len(l.Columns))
	for i, c := range l.Columns {
		k, _ := json.Marshal(c.Name)
		keys[i] = k
	}
	var stats WriteStats
	types := map[string]bool{}
	if !opt.Seq {
		bw.WriteString(`{"type":"FeatureCollection","name":`)
		name, _ := json.Marshal(l.Name)
		bw.Write(name)
		bw.WriteString(`,"features":[`)
	}
	var err error
	l.Features(func(f Feature) bool {
		buf := g.buf[:0]
		if opt.Seq {
			buf = append(buf, 0x1e)
		} else if stats.Features > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n"...)
		buf = append(buf, `{"type":"Feature","geometry":`...)
		if f.Geometry == nil {
			buf = append(buf, "null"...)
		} else {
			types[f.Geometry.GeoJSONType()] = true
			buf, err = g.appendGeometry(buf, f.Geometry)
			if err != nil {
				err = fmt.Errorf("layer %s feature %d: %w", l.Name, stats.Features+1, err)
				return false
			}
		}
		buf = append(buf, `,"properties":{`...)
		for i, v := range f.Values {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, keys[i]...)
			buf = append(buf, ':')
			buf, err = appendValue(buf, v)
			if err != nil {
				err = fmt.Errorf("layer %s feature %d column %s: %w", l.Name, stats.Features+1, l.Columns[i].Name, err)
				return false
			}
		}
		buf = append(buf, "}}"...)
		if opt.Seq {
			buf = append(buf, '\n')
		}
		g.buf = buf
		if _, err = bw.Write(buf); err != nil {
			return false
		}
		stats.Features++
		return true
	})
	if err != nil {
		return stats, err
	}
	if !opt.Seq {
		bw.WriteString("\n]")
		if g.bound.Min[0] <= g.bound.Max[0] {
			b := g.bound
			bw.WriteString(`,"bbox":[`)
			var nb []byte
			for i, x := range []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
				if i > 0 {
					nb = append(nb, ',')
				}
				nb = g.appendCoord(nb, x)
			}
			bw.Write(nb)
			bw.WriteString("]")
		}
		bw.WriteString("}\n")
	}
	stats.BBox = g.bound
	for _, t := range []string{"GeometryCollection", "LineString", "MultiLineString", "MultiPoint", "MultiPolygon", "Point", "Polygon"} {
		if types[t] {
			stats.Types = append(stats.Types, t)
		}
	}
	return stats, bw.Flush()
}

func emptyBound() orb.Bound {
	return orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
}

type gjWriter struct {
	scale float64
	bound orb.Bound
	buf   []byte
}

func (g *gjWriter) round(x float64) float64 {
	r := math.Round(x*g.scale) / g.scale
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}

func (g *gjWriter) appendCoord(b []byte, x float64) []byte {
	return strconv.AppendFloat(b, g.round(x), 'f', -1, 64)
}

func (g *gjWriter) appendPoint(b []byte, p orb.Point) ([]byte, error) {
	if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
		return b, fmt.Errorf("coordinate %v is not finite", p)
	}
	g.bound = g.bound.Extend(orb.Point{g.round(p[0]), g.round(p[1])})
	b = append(b, '[')
	b = g.appendCoord(b, p[0])
	b = append(b, ',')
	b = g.appendCoord(b, p[1])
	return append(b, ']'), nil
}

func (g *gjWriter) appendPoints(b []byte, ps []orb.Point, reverse bool) ([]byte, error) {
	var err error
	b = append(b, '[')
	for i := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		p := ps[i]
		if reverse {
			p = ps[len(ps)-1-i]
		}
		if b, err = g.appendPoint(b, p); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendRing writes a ring closed and wound as RFC 7946 asks:
// counter-clockwise for an exterior ring, clockwise for a hole.
func (g *gjWriter) appendRing(b []byte, r orb.Ring, exterior bool) ([]byte, error) {
	if len(r) > 0 && r[0] != r[len(r)-1] {
		r = append(r[:len(r):len(r)], r[0])
	}
	if len(r) < 4 {
		return b, fmt.Errorf("ring with %d positions (RFC 7946 needs 4 or more)", len(r))
	}
	ccw := signedArea(r) > 0
	return g.appendPoints(b, r, ccw != exterior)
}

func signedArea(r orb.Ring) float64 {
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}

func (g *gjWriter) appendPolygon(b []byte, p orb.Polygon) ([]byte, error) {
	var err error
	b = append(b, '[')
	for i, r := range p {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = g.appendRing(b, r, i == 0); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func (g *gjWriter) appendGeometry(b []byte, geom orb.Geometry) ([]byte, error) {
	var err error
	if r, ok := geom.(orb.Ring); ok {
		geom = orb.Polygon{r}
	}
	b = append(b, `{"type":"`...)
	b = append(b, geom.GeoJSONType()...)
	b = append(b, `","coordinates":`...)
	switch t := geom.(type) {
	case orb.Point:
		b, err = g.appendPoint(b, t)
	case orb.MultiPoint:
		b, err = g.appendPoints(b, t, false)
	case orb.LineString:
		b, err = g.appendPoints(b, t, false)
	case orb.MultiLineString:
		b = append(b, '[')
		for i, ls := range t {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = g.appendPoints(b, ls, false); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	case orb.Polygon:
		b, err = g.appendPolygon(b, t)
	case orb.MultiPolygon:
		b = append(b, '[')
		for i, p := range t {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = g.appendPolygon(b, p); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	default:
		return b, fmt.Errorf("unsupported geometry %T", geom)
	}
	if err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

func appendValue(b []byte, v any) ([]byte, error) {
	switch t := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, t, 10), nil
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return append(b, "null"...), nil
		}
		return strconv.AppendFloat(b, t, 'g', -1, 64), nil
	case bool:
		return strconv.AppendBool(b, t), nil
	case string:
		s, err := json.Marshal(t)
		return append(b, s...), err
	}
	return b, fmt.Errorf("unsupported value %T", v)
}

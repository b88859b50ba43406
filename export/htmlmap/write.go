package htmlmap

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

//go:generate go run ../../tools/mapbundle -npm ../../tools/npm/node_modules -web web -out assets

//go:embed assets/bundle.js
var bundleJS string

//go:embed assets/bundle.css
var bundleCSS string

// basemapTolerance is the Douglas-Peucker tolerance of the HTML basemap,
// in degrees.
const basemapTolerance = 0.05

// Write writes the map as one self-contained HTML page: Leaflet, the app,
// the basemap and every layer inlined, nothing fetched. The same Input
// gives the same bytes.
func Write(w io.Writer, in Input) error {
	data, err := pageData(in)
	if err != nil {
		return err
	}
	title := in.Title
	if title == "" {
		title = "htmap"
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	// The policy forbids every fetch the page did not inline: a map
	// opened on a locked-down machine must not try the network at all.
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", html.EscapeString(title), bundleCSS)
	fmt.Fprintf(&b, "<header class=\"hm-header\"><h1>%s</h1>", html.EscapeString(title))
	if in.Subtitle != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(in.Subtitle))
	}
	b.WriteString("</header>\n<main class=\"hm-main\">\n<div id=\"map\" class=\"hm-map\" role=\"region\" aria-label=\"Map; arrow keys pan, plus and minus zoom\" tabindex=\"0\"></div>\n")
	b.WriteString("<aside id=\"panel\" class=\"hm-panel\" aria-label=\"Layers and legends\"><noscript>This map needs JavaScript (it runs offline; nothing is downloaded).</noscript></aside>\n</main>\n")
	writeFooter(&b, in)
	// One arrowhead definition shared by every route path (marker-end),
	// sized in stroke widths so the head grows with the line.
	b.WriteString("<svg class=\"hm-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>")
	fmt.Fprintf(&b, "<marker id=\"hm-arrow\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"3\" markerHeight=\"3\" markerUnits=\"strokeWidth\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>", Hex(RouteColor))
	b.WriteString("</defs></svg>\n")
	b.WriteString("<script type=\"application/json\" id=\"htmap-data\">")
	b.Write(data)
	b.WriteString("</script>\n<script>\n")
	b.WriteString(bundleJS)
	b.WriteString("</script>\n</body>\n</html>\n")
	_, err = w.Write(b.Bytes())
	return err
}

func writeFooter(b *bytes.Buffer, in Input) {
	b.WriteString("<footer class=\"hm-footer\">\n")
	if len(in.Sources) > 0 {
		b.WriteString("<p><strong>Data sources:</strong> ")
		for i, s := range in.Sources {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(html.EscapeString(s))
		}
		b.WriteString("</p>\n")
	}
	var parts []string
	if in.AsOf != "" {
		parts = append(parts, "Data as of "+html.EscapeString(in.AsOf))
	}
	if in.PrivacyNote != "" {
		parts = append(parts, "Privacy: "+html.EscapeString(in.PrivacyNote))
	}
	v := in.Version
	if v == "" {
		v = "unknown"
	}
	parts = append(parts, "Made with htmap "+html.EscapeString(v))
	parts = append(parts, "Map library: Leaflet (BSD-2-Clause); boundaries: Natural Earth (public domain)")
	fmt.Fprintf(b, "<p>%s</p>\n</footer>\n", strings.Join(parts, " · "))
}

// pageData builds the JSON the app reads: options, palettes, basemap and
// layers, HTML-escaped so no "</script>" or "<!--" can end the element.
func pageData(in Input) ([]byte, error) {
	var b []byte
	b = append(b, `{"title":`...)
	b = appendJSONString(b, in.Title)
	b = append(b, `,"k":`...)
	b = strconv.AppendInt(b, int64(in.K), 10)
	st, err := json.Marshal(pageStyle())
	if err != nil {
		return nil, err
	}
	b = append(b, `,"style":`...)
	b = append(b, st...)
	b = append(b, `,"basemap":`...)
	b = appendBasemap(b, Basemap(basemapTolerance))
	b = append(b, `,"layers":[`...)
	seen := map[string]bool{}
	for i, l := range sortedLayers(in.Layers) {
		id := "hm-" + slug(l.Kind) + "-" + slug(l.Name)
		if seen[id] {
			return nil, fmt.Errorf("layer %s/%s given twice", l.Kind, l.Name)
		}
		seen[id] = true
		fc, err := checkCollection(l.GeoJSON)
		if err != nil {
			return nil, fmt.Errorf("layer %s/%s: %w", l.Kind, l.Name, err)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, id)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, l.Kind)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, l.Name)
		b = append(b, `,"data":`...)
		b = append(b, fc...)
		b = append(b, '}')
	}
	b = append(b, "]}"...)
	var out bytes.Buffer
	json.HTMLEscape(&out, b)
	return out.Bytes(), nil
}

// checkCollection verifies that a layer is a GeoJSON FeatureCollection and
// returns it compacted. Errors give the line and column in the layer.
func checkCollection(data []byte) ([]byte, error) {
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := lineCol(data, se.Offset)
			return nil, fmt.Errorf("line %d column %d: %v", line, col, err)
		case errors.As(err, &te):
			line, col := lineCol(data, te.Offset)
			return nil, fmt.Errorf("line %d column %d: %v", line, col, err)
		}
		return nil, err
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("type is %q, want FeatureCollection", fc.Type)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, data); err != nil {
		return nil, err
	}
	return c.Bytes(), nil
}

// lineCol turns encoding/json's error offset (the bytes read when the
// error was found, so the offending byte is the last of them) into the
// 1-based line and column of that byte.
func lineCol(data []byte, off int64) (int, int) {
	off--
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// slug keeps a-z, 0-9 and '-' so a layer id is a safe CSS class.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

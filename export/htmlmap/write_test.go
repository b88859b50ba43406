package htmlmap_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/export/htmlmap/maptest"
)

func write(t *testing.T, in htmlmap.Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := htmlmap.Write(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	a := write(t, maptest.Input())
	b := write(t, maptest.Input())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same input differ")
	}
	rev := maptest.Input()
	for i, j := 0, len(rev.Layers)-1; i < j; i, j = i+1, j-1 {
		rev.Layers[i], rev.Layers[j] = rev.Layers[j], rev.Layers[i]
	}
	if !bytes.Equal(a, write(t, rev)) {
		t.Error("the layers' order changes the page")
	}
	if len(a) > 1<<20 {
		t.Errorf("page is %d bytes; the basemap should keep it under 1 MiB", len(a))
	}
}

// fetcher matches the places a page names something the browser would
// load or send to: attributes, CSS url() and @import, and script APIs.
// One alternation, so the page is scanned once.
var fetcher = regexp.MustCompile(strings.Join([]string{
	`(?i:\b(?:src|href|action|formaction|poster|srcset|background|data|xlink:href)\s*=\s*["']?\s*(?:https?:|//|ftp:|wss?:))`,
	`(?i:url\(\s*["']?\s*(?:https?:|//))`,
	`(?i:@import)`,
	`\bfetch\s*\(`,
	`XMLHttpRequest|sendBeacon|new\s+WebSocket|EventSource|importScripts`,
	`(?i:url\(\s*["']?\s*[a-z0-9_./-]+\.(?:png|gif|svg|jpe?g|woff2?|ttf|css))`,
}, "|"))

// urlRe finds absolute URLs anywhere in the page.
var urlRe = regexp.MustCompile(`(?i)(https?|wss?|ftp)://[^\s"'<>)\\]*`)

// TestNoNetwork scans the page for anything a browser would fetch: no
// fetching construct may point outside, and every absolute URL in the
// page must be an XML namespace name (never dereferenced) or sit inside a
// /* ... */ comment (Leaflet's licence header).
func TestNoNetwork(t *testing.T) {
	page := string(write(t, maptest.Input()))
	for _, loc := range findFetches(page) {
		t.Errorf("page fetches something: %q", around(page, loc[0], loc[1]))
	}
	comments := commentSpans(page)
	inComment := func(i int) bool {
		for _, c := range comments {
			if i >= c[0] && i < c[1] {
				return true
			}
		}
		return false
	}
	namespaces := map[string]bool{"http://www.w3.org/2000/svg": true, "http://www.w3.org/1999/xlink": true}
	n := 0
	for i := 0; ; {
		j := strings.Index(page[i:], "://")
		if j < 0 {
			break
		}
		j += i
		i = j + 3
		loc := urlRe.FindStringIndex(page[max(0, j-6):min(len(page), j+200)])
		if loc == nil {
			continue
		}
		start, end := max(0, j-6)+loc[0], max(0, j-6)+loc[1]
		u := page[start:end]
		n++
		if namespaces[u] || inComment(start) {
			continue
		}
		t.Errorf("absolute URL outside a comment: %q", around(page, start, end))
	}
	// Leaflet 1.9.4 names the SVG namespace in code and its site in the
	// licence header: the scan must have seen them, or it scanned nothing.
	if n < 3 {
		t.Errorf("only %d URLs seen; the scan is not looking at the bundle", n)
	}
	// The fetch patterns themselves must catch what they are meant to.
	for _, bad := range []string{`<img src="https://x.org/a.png">`, `<link href='//cdn.x/y.css'>`, `a{background:url( "http://x/y")}`, `@import "x.css";`, `fetch ("/api")`, `.x{background-image:url(images/layers.png)}`} {
		if len(findFetches(bad)) == 0 {
			t.Errorf("scan misses %q", bad)
		}
	}
}

// triggers are lower-case words every fetcher match contains; the regexp
// runs only around them, which keeps the scan fast under -race.
var triggers = []string{"src", "href", "action", "poster", "background", "data", "url(", "@import", "fetch", "xmlhttprequest", "sendbeacon", "websocket", "eventsource", "importscripts"}

// findFetches returns the spans of s that fetcher matches.
func findFetches(s string) [][2]int {
	lower := strings.ToLower(s)
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, w := range triggers {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			j += i
			i = j + len(w)
			from := max(0, j-16)
			loc := fetcher.FindStringIndex(s[from:min(len(s), j+160)])
			if loc == nil {
				continue
			}
			span := [2]int{from + loc[0], from + loc[1]}
			if !seen[span] {
				seen[span] = true
				out = append(out, span)
			}
		}
	}
	return out
}

// commentSpans returns the /* ... */ spans of the page.
func commentSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		j := strings.Index(s[i:], "/*")
		if j < 0 {
			return out
		}
		k := strings.Index(s[i+j+2:], "*/")
		if k < 0 {
			return append(out, [2]int{i + j, len(s)})
		}
		out = append(out, [2]int{i + j, i + j + 2 + k + 2})
		i = i + j + 2 + k + 2
	}
}

func around(s string, i, j int) string {
	return s[max(0, i-40):min(len(s), j+40)]
}

// parse returns the page's DOM, failing on the tokenizer's errors.
func parse(t *testing.T, page []byte) *html.Node {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	depth := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); err.Error() != "EOF" {
				t.Fatalf("tokenizer: %v", err)
			}
			break
		}
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			depth[string(name)]++
		case html.EndTagToken:
			depth[string(name)]--
		}
	}
	for _, tag := range []string{"html", "head", "body", "script", "style", "header", "main", "footer", "aside", "div", "svg"} {
		if depth[tag] != 0 {
			t.Errorf("<%s> opened and closed unevenly (%+d)", tag, depth[tag])
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func find(n *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if pred(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for _, x := range find(n, func(x *html.Node) bool { return x.Type == html.TextNode }) {
		b.WriteString(x.Data)
	}
	return b.String()
}

func elements(doc *html.Node, tag string) []*html.Node {
	return find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag })
}

type pageLayer struct {
	ID, Kind, Name string
	Data           struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
}

type pageData struct {
	Title   string
	K       int
	Layers  []pageLayer
	Basemap struct {
		Countries [][]json.RawMessage
		Labels    [][]any
	}
}

// TestPageContents parses the page as a browser would and checks the
// title, the footer and that the inlined data holds every layer with all
// its features, in drawing order.
func TestPageContents(t *testing.T) {
	in := maptest.Input()
	doc := parse(t, write(t, in))
	if titles := elements(doc, "title"); len(titles) != 1 || text(titles[0]) != in.Title {
		t.Errorf("title elements %d", len(titles))
	}
	footer := elements(doc, "footer")
	if len(footer) != 1 {
		t.Fatalf("%d footers", len(footer))
	}
	ft := text(footer[0])
	for _, want := range []string{"Data as of 2021-11", "htmap 0.1.0-test", "withheld", "cases.csv (cases, hand-made)", "flows.csv", "Leaflet (BSD-2-Clause)"} {
		if !strings.Contains(ft, want) {
			t.Errorf("footer lacks %q: %q", want, ft)
		}
	}
	scripts := elements(doc, "script")
	if len(scripts) != 2 || attr(scripts[0], "type") != "application/json" || attr(scripts[1], "src") != "" {
		t.Fatalf("want a JSON data script and one inline script, got %d", len(scripts))
	}
	var d pageData
	if err := json.Unmarshal([]byte(text(scripts[0])), &d); err != nil {
		t.Fatalf("page data: %v", err)
	}
	if d.Title != in.Title || d.K != 10 {
		t.Errorf("data title %q k %d", d.Title, d.K)
	}
	var ids []string
	for _, l := range d.Layers {
		ids = append(ids, l.ID)
	}
	want := "hm-cases-density hm-cases-cells hm-cases-cube hm-cases-emerging hm-cases-clusters hm-flows-routes hm-flows-legs hm-flows-nodes"
	if strings.Join(ids, " ") != want {
		t.Errorf("layers %v, want %s", ids, want)
	}
	counts := map[string]int{"cells": 56, "cube": 168, "emerging": 56, "clusters": 2, "routes": 8, "legs": 3, "nodes": 10}
	for _, l := range d.Layers {
		if c, ok := counts[l.Name]; ok && len(l.Data.Features) != c {
			t.Errorf("%s: %d features, want %d", l.ID, len(l.Data.Features), c)
		}
	}
	if n := len(d.Basemap.Countries); n < 230 {
		t.Errorf("basemap has %d countries", n)
	}
	labels := map[string]bool{}
	for _, l := range d.Basemap.Labels {
		labels[l[2].(string)] = true
	}
	if !labels["Brazil"] || labels["Malta"] {
		t.Errorf("labels: Brazil %v (want true), Malta %v (want false: too small)", labels["Brazil"], labels["Malta"])
	}
	// The keyboard needs the map itself focusable; the panel is filled by
	// the app.
	maps := find(doc, func(n *html.Node) bool { return attr(n, "id") == "map" })
	if len(maps) != 1 || attr(maps[0], "tabindex") != "0" {
		t.Error("no focusable #map")
	}
	if len(find(doc, func(n *html.Node) bool { return attr(n, "id") == "hm-arrow" })) != 1 {
		t.Error("no arrowhead marker")
	}
}

// TestHostileText: titles and property values cannot break out of their
// elements.
func TestHostileText(t *testing.T) {
	in := maptest.Input()
	in.Title = `</title></script><script>alert(1)</script>`
	in.Sources = []string{`<img src=x onerror=alert(2)>`}
	in.Layers = append(in.Layers, htmlmap.Layer{Kind: "cases", Name: "extra", GeoJSON: []byte(
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[20,40]},"properties":{"note":"</script><!-- <script>alert(3)</script>"}}]}`)})
	page := write(t, in)
	doc := parse(t, page)
	if n := len(elements(doc, "script")); n != 2 {
		t.Errorf("%d script elements, want 2", n)
	}
	if n := len(elements(doc, "img")); n != 0 {
		t.Errorf("%d img elements, want 0", n)
	}
	var d pageData
	if err := json.Unmarshal([]byte(text(elements(doc, "script")[0])), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != in.Title {
		t.Errorf("title came back as %q", d.Title)
	}
	for _, l := range d.Layers {
		if l.Name == "extra" && l.Data.Features[0].Properties["note"] != "</script><!-- <script>alert(3)</script>" {
			t.Errorf("property came back as %v", l.Data.Features[0].Properties["note"])
		}
	}
}

func TestBadLayers(t *testing.T) {
	cases := []struct {
		layers []htmlmap.Layer
		want   string
	}{
		{[]htmlmap.Layer{{Kind: "cases", Name: "cells", GeoJSON: []byte("{\"type\":\"FeatureCollection\",\n\"features\":[}")}}, "layer cases/cells: line 2 column 13"},
		{[]htmlmap.Layer{{Kind: "cases", Name: "cells", GeoJSON: []byte(`{"type":"Feature"}`)}}, `type is "Feature"`},
		{[]htmlmap.Layer{{Kind: "cases", Name: "cells", GeoJSON: []byte(`{"type":"FeatureCollection","features":{}}`)}}, "layer cases/cells: line 1 column"},
		{[]htmlmap.Layer{{Kind: "a", Name: "b", GeoJSON: []byte(`{"type":"FeatureCollection","features":[]}`)}, {Kind: "a", Name: "b", GeoJSON: []byte(`{"type":"FeatureCollection","features":[]}`)}}, "given twice"},
	}
	for _, c := range cases {
		err := htmlmap.Write(&bytes.Buffer{}, htmlmap.Input{Layers: c.layers})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want it to contain %q", err, c.want)
		}
	}
}

// TestNoLayers: a page without layers still works and offers nothing.
func TestNoLayers(t *testing.T) {
	doc := parse(t, write(t, htmlmap.Input{Title: "Empty"}))
	var d pageData
	if err := json.Unmarshal([]byte(text(elements(doc, "script")[0])), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Layers) != 0 {
		t.Errorf("%d layers", len(d.Layers))
	}
}

func TestOnly(t *testing.T) {
	in := maptest.Input().Only([]string{"cells", "flows/routes"})
	var got []string
	for _, l := range in.Layers {
		got = append(got, l.Kind+"/"+l.Name)
	}
	if strings.Join(got, " ") != "flows/routes cases/cells" {
		t.Errorf("Only kept %v", got)
	}
	if n := len(maptest.Input().Only(nil).Layers); n != 8 {
		t.Errorf("Only(nil) kept %d layers, want 8", n)
	}
}

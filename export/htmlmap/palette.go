package htmlmap

import (
	"image/color"
	"strconv"
)

// HotSpotColors are the fills of the gi_bin classes -3..3, indexed by
// gi_bin+3: ColorBrewer's RdBu diverging scheme (colour-blind safe) with a
// neutral light grey for "not significant", the same layout as ArcGIS's
// hot spot renderer: dark blue (cold, 99 %) to dark red (hot, 99 %). A
// test simulates deuteranopia and protanopia on them and checks every pair
// stays apart. The static map uses the same colours.
var HotSpotColors = [7]color.RGBA{
	{0x21, 0x66, 0xac, 0xff}, // -3 cold spot, 99 % confidence
	{0x67, 0xa9, 0xcf, 0xff}, // -2 cold spot, 95 %
	{0xc6, 0xdb, 0xef, 0xff}, // -1 cold spot, 90 %
	{0xe8, 0xe8, 0xe8, 0xff}, //  0 not significant
	{0xfd, 0xd0, 0xa2, 0xff}, //  1 hot spot, 90 %
	{0xef, 0x8a, 0x62, 0xff}, //  2 hot spot, 95 %
	{0xb2, 0x18, 0x2b, 0xff}, //  3 hot spot, 99 %
}

// HotSpotLabels names the gi_bin classes -3..3 (index gi_bin+3).
var HotSpotLabels = [7]string{
	"Cold spot, 99 % confidence",
	"Cold spot, 95 % confidence",
	"Cold spot, 90 % confidence",
	"Not significant",
	"Hot spot, 90 % confidence",
	"Hot spot, 95 % confidence",
	"Hot spot, 99 % confidence",
}

// HotSpotColor returns the fill of a gi_bin value; values outside -3..3
// (a null bin) get the neutral grey.
func HotSpotColor(bin int) color.RGBA {
	if bin < -3 || bin > 3 {
		bin = 0
	}
	return HotSpotColors[bin+3]
}

// RouteColor draws routes and legs: Paul Tol's indigo, dark enough to read
// over every hot spot class and distinct from both the red and blue ends.
var RouteColor = color.RGBA{0x33, 0x22, 0x88, 0xff}

// Hex formats a colour as #rrggbb for CSS.
func Hex(c color.RGBA) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i] = digits[v>>4]
		b[2+2*i] = digits[v&15]
	}
	return string(b)
}

// style is the part of the page data that tells the app which colours to
// use, so Go holds the one definition of every palette.
type style struct {
	HotSpot      []string `json:"hotspot"`
	HotSpotLabel []string `json:"hotspot_label"`
	Route        string   `json:"route"`
	// Emerging maps pattern_code (as a string, -8..8) to a fill.
	Emerging map[string]string `json:"emerging"`
	// Density is a sequential scheme (viridis, colour-blind safe) from low
	// to high.
	Density []string `json:"density"`
	// Role colours hubs by role (Okabe-Ito: orange, sky blue, green).
	Role map[string]string `json:"role"`
}

func pageStyle() style {
	s := style{
		Route:    Hex(RouteColor),
		Emerging: map[string]string{},
		Density:  []string{"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"},
		Role:     map[string]string{"origin": "#e69f00", "transit": "#56b4e9", "destination": "#009e73"},
	}
	for i := range HotSpotColors {
		s.HotSpot = append(s.HotSpot, Hex(HotSpotColors[i]))
		s.HotSpotLabel = append(s.HotSpotLabel, HotSpotLabels[i])
	}
	// Emerging patterns: hot families in reds and oranges, cold in blues,
	// darker for the patterns that hold to the end of the series
	// (intensifying, persistent, consecutive), lighter for the passing
	// ones. Tooltips name the pattern, so colour is never the only cue.
	hot := []string{"#fcbba1", "#fb6a4a", "#a50f15", "#cb181d", "#fdae6b", "#fee0d2", "#e6550d", "#d9d9d9"}
	cold := []string{"#c6dbef", "#6baed6", "#08306b", "#2171b5", "#9ecae1", "#deebf7", "#4292c6", "#cccccc"}
	for i := range hot {
		s.Emerging[strconv.Itoa(i+1)] = hot[i]
		s.Emerging[strconv.Itoa(-(i + 1))] = cold[i]
	}
	s.Emerging["0"] = "#f7f7f7"
	return s
}

package htmlmap

import (
	"image/color"
	"math"
	"testing"
)

// Machado, Oliveira & Fernandes (2009), "A physiologically-based model
// for simulation of color vision deficiency", severity 1.0 matrices, in
// linear RGB.
var (
	deuteranopia = [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
	protanopia   = [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}
	identity     = [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
)

func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// lab converts an sRGB colour, seen through m, to CIELAB (D65).
func lab(c color.RGBA, m [3][3]float64) [3]float64 {
	in := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var l [3]float64
	for i := range 3 {
		for j := range 3 {
			l[i] += m[i][j] * in[j]
		}
		l[i] = math.Max(0, math.Min(1, l[i]))
	}
	x := (0.4124*l[0] + 0.3576*l[1] + 0.1805*l[2]) / 0.95047
	y := 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	z := (0.0193*l[0] + 0.1192*l[1] + 0.9505*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// TestHotSpotPaletteColourBlind checks the seven gi_bin classes for
// normal vision, deuteranopia and protanopia: every pair of classes at
// least 10 CIELAB units apart (about three times a just-noticeable
// difference), and lightness rising from each end toward "not
// significant", so the order also reads in greyscale.
func TestHotSpotPaletteColourBlind(t *testing.T) {
	for _, v := range []struct {
		name string
		m    [3][3]float64
	}{{"normal", identity}, {"deuteranopia", deuteranopia}, {"protanopia", protanopia}} {
		var ls [7][3]float64
		for i, c := range HotSpotColors {
			ls[i] = lab(c, v.m)
		}
		minE := math.Inf(1)
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				e := deltaE(ls[i], ls[j])
				minE = min(minE, e)
				if e < 10 {
					t.Errorf("%s: gi_bin %d and %d are %.1f apart (want >= 10)", v.name, i-3, j-3, e)
				}
			}
		}
		for i := 0; i < 3; i++ {
			if ls[i][0] >= ls[i+1][0] {
				t.Errorf("%s: lightness of gi_bin %d (%.1f) not below gi_bin %d (%.1f)", v.name, i-3, ls[i][0], i-2, ls[i+1][0])
			}
			if ls[6-i][0] >= ls[5-i][0] {
				t.Errorf("%s: lightness of gi_bin %d (%.1f) not below gi_bin %d (%.1f)", v.name, 3-i, ls[6-i][0], 2-i, ls[5-i][0])
			}
		}
		t.Logf("%s: smallest difference between classes ΔE76 = %.1f", v.name, minE)
	}
}

// The simulation itself must reproduce a known fact: pure red and pure
// green, far apart for normal vision, nearly merge in hue for a
// deuteranope (their a* axis collapses).
func TestDeuteranopiaSimulation(t *testing.T) {
	red, green := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 160, 0, 255}
	n := math.Abs(lab(red, identity)[1] - lab(green, identity)[1])
	d := math.Abs(lab(red, deuteranopia)[1] - lab(green, deuteranopia)[1])
	if n < 100 || d > n/4 {
		t.Errorf("red-green a* difference: normal %.1f, deuteranope %.1f; want the second under a quarter of the first", n, d)
	}
}

func TestHex(t *testing.T) {
	if got := Hex(color.RGBA{0xb2, 0x18, 0x2b, 0xff}); got != "#b2182b" {
		t.Errorf("Hex = %q", got)
	}
	if HotSpotColor(7) != HotSpotColors[3] || HotSpotColor(-3) != HotSpotColors[0] {
		t.Error("HotSpotColor out of range is not the neutral class")
	}
}

package sample

import (
	"math"
	"strconv"
	"testing"

	"github.com/uber/h3-go/v4"
)

// These tests check that the planted hotspots are statistically clear in
// the way the hotspot and emerging hot spot stages will look at them:
// cases on H3 resolution 5 cells, Getis-Ord Gi* with binary weights
// within a 75 km band (REFERENCE.md gives the formula), and a space-time
// cube of years with a time window of one year. They are a check of the
// data, not of those stages: a straightforward all-pairs computation.

const (
	giRes    = 5
	giBandKm = 75.0
)

type cellCount struct {
	lat, lon float64
	byYear   map[int]float64
	total    float64
}

// cellsOf bins the valid geocoded cases on H3 cells, weighted by count.
func cellsOf(t *testing.T, g generated) []*cellCount {
	tb := readTable(t, g.cases)
	bad := invalidLines(g.t)
	m := map[h3.Cell]*cellCount{}
	var order []h3.Cell
	for i, r := range tb.rows {
		if bad[int64(i)+2] || tb.get(r, "lat") == "" {
			continue
		}
		c, err := h3.LatLngToCell(h3.NewLatLng(tb.num(t, r, "lat"), tb.num(t, r, "lon")), giRes)
		if err != nil {
			t.Fatal(err)
		}
		cc := m[c]
		if cc == nil {
			ll, err := h3.CellToLatLng(c)
			if err != nil {
				t.Fatal(err)
			}
			cc = &cellCount{lat: ll.Lat, lon: ll.Lng, byYear: map[int]float64{}}
			m[c] = cc
			order = append(order, c)
		}
		n, _ := strconv.ParseFloat(tb.get(r, "count"), 64)
		y, _ := strconv.Atoi(tb.get(r, "date")[:4])
		cc.byYear[y] += n
		cc.total += n
	}
	out := make([]*cellCount, len(order))
	for i, c := range order {
		out[i] = m[c]
	}
	return out
}

// giStar returns Gi* z-scores of x with binary weights nb (j including i).
func giStar(x []float64, nb [][]int) []float64 {
	n := float64(len(x))
	var sum, sq float64
	for _, v := range x {
		sum += v
		sq += v * v
	}
	mean := sum / n
	s := math.Sqrt(sq/n - mean*mean)
	z := make([]float64, len(x))
	for i := range x {
		var lx float64
		for _, j := range nb[i] {
			lx += x[j]
		}
		w := float64(len(nb[i]))
		z[i] = (lx - mean*w) / (s * math.Sqrt((n*w-w*w)/(n-1)))
	}
	return z
}

// nearestHotspot returns the distance from a point to the closest planted hotspot centre.
func nearestHotspot(tr Truth, lat, lon float64) (float64, int) {
	best, bi := math.Inf(1), -1
	for i, h := range tr.Hotspots {
		if d := haversineKm(h.Lat, h.Lon, lat, lon); d < best {
			best, bi = d, i
		}
	}
	return best, bi
}

func TestHotspotsStandOutGiStar(t *testing.T) {
	g := generate(t, DefaultConfig())
	cells := cellsOf(t, g)
	nb := make([][]int, len(cells))
	for i, a := range cells {
		for j, b := range cells {
			if haversineKm(a.lat, a.lon, b.lat, b.lon) <= giBandKm {
				nb[i] = append(nb[i], j)
			}
		}
	}
	x := make([]float64, len(cells))
	for i, c := range cells {
		x[i] = c.total
	}
	z := giStar(x, nb)
	best := make([]float64, len(g.t.Hotspots))
	var otherMax float64
	for i, c := range cells {
		d, h := nearestHotspot(g.t, c.lat, c.lon)
		switch {
		case d <= g.t.Hotspots[h].RadiusKm:
			best[h] = math.Max(best[h], z[i])
		case d > g.t.Hotspots[h].RadiusKm+giBandKm:
			otherMax = math.Max(otherMax, z[i])
		}
	}
	t.Logf("%d cells; best z per hotspot %.2f; highest z farther than one band: %.2f", len(cells), best, otherMax)
	for h, b := range best {
		if b < 3.29 { // 99.9 %
			t.Errorf("%s: best Gi* z %.2f", g.t.Hotspots[h].Name, b)
		}
	}
	if otherMax >= 2.58 {
		t.Errorf("a cell farther than one band from every hotspot has Gi* z %.2f (hot at 99 %%)", otherMax)
	}

	// Space-time: bins (cell, year) of every cell, neighbours within the
	// band in the same and the previous year.
	tr := g.t
	ny := tr.Config.years()
	bins := len(cells) * ny
	xt := make([]float64, bins)
	nbt := make([][]int, bins)
	for i, c := range cells {
		for y := range ny {
			xt[i*ny+y] = c.byYear[tr.Config.StartYear+y]
			for _, j := range nb[i] {
				for k := max(0, y-1); k <= y; k++ {
					nbt[i*ny+y] = append(nbt[i*ny+y], j*ny+k)
				}
			}
		}
	}
	zt := giStar(xt, nbt)
	for _, hs := range tr.Hotspots {
		yearBest := make([]float64, ny)
		for i, c := range cells {
			if d := haversineKm(hs.Lat, hs.Lon, c.lat, c.lon); d <= hs.RadiusKm {
				for y := range ny {
					yearBest[y] = math.Max(yearBest[y], zt[i*ny+y])
				}
			}
		}
		t.Logf("%s: best space-time z per year %.1f", hs.Name, yearBest)
		for y, b := range yearBest {
			if b < 2.58 {
				t.Errorf("%s %d: best space-time Gi* z %.2f, not hot at 99 %%", hs.Name, tr.Config.StartYear+y, b)
			}
		}
	}
	var stOther float64
	for i, c := range cells {
		if d, h := nearestHotspot(tr, c.lat, c.lon); d > tr.Hotspots[h].RadiusKm+giBandKm {
			for y := range ny {
				stOther = math.Max(stOther, zt[i*ny+y])
			}
		}
	}
	t.Logf("highest space-time z farther than one band from every hotspot: %.2f", stOther)
	if stOther >= 2.58 {
		t.Errorf("a bin far from every hotspot has space-time Gi* z %.2f", stOther)
	}
}

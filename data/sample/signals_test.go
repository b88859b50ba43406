package sample

import (
	"slices"
	"strconv"
	"testing"
)

// TestCorridorIsTopFlow groups the valid cases by citizenship and country
// of exploitation, the plain group-by the routes stage must reproduce, and
// checks that the planted corridor is the largest cross-border flow by a
// wide margin, by count and by rows.
func TestCorridorIsTopFlow(t *testing.T) {
	g := generate(t, DefaultConfig())
	tb := readTable(t, g.cases)
	bad := invalidLines(g.t)
	count := map[string]int64{}
	rows := map[string]int64{}
	for i, r := range tb.rows {
		if bad[int64(i)+2] {
			continue
		}
		o, d := tb.get(r, "citizenship"), tb.get(r, "exploitation_country")
		if o == "" || d == "" || o == d {
			continue
		}
		n, _ := strconv.ParseInt(tb.get(r, "count"), 10, 64)
		count[o+">"+d] += n
		rows[o+">"+d]++
	}
	co := g.t.Corridors[0]
	key := co.Origin + ">" + co.Destination
	if key != "NGA>ITA" || !slices.Equal(co.Transit, []string{"NER", "LBY"}) {
		t.Fatalf("corridor %s via %v", key, co.Transit)
	}
	for _, m := range []struct {
		name string
		m    map[string]int64
		want int64
	}{{"count", count, co.Count}, {"rows", rows, co.Rows}} {
		var next int64
		var nextKey string
		for _, k := range sortedKeys(m.m) {
			if k != key && m.m[k] > next {
				next, nextKey = m.m[k], k
			}
		}
		if m.m[key] != m.want {
			t.Errorf("%s: corridor has %d, truth says %d", m.name, m.m[key], m.want)
		}
		if float64(m.m[key]) < 2.5*float64(next) {
			t.Errorf("%s: corridor %d is not clearly above the next flow %s (%d)", m.name, m.m[key], nextKey, next)
		}
		if m.name == "count" && next != co.NextLargest {
			t.Errorf("next largest flow %s has %d, truth says %d", nextKey, next, co.NextLargest)
		}
		t.Logf("%s: %s %d, next %s %d", m.name, key, m.m[key], nextKey, next)
	}
	if co.TransitRows < co.Rows/2 || co.ViaTransit < co.Rows/2 {
		t.Errorf("corridor: only %d of %d rows with transit, %d via %v", co.TransitRows, co.Rows, co.ViaTransit, co.Transit)
	}
}

// TestHotspots reads the geocoded cases back and checks each planted
// hotspot: its points are all within the radius, nothing else is near it,
// its yearly counts are those in truth, far above k = 10, and trend as
// planted (Kendall's tau against time).
func TestHotspots(t *testing.T) {
	g := generate(t, DefaultConfig())
	tb := readTable(t, g.cases)
	bad := invalidLines(g.t)
	if len(g.t.Hotspots) != 3 {
		t.Fatalf("%d hotspots", len(g.t.Hotspots))
	}
	for _, h := range g.t.Hotspots {
		yearly := map[int]int64{}
		var near int64
		for i, r := range tb.rows {
			if bad[int64(i)+2] || tb.get(r, "lat") == "" {
				continue
			}
			d := haversineKm(h.Lat, h.Lon, tb.num(t, r, "lat"), tb.num(t, r, "lon"))
			if d > 150 {
				continue
			}
			near++
			if d > h.RadiusKm+1e-3 {
				t.Errorf("%s: point %v is %.3f km from the centre, beyond %g km", h.Name, r, d, h.RadiusKm)
				continue
			}
			if tb.get(r, "exploitation_country") != h.ISO3 || tb.get(r, "count") != "1" {
				t.Errorf("%s: row %v", h.Name, r)
			}
			y, _ := strconv.Atoi(tb.get(r, "date")[:4])
			yearly[y]++
		}
		if near != h.Count {
			t.Errorf("%s: %d geocoded cases within 150 km, truth says %d", h.Name, near, h.Count)
		}
		var series []int64
		for i, y := range h.Years {
			series = append(series, yearly[y])
			if yearly[y] != h.Yearly[i] {
				t.Errorf("%s %d: %d cases, truth says %d", h.Name, y, yearly[y], h.Yearly[i])
			}
			if yearly[y] < 50 {
				t.Errorf("%s %d: %d cases, not far above k = 10", h.Name, y, yearly[y])
			}
		}
		if len(series) != 10 {
			t.Errorf("%s: present in %d years, want all 10", h.Name, len(series))
		}
		tau, z := kendallTau(series), mannKendallZ(series)
		t.Logf("%s (%s): %v tau %.3f MK z %.2f", h.Name, h.Trend, series, tau, z)
		switch h.Trend {
		case TrendIntensifying:
			if tau <= 0.8 || z < 2.58 {
				t.Errorf("%s: tau %.3f z %.2f, want a steep significant rise", h.Name, tau, z)
			}
			if series[len(series)-1] < 4*series[0] {
				t.Errorf("%s: last year %d, first %d: not steep", h.Name, series[len(series)-1], series[0])
			}
		case TrendDiminishing:
			if tau >= -0.8 || z > -2.58 {
				t.Errorf("%s: tau %.3f z %.2f, want a steep significant fall", h.Name, tau, z)
			}
			if series[0] < 4*series[len(series)-1] {
				t.Errorf("%s: first year %d, last %d: not steep", h.Name, series[0], series[len(series)-1])
			}
		case TrendPersistent:
			// No significant trend at 90 % (|z| < 1.645).
			if z > 1.645 || z < -1.645 {
				t.Errorf("%s: tau %.3f z %.2f, want no trend", h.Name, tau, z)
			}
		default:
			t.Errorf("%s: trend %q", h.Name, h.Trend)
		}
	}
}

// TestHotspotsScale checks that planted signals keep their shape in a
// large sample (benchmarks use 1 and 10 million cases).
func TestHotspotsScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	cfg := DefaultConfig()
	cfg.Cases = 100000
	tr, err := Write(nil, nil, nil, nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range tr.Hotspots {
		if h.Yearly[0] < 300 || h.Yearly[len(h.Yearly)-1] < 300 {
			t.Errorf("%s: %v", h.Name, h.Yearly)
		}
	}
	if c := tr.Corridors[0]; c.Count < 5*c.NextLargest/2 {
		t.Errorf("corridor %d vs next %d", c.Count, c.NextLargest)
	}
}

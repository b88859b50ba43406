package density

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

// clustered draws weighted points in tight and loose clusters, some on the
// antimeridian and at or next to the poles, with exact duplicates,
// weightless points and isolated points, and locations in and around the
// clusters (some exactly on points and poles). Spreads scale with the
// radius so that every radius sees cells summed by their moments, cells
// straddling the radius and cells out of reach.
func clustered(rng *rand.Rand, r float64) (pts []orb.Point, w []float64, at []orb.Point) {
	deg := r / (EarthRadiusKm * math.Pi / 180) // the radius in degrees of latitude
	wrap := func(lon, lat float64) orb.Point {
		lat = math.Max(-90, math.Min(90, lat))
		lon = math.Mod(lon+540, 360) - 180
		return orb.Point{lon, lat}
	}
	centres := []orb.Point{{179.999, 10}, {-180, -30}, {0, 89.99}, {45, -90}, {-120, 90}, {10, 50}, {10.3, 50.2}}
	for len(centres) < 12 {
		centres = append(centres, orb.Point{rng.Float64()*360 - 180, rng.Float64()*160 - 80})
	}
	for i, c := range centres {
		spread := deg * []float64{0.02, 0.2, 1}[i%3]
		n := []int{2000, 600, 300}[i%3] + rng.IntN(300)
		for j := 0; j < n; j++ {
			cos := math.Max(math.Cos(c[1]*math.Pi/180), 0.05)
			p := wrap(c[0]+rng.NormFloat64()*spread/cos, c[1]+rng.NormFloat64()*spread)
			wt := float64(rng.IntN(5)) // a fifth weigh nothing
			if j%7 == 0 {
				wt = rng.Float64() * 3
			}
			pts, w = append(pts, p), append(w, wt)
			if j%11 == 0 { // exact duplicates, other weights
				for k := 0; k < 1+rng.IntN(5); k++ {
					pts, w = append(pts, p), append(w, float64(1+rng.IntN(3)))
				}
			}
		}
		for j := 0; j < 40; j++ {
			cos := math.Max(math.Cos(c[1]*math.Pi/180), 0.05)
			at = append(at, wrap(c[0]+rng.NormFloat64()*deg/cos, c[1]+rng.NormFloat64()*deg))
		}
	}
	for j := 0; j < 30; j++ {
		pts, w = append(pts, orb.Point{rng.Float64()*360 - 180, rng.Float64()*180 - 90}), append(w, 1)
		at = append(at, pts[rng.IntN(len(pts))])
	}
	at = append(at, orb.Point{0, 90}, orb.Point{77, -90}, orb.Point{180, 10}, orb.Point{-179.9995, 10})
	return pts, w, at
}

// bruteForce is the estimator pair by pair with math.Asin: in fixed point
// with the same scale as Estimate (which makes it the value of the
// previous, voxel-by-voxel implementation whatever the order), and in
// float64. n counts the points within reach of each location.
func bruteForce(pts []orb.Point, w []float64, at []orb.Point, r float64) (fixed, float []float64, n []int) {
	vs, _ := embed(pts)
	qs, _ := embed(at)
	total := 0.0
	for _, x := range w {
		if x > 0 {
			total += x
		}
	}
	scale := 0x1p62 / (total * Quartic(0, r))
	for _, q := range qs {
		var s int64
		var f float64
		in := 0
		for i, v := range vs {
			if w[i] <= 0 {
				continue
			}
			t := w[i] * Quartic(chordToKm(math.Sqrt(dist2(v, q))), r)
			s += int64(math.Round(t * scale))
			f += t
			if t > 0 {
				in++
			}
		}
		fixed, float, n = append(fixed, float64(s)/scale), append(float, f), append(n, in)
	}
	return fixed, float, n
}

func TestEstimateMatchesBruteForceClustered(t *testing.T) {
	for _, r := range []float64{0.05, 0.5, 25, 357, 500, 1500, 30000} {
		t.Run(fmt.Sprint(r), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(r*10), 7))
			pts, w, at := clustered(rng, r)
			s, err := Estimate(pts, w, at, Options{BandwidthKm: r})
			if err != nil {
				t.Fatal(err)
			}
			fixed, float, n := bruteForce(pts, w, at, r)
			total := 0.0
			for _, x := range w {
				total += x
			}
			unit := 0x1p-62 * total * Quartic(0, r) // one fixed-point unit
			peak := slices.Max(fixed)
			nonzero, worst, worstUnits := 0, 0.0, 0.0
			for i := range at {
				if d := math.Abs(s.Density[i] - fixed[i]); fixed[i] > 0 {
					worst, worstUnits = math.Max(worst, d/fixed[i]), math.Max(worstUnits, d/unit)
				}
				// Each term or cell is rounded to a unit, in both; beyond
				// that the values agree to float64 precision.
				tol := 1e-13*fixed[i] + float64(2*n[i]+2)*unit
				if d := math.Abs(s.Density[i] - fixed[i]); d > tol || d > 1e-14*peak {
					t.Errorf("location %d %v: %.17g, pair by pair %.17g (float64 %.17g), %d points in reach", i, at[i], s.Density[i], fixed[i], float[i], n[i])
				}
				if math.Abs(fixed[i]-float[i]) > 1e-12*float[i]+float64(n[i]+1)*unit {
					t.Errorf("location %d: reference fixed %.17g and float %.17g disagree", i, fixed[i], float[i])
				}
				if fixed[i] > 0 {
					nonzero++
				}
			}
			if nonzero < len(at)/2 {
				t.Errorf("only %d of %d locations have density; test too weak", nonzero, len(at))
			}
			// The fast path must have been taken where the series holds.
			vs, _ := embed(pts)
			k := sphereKernel(r)
			ix := newIndex(vs, w, &k, true)
			qs, _ := embed(at)
			cells, uses := 0, 0
			for f, at := range ix.momAt {
				if at >= 0 {
					cells++
					for _, q := range qs {
						if ix.fineBox[f].Far2(q) < k.c2 {
							uses++
						}
					}
				}
			}
			if want := r <= 1000; want != (uses > 100) {
				t.Errorf("%d cells summed by moments %d times", cells, uses)
			}
			t.Logf("%d points, %d locations, %d with density, %d fine cells of which %d summed by moments %d times; largest difference %.2g relative, %.3g fixed-point units", len(pts), len(at), nonzero, len(ix.momAt), cells, uses, worst, worstUnits)
		})
	}
}

// The surface is the same to the last bit whatever the number of cores.
func TestEstimateDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pts, w, at := clustered(rng, 357)
	at = append(at, at...) // location cells with many locations
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var ref []float64
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		s, err := Estimate(pts, w, at, Options{BandwidthKm: 357})
		if err != nil {
			t.Fatal(err)
		}
		if ref == nil {
			ref = s.Density
			continue
		}
		for i := range ref {
			if math.Float64bits(ref[i]) != math.Float64bits(s.Density[i]) {
				t.Fatalf("GOMAXPROCS %d, location %d: %v, with one core %v", procs, i, s.Density[i], ref[i])
			}
		}
	}
}

// One point, and points all in one place, against the kernel formula.
func TestEstimateOnePlace(t *testing.T) {
	for _, n := range []int{1, 1000} {
		pts := make([]orb.Point, n)
		w := make([]float64, n)
		for i := range pts {
			pts[i], w[i] = orb.Point{-179.99, -89.5}, 2
		}
		at := []orb.Point{{-179.99, -89.5}, {179.99, -89.5}, {0, -90}, {10, -89.9}, {0, 0}}
		s, err := Estimate(pts, w, at, Options{BandwidthKm: 100})
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range at {
			want := 2 * float64(n) * Quartic(haversine(pts[0], q), 100)
			if math.Abs(s.Density[i]-want) > 1e-13*want+1e-30 {
				t.Errorf("%d points, at %v: %.17g, want %.17g", n, q, s.Density[i], want)
			}
		}
	}
}

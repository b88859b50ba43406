package sample

import (
	"math"
	"math/rand/v2"
)

// Stream constants: each file draws from its own PCG stream of the seed,
// so changing one file's size leaves the others' bytes unchanged.
const (
	streamCases     = 0x68746d6170636173 // "htmapcas"
	streamIncidents = 0x68746d6170696e63 // "htmapinc"
	streamFlows     = 0x68746d6170666c6f // "htmapflo"
)

func newRand(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }

// pickWeight returns an index drawn with probability proportional to w.
func pickWeight(r *rand.Rand, w []float64) int {
	var total float64
	for _, x := range w {
		total += x
	}
	u := r.Float64() * total
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// pickShare draws a country from a weighted list.
func pickShare(r *rand.Rand, s []share) string {
	var total float64
	for _, x := range s {
		total += x.w
	}
	u := r.Float64() * total
	for _, x := range s {
		if u < x.w {
			return x.iso3
		}
		u -= x.w
	}
	return s[len(s)-1].iso3
}

// earthRadiusKm is the mean Earth radius (IUGG), the one htmap's
// haversine distances use.
const earthRadiusKm = 6371.0088

// jitter returns a point at a random offset from (lat, lon): a circular
// normal with sigmaKm per axis, redrawn until the offset is at most maxKm.
// The offset is applied along a great circle, so the haversine distance
// from the centre is exactly the drawn distance (up to rounding).
func jitter(r *rand.Rand, lat, lon, sigmaKm, maxKm float64) (float64, float64) {
	for {
		dx := float64(r.NormFloat64() * sigmaKm)
		dy := float64(r.NormFloat64() * sigmaKm)
		d := math.Hypot(dx, dy)
		if d <= maxKm {
			return destinationPoint(lat, lon, math.Atan2(dx, dy), d)
		}
	}
}

// destinationPoint moves distKm from (lat, lon) along the initial bearing
// (radians clockwise from north) on a sphere. Explicit float64 conversions
// keep compilers from fusing multiply-adds, which would change the last
// bits (and so, rarely, a printed digit) between architectures.
func destinationPoint(lat, lon, bearing, distKm float64) (float64, float64) {
	phi1 := lat * math.Pi / 180
	lam1 := lon * math.Pi / 180
	delta := distKm / earthRadiusKm
	sinPhi2 := float64(math.Sin(phi1)*math.Cos(delta)) + float64(math.Cos(phi1)*math.Sin(delta)*math.Cos(bearing))
	phi2 := math.Asin(sinPhi2)
	y := float64(math.Sin(bearing) * math.Sin(delta) * math.Cos(phi1))
	x := math.Cos(delta) - float64(math.Sin(phi1)*sinPhi2)
	lam2 := lam1 + math.Atan2(y, x)
	lon2 := math.Remainder(lam2*180/math.Pi, 360)
	return phi2 * 180 / math.Pi, lon2
}

// haversineKm is the great-circle distance between two points in km.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	p1 := lat1 * math.Pi / 180
	p2 := lat2 * math.Pi / 180
	dp := p2 - p1
	dl := (lon2 - lon1) * math.Pi / 180
	a := float64(math.Sin(dp/2)*math.Sin(dp/2)) + float64(math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2))
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// apportion splits total into len(w) integers proportional to w that add
// up to total exactly (largest remainder; ties go to the lower index).
func apportion(total int64, w []float64) []int64 {
	out := make([]int64, len(w))
	if total <= 0 || len(w) == 0 {
		return out
	}
	var sum float64
	for _, x := range w {
		sum += x
	}
	if sum <= 0 {
		out[0] = total
		return out
	}
	rem := make([]float64, len(w))
	var used int64
	for i, x := range w {
		q := float64(total) * x / sum
		out[i] = int64(math.Floor(q))
		rem[i] = q - float64(out[i])
		used += out[i]
	}
	for ; used < total; used++ {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

// drawDate returns a random day of year y. The month lengths ignore
// nothing: February has 29 days in leap years.
func drawDate(r *rand.Rand, y int) (month, day int) {
	doy := r.IntN(daysInYear(y))
	month = 1
	for {
		n := daysInMonth(y, month)
		if doy < n {
			return month, doy + 1
		}
		doy -= n
		month++
	}
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysInYear(y int) int {
	if leap(y) {
		return 366
	}
	return 365
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// sequence hands out components in a random order with exact totals: each
// draw picks a component with probability proportional to what it has
// left, so after sum(left) draws every component has been drawn exactly
// its quota, without materialising a shuffled list.
type sequence struct {
	left  []int64
	total int64
}

func newSequence(quota []int64) *sequence {
	s := &sequence{left: append([]int64(nil), quota...)}
	for _, q := range quota {
		s.total += q
	}
	return s
}

// next returns the next component, or -1 when all quotas are used.
func (s *sequence) next(r *rand.Rand) int {
	if s.total == 0 {
		return -1
	}
	u := r.Int64N(s.total)
	for i, q := range s.left {
		if u < q {
			s.left[i]--
			s.total--
			return i
		}
		u -= q
	}
	return -1 // not reached: total is the sum of left
}

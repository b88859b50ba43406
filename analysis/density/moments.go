package density

import "math"

// maxOrder is the highest order of the cell expansions.
const maxOrder = 6

// expansion sums the kernel over a tight cluster of points at once.
//
// Take a unit vector p₀ near the cluster, g = p₀ − q and δⱼ = pⱼ − p₀.
// The squared chord from q is |pⱼ − q|² = D₀ + eⱼ with D₀ = |g|² and
// eⱼ = 2g·δⱼ + |δⱼ|². The kernel (1 − u²)² with u² = d2·poly(d2) is a
// polynomial G of the squared chord, so
//
//	Σⱼ wⱼ·G(D₀ + eⱼ) = Σₖ Gₖ(D₀)·Σⱼ wⱼ·eⱼᵏ
//
// with Gₖ the Taylor coefficients of G at D₀. In an orthonormal frame
// (t₁, t₂, p₀) and with aⱼ = t₁·δⱼ, bⱼ = t₂·δⱼ, Sⱼ = |δⱼ|²,
//
//	eⱼ = 2(t₁·g)aⱼ + 2(t₂·g)bⱼ + (1 − p₀·g)Sⱼ + (p₀·g)(|pⱼ|² − |p₀|²),
//
// exactly (p₀·δⱼ = (|pⱼ|² − |p₀|² − Sⱼ)/2). The last term is below 3e-16
// of D₀ for unit vectors, rounding noise that a pair-by-pair sum makes
// too, and is dropped; what is left is γ·ηⱼ with γ = (2t₁·g, 2t₂·g,
// 1 − p₀·g) from the location and ηⱼ = (aⱼ, bⱼ, Sⱼ) from the point. So
// Σⱼ wⱼeⱼᵏ is the k-th moment tensor of the ηⱼ contracted with γ: the
// cluster is summarised once by its moments, and each location costs a
// few dozen multiply-adds whatever the number of points. Every quantity
// is small where it is small (g, aⱼ, bⱼ of the order of the radius and
// the cluster, Sⱼ of the cluster squared): nothing of size 1 cancels, so
// the error stays at rounding level however small the radius.
//
// The expansion equals the kernel sum when the cluster lies wholly within
// the search radius (G is the kernel there; beyond it the kernel is 0,
// not G) and is truncated at the order whose remainder, bounded by
// newExpansion from G's coefficients, is below 2^-56 of a point's peak
// term for any cluster of radius rho.
type expansion struct {
	mono  monomials
	poly  [seriesTerms + 1]float64 // u² as a polynomial of the squared chord
	order int
}

// newExpansion picks the order for clusters of radius rho (every point
// within rho of its p₀) and search chord c, or returns ok = false if
// maxOrder is not enough.
func newExpansion(k *kernel, c, rho float64) (x expansion, ok bool) {
	if k.exact || math.IsInf(k.c2, 1) {
		return x, false
	}
	for n := 0; n < seriesTerms; n++ {
		x.poly[n+1] = k.poly[n]
	}
	// G(D) = (1 − u²(D))² as coefficients g[n] of Dⁿ.
	var v, g [2*seriesTerms + 1]float64
	v[0] = 1
	for n := 1; n <= seriesTerms; n++ {
		v[n] = -x.poly[n]
	}
	for i := range v[:seriesTerms+1] {
		for j := range v[:seriesTerms+1] {
			g[i+j] += v[i] * v[j]
		}
	}
	// The k-th Taylor coefficient at D₀ ≤ dmax is at most
	// Σₙ |g[n]|·C(n,k)·dmaxⁿ⁻ᵏ, and |e| ≤ emax.
	dmax := (c + rho) * (c + rho)
	emax := 2*(c+rho)*rho + rho*rho
	var tail [len(g)]float64 // a bound on |Gₖ|·emaxᵏ
	for k := range g {
		s, binom := 0.0, 1.0
		for n := k; n < len(g); n++ {
			s += math.Abs(g[n]) * binom * math.Pow(dmax, float64(n-k))
			binom = binom * float64(n+1) / float64(n+1-k)
		}
		tail[k] = s * math.Pow(emax, float64(k))
	}
	for order := 2; order <= maxOrder; order++ {
		rest := 0.0
		for k := order + 1; k < len(g); k++ {
			rest += tail[k]
		}
		if rest < 0x1p-56 {
			x.order = order
			x.mono = newMonomials(order)
			return x, true
		}
	}
	return x, false
}

// frame is an orthonormal basis t₁, t₂, p₀ around the unit vector p₀.
type frame [3][3]float64

func newFrame(p0 [3]float64) frame {
	a := [3]float64{1, 0, 0}
	if math.Abs(p0[0]) > 0.6 {
		a = [3]float64{0, 1, 0}
	}
	d := a[0]*p0[0] + a[1]*p0[1] + a[2]*p0[2]
	t1 := [3]float64{a[0] - d*p0[0], a[1] - d*p0[1], a[2] - d*p0[2]}
	n := math.Sqrt(t1[0]*t1[0] + t1[1]*t1[1] + t1[2]*t1[2])
	t1 = [3]float64{t1[0] / n, t1[1] / n, t1[2] / n}
	t2 := [3]float64{p0[1]*t1[2] - p0[2]*t1[1], p0[2]*t1[0] - p0[0]*t1[2], p0[0]*t1[1] - p0[1]*t1[0]}
	return frame{t1, t2, p0}
}

func dot(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// momBatch is how many points moments processes together.
const momBatch = 32

// moments adds to mom (one value per monomial) the moments of the points
// (x, y, z, w) in the frame f: Σ wⱼ·C·ηⱼ^α for every monomial η^α, with C
// its multinomial coefficient. t is scratch space of one row per monomial.
// This is the costliest part of building an index (a few dozen monomials
// per point), so it runs over a batch of points at a time, monomial by
// monomial as in monomials.fill: long loops with independent partial sums
// rather than one short, serial loop per point.
func (e *expansion) moments(mom []float64, t [][momBatch]float64, f *frame, x, y, z, w []float64) {
	m := &e.mono
	n := len(m.coef)
	y, z, w, t, mom = y[:len(x)], z[:len(x)], w[:len(x)], t[:n], mom[:n]
	p0 := f[2]
	var eta [3][momBatch]float64
	var sums [maxMonomials]float64
	for lo := 0; lo < len(x); lo += momBatch {
		nb := min(momBatch, len(x)-lo)
		for j := 0; j < nb; j++ {
			d := [3]float64{x[lo+j] - p0[0], y[lo+j] - p0[1], z[lo+j] - p0[2]}
			eta[0][j], eta[1][j], eta[2][j] = dot(f[0], d), dot(f[1], d), dot(d, d)
			t[0][j] = w[lo+j]
		}
		sums[0] += sum4(t[0][:nb])
		for k := 1; k <= m.order; k++ {
			a, b := m.deg[k-1], m.deg[k]
			np := b - a
			for i := 0; i < np; i++ {
				sums[b+i] += mulSum4(t[b+i][:nb], t[a+i][:nb], eta[0][:nb])
			}
			for i := 0; i < k; i++ {
				sums[b+np+i] += mulSum4(t[b+np+i][:nb], t[b-k+i][:nb], eta[1][:nb])
			}
			sums[b+np+k] += mulSum4(t[b+np+k][:nb], t[b-1][:nb], eta[2][:nb])
		}
	}
	for i := range mom {
		mom[i] += m.coef[i] * sums[i]
	}
}

// eval is Σⱼ wⱼ·G(|pⱼ − q|²) for a cell with moments mom in frame f; qc
// is scratch space of one value per monomial.
func (e *expansion) eval(mom []float64, f *frame, q [3]float64, qc []float64) float64 {
	n := len(e.mono.coef)
	mom, qc = mom[:n], qc[:n]
	g := [3]float64{f[2][0] - q[0], f[2][1] - q[1], f[2][2] - q[2]}
	d0 := dot(g, g)
	e.mono.fill(qc, 1, [3]float64{2 * dot(f[0], g), 2 * dot(f[1], g), 1 - dot(f[2], g)})
	// Taylor coefficients of u² at d0 (Horner's shift: after pass l,
	// p[l] is the l-th coefficient), then those of 1 − u².
	p := e.poly
	for l := 0; l <= e.order; l++ {
		for i := seriesTerms - 1; i >= l; i-- {
			p[i] += d0 * p[i+1]
		}
	}
	var v, m [maxOrder + 1]float64
	v[0] = 1 - p[0]
	for l := 1; l <= e.order; l++ {
		v[l] = -p[l]
	}
	// The moments of e, and G = (1 − u²)² coefficient by coefficient.
	sum := 0.0
	for k := 0; k <= e.order; k++ {
		for i := e.mono.deg[k]; i < e.mono.deg[k+1]; i++ {
			m[k] += qc[i] * mom[i]
		}
		g := 0.0
		for i := 0; i <= k; i++ {
			g += v[i] * v[k-i]
		}
		sum += g * m[k]
	}
	return sum
}

// mulSum4 sets dst to a·b elementwise and returns the sum of dst, kept in
// four partial sums so that the additions do not wait on each other.
func mulSum4(dst, a, b []float64) float64 {
	a, b = a[:len(dst)], b[:len(dst)]
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(dst); j += 4 {
		v0, v1, v2, v3 := a[j]*b[j], a[j+1]*b[j+1], a[j+2]*b[j+2], a[j+3]*b[j+3]
		dst[j], dst[j+1], dst[j+2], dst[j+3] = v0, v1, v2, v3
		s0 += v0
		s1 += v1
		s2 += v2
		s3 += v3
	}
	for ; j < len(dst); j++ {
		v := a[j] * b[j]
		dst[j] = v
		s0 += v
	}
	return (s0 + s1) + (s2 + s3)
}

func sum4(a []float64) float64 {
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(a); j += 4 {
		s0 += a[j]
		s1 += a[j+1]
		s2 += a[j+2]
		s3 += a[j+3]
	}
	for ; j < len(a); j++ {
		s0 += a[j]
	}
	return (s0 + s1) + (s2 + s3)
}

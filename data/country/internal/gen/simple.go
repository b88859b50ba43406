package gen

// ringSimple reports whether a closed ring has no self-intersection: no two
// non-adjacent edges touch, and adjacent edges meet only at their shared
// vertex. Exact on the integer grid. Quadratic, so meant for small rings.
func ringSimple(r []pt) bool {
	n := len(r) - 1 // edges
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			adjacent := j == i+1 || (i == 0 && j == n-1)
			if segmentsTouch(r[i], r[i+1], r[j], r[j+1], adjacent) {
				return false
			}
		}
	}
	return true
}

func orient2(a, b, c pt) int64 {
	v := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func onSegment(a, b, p pt) bool {
	return min(a[0], b[0]) <= p[0] && p[0] <= max(a[0], b[0]) &&
		min(a[1], b[1]) <= p[1] && p[1] <= max(a[1], b[1])
}

// segmentsTouch: do segments ab and cd share a point? For adjacent edges
// (b == c, or d == a for the closing pair) the shared vertex does not count,
// only a further overlap along a collinear stretch.
func segmentsTouch(a, b, c, d pt, adjacent bool) bool {
	o1, o2 := orient2(a, b, c), orient2(a, b, d)
	o3, o4 := orient2(c, d, a), orient2(c, d, b)
	if adjacent {
		// Collinear and folding back onto each other.
		if o1 == 0 && o2 == 0 {
			far1, far2 := a, d // ends away from the shared vertex b == c
			if d == a {
				far1, far2 = b, c
			}
			return onSegment(c, d, far1) || onSegment(a, b, far2)
		}
		return false
	}
	if o1 != o2 && o3 != o4 && o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0 {
		return true
	}
	return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) ||
		(o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b))
}

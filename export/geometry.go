package export

import (
	"sort"

	"github.com/paulmach/orb"
)

// Rewind returns g with every ring closed and wound as RFC 7946 and
// GeoParquet's "counterclockwise" orientation ask: exterior rings
// counter-clockwise, holes clockwise. The input is not modified.
func Rewind(g orb.Geometry) orb.Geometry {
	switch t := g.(type) {
	case orb.Ring:
		return rewindPolygon(orb.Polygon{t})
	case orb.Polygon:
		return rewindPolygon(t)
	case orb.MultiPolygon:
		mp := make(orb.MultiPolygon, len(t))
		for i, p := range t {
			mp[i] = rewindPolygon(p)
		}
		return mp
	}
	return g
}

func rewindPolygon(p orb.Polygon) orb.Polygon {
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		r2 := make(orb.Ring, len(r), len(r)+1)
		copy(r2, r)
		if len(r2) > 0 && r2[0] != r2[len(r2)-1] {
			r2 = append(r2, r2[0])
		}
		if (signedArea(r2) > 0) != (i == 0) {
			r2.Reverse()
		}
		out[i] = r2
	}
	return out
}

// hilbert returns the position of p on a Hilbert curve over the
// lon/lat plane at 2^16 x 2^16 resolution. Rows sorted by it are
// spatially clustered, so a Parquet reader's bbox filter skips row groups.
func hilbert(p orb.Point) uint64 {
	const n = 1 << 16
	x := uint64((p[0] + 180) / 360 * (n - 1))
	y := uint64((p[1] + 90) / 180 * (n - 1))
	var d uint64
	for s := uint64(n / 2); s > 0; s /= 2 {
		var rx, ry uint64
		if x&s > 0 {
			rx = 1
		}
		if y&s > 0 {
			ry = 1
		}
		d += s * s * ((3 * rx) ^ ry)
		if ry == 0 {
			if rx == 1 {
				x = s - 1 - x&(s-1) + x&^(s-1)
				y = s - 1 - y&(s-1) + y&^(s-1)
			}
			x, y = y, x
		}
	}
	return d
}

// spatialOrder returns the features sorted along a Hilbert curve by the
// centre of their bounding box; ties keep the layer's order, so the
// result is deterministic.
func spatialOrder(fs []Feature) []Feature {
	keys := make([]uint64, len(fs))
	idx := make([]int, len(fs))
	for i, f := range fs {
		idx[i] = i
		if f.Geometry != nil {
			keys[i] = hilbert(f.Geometry.Bound().Center())
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]Feature, len(fs))
	for i, j := range idx {
		out[i] = fs[j]
	}
	return out
}

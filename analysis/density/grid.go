package density

import "math"

// voxel numbers a cube of a grid over 3-D coordinates.
type voxel [3]int64

func voxelOf(v [3]float64, side float64) voxel {
	return voxel{int64(math.Floor(v[0] / side)), int64(math.Floor(v[1] / side)), int64(math.Floor(v[2] / side))}
}

// packBits is the width of a packed cube number: cube numbers in
// (−2^20, 2^20) fit three to a uint64, a key Go maps hash several times
// faster than three int64s.
const packBits = 21

// packLimit bounds the cube numbers that pack, with room for the
// neighbourhood offsets added to them.
const packLimit = 1<<(packBits-1) - 8

func (k voxel) packs() bool {
	return max(k[0], -k[0], k[1], -k[1], k[2], -k[2]) < packLimit
}

func (k voxel) pack() uint64 {
	const off = 1 << (packBits - 1)
	return uint64(k[0]+off)<<(2*packBits) | uint64(k[1]+off)<<packBits | uint64(k[2]+off)
}

func unpack(p uint64) voxel {
	const off, mask = 1 << (packBits - 1), 1<<packBits - 1
	return voxel{int64(p>>(2*packBits)&mask) - off, int64(p>>packBits&mask) - off, int64(p&mask) - off}
}

// packable tells whether the cube numbers of coordinates in [−bound, bound]
// pack, for cubes of the given side.
func packable(bound, side float64) bool {
	return bound/side < packLimit-2
}

// cubeMap numbers cubes, by packed keys when they pack.
type cubeMap struct {
	packed map[uint64]int32
	wide   map[voxel]int32
}

func newCubeMap(keys []voxel, packed bool) cubeMap {
	var m cubeMap
	if packed {
		m.packed = make(map[uint64]int32, len(keys))
		for i, k := range keys {
			m.packed[k.pack()] = int32(i)
		}
		return m
	}
	m.wide = make(map[voxel]int32, len(keys))
	for i, k := range keys {
		m.wide[k] = int32(i)
	}
	return m
}

func (m *cubeMap) get(k voxel) (int32, bool) {
	if m.packed != nil {
		if !k.packs() {
			return 0, false
		}
		i, ok := m.packed[k.pack()]
		return i, ok
	}
	i, ok := m.wide[k]
	return i, ok
}

func (k voxel) add(d voxel) voxel { return voxel{k[0] + d[0], k[1] + d[1], k[2] + d[2]} }

// neighbourhood lists the cube offsets whose cubes can hold a point within
// c of a point in the cube at offset zero: per axis the gap between two
// cubes k apart is (|k|-1)·side.
func neighbourhood(side, c float64) []voxel {
	n := int64(math.Ceil(c/side)) + 1
	var out []voxel
	for dx := -n; dx <= n; dx++ {
		for dy := -n; dy <= n; dy++ {
			for dz := -n; dz <= n; dz++ {
				gap := 0.0
				for _, d := range [3]int64{dx, dy, dz} {
					if d = max(d, -d) - 1; d > 0 {
						gap += float64(d*d) * side * side
					}
				}
				if gap < c*c {
					out = append(out, voxel{dx, dy, dz})
				}
			}
		}
	}
	return out
}

package density

// number gives each distinct key of key(0), …, key(n−1) a number in order
// of first appearance: ids[j] is the number of key(j), keys the distinct
// keys. Each core numbers its share of the keys with its own map, then the
// shares' keys are numbered in order, which is the same numbering as one
// pass would give.
func number[K comparable](n int, key func(j int) K) (ids []int32, keys []K) {
	ids = make([]int32, n)
	r := split(n)
	local := make([][]K, len(r))
	parallel(len(r), func(c int) {
		m := map[K]int32{}
		var ks []K
		var last K
		lastID := int32(-1) // inputs are often ordered: skip the map for runs
		for j := r[c][0]; j < r[c][1]; j++ {
			k := key(j)
			if lastID < 0 || k != last {
				id, ok := m[k]
				if !ok {
					id = int32(len(ks))
					m[k] = id
					ks = append(ks, k)
				}
				last, lastID = k, id
			}
			ids[j] = lastID
		}
		local[c] = ks
	})
	if len(r) == 1 {
		return ids, local[0]
	}
	global := map[K]int32{}
	remap := make([][]int32, len(r))
	for c, ks := range local {
		remap[c] = make([]int32, len(ks))
		for i, k := range ks {
			id, ok := global[k]
			if !ok {
				id = int32(len(keys))
				global[k] = id
				keys = append(keys, k)
			}
			remap[c][i] = id
		}
	}
	parallel(len(r), func(c int) {
		for j := r[c][0]; j < r[c][1]; j++ {
			ids[j] = remap[c][ids[j]]
		}
	})
	return ids, keys
}

// bucket is a stable counting sort: the positions j with ids[j] == b are
// order[start[b]:start[b+1]], in increasing order.
func bucket(ids []int32, n int) (start, order []int32) {
	start = make([]int32, n+1)
	for _, b := range ids {
		start[b+1]++
	}
	for b := 0; b < n; b++ {
		start[b+1] += start[b]
	}
	next := append([]int32(nil), start[:n]...)
	order = make([]int32, len(ids))
	for j, b := range ids {
		order[next[b]] = int32(j)
		next[b]++
	}
	return start, order
}

// scatter is bucket for many ids, on all cores: it calls put(j, pos) with
// the position pos of j in the stable order by id, and returns the start
// of each bucket. Writing in input order keeps one output stream per
// bucket, which caches far better than gathering in output order.
func scatter(ids []int32, n int, put func(j, pos int)) (start []int32) {
	r := split(len(ids))
	count := make([][]int32, len(r))
	parallel(len(r), func(c int) {
		cnt := make([]int32, n)
		for _, b := range ids[r[c][0]:r[c][1]] {
			cnt[b]++
		}
		count[c] = cnt
	})
	// Bucket b holds chunk 0's items, then chunk 1's, and so on.
	start = make([]int32, n+1)
	for b := 0; b < n; b++ {
		at := start[b]
		for c := range r {
			at, count[c][b] = at+count[c][b], at
		}
		start[b+1] = at
	}
	parallel(len(r), func(c int) {
		next := count[c]
		for j := r[c][0]; j < r[c][1]; j++ {
			b := ids[j]
			put(j, int(next[b]))
			next[b]++
		}
	})
	return start
}

// numberCubes is number for cube keys, packed into one word when the
// caller knows that every key packs.
func numberCubes(n int, packed bool, key func(j int) voxel) ([]int32, []voxel) {
	if !packed {
		return number(n, key)
	}
	ids, keys := number(n, func(j int) uint64 { return key(j).pack() })
	out := make([]voxel, len(keys))
	for i, p := range keys {
		out[i] = unpack(p)
	}
	return ids, out
}

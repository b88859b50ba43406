package cluster

// radixSort sorts keys ascending, carrying idx along, by a stable
// least-significant-digit radix sort over the low bits bits of the keys (the
// rest must be zero). Equal keys keep their order, so rows in one voxel stay
// in input order. It returns the sorted slices, which are either the inputs
// or two buffers of the same length; the others are garbage.
//
// Voxel keys are dense 40 to 60 bit integers and there is one per input row:
// four to six passes of counting and scattering beat a comparison sort of
// (key, row) pairs several times over, and need no per-element allocation.
func radixSort(keys []uint64, idx []int32, bits int) ([]uint64, []int32) {
	n := len(keys)
	if n < 2 || bits <= 0 {
		return keys, idx
	}
	passes := (bits + radixMaxDigit - 1) / radixMaxDigit
	digit := (bits + passes - 1) / passes
	size := 1 << digit
	mask := uint64(size - 1)
	// One read of the keys counts every pass's digits.
	counts := make([]int, passes*size)
	for _, k := range keys {
		for p := 0; p < passes; p++ {
			counts[p*size+int(k>>(uint(p*digit))&mask)]++
		}
	}
	keys2 := make([]uint64, n)
	idx2 := make([]int32, n)
	for p := 0; p < passes; p++ {
		c := counts[p*size : (p+1)*size]
		// A digit that every key shares moves nothing.
		if c[int(keys[0]>>(uint(p*digit))&mask)] == n {
			continue
		}
		sum := 0
		for d, v := range c {
			c[d] = sum
			sum += v
		}
		shift := uint(p * digit)
		for i, k := range keys {
			d := int(k >> shift & mask)
			j := c[d]
			c[d]++
			keys2[j] = k
			idx2[j] = idx[i]
		}
		keys, keys2 = keys2, keys
		idx, idx2 = idx2, idx
	}
	return keys, idx
}

// radixMaxDigit bounds a digit's width: 2^11 counters fit in the L1 cache.
const radixMaxDigit = 11

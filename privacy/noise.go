package privacy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"strconv"
)

// geometricNoise returns two-sided geometric (discrete Laplace) noise
// with P(k) proportional to exp(-eps |k|), the integer analogue of the
// Laplace mechanism (Ghosh, Roughgarden and Sundararajan 2009): adding
// it to a count of L1 sensitivity 1 is eps-differentially private.
//
// The randomness is HMAC-SHA256(key, label): the same key and label
// give the same noise, so a run is reproducible by whoever holds the
// key, and without the key the noise cannot be regenerated from the
// published labels. The noise is the difference of two geometric
// variables, each drawn by inversion from 53 bits of the MAC.
func geometricNoise(key []byte, label string, eps float64) int64 {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	sum := m.Sum(nil)
	alpha := math.Exp(-eps)
	g := func(b []byte) int64 {
		u := (float64(binary.BigEndian.Uint64(b)>>11) + 0.5) / (1 << 53) // in (0, 1)
		return int64(math.Floor(math.Log(u) / math.Log(alpha)))
	}
	return g(sum[0:8]) - g(sum[8:16])
}

// noiseLabel is the HMAC message of one value: output, feature position
// and column, so every published count gets its own draw.
func noiseLabel(output string, feature int, column string) string {
	return output + "/" + strconv.Itoa(feature) + "/" + column
}

package emerging

// Pattern is the category of one location. Its integer value is the
// pattern code written to outputs: 1..8 for the hot spot patterns in the
// order new, consecutive, intensifying, persistent, diminishing, sporadic,
// oscillating, historical; -1..-8 for the same cold spot patterns; 0 for no
// pattern.
type Pattern int8

// The 17 patterns.
const (
	NoPattern Pattern = 0

	NewHot          Pattern = 1
	ConsecutiveHot  Pattern = 2
	IntensifyingHot Pattern = 3
	PersistentHot   Pattern = 4
	DiminishingHot  Pattern = 5
	SporadicHot     Pattern = 6
	OscillatingHot  Pattern = 7
	HistoricalHot   Pattern = 8

	NewCold          Pattern = -1
	ConsecutiveCold  Pattern = -2
	IntensifyingCold Pattern = -3
	PersistentCold   Pattern = -4
	DiminishingCold  Pattern = -5
	SporadicCold     Pattern = -6
	OscillatingCold  Pattern = -7
	HistoricalCold   Pattern = -8
)

// kinds are the words of patterns 1..8.
var kinds = [...]string{"", "new", "consecutive", "intensifying", "persistent",
	"diminishing", "sporadic", "oscillating", "historical"}

// String returns the pattern in words, as written to outputs:
// "intensifying hot spot", "new cold spot", "no pattern detected". A value
// outside -8..8 prints as "invalid pattern".
func (p Pattern) String() string {
	switch {
	case p == 0:
		return "no pattern detected"
	case p > 0 && p <= 8:
		return kinds[p] + " hot spot"
	case p < 0 && p >= -8:
		return kinds[-p] + " cold spot"
	}
	return "invalid pattern"
}

// Code returns the pattern code as a plain int.
func (p Pattern) Code() int { return int(p) }

// Hot reports whether p is one of the eight hot spot patterns.
func (p Pattern) Hot() bool { return p > 0 && p <= 8 }

// Cold reports whether p is one of the eight cold spot patterns.
func (p Pattern) Cold() bool { return p < 0 && p >= -8 }

// Patterns lists all 17 patterns: no pattern, then hot 1..8, then cold
// -1..-8, the order a legend shows them in.
func Patterns() []Pattern {
	out := []Pattern{NoPattern}
	for c := Pattern(1); c <= 8; c++ {
		out = append(out, c)
	}
	for c := Pattern(-1); c >= -8; c-- {
		out = append(out, c)
	}
	return out
}

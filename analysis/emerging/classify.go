package emerging

// Classify assigns one location its pattern from its per-step confidence
// bins (-3..3 after FDR, oldest step first) and the Mann-Kendall trend of
// its Gi* z-scores. A step is hot when its bin is positive and cold when
// negative, i.e. significant at 90 % after FDR. A trend is significant when
// its p-value is at most trendAlpha (0.05 in DefaultOptions).
//
// "At least 90 % of the steps" means at least ceil(0.9 n) of the n steps,
// computed in integers (10 hot >= 9 n) so 9 of 10 steps qualify and 10 of
// 12 do not. "Less than 90 %" is the complement.
//
// The rules, for a location whose final step is hot:
//
//   - hot in at least 90 % of the steps: intensifying when the Gi* trend is
//     significant and rising, diminishing when it is significant and
//     falling, persistent otherwise;
//   - else, cold in some step: oscillating;
//   - else, hot only in the final step: new;
//   - else, hot only in one unbroken run of two or more steps that ends at
//     the final step: consecutive;
//   - else (hot before the final run, with a gap, never cold): sporadic.
//
// A location whose final step is cold gets the mirror rules with hot and
// cold exchanged and the trend's sign flipped (an intensifying cold spot
// has Gi* z-scores falling significantly). A location whose final step is
// neither is a historical hot (cold) spot when hot (cold) in at least 90 %
// of the steps, and has no pattern otherwise.
//
// Esri's wording leaves three overlaps, settled here so that every
// history has exactly one pattern:
//
//   - Persistent does not say it needs the final step; historical says the
//     final step is not hot. A location hot in 90 % of the steps but not
//     the last is historical, so persistent requires the final step.
//   - New and consecutive say "never hot before"; oscillating says "hot
//     now and cold before". A location cold earlier and hot now is
//     oscillating: the swing is the more telling fact, and it matches the
//     open reimplementation in R's sfdep, whose new and consecutive rules
//     exclude any earlier significant bin.
//   - Sporadic follows ArcGIS Pro (the final step must be hot). ArcMap's
//     older text did not require it; under this rule a location hot now
//     and then but not at the end has no pattern unless it qualifies as
//     historical.
func Classify(bins []int, giTrend Trend, trendAlpha float64) Pattern {
	n := len(bins)
	if n == 0 {
		return NoPattern
	}
	switch last := bins[n-1]; {
	case last > 0:
		return classifyHotNow(bins, giTrend, trendAlpha, 1)
	case last < 0:
		return -classifyHotNow(bins, giTrend, trendAlpha, -1)
	}
	hot, cold := tally(bins, 1)
	switch {
	case atLeast90(hot, n):
		return HistoricalHot
	case atLeast90(cold, n):
		return HistoricalCold
	}
	return NoPattern
}

// classifyHotNow classifies a location whose final step is hot once bins
// and the trend are multiplied by sign (sign -1 turns a cold location into
// its hot mirror image). The result is a hot pattern.
func classifyHotNow(bins []int, tr Trend, alpha float64, sign int) Pattern {
	n := len(bins)
	hot, cold := tally(bins, sign)
	if atLeast90(hot, n) {
		z := tr.Z * float64(sign)
		switch {
		case tr.P <= alpha && z > 0:
			return IntensifyingHot
		case tr.P <= alpha && z < 0:
			return DiminishingHot
		}
		return PersistentHot
	}
	if cold > 0 {
		return OscillatingHot
	}
	run := 0
	for i := n - 1; i >= 0 && bins[i]*sign > 0; i-- {
		run++
	}
	switch {
	case run == hot && run == 1:
		return NewHot
	case run == hot:
		return ConsecutiveHot
	}
	return SporadicHot
}

// tally counts the steps whose bin, multiplied by sign, is positive (hot)
// and negative (cold).
func tally(bins []int, sign int) (hot, cold int) {
	for _, b := range bins {
		switch v := b * sign; {
		case v > 0:
			hot++
		case v < 0:
			cold++
		}
	}
	return hot, cold
}

// atLeast90 reports whether k of n steps is at least 90 % of them.
func atLeast90(k, n int) bool { return 10*k >= 9*n }

package routes

// AtLeast keeps the flows with a count of at least k (the --min-count of
// the routes command; UNODC draws a flow only from 5 detected victims)
// and tallies what it drops, for the manifest. Rank and ShareOfOrigin are
// left as computed over all flows, so a published rank still says where a
// flow stands among everything counted.
func AtLeast(flows []Flow, k int64) (kept []Flow, dropped Tally) {
	kept = make([]Flow, 0, len(flows))
	for _, f := range flows {
		if f.Count >= k {
			kept = append(kept, f)
			continue
		}
		dropped = dropped.add(Tally{f.Records, f.Count})
	}
	return kept, dropped
}

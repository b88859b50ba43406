package privacy

// Report is what the manifest records about the privacy stage.
type Report struct {
	K       int     `json:"k"`
	Round   int     `json:"round,omitempty"`
	Epsilon float64 `json:"epsilon,omitempty"`
	Off     bool    `json:"off,omitempty"`
	// Sensitive lists the outputs treated as sensitive.
	Sensitive []string `json:"sensitive"`
	// EpsilonPerCount is, per source, the budget spent on each count
	// column (Epsilon divided by the columns a record can fall in).
	EpsilonPerCount map[string]float64 `json:"epsilon_per_count,omitempty"`
	// Suppressed counts, per output, the values published as null with
	// <name>_suppressed true; Complementary how many of them were
	// withheld only to protect others.
	Suppressed    map[string]int `json:"suppressed"`
	Complementary map[string]int `json:"complementary,omitempty"`
	// Pooled counts, per output, the pairs folded into origin -> other.
	Pooled map[string]int `json:"pooled,omitempty"`
	// ZNulled counts, per output, the features whose z and p columns
	// were nulled by the inversion audit (or because of noise), PNulled
	// those that lost only their p columns.
	ZNulled map[string]int `json:"z_nulled,omitempty"`
	PNulled map[string]int `json:"p_nulled,omitempty"`
	// Audited is the number of withheld values the LP audit checked and
	// LPs the number of linear programs it solved.
	Audited int `json:"audited"`
	LPs     int `json:"lps"`
	// Unaudited counts the times the z-score audit treated withheld
	// values as exposed without solving their LPs, their component being
	// too large; the z-scores over them were withheld.
	Unaudited int `json:"unaudited,omitempty"`
	// Unprotected describes withheld values whose feasible interval
	// stays narrower than K although nothing more can be withheld (a
	// public total of fewer than K records).
	Unprotected []string `json:"unprotected,omitempty"`
	// Warnings are for the user's terminal (always one when Off).
	Warnings []string `json:"warnings,omitempty"`
}

// Package privacy is htmap's disclosure control: the one stage every
// published layer passes through, after the statistics and before any
// writer. It receives all the layers of a run at once, because the same
// victims appear in several of them (cells, countries, years, routes,
// nodes) and a withheld count must not be recoverable by subtracting one
// published table from another.
//
// The pipeline hands Protect a Table per layer (which columns are counts,
// z-scores, p-values, dates tied to a count, origin/destination pairs,
// the Gi* neighbours) and a list of Sum relations saying how the counts
// of different tables add up (RowSums, KeyedSums and ColumnTotal build
// the usual ones in a line each). For sensitive tables Protect then:
//
//  1. adds two-sided geometric noise keyed by HMAC-SHA256 of the secret
//     key, when Policy.Epsilon > 0 (noise.go);
//  2. rounds counts down to a multiple of Policy.Round;
//  3. pools pairs below K into one "origin -> other" feature per origin;
//  4. withholds every count below K, zero included: null, with
//     <name>_suppressed true beside it;
//  5. withholds more counts (complementary suppression, suppress.go)
//     until an LP audit (audit.go) finds that every withheld value can
//     still lie anywhere in an interval at least K wide given all the
//     published counts and relations;
//  6. rounds z-scores to 1 and p-values to 3 decimals and audits them
//     too (zscore.go): the published Gi* z-scores are linear constraints
//     on the counts, and those of the neighbourhoods that would pin a
//     withheld count lose their p-values, then their z-scores.
//
// Public tables pass unchanged, with the same _suppressed columns (all
// false) so a layer's property set never depends on sensitivity.
// Policy.Off publishes everything unchanged and marks every layer. The
// Report says what was done, for the manifest.
//
// docs/privacy.md gives the rules' rationale, the attacker model and
// what is not protected.
package privacy

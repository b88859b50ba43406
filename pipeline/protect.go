package pipeline

import (
	"fmt"
	"os"
	"strings"

	"github.com/htmap/htmap/export"
	"github.com/htmap/htmap/privacy"
)

// protect applies the disclosure rules (package privacy, docs/privacy.md)
// to every table at once, before anything is written: the tables are
// linked (a country's cells, its routes, its nodes), and the audit must
// see them together.
func protect(tables []*table, cfg *Config) ([]*table, privacy.Report, error) {
	pol := privacy.Policy{K: cfg.K, Round: cfg.Round, Epsilon: cfg.Epsilon, Off: cfg.Privacy == "off"}
	if cfg.DPKey != "" {
		key, err := os.ReadFile(cfg.DPKey)
		if err != nil {
			return nil, privacy.Report{}, fmt.Errorf("--dp-key: %w", err)
		}
		pol.Key = key
	} else if cfg.Epsilon > 0 {
		return nil, privacy.Report{}, fmt.Errorf("--dp-epsilon needs --dp-key FILE, a secret the noise is keyed by")
	}
	pts := make([]privacy.Table, len(tables))
	for i, t := range tables {
		pt := privacy.Table{
			Layer: t.layer, Output: t.dir() + "/" + t.layer.Name, Source: t.kind.String(),
			Sensitive: t.sensitive, Counts: t.counts, Breakdown: t.breakdown, Attached: t.attached,
			HideGeometry: t.hideGeometry, Derived: t.derived, ZColumns: t.zcols, PColumns: t.pcols, Pairs: t.pairs,
		}
		if t.neighbours != nil && t.giCount != "" {
			pt.Gi = &privacy.GiStar{Z: "gi_z", P: "gi_p", Count: t.giCount, Neighbours: t.neighbours}
		}
		pts[i] = pt
	}
	sums, err := links(tables, pts)
	if err != nil {
		return nil, privacy.Report{}, err
	}
	layers, rep, err := privacy.Protect(pts, sums, pol)
	if err != nil {
		return nil, rep, err
	}
	out := make([]*table, len(tables))
	for i, t := range tables {
		nt := *t
		nt.layer = layers[i]
		out[i] = &nt
	}
	return out, rep, nil
}

// links tells the audit how the tables of each input kind are related,
// so a withheld value cannot be recovered by subtracting one published
// table from another.
func links(tables []*table, pts []privacy.Table) ([]privacy.Sum, error) {
	var sums []privacy.Sum
	byName := map[string]int{}
	for i, t := range tables {
		byName[t.dir()+"/"+t.layer.Name] = i
	}
	for i, t := range tables {
		if !t.sensitive {
			continue
		}
		kind := t.kind.String()
		switch t.layer.Name {
		case "cells":
			// A cell's count is at least the sum of its per-step counts
			// (records dated more coarsely than the step are in neither).
			if len(t.breakdown) > 0 {
				sums = append(sums, privacy.RowSums(pts, i, "count", t.breakdown, true)...)
			}
			for _, g := range t.byGroups {
				sums = append(sums, privacy.RowSums(pts, i, "count", g, false)...)
			}
			// The manifest publishes how many records were placed.

			// At country level, a country's count is at least what its
			// routes bring in.
			if r, ok := byName[kind+"/routes"]; ok && t.countryCells {
				s, err := privacy.KeyedSums(pts, privacy.Side{Table: i, Key: "cell_id", Column: "count"},
					privacy.Side{Table: r, Key: "destination", Column: "count"}, true)
				if err != nil {
					return nil, err
				}
				sums = append(sums, s...)
			}
		case "nodes":
			// Without transit legs the network's edges are the routes, so
			// a node's in and out counts are sums of route counts.
			r, ok := byName[kind+"/routes"]
			if !ok || t.hasLegs {
				continue
			}
			for _, side := range [][2]string{{"in_count", "destination"}, {"out_count", "origin"}} {
				s, err := privacy.KeyedSums(pts, privacy.Side{Table: i, Key: "node_id", Column: side[0]},
					privacy.Side{Table: r, Key: side[1], Column: "count"}, t.partialLinks)
				if err != nil {
					return nil, err
				}
				sums = append(sums, s...)
			}
		case "vulnerability":
			// case_count of a country is the kind's count in that country
			// (all its records, placed or not): at least what the kind's
			// country cells publish, which hold the same records.
			c, ok := byName[kind+"/cells"]
			if !ok || !t.caseLink || !tables[c].countryCells {
				continue
			}
			s, err := privacy.KeyedSums(pts, privacy.Side{Table: i, Key: "iso3", Column: "case_count"},
				privacy.Side{Table: c, Key: "cell_id", Column: "count"}, true)
			if err != nil {
				return nil, err
			}
			sums = append(sums, s...)
		case "corridors":
			r, ok := byName[kind+"/routes"]
			if !ok {
				continue
			}
			for c, members := range t.members {
				s := privacy.Sum{Total: privacy.Ref{Table: i, Feature: c, Column: "count"}}
				for _, f := range members {
					if f < 0 {
						s.Partial = true // members that are not drawn
						continue
					}
					s.Parts = append(s.Parts, privacy.Ref{Table: r, Feature: f, Column: "count"})
				}
				sums = append(sums, s)
			}
		}
	}
	return sums, nil
}

// markOff is the column every layer carries when privacy is off.
var _ = export.Bool

func privacyWarnings(rep privacy.Report, warn func(string, ...any)) {
	for _, w := range rep.Warnings {
		warn("privacy: %s", strings.TrimSpace(w))
	}
}

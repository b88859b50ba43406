package privacy

// Complementary suppression.
//
// Withholding the small counts (primary suppression) is not enough when
// tables are linked: a country total minus its published cells gives
// the withheld cell back. The heuristic here is the classic one for
// linear tables: look at every relation total = sum(parts), and
//
//   - when exactly one of its values is withheld, withhold one more;
//   - when the total is published and the withheld parts together hold
//     fewer than K records (for a partial relation: when the total minus
//     the published parts is below K), withhold more parts until they
//     reach K;
//
// choosing each time the smallest published part (a total only when no
// part is left), which loses the fewest published records. Pairs are
// never nulled by name: withholding a pair pools it into origin -> other.
// The rules are repeated until no relation changes; the LP audit then
// checks the result against every relation at once and asks for more.

// relationPass applies the per-relation rules until nothing changes and
// returns how many values it withheld.
func (s *state) relationPass() int {
	total := 0
	for {
		changed := 0
		for _, list := range [][]rel{s.rels, s.pools} {
			for i := range list {
				if s.fixRelation(list[i]) {
					changed++
					s.refresh()
				}
			}
		}
		total += changed
		if changed == 0 {
			return total
		}
	}
}

// fixRelation applies the rules to one relation and withholds at most
// one more value.
func (s *state) fixRelation(r rel) bool {
	k := int64(s.p.K)
	totalPub := r.total < 0 || !s.nodes[r.total].withheld
	nw := 0
	var pubParts, withheldParts int64 = r.partsConst, 0
	for _, id := range r.parts {
		if s.nodes[id].withheld {
			nw++
			withheldParts += s.nodes[id].truth
		} else {
			pubParts += s.nodes[id].truth
		}
	}
	if !totalPub {
		nw++
	}
	if nw == 0 {
		return false
	}
	if !r.partial && nw == 1 {
		return s.withholdOne(r)
	}
	if !totalPub {
		return false
	}
	room := withheldParts
	if r.partial {
		t := r.totalConst
		if r.total >= 0 {
			t = s.nodes[r.total].truth
		}
		room = t - pubParts
	}
	if room < k {
		return s.withholdOne(r)
	}
	return false
}

// withholdOne withholds the smallest published part of r, or its total
// when no part is published; it reports whether it found one.
func (s *state) withholdOne(r rel) bool {
	best := -1
	for _, id := range r.parts {
		n := &s.nodes[id]
		if n.withheld {
			continue
		}
		if best < 0 || n.truth < s.nodes[best].truth {
			best = id
		}
	}
	if best < 0 && r.total >= 0 && !s.nodes[r.total].withheld {
		best = r.total
	}
	if best < 0 {
		return false
	}
	s.nodes[best].forced = true
	return true
}

// relationsOf returns, per node, the relations it belongs to.
func (s *state) relationsOf() [][]rel {
	out := make([][]rel, len(s.nodes))
	for _, list := range [][]rel{s.rels, s.pools} {
		for _, r := range list {
			if r.total >= 0 {
				out[r.total] = append(out[r.total], r)
			}
			for _, id := range r.parts {
				out[id] = append(out[id], r)
			}
		}
	}
	return out
}

// widen withholds, for each value the audit found too narrow, one more
// value: the smallest published part of a relation it belongs to (a
// total when no part is left); when all of them are withheld, the
// search goes on through the relations of those withheld values, nearest
// first (a country whose cells are all withheld is widened through the
// other countries of a public grand total). Values with nothing left to
// withhold are returned.
func (s *state) widen(fails []int) (withheld int, stuck []int) {
	byNode := s.relationsOf()
	for _, j := range fails {
		if best := s.nearestPublished(byNode, j); best >= 0 {
			s.nodes[best].forced = true
			s.refresh()
			byNode = s.relationsOf()
			withheld++
			continue
		}
		stuck = append(stuck, j)
	}
	return withheld, stuck
}

// nearestPublished searches the relations around node j breadth-first
// through withheld values and returns the smallest published part at
// the nearest level (a total when the level has no part), or -1.
func (s *state) nearestPublished(byNode [][]rel, j int) int {
	seen := map[int]bool{j: true}
	frontier := []int{j}
	for len(frontier) > 0 {
		best, bestTotal := -1, true
		var next []int
		for _, id := range frontier {
			for _, r := range byNode[id] {
				members := r.parts
				if r.total >= 0 {
					members = append([]int{r.total}, r.parts...)
				}
				for i, m := range members {
					if seen[m] {
						continue
					}
					n := &s.nodes[m]
					if n.withheld {
						seen[m] = true
						next = append(next, m)
						continue
					}
					isTotal := r.total >= 0 && i == 0
					if best < 0 || (bestTotal && !isTotal) || (bestTotal == isTotal && n.truth < s.nodes[best].truth) {
						best, bestTotal = m, isTotal
					}
				}
			}
		}
		if best >= 0 {
			return best
		}
		frontier = next
	}
	return -1
}

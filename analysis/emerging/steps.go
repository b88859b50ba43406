package emerging

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Step labels are the ones geo.Step.Bucket writes: "2019" for a year,
// "2019-Q2" for a quarter, "2019-04" for a month. The helpers here turn
// them into calendar spans so the cube can have a column for every step,
// and so a final step the data only partly covers can be found.

// StepSpan returns the first day of a step and the first day after it
// (UTC midnight), from its label.
func StepSpan(label string) (start, end time.Time, err error) {
	year, rest, _ := strings.Cut(label, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return start, end, fmt.Errorf("emerging: step %q: want YYYY, YYYY-Qn or YYYY-MM", label)
	}
	switch {
	case rest == "" && !strings.Contains(label, "-"):
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), nil
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		q := int(rest[1] - '0')
		start = time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 3, 0), nil
	case len(rest) == 2:
		m, err := strconv.Atoi(rest)
		if err == nil && m >= 1 && m <= 12 {
			start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			return start, start.AddDate(0, 1, 0), nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("emerging: step %q: want YYYY, YYYY-Qn or YYYY-MM", label)
}

// StepLabels returns every step from first to last inclusive, in the unit
// of first (both must share it). A step in which nothing was recorded is
// still a step: it becomes a column of zeros in the cube, because skipping
// it would join the years either side as if they were consecutive.
func StepLabels(first, last string) ([]string, error) {
	s0, _, err := StepSpan(first)
	if err != nil {
		return nil, err
	}
	s1, _, err := StepSpan(last)
	if err != nil {
		return nil, err
	}
	unit := stepUnit(first)
	if stepUnit(last) != unit {
		return nil, fmt.Errorf("emerging: steps %q and %q are of different units", first, last)
	}
	if s1.Before(s0) {
		return nil, fmt.Errorf("emerging: first step %q is after last step %q", first, last)
	}
	var months int
	switch unit {
	case 'y':
		months = 12
	case 'q':
		months = 3
	default:
		months = 1
	}
	var out []string
	for t := s0; !t.After(s1); t = t.AddDate(0, months, 0) {
		out = append(out, formatStep(t, unit))
	}
	return out, nil
}

// stepUnit returns 'y', 'q' or 'm' for a label StepSpan accepts.
func stepUnit(label string) byte {
	switch {
	case len(label) == 4:
		return 'y'
	case strings.Contains(label, "Q"):
		return 'q'
	}
	return 'm'
}

// formatStep writes the label of the step starting at t.
func formatStep(t time.Time, unit byte) string {
	switch unit {
	case 'y':
		return fmt.Sprintf("%04d", t.Year())
	case 'q':
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	}
	return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
}

// CoveredThrough returns the last day a date can stand for: 2026-05-31
// for "2026-05" (month 5, day 0), 2026-12-31 for "2026" (month 0, day 0),
// the day itself for a full date. Feed it the latest date among the
// records that went into the cube (not the coarse ones left out of it).
func CoveredThrough(year, month, day int) time.Time {
	switch {
	case month == 0:
		return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	case day == 0:
		return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// DropPartialFinalStep removes the final step when the data stop before
// its last day, and says so in a warning.
//
// A step the data cover only in part holds fewer records than a whole
// one, so it would read as a collapse: every place would seem to be
// cooling in the last step, and the trend tests and the "final step" rules
// would be driven by the calendar, not by what happened. dataThrough is
// the last day the data are known to cover (see CoveredThrough).
//
// Steps are dropped from the end while the data stop before their last
// day, so labels that run past the data altogether are trimmed too. The
// returned rows share memory with counts. The warning is empty when
// nothing was dropped. It is an error when labels do not match the
// cube's steps or when no step would be left.
func DropPartialFinalStep(counts [][]float64, labels []string, dataThrough time.Time) (kept [][]float64, keptLabels []string, warning string, err error) {
	for i, row := range counts {
		if len(row) != len(labels) {
			return nil, nil, "", fmt.Errorf("emerging: location %d has %d steps but %d step labels were given", i, len(row), len(labels))
		}
	}
	through := time.Date(dataThrough.Year(), dataThrough.Month(), dataThrough.Day(), 0, 0, 0, 0, time.UTC)
	nt := len(labels)
	var notes []string
	for nt > 0 {
		start, end, err := StepSpan(labels[nt-1])
		if err != nil {
			return nil, nil, "", err
		}
		lastDay := end.AddDate(0, 0, -1)
		if !through.Before(lastDay) {
			break
		}
		days := end.Sub(start).Hours() / 24
		covered := through.Sub(start).Hours()/24 + 1
		covered = max(0, min(covered, days))
		notes = append(notes, fmt.Sprintf("final step %s (%s to %s) is only %.0f%% covered: the data end on %s; it is left out so a part-step is not read as a fall",
			labels[nt-1], start.Format(time.DateOnly), lastDay.Format(time.DateOnly), 100*covered/days, through.Format(time.DateOnly)))
		nt--
	}
	if nt == 0 {
		return nil, nil, "", fmt.Errorf("emerging: the data end on %s, before the first step %s is complete; no step left", through.Format(time.DateOnly), labels[0])
	}
	if nt == len(labels) {
		return counts, labels, "", nil
	}
	kept = make([][]float64, len(counts))
	for i, row := range counts {
		kept[i] = row[:nt:nt]
	}
	return kept, labels[:nt:nt], strings.Join(notes, "; "), nil
}

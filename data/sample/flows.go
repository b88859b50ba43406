package sample

import (
	"bufio"
	"io"
	"math"
	"slices"
)

// flowsHeader is the long migrant-stock layout (one row per origin,
// destination and year), with the column names of issue 2's flows schema.
const flowsHeader = "origin,destination,year,count\n"

// stockPerWeight converts a destination weight times an origin share into
// a migrant stock of plausible magnitude (the largest background pair,
// Mexico -> United States, comes out near half a million).
const stockPerWeight = 120000

// flowPairs lists the origin -> destination pairs of the flows file with
// a base stock: every foreign origin of every background destination,
// the legs of the planted corridor, and a few same-country rows such as
// UNHCR's tables carry, which ingest counts and sets aside.
func flowPairs() []struct {
	o, d string
	base float64
} {
	type pair = struct {
		o, d string
		base float64
	}
	var out []pair
	for _, d := range destinations {
		var sum float64
		for _, s := range d.origins {
			sum += s.w
		}
		for _, s := range d.origins {
			out = append(out, pair{s.iso3, d.iso3, stockPerWeight * d.weight * s.w / sum})
		}
	}
	// The corridor's countries: Nigerians in Italy and along the way.
	out = append(out,
		pair{"NGA", "ITA", 110000},
		pair{"NGA", "NER", 40000},
		pair{"NGA", "LBY", 60000},
		pair{"NER", "LBY", 50000},
		pair{"ERI", "ITA", 15000},
	)
	for _, iso := range []string{"AFG", "SYR", "UKR"} {
		out = append(out, pair{iso, iso, 0})
	}
	slices.SortStableFunc(out, func(a, b pair) int {
		if c := cmpStr(a.o, b.o); c != 0 {
			return c
		}
		return cmpStr(a.d, b.d)
	})
	return out
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// writeFlows writes the flows file: each pair every year, growing 2 to 6
// % a year with a little noise, as migrant stocks do.
func writeFlows(out io.Writer, cfg Config, truth *Truth) error {
	r := newRand(cfg.Seed, streamFlows)
	w := bufio.NewWriterSize(out, 1<<16)
	ff := &truth.Files.Flows
	ff.Name = "flows.csv"
	if _, err := w.WriteString(flowsHeader); err != nil {
		return err
	}
	var b row
	for _, p := range flowPairs() {
		growth := 1.02 + 0.04*r.Float64()
		for y := range cfg.years() {
			v := p.base * math.Pow(growth, float64(y)) * (1 + 0.03*r.NormFloat64())
			b.reset()
			b.str(p.o)
			b.str(p.d)
			b.int(int64(cfg.StartYear + y))
			b.int(max(0, int64(math.Round(v))))
			if _, err := w.Write(b.end()); err != nil {
				return err
			}
			ff.Rows++
			if p.o == p.d {
				ff.SameCountry++
			}
		}
	}
	return w.Flush()
}

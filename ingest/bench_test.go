package ingest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// genCases writes n rows of the cases schema with realistic variety:
// a few dozen countries given as alpha-2, alpha-3 and names, dates at
// all three precisions, points, transit lists and counts.
func genCases(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	countries := []string{"PH", "UA", "MD", "US", "USA", "Philippines", "ROU", "NGA", "Nigeria", "TH", "KHM",
		"VNM", "Viet Nam", "MEX", "GT", "HND", "IND", "BGD", "NPL", "MMR", "CHN", "RUS", "POL", "DEU", "GBR",
		"ITA", "ESP", "FRA", "Namibia", "NA", "XKX", "Kosovo", "ALB", "GRC", "TUR", "LBY", "unknown", ""}
	types := []string{"forced_labour", "sexual_exploitation", "domestic_servitude", ""}
	genders := []string{"female", "male", ""}
	ages := []string{"0-8", "9-17", "18-20", "21-29", "30-38", "39-47", "48+", ""}
	var b bytes.Buffer
	b.Grow(n * 90)
	b.WriteString("case_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count\n")
	for i := 0; i < n; i++ {
		y := 2000 + rng.IntN(25)
		m := 1 + rng.IntN(12)
		fmt.Fprintf(&b, "C%07d,", i)
		switch rng.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "%d,", y)
		case 1:
			fmt.Fprintf(&b, "%d-%02d,", y, m)
		default:
			fmt.Fprintf(&b, "%d-%02d-%02d,", y, m, 1+rng.IntN(28))
		}
		b.WriteString(countries[rng.IntN(len(countries))])
		b.WriteByte(',')
		b.WriteString(countries[rng.IntN(len(countries)-2)])
		b.WriteByte(',')
		if rng.IntN(2) == 0 {
			fmt.Fprintf(&b, "%.5f,%.5f,", rng.Float64()*140-60, rng.Float64()*360-180)
		} else {
			b.WriteString(",,")
		}
		if rng.IntN(4) == 0 {
			b.WriteString(countries[rng.IntN(30)])
			b.WriteByte(';')
			b.WriteString(countries[rng.IntN(30)])
		}
		b.WriteByte(',')
		b.WriteString(types[rng.IntN(len(types))])
		b.WriteByte(',')
		b.WriteString(genders[rng.IntN(len(genders))])
		b.WriteByte(',')
		b.WriteString(ages[rng.IntN(len(ages))])
		b.WriteByte(',')
		if rng.IntN(5) == 0 {
			fmt.Fprintf(&b, "%d", 1+rng.IntN(20))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkReadCases reads a generated one-million-row cases CSV from
// memory and reports rows/s and MB/s; the goal is 1 million rows/s on
// one core.
func BenchmarkReadCases(b *testing.B) {
	const rows = 1_000_000
	data := genCases(rows, 42)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	var used int64
	for i := 0; i < b.N; i++ {
		r, err := NewReader(bytes.NewReader(data), "bench.csv", Options{Now: now})
		if err != nil {
			b.Fatal(err)
		}
		s, err := r.Read(func([]Record) error { return nil }, nil)
		if err != nil {
			b.Fatal(err)
		}
		if s.RowsRead != rows {
			b.Fatalf("read %d rows, want %d", s.RowsRead, rows)
		}
		used = s.RowsUsed
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(rows)*float64(b.N)/sec, "rows/s")
	b.ReportMetric(float64(len(data))*float64(b.N)/sec/1e6, "MB/s")
	_ = used
}

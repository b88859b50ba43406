package country

import (
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

func TestResolveCodes(t *testing.T) {
	cases := map[string]string{
		"NA": "NAM", "na": "NAM", "NAM": "NAM", "516": "NAM",
		"US": "USA", "usa": "USA", "840": "USA",
		"40": "AUT", "040": "AUT", "4": "AFG", "004": "AFG",
		"XK": "XKX", "XKX": "XKX", "KOS": "XKX", "kosovo": "XKX",
		"GB": "GBR", "UK": "GBR", " DE ": "DEU", "Hk": "HKG",
		"CW": "CUW", "SS": "SSD", "TL": "TLS", "BQ": "BES",
	}
	for in, want := range cases {
		if got, ok := Resolve(in); !ok || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestResolveRefuses(t *testing.T) {
	for _, in := range []string{
		"", " ", "0", "00", "-99", "999", "900", "ZZ", "ZZZ", "Unknown", "Mixed", "Mixed/Unknown",
		"N/A", "none", "Caribbean", "Melanesia", "Micronesia", "Polynesia", "South America",
		"Channel Islands", "Korea", "Virgin Islands", "Yugoslavia", "Netherlands Antilles", "AN", "YU",
		"Europe", "Africa", "012 52E", "Libya - departed from the Western shores of Tobruk on 16-17 April",
	} {
		if got, ok := Resolve(in); ok {
			t.Errorf("Resolve(%q) = %q; want no match", in, got)
		}
	}
}

func TestResolveVariants(t *testing.T) {
	cases := map[string]string{
		"Bolivia (Plurinational State of)": "BOL", "China, Hong Kong SAR": "HKG", "China, Macao SAR": "MAC",
		"Dem. People's Republic of Korea": "PRK", "Côte d'Ivoire": "CIV", "COTE D’IVOIRE": "CIV", "cote divoire": "CIV",
		"Türkiye": "TUR", "Turkiye": "TUR", "Iran (Islamic Republic of)": "IRN", "United Republic of Tanzania": "TZA",
		"Republic of Moldova": "MDA", "State of Palestine": "PSE", "Curaçao": "CUW", "curacao": "CUW",
		"Korea, Rep.": "KOR", "Korea, Dem. People's Rep.": "PRK", "Gambia, The": "GMB", "St. Lucia": "LCA",
		"Congo, Dem. Rep.": "COD", "Congo": "COG", "Dem. Rep. Congo": "COD", "Réunion": "REU",
		"Micronesia (Fed. States of)": "FSM", "Northern Cyprus": "CYP", "Somaliland": "SOM",
		"Morocco (en route to Ceuta)": "MAR", "UNITED STATES OF AMERICA": "USA", "Viet Nam": "VNM",
		"Palestinian Territories": "PSE", "United Kingdom of Great Britain and Northern Ireland": "GBR",
		"Bosnia and Herz.": "BIH", "Trinidad & Tobago": "TTO", "Saint Vincent and the Grenadines": "VCT",
		"St. Vin. and Gren.": "VCT", "N. Mariana Is.": "MNP", "eSwatini": "SWZ", "Niger": "NER", "Nigeria": "NGA",
		"Dominica": "DMA", "Dominican Republic": "DOM", "Samoa": "WSM", "American Samoa": "ASM",
	}
	for in, want := range cases {
		if got, ok := Resolve(in); !ok || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestResolveNoConflicts: no normalised key may be claimed by two codes.
func TestResolveNoConflicts(t *testing.T) {
	if c := resolverOnce().conflicts; len(c) > 0 {
		t.Fatalf("alias conflicts: %v", c)
	}
	for name, code := range aliases {
		if _, ok := Lookup(code); !ok {
			t.Errorf("alias %q -> %q: not a known code", name, code)
		}
	}
}

// TestResolveEveryCountry: each entry's own codes and name resolve to it.
func TestResolveEveryCountry(t *testing.T) {
	for _, c := range All() {
		for _, s := range []string{c.ISO3, c.ISO2, c.Name, strings.ToLower(c.Name)} {
			if got, ok := Resolve(s); !ok || got != c.ISO3 {
				t.Errorf("Resolve(%q) = %q, %v; want %s", s, got, ok, c.ISO3)
			}
		}
	}
}

func readCSV(t *testing.T, name string) (map[string]int, [][]string) {
	t.Helper()
	f, err := os.Open(testenv.SharedFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.TrimPrefix(h, "\ufeff")] = i
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, rec)
	}
	cols["\x00header"] = len(header)
	rows = append([][]string{header}, rows...)
	return cols, rows
}

// TestResolveUNDESA checks every destination and origin name of the UN DESA
// 2019 matrix, and compares with the independent name -> ISO3 mapping in the
// derived long file.
func TestResolveUNDESA(t *testing.T) {
	excluded := map[string]bool{"Caribbean": true, "Melanesia": true, "Micronesia": true, "Polynesia": true, "South America": true, "Channel Islands": true}
	_, rows := readCSV(t, "un_migrant_stock_2019_matrix.csv")
	names := map[string]bool{}
	for _, h := range rows[0][2:] {
		names[h] = true
	}
	for _, r := range rows[1:] {
		names[r[1]] = true
	}
	n := 0
	for name := range names {
		_, ok := Resolve(name)
		switch {
		case excluded[name] && ok:
			t.Errorf("aggregate %q resolved", name)
		case !excluded[name] && !ok:
			t.Errorf("UN DESA name %q does not resolve", name)
		case ok:
			n++
		}
	}
	if n != 231 {
		t.Errorf("resolved %d UN DESA names, want 231 (237 labels minus 6 excluded)", n)
	}
	cols, long := readCSV(t, "un_migrant_stock_2019_long.csv")
	checked := map[string]bool{}
	for _, r := range long[1:] {
		for _, pair := range [][2]string{{r[cols["orig_name"]], r[cols["orig_iso3"]]}, {r[cols["dest_name"]], r[cols["dest_iso3"]]}} {
			if pair[1] == "" || checked[pair[0]] {
				continue
			}
			checked[pair[0]] = true
			if got, _ := Resolve(pair[0]); got != pair[1] {
				t.Errorf("Resolve(%q) = %q; the derived file says %s", pair[0], got, pair[1])
			}
		}
	}
	if len(checked) < 220 {
		t.Errorf("only %d names compared with the long file", len(checked))
	}
}

func TestResolveGSI(t *testing.T) {
	cols, rows := readCSV(t, "gsi_2023_prevalence_iso3.csv")
	for _, r := range rows[1:] {
		name, want := r[cols["Country"]], r[cols["iso3"]]
		if got, ok := Resolve(name); !ok || got != want {
			t.Errorf("GSI %q: Resolve = %q, %v; want %s", name, got, ok, want)
		}
	}
	if len(rows)-1 != 180 {
		t.Errorf("GSI rows = %d, want 180", len(rows)-1)
	}
}

// TestResolveMissingMigrants checks the IOM country columns. Multi-valued
// cells are comma-joined lists; every element other than Unknown/Mixed must
// resolve. The few free-text "Country of Incident" values are listed.
func TestResolveMissingMigrants(t *testing.T) {
	notCountries := map[string]bool{"Unknown": true, "Mixed": true, "Mixed/Unknown": true}
	freeText := map[string]bool{
		"012 52E": true,
		"Libya - departed from the Western shores of Tobruk on 16-17 April": true,
		"Libya - presumed departure on 12-14 April":                         true,
	}
	check := func(file, col string, split bool) int {
		cols, rows := readCSV(t, file)
		seen := map[string]bool{}
		for _, r := range rows[1:] {
			v := r[cols[col]]
			parts := []string{v}
			if split {
				parts = strings.Split(v, ",")
			}
			for _, p := range parts {
				p = strings.TrimSpace(p)
				if seen[p] || notCountries[p] || freeText[p] {
					continue
				}
				seen[p] = true
				if _, ok := Resolve(p); !ok {
					t.Errorf("%s %s: %q does not resolve", file, col, p)
				}
			}
		}
		return len(seen)
	}
	n1 := check("missing_migrants_europe_med_2014_2026.csv", "Country of Origin", true)
	n2 := check("missing_migrants_europe_med_2014_2026.csv", "Country of Incident", false)
	n3 := check("missing_migrants_global_2026_jan_apr.csv", "Country of Origin", true)
	t.Logf("distinct names resolved: origin %d, incident %d, 2026 origin %d", n1, n2, n3)
	for in, want := range map[string]string{
		"Morocco (en route to Ceuta)": "MAR", "Republic of Moldova": "MDA", "Cabo Verde": "CPV",
		"United Kingdom of Great Britain and Northern Ireland": "GBR", "Türkiye": "TUR",
		"Palestinian Territories": "PSE", "Lao People's Democratic Republic": "LAO",
		"Venezuela (Bolivarian Republic of)": "VEN", "Syrian Arab Republic": "SYR",
	} {
		if got, _ := Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %s", in, got, want)
		}
	}
}

// TestResolveWorldBank: the WDI file pairs names with alpha-3 codes, an
// independent list of World Bank spellings. Aggregates (codes not in ISO)
// are skipped.
func TestResolveWorldBank(t *testing.T) {
	cols, rows := readCSV(t, "worldbank_poverty_national_lines.csv")
	n := 0
	for _, r := range rows[1:] {
		name, code := r[cols["Country Name"]], r[cols["Country Code"]]
		if _, ok := Lookup(code); !ok {
			continue
		}
		n++
		if got, ok := Resolve(name); !ok || got != code {
			t.Errorf("World Bank %q: Resolve = %q, %v; want %s", name, got, ok, code)
		}
	}
	if n < 210 {
		t.Errorf("only %d World Bank countries compared", n)
	}
}

// TestResolveNaturalEarth: NAME, NAME_LONG and ADMIN of the 110m attributes
// resolve to the feature's code (ADM0_A3 where the ISO fields are -99).
func TestResolveNaturalEarth(t *testing.T) {
	cols, rows := readCSV(t, "ne_110m_admin0_attributes.csv")
	adm := map[string]string{"CYN": "CYP", "SOL": "SOM", "KOS": "XKX"}
	for _, r := range rows[1:] {
		want := r[cols["ISO_A3_EH"]]
		if want == "-99" {
			want = adm[r[cols["ADM0_A3"]]]
		}
		if want == "" {
			t.Errorf("no expected code for %v", r[cols["ADM0_A3"]])
			continue
		}
		for _, c := range []string{"NAME", "NAME_LONG", "ADMIN"} {
			name := r[cols[c]]
			if got, ok := Resolve(name); !ok || got != want {
				t.Errorf("Natural Earth %s %q: Resolve = %q, %v; want %s", c, name, got, ok, want)
			}
		}
	}
}

// TestResolveCentroidsAndCTDC: names paired with alpha-2 codes in two more
// independent files.
func TestResolveCentroidsAndCTDC(t *testing.T) {
	cols, rows := readCSV(t, "country_centroids.csv")
	for _, r := range rows[1:] {
		name, a2 := r[cols["COUNTRY"]], r[cols["ISO"]]
		if name == "Micronesia" {
			continue // refused on purpose: UN DESA uses it for the region
		}
		want, ok := Resolve(a2)
		if !ok {
			t.Errorf("centroids: alpha-2 %q does not resolve", a2)
			continue
		}
		if got, ok := Resolve(name); !ok || got != want {
			t.Errorf("centroids %q (%s): Resolve = %q, %v; want %s", name, a2, got, ok, want)
		}
	}
	cols, rows = readCSV(t, "ctdc_global_2020_subset.csv")
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		for _, c := range [][3]string{{"citizenship", "nacionalidade", "nacionalidade_alpha3"}, {"CountryOfExploitation", "pais_exploracao", "pais_exploracao_alpha3"}} {
			a2, a3 := r[cols[c[0]]], r[cols[c[2]]]
			if a3 == "" || seen[a2] {
				continue
			}
			seen[a2] = true
			if got, ok := Resolve(a2); !ok || got != a3 {
				t.Errorf("CTDC %s %q: Resolve = %q, %v; the file says %s", c[0], a2, got, ok, a3)
			}
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d CTDC codes compared", len(seen))
	}
}

func BenchmarkResolve(b *testing.B) {
	inputs := []string{"NA", "USA", "840", "Côte d'Ivoire", "China, Hong Kong SAR", "germany", "Korea, Rep.", "Unknown"}
	Resolve("warm up")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Resolve(inputs[i%len(inputs)])
	}
}

func BenchmarkResolveCode(b *testing.B) {
	Resolve("warm up")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Resolve("UA")
	}
}

func BenchmarkResolveNormalised(b *testing.B) {
	Resolve("warm up")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Resolve("REPUBLIC OF MOLDOVA")
	}
}

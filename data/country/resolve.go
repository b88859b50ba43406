package country

import (
	"strconv"
	"strings"
	"sync"

	"github.com/htmap/htmap/data/country/internal/iso"
)

// resolver holds two maps: exact spellings (codes in upper case and every
// known name as written) answered without any work, and normalised keys.
type resolver struct {
	exact map[string]string
	key   map[string]string
	// conflicts lists keys two codes claimed (kept for tests: must be empty).
	conflicts []string
}

var resolverOnce = sync.OnceValue(newResolver)

func newResolver() *resolver {
	r := &resolver{exact: map[string]string{}, key: map[string]string{}}
	addKey := func(name, code string) {
		k := string(appendKey(nil, name))
		if k == "" {
			return
		}
		if old, ok := r.key[k]; ok && old != code {
			r.conflicts = append(r.conflicts, k+": "+old+" "+code)
			return
		}
		r.key[k] = code
	}
	addExact := func(s, code string) {
		if old, ok := r.exact[s]; ok && old != code {
			r.conflicts = append(r.conflicts, s+": "+old+" "+code)
			return
		}
		r.exact[s] = code
	}
	for _, c := range iso.All() {
		addExact(c.ISO3, c.ISO3)
		addExact(c.ISO2, c.ISO3)
		if c.Numeric > 0 {
			n := strconv.Itoa(c.Numeric)
			addExact(n, c.ISO3)
			addExact(strings.Repeat("0", 3-len(n))+n, c.ISO3)
		}
		addExact(c.Name, c.ISO3)
		addKey(c.Name, c.ISO3)
	}
	// The library's own English names, where they differ from the short one.
	for _, c := range libraryNames() {
		addExact(c[0], c[1])
		addKey(c[0], c[1])
	}
	for name, code := range aliases {
		addExact(name, code)
		addKey(name, code)
	}
	return r
}

// Resolve maps any accepted spelling to the canonical alpha-3 code: ISO
// alpha-2 (NA is Namibia), alpha-3, numeric ("840", "040", "40"), and
// English names with the variants of UN DESA, the World Bank, IOM, CTDC,
// Walk Free and Natural Earth, case-insensitive and with accents optional.
// Kosovo is XKX (also from XK and KOS). Region aggregates ("Caribbean",
// "Micronesia"), "Channel Islands", and missing-value markers ("Unknown",
// "-99", "0", "") do not resolve.
func Resolve(s string) (iso3 string, ok bool) {
	r := resolverOnce()
	if c, ok := r.exact[s]; ok {
		return c, true
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if len(s) <= 3 {
		return r.code(s)
	}
	var buf [96]byte
	k := appendKey(buf[:0], s)
	if c, ok := r.key[string(k)]; ok {
		return c, true
	}
	return r.fallback(s)
}

// code reads a short token as an ISO code: letters case-insensitively,
// digits as a numeric code with or without leading zeros.
func (r *resolver) code(s string) (string, bool) {
	var b [3]byte
	digits := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
			digits = false
		case 'A' <= c && c <= 'Z':
			digits = false
		case '0' <= c && c <= '9':
		default:
			return "", false
		}
		b[i] = c
	}
	if digits {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			return "", false
		}
		c, ok := r.exact[strconv.Itoa(n)]
		return c, ok
	}
	c, ok := r.exact[string(b[:len(s)])]
	return c, ok
}

// fallback tries the two rewrites that cost an allocation, only for
// spellings not found directly: "Korea, Rep." read as "Rep. Korea", and a
// trailing parenthesis dropped ("Morocco (en route to Ceuta)").
func (r *resolver) fallback(s string) (string, bool) {
	if i := strings.IndexByte(s, ','); i > 0 && strings.Count(s, ",") == 1 {
		swapped := s[i+1:] + " " + s[:i]
		if c, ok := r.key[string(appendKey(nil, swapped))]; ok {
			return c, true
		}
	}
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(strings.TrimSpace(s), ")") {
		if c, ok := r.key[string(appendKey(nil, s[:i]))]; ok {
			return c, true
		}
	}
	return "", false
}

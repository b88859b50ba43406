package country

import (
	"unicode"
	"unicode/utf8"
)

// appendKey appends the lookup key of a country name to dst. Two spellings
// that a reader would call the same name get the same key:
//
//   - case and accents are dropped (Côte, COTE, cote), apostrophes vanish
//     (d'Ivoire, d’Ivoire, dIvoire), any other punctuation separates words;
//   - the words "of", "the" and "and" are dropped, "&" too, so "Gambia, The",
//     "Republic of the Congo" and "Antigua & Barbuda" meet their plain forms;
//   - the abbreviations of Natural Earth, the World Bank and the UN are
//     expanded (St. -> saint, Is. -> islands, Rep. -> republic, Dem., Fed.,
//     Sts., Ter., N., S., Br., Fr., Eq., ...).
//
// It allocates nothing when dst has room, which keeps Resolve cheap.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	tok := len(dst) // where the current word starts
	endWord := func() {
		w := dst[tok:]
		if len(w) == 0 {
			return
		}
		if rep, ok := abbrev(w); ok {
			dst = append(dst[:tok], rep...)
		} else if isStopword(w) {
			dst = dst[:tok] // the separator before it stays
			return
		}
		dst = append(dst, ' ')
		tok = len(dst)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == '`':
			default:
				endWord()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\u2019', '\u2018', '\u02bc', '\u00b4':
			continue
		}
		if f := fold(unicode.ToLower(r)); f != "" {
			dst = append(dst, f...)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		} else {
			endWord()
		}
	}
	endWord()
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

func isStopword(w []byte) bool {
	switch string(w) {
	case "of", "the", "and":
		return true
	}
	return false
}

// abbrev expands the short forms used in Natural Earth, World Bank and UN
// names. Both the table and the query go through it, so an expansion only
// has to be consistent, not perfect.
func abbrev(w []byte) (string, bool) {
	switch string(w) {
	case "st":
		return "saint", true
	case "ste":
		return "sainte", true
	case "is", "isl", "isls":
		return "islands", true
	case "i":
		return "island", true
	case "rep":
		return "republic", true
	case "dem":
		return "democratic", true
	case "fed":
		return "federated", true
	case "sts":
		return "states", true
	case "ter", "terr":
		return "territory", true
	case "n":
		return "north", true
	case "s":
		return "south", true
	case "br":
		return "british", true
	case "fr":
		return "french", true
	case "eq":
		return "equatorial", true
	case "herz":
		return "herzegovina", true
	case "barb":
		return "barbuda", true
	case "gren":
		return "grenadines", true
	case "vin":
		return "vincent", true
	case "geo":
		return "georgia", true
	}
	return "", false
}

// fold maps accented Latin letters to ASCII.
func fold(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'æ':
		return "ae"
	case 'ç', 'ć', 'č':
		return "c"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e"
	case 'ì', 'í', 'î', 'ï', 'ı', 'ī':
		return "i"
	case 'ñ', 'ń', 'ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ß':
		return "ss"
	case 'š', 'ś', 'ş', 'ș':
		return "s"
	case 'ž', 'ź', 'ż':
		return "z"
	case 'ğ':
		return "g"
	case 'ł':
		return "l"
	case 'œ':
		return "oe"
	case 'ř':
		return "r"
	case 'ț', 'ţ':
		return "t"
	case 'đ', 'ď':
		return "d"
	case 'þ':
		return "th"
	}
	return ""
}

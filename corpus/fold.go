package corpus

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a name to the form Parley compares names in: lower case,
// accents removed (Erdoğan → erdogan, Əliyev → aliyev, Łódź → lodz), runs
// of space and the ’ apostrophe made plain. Letters without an ASCII form
// (Cyrillic, Arabic) are only lower-cased.
func Fold(s string) string {
	if isFolded(s) {
		return s // most words of English text: nothing to do, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r < utf8.RuneSelf && r != '`' {
			// No ASCII letter but ` is in letterFolds: the names of
			// English text are folded without a lookup a letter.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		switch f, ok := letterFolds[r]; {
		case ok:
			b.WriteString(f)
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Latin, r):
			// Only Latin letters lose their accents: in Cyrillic, й is
			// not и.
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(unicode.ToLower(d))
				}
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isFolded reports whether s is lower-case ASCII without runs of space or
// a space at either end.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' {
			return false
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' || c != ' ' {
				return false
			}
		}
	}
	return true
}

// letterFolds are the letters NFD does not decompose into a base letter and
// an accent, with the ASCII spelling transliterations use for them.
var letterFolds = map[rune]string{
	'Ə': "a", 'ə': "a", 'ı': "i", 'İ': "i", 'Ł': "l", 'ł': "l", 'Ø': "o", 'ø': "o", 'Đ': "d", 'đ': "d",
	'Ð': "d", 'ð': "d", 'Þ': "th", 'þ': "th", 'ß': "ss", 'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe",
	'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '`': "'", '‐': "-", '‑': "-", '–': "-",
}

// IsASCIIWordByte reports whether an ASCII byte is a letter or a digit:
// the finders' fast path for plain ASCII text.
func IsASCIIWordByte(c byte) bool {
	return c-'a' < 26 || c-'A' < 26 || c-'0' < 10
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LowerASCII lower-cases the ASCII letters of s and leaves every other
// byte as it is, so that offsets into s are offsets into the result. For a
// word of ASCII letters, digits and joiners this is what Fold gives, and
// for any ASCII word what strings.ToLower gives: the finders take their
// words' lower-case forms from one such copy of an article, without an
// allocation per word.
func LowerASCII(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], Lower8(Load8(s, i)))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	// b is never written again: the string may share its bytes, which
	// saves copying every part of every article once more.
	return unsafe.String(&b[0], len(b))
}

package dates

import (
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// kind is what a token is made of.
type kind uint8

const (
	word   kind = iota + 1 // letters
	number                 // ASCII digits
	punct                  // one character that is neither
)

// gap is the white space before a token.
type gap uint8

const (
	glued  gap = iota // none: "9-10", "Oct."
	spaced            // spaces, or one line break
	broken            // a blank line or more: nothing reads across it
)

// shape is how a word is capitalised.
type shape uint8

const (
	lower shape = iota // "october", and anything not below ("iPhone")
	title              // "October", "A"
	upper              // "OCTOBER"
)

// token is a word, a number or a punctuation mark of a text. Find reads
// tokens rather than bytes so that it looks closely only at the few words and
// numbers that can start a date.
type token struct {
	start, end int32  // byte offsets into the text
	num        int32  // a number's value (-1 beyond 9 digits), a punctuation mark's rune
	flags      uint64 // a word's roles, from vocab
	val        int8   // a word's value in its role: a month, a weekday, an offset
	kind       kind
	gap        gap
	shape      shape
	clause     bool // the token starts a sentence or a clause, for reading tense
}

// digits returns how many digits a number token has.
func (t *token) digits() int { return int(t.end - t.start) }

// maxText is the most of a text read: offsets are kept in 32 bits.
const maxText = math.MaxInt32

// appendTokens splits s into tokens, written into dst[:0] when it is large
// enough, so that a Finder can reuse one buffer for text after text. It
// allocates at most once for the tokens and never for the words it looks
// up. It reads at most maxText bytes.
func appendTokens(dst []token, s string) []token {
	if len(s) > maxText {
		s = s[:maxText]
	}
	toks, _ := scanTokens(tokenBuffer(dst, s), s, 0, -1)
	return toks
}

// tokenBuffer returns dst[:0], or a new slice when dst is too small for
// the tokens of s.
func tokenBuffer(dst []token, s string) []token {
	toks := dst[:0]
	if want := len(s)/4 + 16; cap(toks) < want { // news runs about one token to 4.5 bytes
		toks = make([]token, 0, want)
	}
	return toks
}

// scanTokens appends to toks the tokens of s from byte i, which must start
// a token or the white space before one. It stops after limit tokens
// (-1: no limit), returning the end of the last, or else at the end of s.
func scanTokens(toks []token, s string, i, limit int) ([]token, int) {
	stop := -1
	if limit >= 0 {
		stop = len(toks) + limit
	}
	white, lines := false, 0
	for i < len(s) {
		if len(toks) == stop {
			return toks, i
		}
		c := s[i]
		var t token
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			white = true
			i++
			continue
		case c == '\n':
			white, lines = true, lines+1
			i++
			continue
		case '0' <= c && c <= '9':
			j, v := i, 0
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			if j-i > 9 {
				v = -1
			}
			t = token{start: int32(i), end: int32(j), num: int32(v), kind: number}
			i = j
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t = token{start: int32(i), kind: word}
			i = asciiWord(&t, s, i)
		case c < utf8.RuneSelf:
			t = token{start: int32(i), end: int32(i + 1), num: int32(c), kind: punct}
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				white = true
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					lines++
				}
				i += n
				continue
			case unicode.IsLetter(r):
				j := scanWord(s, i)
				t = token{start: int32(i), end: int32(j), kind: word}
				if unicode.IsUpper(r) {
					t.shape = title
				}
				i = j
			default:
				t = token{start: int32(i), end: int32(i + n), num: r, kind: punct}
				i += n
			}
		}
		switch {
		case !white:
			t.gap = glued
		case lines >= 2:
			t.gap = broken
		default:
			t.gap = spaced
		}
		t.clause = startsClause(toks, &t, lines > 0)
		toks = append(toks, t)
		white, lines = false, 0
	}
	return toks, i
}

// scanWord returns the end of the word that starts at i: letters and
// combining marks, ASCII or not.
func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i += n
	}
	return i
}

// maxWord is the longest word vocab holds.
const maxWord = 16

// asciiWord reads into t the word that starts with the ASCII letter at
// s[i]: its end, its shape and, for a word of ASCII letters alone, what
// vocab says of it. It returns the word's end. Words were most of what
// tokenizing cost, in branches on every letter: a word of fewer than 8
// letters is read 8 bytes at a time.
func asciiWord(t *token, s string, i int) int {
	if i+8 > len(s) {
		return asciiWordSlow(t, s, i)
	}
	v := corpus.Load8(s, i)
	letters := asciiLetters(v)
	n := bits.TrailingZeros64(^letters&0x8080808080808080) / 8
	if n == 8 || s[i+n] >= utf8.RuneSelf {
		return asciiWordSlow(t, s, i)
	}
	word := uint64(1)<<(8*n) - 1                        // the bytes of the word
	ups := bits.OnesCount64(^v & (letters >> 2) & word) // a capital's 0x20 bit is clear
	switch {
	case ups == n && n > 1:
		t.shape = upper
	case s[i] < 'a':
		t.shape = title
	}
	lower := (v | 0x2020202020202020) & word
	if vocabKeys[byte(lower)-'a'][byte(lower>>(8*(n-1)))-'a']&(1<<n) != 0 {
		if info, ok := lookupKey(lower, 0, n); ok {
			t.flags, t.val = info.flags, info.val
		}
	}
	t.end = int32(i + n)
	return i + n
}

// asciiLetters returns v, 8 bytes, with 0x80 in each byte that is an
// ASCII letter and 0 in the others.
func asciiLetters(v uint64) uint64 {
	x := (v | 0x2020202020202020) & 0x7f7f7f7f7f7f7f7f // lower case, and no carry below
	atLeastA := x + 0x1f1f1f1f1f1f1f1f                 // 0x80 set from 'a' = 0x61 up
	pastZ := x + 0x0505050505050505                    // 0x80 set from 'z'+1 = 0x7b up
	return atLeastA &^ pastZ &^ v & 0x8080808080808080
}

// asciiWordSlow is asciiWord a byte at a time, for long words, words near
// the end of s and words that may run on past ASCII.
func asciiWordSlow(t *token, s string, i int) int {
	var buf [maxWord]byte
	j, ups := i, 0
	for ; j < len(s); j++ {
		c := s[j]
		lower := c | 0x20 // 'a'–'z' for ASCII letters, and for nothing else
		if lower < 'a' || lower > 'z' {
			break
		}
		if c < 'a' {
			ups++
		}
		if j-i < maxWord {
			buf[j-i] = lower
		}
	}
	if j < len(s) && s[j] >= utf8.RuneSelf {
		if end := scanWord(s, j); end > j {
			// A word such as "Ljubičić": only its capital matters.
			if s[i] < 'a' {
				t.shape = title
			}
			t.end = int32(end)
			return end
		}
	}
	n := j - i
	t.end = int32(j)
	switch {
	case ups == n && n > 1:
		t.shape = upper
	case s[i] < 'a':
		t.shape = title
	}
	if n <= maxWord && vocabKeys[buf[0]-'a'][buf[n-1]-'a']&(1<<n) != 0 {
		if info, ok := lookup(&buf, n); ok {
			t.flags, t.val = info.flags, info.val
		}
	}
	return j
}

// startsClause reports whether t, about to follow toks, begins a sentence or
// a clause. Sentences end at . ! ? ; and at a line break before anything but a
// lower-case word; a full stop after an abbreviation ("Oct.", "Mr.", "U.S.")
// or before a lower-case word ends nothing. Clauses also start at "but",
// "while", "whereas", "although", "though", "however" and ", and".
func startsClause(toks []token, t *token, newline bool) bool {
	n := len(toks)
	if n == 0 || t.gap == broken {
		return true
	}
	if newline && !(t.kind == word && t.shape == lower) {
		return true
	}
	p := &toks[n-1]
	if t.kind == word {
		if t.flags&fSeam != 0 {
			return true
		}
		if t.flags&fAnd != 0 && p.kind == punct && p.num == ',' {
			return true
		}
	}
	if p.kind != punct {
		return false
	}
	switch p.num {
	case ';', '!', '?', '…':
		return true
	case '.':
		if t.kind == word && t.shape == lower {
			return false
		}
		if t.gap == glued && !(t.kind == punct && isQuote(rune(t.num))) {
			return false // "3.5", "U.S."
		}
		if n >= 2 && p.gap == glued {
			q := &toks[n-2]
			if q.kind == word && (q.flags&(fAbbrev|fMonthAbbr|fWeekdayAbbr) != 0 || q.end-q.start == 1) {
				return false
			}
		}
		return true
	}
	return false
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', ')', ']':
		return true
	}
	return false
}

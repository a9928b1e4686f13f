package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// tokKind is what a token of text is.
type tokKind uint8

const (
	word  tokKind = iota
	punct         // one punctuation rune, or a run of dots
	mark          // a quotation mark
)

// token is a word, a punctuation mark or a quotation mark of the text.
type token struct {
	start, end int    // byte offsets into the article's text
	text       string // as written, without a possessive 's
	lower      string // text in lower case
	kind       tokKind
	r          rune // the rune of a punct or mark token
	capital    bool // a word starting with an upper-case letter
	possessive bool // a word followed by 's or ’s
	ends       bool // ends a sentence: . ! ? ; or a closing mark right after one
}

func (t *token) is(s string) bool { return t.kind == word && t.lower == s }

func (t *token) isPunct(rs string) bool {
	return (t.kind == punct || t.kind == mark) && strings.ContainsRune(rs, t.r)
}

// sentenceEnd reports whether the token ends a sentence.
func (t *token) sentenceEnd() bool { return t.ends }

// markEnds sets which tokens from toks[from] end sentences: a full stop,
// question or exclamation mark or semicolon, or the closing quotation
// marks right after one (“We won.” ends with its mark).
func markEnds(toks []token, from int) {
	for i := from; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != punct || t.r != '.' && t.r != '!' && t.r != '?' && t.r != ';' && t.r != '…' {
			continue
		}
		if t.r == '…' && !(i+1 < len(toks) && toks[i+1].capital) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].isPunct(")]") {
			continue // "(R-Fla.)"
		}
		j := i
		for j+1 < len(toks) && toks[j+1].kind == mark && toks[j+1].start == toks[j].end && (toks[j+1].r != '“' && toks[j+1].r != '‘') {
			j++
		}
		toks[j].ends = true
	}
}

// nounMarker reports whether no verb follows w: an article or a
// possessive determiner.
func nounMarker(w string) bool {
	switch w {
	case "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "every", "each", "no":
		return true
	}
	return false
}

// tokenize appends the tokens of text[from:to] to dst. Words keep inner
// apostrophes, hyphens and the dots of abbreviations (U.S., Sen.); a
// possessive 's is cut off and noted.
// lower is text[from:to] with its ASCII letters lower-cased (see
// corpus.LowerASCII): a word of ASCII bytes takes its lower-case form
// from it, without an allocation per word.
func tokenize(dst []token, text, lower string, from, to int) []token {
	first := len(dst)
	dst = appendTokens(dst, text, lower, from, to)
	markEnds(dst, first)
	return dst
}

func appendTokens(dst []token, text, lower string, from, to int) []token {
	for i := from; i < to; {
		if text[i] == ' ' {
			i++ // most of what is no word
			continue
		}
		// Most tokens are words that start with an ASCII letter or digit,
		// which need no look at space, marks or punctuation.
		if c := text[i]; c >= utf8.RuneSelf || !corpus.IsASCIIWordByte(c) {
			r, size := runeAt(text, i, to)
			switch {
			case unicode.IsSpace(r):
				i += size
				continue
			case isQuoteMark(r):
				dst = append(dst, token{start: i, end: i + size, text: text[i : i+size], kind: mark, r: r})
				i += size
				continue
			case !isWordRune(r):
				j := i + size
				if r == '.' {
					for j < to && text[j] == '.' {
						j++
					}
				}
				dst = append(dst, token{start: i, end: j, text: text[i:j], kind: punct, r: r})
				i = j
				continue
			}
		}
		start := i
		j, ascii := wordEnd(text, start, to)
		t := token{start: start, end: j, kind: word}
		// The dot of an abbreviation belongs to it: Mr., Sen., U.S., J.
		if j < to && text[j] == '.' {
			w := text[start:j]
			lw := lower[start-from : j-from]
			if !ascii {
				lw = strings.ToLower(w)
			}
			if strings.Contains(w, ".") || singleCapital(w) || abbreviationShapes.mayHave(lw) && abbreviations[lw] {
				j++
				t.end = j
			}
		}
		t.text = text[start:t.end]
		// Only a word that ends in s can be possessive: one look at its last
		// byte spares most words the checks below.
		if c := t.text[len(t.text)-1]; c == 's' || c == 'S' {
			if strings.HasSuffix(t.text, "'s") || strings.HasSuffix(t.text, "’s") {
				cut := len("'s")
				if strings.HasSuffix(t.text, "’s") {
					cut = len("’s")
				}
				if len(t.text) > cut {
					t.text = t.text[:len(t.text)-cut]
					t.possessive = true
				}
			}
			if (strings.HasSuffix(t.text, "s") || strings.HasSuffix(t.text, "S")) && j+1 < to && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) {
				// "Sanders' senior adviser": a plural's possessive when a
				// lower-case word follows.
				k := j + 1
				if text[j] != '\'' {
					k = j + len("’")
				}
				if k+1 < to && text[k] == ' ' && text[k+1] >= 'a' && text[k+1] <= 'z' {
					t.end, j = k, k
					t.possessive = true
				}
			}
		}
		if ascii || corpus.IsASCII(t.text) {
			t.lower = lower[start-from : start-from+len(t.text)]
		} else {
			t.lower = strings.ToLower(t.text)
		}
		if c := t.text[0]; c < utf8.RuneSelf {
			t.capital = c-'A' < 26
		} else {
			first, _ := utf8.DecodeRuneInString(t.text)
			t.capital = unicode.IsUpper(first)
		}
		dst = append(dst, t)
		i = j
	}
	return dst
}

// wordEnd returns where the word that starts at text[start] ends, before
// to, and whether it is all ASCII. A function of its own, so that its loop
// over the word's bytes keeps to registers; the runs of ASCII letters and
// digits that most words are it reads eight bytes at a time.
func wordEnd(text string, start, to int) (int, bool) {
	j := start
	ascii := true // text[start:j] is all ASCII
	for j < to {
		j = corpus.ASCIIWordEnd(text, j, to) // the common case, without decoding a rune
		if j == to {
			break
		}
		if c := text[j]; c < utf8.RuneSelf {
			if c != '-' && c != '\'' && c != '.' && c != '&' {
				break // the other common case: a space or a comma ends the word
			}
		}
		r, size := utf8.DecodeRuneInString(text[j:to])
		if isWordRune(r) {
			j += size
			ascii = false
			continue
		}
		if (r == '-' || r == '\'' || r == '’' || r == '.' || r == '&') && j+size < to {
			next, _ := utf8.DecodeRuneInString(text[j+size : to])
			if isWordRune(next) && (r != '.' || singleLetter(text[start:j])) {
				j += size
				ascii = ascii && size == 1
				continue
			}
		}
		break
	}
	return j, ascii
}

// runeAt decodes the rune at text[i:to], an ASCII byte without a call:
// most of an English article is ASCII.
func runeAt(text string, i, to int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:to])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return corpus.IsASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// singleLetter reports whether s ends with one letter after a dot or at
// its start: the U and S of U.S.
func singleLetter(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	rest := s[:len(s)-size]
	return rest == "" || strings.HasSuffix(rest, ".")
}

func singleCapital(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && unicode.IsUpper(r)
}

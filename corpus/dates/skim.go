package dates

import (
	"unicode"
	"unicode/utf8"
)

// Most paragraphs of news hold no date, and tokenizing them was most of
// what Find cost. Every date Find reports holds a key token (see skim): a
// number of one, two or four digits, a month or weekday name as Find reads
// it, yesterday, today, tonight or tomorrow, or a month, year or week
// right after last, this, next or past. What Find reads around a date
// reaches across a blank line only to the token on the other side, or for
// "October 9\n\n- 10" the two. So appendDateTokens tokenizes only the
// paragraphs with a key token; of the others it keeps the first two
// tokens and the last, with a stop between that no reading gets past. Find
// then matches and reads around every date the same tokens as before, and
// finds the same dates: TestSkimFindsAlike and FuzzFind check that it does.

// coreKeys[first&31][last&31] has bit n set when a word of n letters that
// can be a key token starts and ends with those letters, in either case.
var coreKeys = func() (keys [32][32]uint32) {
	for w, info := range vocab {
		if info.flags&(fMonth|fWeekday|fWeekdayAbbr|fRelDay|fUnit) != 0 {
			keys[w[0]&31][w[len(w)-1]&31] |= 1 << len(w)
		}
	}
	return keys
}()

// The kinds of byte skim tells apart.
const (
	bOther  = iota // ASCII punctuation
	bLetter        // ASCII letter
	bDigit
	bSpace // ASCII white space but a line feed
	bLine  // a line feed
	bHigh  // part of a multi-byte character
)

var byteKinds = func() (kinds [256]uint8) {
	for c := range kinds {
		switch {
		case c >= utf8.RuneSelf:
			kinds[c] = bHigh
		case c == '\n':
			kinds[c] = bLine
		case asciiSpace(byte(c)):
			kinds[c] = bSpace
		case '0' <= c && c <= '9':
			kinds[c] = bDigit
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			kinds[c] = bLetter
		}
	}
	return kinds
}()

// stop stands between the first tokens of a paragraph without a date and
// its last: a mark that is no punctuation Find looks for, after a blank
// line, so that nothing read from either side goes past it.
var stop = token{kind: punct, gap: broken, clause: true}

// appendDateTokens is appendTokens for Find: it leaves out the inside of
// the paragraphs without a key token (see skim).
func appendDateTokens(dst []token, s string) []token {
	if len(s) > maxText {
		s = s[:maxText]
	}
	toks := tokenBuffer(dst, s)
	for i := 0; i < len(s); {
		hot, end := skim(s, i)
		if hot {
			toks, i = scanTokens(toks, s, i, -1, true)
			continue
		}
		var at int
		toks, at = scanTokens(toks, s, i, 2, true)
		// The last token starts a clause or not by the two before it:
		// read from three runs of non-space back.
		from := end
		for k := 0; k < 3 && from > at; k++ {
			for from > at && !asciiSpace(s[from-1]) {
				from--
			}
			for from > at && asciiSpace(s[from-1]) {
				from--
			}
		}
		// Those tokens go into toks past the two, in room it has to spare,
		// and all but the last are let go.
		mark := len(toks)
		if from > at {
			toks, _ = scanTokens(toks, s[:end], from, -1, false)
		}
		if len(toks)-mark >= 3 {
			last := toks[len(toks)-1]
			toks = append(toks[:mark], stop, last)
			toks[mark].start, toks[mark].end = int32(at), int32(at)
		} else {
			toks, _ = scanTokens(toks[:mark], s[:end], at, -1, false)
		}
		i = end
	}
	return toks
}

// skim reads the paragraph that starts at i (with the white space before
// it) and reports whether it may hold a key token, stopping at the first.
// It reads bytes, not tokens, and may take a word for a key token that the
// tokenizer would not ("Mayé"), never the other way round. When there is
// none, end is where the blank line after the paragraph begins, or the end
// of s.
func skim(s string, i int) (hot bool, end int) {
	white, lines, run, seen := false, 0, i, false
	// relative says that the token just read is last, this, next or
	// past, with nothing but white space since.
	relative := false
	for i < len(s) {
		c := s[i]
		k := byteKinds[c]
		switch k {
		case bSpace, bLine:
			if !white {
				white, run = true, i
			}
			if k == bLine {
				lines++
			}
			i++
			continue
		case bHigh:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				if !white {
					white, run = true, i
				}
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					lines++
				}
				i += n
				continue
			}
			i += n
		}
		if white {
			if seen && lines >= 2 {
				return false, run
			}
			white, lines = false, 0
		}
		seen = true
		switch k {
		case bDigit:
			j := i + 1
			for j < len(s) && byteKinds[s[j]] == bDigit {
				j++
			}
			if n := j - i; n <= 2 || n == 4 {
				return true, 0
			}
			i, relative = j, false
		case bLetter:
			j := i + 1
			for j < len(s) && byteKinds[s[j]] == bLetter {
				j++
			}
			n := j - i
			rel := n == 4 && relWord(s[i:j])
			if n < 32 && coreKeys[c&31][s[j-1]&31]&(1<<n) != 0 && keyWord(s[i:j], relative) {
				return true, 0
			}
			i, relative = j, rel
		default:
			relative = false
			if k == bOther {
				i++
			}
		}
	}
	if white && seen {
		return false, run
	}
	return false, len(s)
}

// keyWord reports whether w, ASCII letters, is a key token, relative
// saying whether last, this, next or past comes just before it.
func keyWord(w string, relative bool) bool {
	if len(w) > maxWord {
		return false
	}
	var buf [maxWord]byte
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	info, _ := lookup(&buf, len(w))
	fl := info.flags
	switch {
	case fl&fRelDay != 0:
		return true
	case fl&(fMonth|fWeekday|fWeekdayAbbr) != 0:
		// Lower-case "may", "march" and "jan" are words to Find, not months.
		return 'A' <= w[0] && w[0] <= 'Z' || fl&fLowerOK != 0
	}
	return fl&fUnit != 0 && relative
}

// relWord reports whether w, four ASCII letters, is last, this, next or
// past in any case.
func relWord(w string) bool {
	k := (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24) | 0x20202020
	return k == relKeys[0] || k == relKeys[1] || k == relKeys[2] || k == relKeys[3]
}

var relKeys = func() (keys [4]uint32) {
	for i, w := range []string{"last", "this", "next", "past"} {
		if vocab[w].flags&(fLast|fThis|fNext|fPast) == 0 {
			panic("dates: " + w + " is not relative")
		}
		keys[i] = uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
	}
	return keys
}()

// asciiSpace reports whether c is white space to the tokenizer.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

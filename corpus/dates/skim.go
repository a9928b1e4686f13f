package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Most of the text of news holds no date, and tokenizing it was most of
// what Find cost. Every date Find reports holds a key token (see skim): a
// year of four digits (1800–2199), a month name or a full weekday name as
// Find reads it, yesterday, today, tonight or tomorrow, or month or year
// right after last, this, next or past. A day of one or two digits is read
// only beside a month name, a numeric date holds a year of four digits, a
// weekday abbreviation ("Wed") only heads a date with a month name, and
// weeks ("last week") are too vague to report: none of these needs to be a
// key token.
//
// skim cuts a text into pieces where the next token starts a clause (see
// startsClause) and no date runs across: at a blank line, unless a dash
// follows ("October 9\n\n- 10" is one date), and at the end of a sentence
// (see sentenceEnds). Reading a date, its clause and its tense, Find reads
// only a few tokens past the cuts around the piece the date is in.
// appendDateTokens tokenizes the pieces with a key token whole; of each run
// of pieces without one, it keeps the first and the last few tokens, with
// a stop between that no reading gets past. Find then matches and reads
// around every date the same tokens as before, and finds the same dates:
// TestSkimFindsAlike and FuzzFind check that it does, and TestKeyTokens
// that the dates hold key tokens.

// How many tokens of a run of pieces without a key token appendCold
// keeps, by what Find reads past the cuts around a piece with one. It
// reads a clause's tense to the first token after the clause and the one
// after that ("won't"). Before a clause, it reads the word before a verb
// form, past two adverbs or "n't": up to six tokens back, but not past the
// mark that ends the sentence before. And the first token of a piece
// starts a clause or not by the two before it. Each keeps a token more.
const (
	headTokens    = 3
	tailTokens    = 7 // before a piece that starts after a blank line
	tailAfterMark = 3 // before a piece that starts after . ! ? or ;
)

// The kinds of byte sentenceEnds, keyAt and yearAt tell apart.
const (
	bOther  = iota
	bLetter // ASCII letter
	bDigit  // ASCII digit
)

var byteKinds = func() (kinds [256]uint8) {
	for c := range kinds {
		switch {
		case '0' <= c && c <= '9':
			kinds[c] = bDigit
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			kinds[c] = bLetter
		}
	}
	return kinds
}()

// stop stands between the first tokens of a run of pieces without a key
// token and its last: a mark that is no punctuation Find looks for, after
// a blank line, so that nothing read from either side goes past it.
var stop = token{kind: punct, gap: broken, clause: true}

// appendDateTokens is appendTokens for Find: it leaves out the inside of
// the runs of pieces without a key token (see skim).
func appendDateTokens(dst []token, s string) []token {
	if len(s) > maxText {
		s = s[:maxText]
	}
	toks := tokenBuffer(dst, s)
	for i := 0; i < len(s); {
		start, end := skim(s, i)
		if start > i {
			toks = appendCold(toks, s, i, start)
		}
		toks, _ = scanTokens(toks, s[:end], start, -1)
		i = end
	}
	return toks
}

// appendCold appends the tokens that Find may read of s[from:to], a run of
// pieces without a key token: the first headTokens, a stop and the last
// few, or all of them when there are not many more.
func appendCold(toks []token, s string, from, to int) []token {
	s = s[:to]
	tail := tailTokens
	if to > 0 && (s[to-1] == '.' || s[to-1] == '!' || s[to-1] == '?' || s[to-1] == ';') {
		tail = tailAfterMark
	}
	toks, at := scanTokens(toks, s, from, headTokens)
	// A token starts a clause or not by the two before it, and its gap
	// by the white space before it: the last tokens are read from two
	// runs of non-space more than are kept, and the first two let go.
	back := to
	for k := 0; k < tail+2 && back > at; k++ {
		for back > at && asciiSpace(s[back-1]) {
			back--
		}
		for back > at && !asciiSpace(s[back-1]) {
			back--
		}
	}
	mark := len(toks)
	if back > at {
		toks, _ = scanTokens(toks, s, back, -1)
		if len(toks)-mark >= tail+2 { // a run of non-space may hold no token ("\u00a0")
			copy(toks[mark+1:], toks[len(toks)-tail:])
			toks[mark] = stop
			toks[mark].start, toks[mark].end = int32(at), int32(at)
			return toks[:mark+1+tail]
		}
	}
	toks, _ = scanTokens(toks[:mark], s, at, -1)
	return toks
}

// skim finds the first piece of s from i that holds a key token, and
// returns where it starts and ends: s[i:start] holds none. It starts after
// the last cut before the key token, and ends at the first cut after it,
// or at the end of s; without a key token, start and end are the end of s.
// It may take a word for a key token that the tokenizer would not
// ("Mayé"), never the other way round.
//
// skim reads every byte of a text, most of which are in words that are no
// key token; branching on each word cost more than reading it. So it
// keeps the classes of the last three bytes in window and looks closer
// only where skimCandidates has the window: three letters that start a
// key token's word, or three digits. Only around a key token does it look
// for cuts, which are rarer and cost more to tell.
func skim(s string, i int) (start, end int) {
	from := i
	window := uint32(skimBetween)
	for ; i < len(s); i++ {
		window = window<<5 | uint32(skimClasses[s[i]])
		if !skimCandidates[window&(1<<15-1)] {
			continue
		}
		if window&31 == cDigit {
			if yearAt(s, i) {
				break
			}
			continue
		}
		if i == 2 || byteKinds[s[i-3]] != bLetter { // three letters that start a word
			end := i + 1
			for end < len(s) && byteKinds[s[end]] == bLetter {
				end++
			}
			if keyAt(s, end) {
				break
			}
		}
	}
	if i == len(s) {
		return len(s), len(s)
	}
	// The key token starts at i-2.
	for start = i - 2; start > from; start-- {
		if c := s[start-1]; c == '.' || c == '!' || c == '?' || c == ';' {
			if sentenceEnds(s, start-1) {
				break
			}
		} else if c == '\n' {
			white, next, lines := whiteAround(s, from, start-1)
			if lines >= 2 && !dashAt(s, next) {
				start = white
				break
			}
			start = white + 1
		}
	}
	for i++; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' || c == '!' || c == '?' || c == ';':
			if sentenceEnds(s, i) {
				return start, i + 1
			}
		case c == '\n':
			white, next, lines := whiteAround(s, start, i)
			if lines >= 2 && next < len(s) && !dashAt(s, next) {
				return start, white
			}
			i = next - 1
		}
	}
	return start, len(s)
}

// whiteAround returns the white space around the line feed at s[i], not
// before from, and how many line breaks it holds. A blank line is a cut
// unless a dash follows it; the line breaks other than \n are rare in
// news, and skim looks for cuts only at a line feed: a cut it misses
// costs only tokens.
func whiteAround(s string, from, i int) (white, next, lines int) {
	white = i
	for white > from {
		r, n := utf8.DecodeLastRuneInString(s[from:white])
		if !unicode.IsSpace(r) {
			break
		}
		white -= n
	}
	for next = white; next < len(s); {
		r, n := utf8.DecodeRuneInString(s[next:])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			lines++
		}
		next += n
	}
	return white, next, lines
}

// yearAt reports whether the digits around s[i] are four, and a year
// Find may read (see minYear): other numbers of four digits are in no
// date but one with a key token besides.
func yearAt(s string, i int) bool {
	start, end := i, i+1
	for start > 0 && byteKinds[s[start-1]] == bDigit {
		start--
	}
	for end < len(s) && byteKinds[s[end]] == bDigit {
		end++
	}
	if end-start != 4 {
		return false
	}
	y := int(s[start]-'0')*1000 + int(s[start+1]-'0')*100 + int(s[start+2]-'0')*10 + int(s[start+3]-'0')
	return minYear <= y && y <= maxYear
}

// keyAt reports whether the ASCII letters that end before s[end] are a
// key token.
func keyAt(s string, end int) bool {
	start := end
	for start > 0 && byteKinds[s[start-1]] == bLetter {
		start--
	}
	w := s[start:end]
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
	case fl&(fMonth|fWeekday) != 0:
		// Lower-case "may", "march" and "jan" are words to Find, not months.
		return 'A' <= w[0] && w[0] <= 'Z' || fl&fLowerOK != 0
	}
	return fl&fUnit != 0 && info.val != unitWeek && relativeBefore(s, start)
}

// relativeBefore reports whether last, this, next or past, in any case,
// comes before s[at] with nothing but white space between.
func relativeBefore(s string, at int) bool {
	for at > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:at])
		if !unicode.IsSpace(r) {
			break
		}
		at -= n
	}
	return at >= 4 && relWord(s[at-4:at]) && (at == 4 || byteKinds[s[at-5]] != bLetter)
}

// dashAt reports whether a dash starts at s[i].
func dashAt(s string, i int) bool {
	return s[i] == '-' || strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—")
}

// sentenceEnds reports whether skim may cut s after the mark at s[at], a
// full stop, an exclamation or question mark or a semicolon: whether the
// token after it starts a clause (see startsClause) where no date runs
// across. After !, ? and ; one always does. After a full stop, a capital,
// a number, a quotation mark or a bracket does, spaced or, for a closing
// mark, glued ("talks.” She"), unless the full stop ends an abbreviation,
// a month's or a weekday's ("Oct. 10", "Mr. Kelmarin"), or a single letter
// ("U.S. Army"): there it is part of the date or the name. sentenceEnds may
// miss a place to cut, never the other way round.
func sentenceEnds(s string, at int) bool {
	if s[at] != '.' {
		return true
	}
	j := at + 1
	for j < len(s) && asciiSpace(s[j]) {
		if s[j] == '\n' {
			return false // a line break, perhaps a blank line: see whiteAround
		}
		j++
	}
	if j == len(s) {
		return false
	}
	spaced := j > at+1
	switch c := s[j]; {
	case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		if !spaced {
			return false
		}
	case c < utf8.RuneSelf:
		if !spaced && !isQuote(rune(c)) || byteKinds[c] == bLetter {
			return false
		}
	default:
		r, _ := utf8.DecodeRuneInString(s[j:])
		switch {
		case !spaced && !isQuote(r), unicode.IsSpace(r), unicode.IsLetter(r) && !unicode.IsUpper(r):
			return false
		}
	}
	w := at
	for w > 0 && byteKinds[s[w-1]] == bLetter {
		w--
	}
	switch {
	case w == at:
		return true // no ASCII letter before it: no abbreviation vocab knows
	case at-w == 1:
		return false
	case w > 0 && s[w-1] >= utf8.RuneSelf:
		return false // the word may run on before, or be one letter after a mark
	case at-w > maxWord || vocabKeys[(s[w]|0x20)-'a'][(s[at-1]|0x20)-'a']&(1<<(at-w)) == 0:
		return true // in no vocab, so no abbreviation
	}
	var buf [maxWord]byte
	for k := w; k < at; k++ {
		buf[k-w] = s[k] | 0x20
	}
	info, _ := lookup(&buf, at-w)
	return info.flags&(fAbbrev|fMonthAbbr|fWeekdayAbbr) == 0
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

// The classes of byte skim tells apart, five bits each: the 26 letters,
// in either case, then these.
const (
	cDigit = 26 + iota
	cOther
)

// skimBetween is a window of three bytes that are no letters nor digits.
const skimBetween = cOther<<10 | cOther<<5 | cOther

var skimClasses = func() (classes [256]uint8) {
	for c := range classes {
		switch {
		case 'a' <= c && c <= 'z':
			classes[c] = uint8(c - 'a')
		case 'A' <= c && c <= 'Z':
			classes[c] = uint8(c - 'A')
		case '0' <= c && c <= '9':
			classes[c] = cDigit
		default:
			classes[c] = cOther
		}
	}
	return classes
}()

// skimCandidates is true at the windows of three byte classes that skim
// looks closer at.
var skimCandidates = func() (candidates [1 << 15]bool) {
	for w, info := range vocab {
		if info.flags&(fMonth|fWeekday|fRelDay) == 0 && (info.flags&fUnit == 0 || info.val == unitWeek) {
			continue
		}
		if len(w) < 3 {
			panic("dates: a key token's word is shorter than skim's window: " + w)
		}
		candidates[int(w[0]-'a')<<10|int(w[1]-'a')<<5|int(w[2]-'a')] = true
	}
	candidates[cDigit<<10|cDigit<<5|cDigit] = true
	return candidates
}()

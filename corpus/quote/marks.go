package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// para is one paragraph of an article's body: a non-blank line.
type para struct {
	start, end int // trimmed: text[start:end]
	part       int // the body part it belongs to
}

// paragraphs appends to dst the lines of the body parts of text,
// trimmed.
func paragraphs(dst []para, text string, parts [][2]int) []para {
	// At most a paragraph a line: counted first, for one allocation.
	lines := 0
	for _, p := range parts {
		if from, to := clamp(p[0], len(text)), clamp(p[1], len(text)); from < to {
			lines += strings.Count(text[from:to], "\n") + 1
		}
	}
	out := slices.Grow(dst, lines)
	for pi, p := range parts {
		from, to := clamp(p[0], len(text)), clamp(p[1], len(text))
		for i := from; i < to; {
			j := to
			if k := strings.IndexByte(text[i:to], '\n'); k >= 0 {
				j = i + k
			}
			s, e := i, j
			for s < e && isSpaceByte(text[s]) {
				s++
			}
			for e > s && isSpaceByte(text[e-1]) {
				e--
			}
			if e > s {
				out = append(out, para{start: s, end: e, part: pi})
			}
			i = j + 1
		}
	}
	return out
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v'
}

// span is one top-level quotation: the words between an opening mark and
// its closing mark, over one paragraph or several.
type span struct {
	open, openEnd   int // the opening mark: text[open:openEnd]
	close, closeEnd int // the closing mark; both are the paragraph's end when it is missing
	start, end      int // the quoted words, trimmed: text[start:end]
	first, last     int // indexes of its first and last paragraphs
	single          bool
	unclosed        bool // no closing mark: the quotation runs to its paragraph's end
}

// family groups quotation marks that pair with each other.
type family uint8

const (
	none family = iota
	curlyDouble
	lowDouble // „…“ or „…”
	straightDouble
	guillemet
	curlySingle
	lowSingle
	straightSingle
	singleGuillemet
)

// maybeMark reports whether a quotation mark may start at byte c: every
// byte but an ASCII one other than " and ', so that a scan for marks skips
// plain text without decoding it.
func maybeMark(c byte) bool {
	return c >= utf8.RuneSelf || c == '"' || c == '\''
}

// markBytes holds maybeMark for every byte. The scans for marks look
// each byte of the text up in it: one load where maybeMark makes three
// comparisons, which made the scans half again as slow.
var markBytes = func() (set [256]bool) {
	for c := range set {
		set[c] = maybeMark(byte(c))
	}
	return set
}()

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‛', '\'', '‹', '›':
		return true
	}
	return false
}

func (f family) isSingle() bool { return f >= curlySingle }

// quoteSpans finds the top-level quotations of the paragraphs. A
// quotation may run over several paragraphs when each paragraph after the
// first starts with an opening mark of its family and the previous one
// ended without closing it, as news style has it; the paragraphs must be
// in one body part.
// The spans are appended to dst.
func quoteSpans(dst []span, text string, paras []para) []span {
	out := dst
	// open is the quotation being read when isOpen: a value, not a
	// pointer, so that it costs no allocation a quotation.
	var open span
	isOpen := false
	var fam family
	for pi, p := range paras {
		i := p.start
		if isOpen {
			if f, size := openerAt(text, p, p.start); f != none && sameFamily(f, fam) && p.part == paras[open.last].part {
				i = p.start + size
				open.last = pi
			} else {
				out = append(out, finishUnclosed(text, paras, open))
				isOpen = false
			}
		}
		for i < p.end {
			if !isOpen {
				f, at, size := nextOpener(text, p, i)
				if f == none {
					break
				}
				open = span{open: at, openEnd: at + size, first: pi, last: pi, single: f.isSingle()}
				isOpen = true
				fam = f
				i = at + size
				continue
			}
			at, size, reopen := nextCloser(text, p, i, fam)
			if at < 0 {
				break
			}
			if reopen {
				// An opening mark of the same family inside the
				// quotation: the one before was never closed.
				open.close, open.closeEnd = at, at
				open.unclosed = true
				out = append(out, trimSpan(text, open))
				isOpen = false
				i = at
				continue
			}
			open.close, open.closeEnd = at, at+size
			out = append(out, trimSpan(text, open))
			isOpen = false
			i = at + size
		}
	}
	if isOpen {
		out = append(out, finishUnclosed(text, paras, open))
	}
	return out
}

func finishUnclosed(text string, paras []para, s span) span {
	end := paras[s.last].end
	s.close, s.closeEnd = end, end
	s.unclosed = true
	return trimSpan(text, s)
}

// trimSpan sets the quoted words: what lies between the marks, without
// surrounding space.
func trimSpan(text string, s span) span {
	s.start, s.end = s.openEnd, s.close
	for s.start < s.end {
		r, size := utf8.DecodeRuneInString(text[s.start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.start += size
	}
	for s.end > s.start {
		r, size := utf8.DecodeLastRuneInString(text[:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.end -= size
	}
	return s
}

func sameFamily(a, b family) bool {
	if a == b {
		return true
	}
	// Scraped text mixes straight and curly marks.
	doubles := func(f family) bool { return f == curlyDouble || f == straightDouble || f == lowDouble }
	return doubles(a) && doubles(b)
}

// runeBefore and runeAfter return the rune before or after a position
// within the paragraph, or 0 at its edges.
func runeBefore(text string, p para, i int) rune {
	if i <= p.start {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[p.start:i])
	return r
}

func runeAfter(text string, p para, i int) rune {
	if i >= p.end {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:p.end])
	return r
}

// openingContext reports whether a mark between prev and next may open a
// quotation: it follows the paragraph's start, a space, an opening
// bracket, a dash or another mark, and a word or mark follows it.
func openingContext(prev, next rune) bool {
	if next == 0 || unicode.IsSpace(next) {
		return false
	}
	return prev == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '—' ||
		prev == '–' || prev == '-' || prev == '/' || prev == ':' || isQuoteMark(prev)
}

// closingContext reports whether a mark between prev and next may close
// a quotation: something other than space precedes it, and no word
// follows it directly.
func closingContext(prev, next rune) bool {
	if prev == 0 || unicode.IsSpace(prev) {
		return false
	}
	return next == 0 || !isWordRune(next)
}

// spacedClose reports whether a straight mark stands alone between spaces
// (or a space and punctuation), as some sites close a quotation after an
// inner one: 'Well done,' " said Russell.
func spacedClose(prev, next rune) bool {
	return unicode.IsSpace(prev) && (next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next))
}

// openerAt reports the family of an opening mark at i, if there is one.
func openerAt(text string, p para, i int) (family, int) {
	r, size := utf8.DecodeRuneInString(text[i:p.end])
	prev, next := runeBefore(text, p, i), runeAfter(text, p, i+size)
	switch r {
	case '“', '‟':
		if next != 0 && !unicode.IsSpace(next) {
			return curlyDouble, size
		}
	case '„':
		if next != 0 && !unicode.IsSpace(next) {
			return lowDouble, size
		}
	case '«':
		if next != 0 {
			return guillemet, size
		}
	case '"':
		if openingContext(prev, next) {
			return straightDouble, size
		}
	case '”':
		// A closing mark used to open, as some sites write them.
		if openingContext(prev, next) && unicode.IsSpace(prev) || prev == 0 && isWordRune(next) {
			return curlyDouble, size
		}
	case '‘', '‛':
		if openingContext(prev, next) && !unicode.IsDigit(next) {
			return curlySingle, size
		}
	case '‚':
		if openingContext(prev, next) {
			return lowSingle, size
		}
	case '\'':
		if openingContext(prev, next) && isWordRune(next) && !unicode.IsDigit(next) {
			return straightSingle, size
		}
	case '‹':
		if next != 0 {
			return singleGuillemet, size
		}
	}
	return none, 0
}

// nextOpener finds the next opening mark in the paragraph from i. A single
// mark opens only when a mark that can close it follows in the paragraph:
// otherwise it is an apostrophe ('90s, ‘em).
func nextOpener(text string, p para, i int) (family, int, int) {
	for i < p.end {
		if !markBytes[text[i]] {
			i = skipPlain(text, i+1, p.end)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:p.end])
		if isQuoteMark(r) {
			if f, n := openerAt(text, p, i); f != none {
				if !f.isSingle() {
					return f, i, n
				}
				if at, _, _ := nextCloser(text, p, i+n, f); at >= 0 {
					return f, i, n
				}
			}
		}
		i += size
	}
	return none, -1, 0
}

// nextCloser finds the mark that closes a quotation of family f, from i.
// reopen is true when an opening mark of the same family comes first.
func nextCloser(text string, p para, i int, f family) (at, size int, reopen bool) {
	inner := 0 // quotations inside, in the other style of double marks
	for i < p.end {
		if !markBytes[text[i]] {
			i = skipPlain(text, i+1, p.end)
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:p.end])
		if !isQuoteMark(r) {
			i += n
			continue
		}
		prev, next := runeBefore(text, p, i), runeAfter(text, p, i+n)
		closing := closingContext(prev, next)
		opening := openingContext(prev, next)
		switch f {
		case curlyDouble, lowDouble:
			switch {
			case r == '"' && opening && !closing:
				inner++
			case r == '"' && closing && inner > 0:
				inner--
			case r == '”' || r == '‟':
				return i, n, false
			case r == '"' && (closing || spacedClose(prev, next)):
				return i, n, false
			case r == '“' && (f == lowDouble || closing):
				return i, n, false
			case r == '“' && opening:
				return i, n, true
			}
		case straightDouble:
			switch {
			case r == '“' && opening:
				inner++
			case r == '”' && inner > 0:
				inner--
			case r == '"' && (closing || spacedClose(prev, next)), r == '”':
				return i, n, false
			}
		case guillemet:
			if r == '»' {
				return i, n, false
			}
		case singleGuillemet:
			if r == '›' {
				return i, n, false
			}
		case curlySingle, straightSingle, lowSingle:
			if (r == '’' || r == '\'' || r == '‘' && f == lowSingle) && closing {
				return i, n, false
			}
		}
		i += n
	}
	return -1, 0, false
}

// skipPlain returns the index of the first byte of text[i:end] that may
// start a quotation mark (see maybeMark), or end. It reads eight bytes at
// a time: most of a paragraph is plain ASCII between marks.
func skipPlain(text string, i, end int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		x := corpus.Load8(text, i)
		// A byte of x is " or ' when it is zero after the XOR.
		d, q := x^(ones*'"'), x^(ones*'\'')
		if (x|(d-ones)&^d|(q-ones)&^q)&highs != 0 {
			break
		}
	}
	for i < end && !markBytes[text[i]] {
		i++
	}
	return i
}

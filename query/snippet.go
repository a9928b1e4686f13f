package query

import (
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/index"
)

// Snippet is a stretch of an article around what a search found: whole
// sentences where they fit, cut at word boundaries where they do not.
type Snippet struct {
	// Text is exactly the source's bytes between Start and End.
	Text string `json:"text"`
	// Start and End are byte offsets into the article's original text
	// (the file for a plain text article, the record's text field for an
	// export). They are absent for a title that came from metadata and is
	// not in the text.
	Start *int `json:"start,omitempty"`
	End   *int `json:"end,omitempty"`
	// Highlights are the byte ranges within Text that the query matched.
	Highlights [][2]int `json:"highlights"`
}

// marks is what snippets highlight: the words a query searched for, in
// the form each field holds them.
type marks struct {
	stems   map[string]bool // stemmed terms of bare words
	exact   map[string]bool // exact terms: stop words typed alone, expansions of prefix*, word~
	phrases []markedPhrase

	// What scans and skimming look for, made once the marks are complete.
	planOnce sync.Once
	filter   *wordFilter
	plan     *skimPlan
}

type markedPhrase struct {
	words []string
	slop  int
}

func newMarks() *marks {
	return &marks{stems: map[string]bool{}, exact: map[string]bool{}}
}

func (m *marks) empty() bool {
	return len(m.stems) == 0 && len(m.exact) == 0 && len(m.phrases) == 0
}

// word is one word of a text with its exact term.
type word struct {
	term       string
	start, end int
	pos        int
}

// find returns the byte ranges of text the marks match, in order, from
// every word of text.
func (m *marks) find(an *index.Analyzer, text string) [][2]int {
	if m.empty() {
		return nil
	}
	sc := m.newScan()
	sc.add(an, []byte(text), 0, 1)
	return sc.hits()
}

// stemHeads are the first two letters of the marked stems, which
// mayStem compares each word with.
type stemHeads struct {
	heads [][2]byte
	short bool // a stem of fewer than two letters: any word may stem to it
}

func (m *marks) stemHeads() stemHeads {
	var h stemHeads
	for s := range m.stems {
		if len(s) < 2 {
			h.short = true
			continue
		}
		h.heads = append(h.heads, [2]byte{s[0], s[1]})
	}
	return h
}

// mayStem cheaply rules out words that cannot stem to a marked stem: a
// stem shares its word's first two letters. Stemming every word of ten
// articles would cost more than the search, and so would walking the map
// of stems for each word.
func (h stemHeads) mayStem(term []byte) bool {
	return len(term) < 2 || h.mayStart(term[0], term[1])
}

// mayStart is mayStem for a term of at least two letters that starts with
// a and b.
func (h stemHeads) mayStart(a, b byte) bool {
	if h.short {
		return true
	}
	for _, s := range h.heads {
		if s[0] == a && s[1] == b {
			return true
		}
	}
	return false
}

// phraseHits finds a phrase's runs among a text's phrase words: in order
// for an exact phrase, within the window for a proximity one.
func phraseHits(p markedPhrase, words []word) [][2]int {
	var out [][2]int
	n := len(p.words)
	if p.slop == 0 {
		for i := 0; i+n <= len(words); i++ {
			ok := true
			for k := 0; k < n && ok; k++ {
				ok = words[i+k].term == p.words[k] && words[i+k].pos == words[i].pos+k
			}
			if ok {
				out = append(out, [2]int{words[i].start, words[i+n-1].end})
			}
		}
		return out
	}
	want := map[string]bool{}
	for _, w := range p.words {
		want[w] = true
	}
	window := n + p.slop
	for i := range words {
		seen := map[string]bool{}
		j := i
		for ; j < len(words) && words[j].pos-words[i].pos < window; j++ {
			if want[words[j].term] {
				seen[words[j].term] = true
			}
		}
		if len(seen) == len(want) {
			for k := i; k < j; k++ {
				if want[words[k].term] {
					out = append(out, [2]int{words[k].start, words[k].end})
				}
			}
		}
	}
	return out
}

// mergeRanges sorts ranges and joins those that overlap.
func mergeRanges(rs [][2]int) [][2]int {
	if len(rs) < 2 {
		return rs
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r[0] <= last[1] {
			if r[1] > last[1] {
				last[1] = r[1]
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// maxSnippet is the longest snippet, in bytes: a long sentence is cut
// around its first match.
const maxSnippet = 320

// snippets returns up to n snippets of text (which starts at byte base of
// the original and is cut into sents) around the ranges hits, best first by
// how many different matches a sentence holds, then in reading order. With
// no hits it returns nothing.
func snippets(text string, sents [][2]int, base int, hits [][2]int, n int) []Snippet {
	if len(hits) == 0 || n <= 0 {
		return nil
	}
	var cands []candidate
	for _, s := range sents {
		var in [][2]int
		for _, h := range hits {
			if h[0] >= s[0] && h[1] <= s[1] {
				in = append(in, h)
			}
		}
		if len(in) > 0 {
			cands = append(cands, candidate{s[0], s[1], in, sentenceScore(text, in)})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > n {
		cands = cands[:n]
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].start < cands[j].start })
	return snippetsFrom(text, base, cands)
}

// candidate is a sentence that holds matches.
type candidate struct {
	start, end int
	hits       [][2]int
	score      int
}

// sentenceScore ranks a sentence by its matches: ten for each different
// one (by its text, ASCII letters lower-cased), one for each.
func sentenceScore(text string, hits [][2]int) int {
	distinct := map[string]bool{}
	for _, h := range hits {
		distinct[lowerASCII(text[h[0]:h[1]])] = true
	}
	return len(distinct)*10 + len(hits)
}

// snippetsFrom cuts the chosen sentences of text, in reading order, into
// snippets.
func snippetsFrom(text string, base int, cands []candidate) []Snippet {
	out := make([]Snippet, 0, len(cands))
	for _, c := range cands {
		start, end := trimAround(text, c.start, c.end, c.hits[0])
		sn := Snippet{Text: text[start:end]}
		s, e := base+start, base+end
		sn.Start, sn.End = &s, &e
		for _, h := range c.hits {
			if h[0] >= start && h[1] <= end {
				sn.Highlights = append(sn.Highlights, [2]int{h[0] - start, h[1] - start})
			}
		}
		out = append(out, sn)
	}
	return out
}

// whole returns all of a short text as one snippet, highlighted.
func whole(text string, base *int, hits [][2]int) Snippet {
	sn := Snippet{Text: text, Highlights: hits}
	if base != nil {
		s, e := *base, *base+len(text)
		sn.Start, sn.End = &s, &e
	}
	if sn.Highlights == nil {
		sn.Highlights = [][2]int{}
	}
	return sn
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sentences cuts text into sentences: after ., ! ? or … (and any closing
// quotes or brackets) followed by a space, and at line breaks. Each range
// is trimmed of surrounding space.
func sentences(text string) [][2]int {
	return appendSentences(nil, text)
}

// appendSentences appends the sentences of text to out.
func appendSentences(out [][2]int, text string) [][2]int {
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	// Only ASCII and the ellipsis end sentences, and none of their bytes
	// is ever inside another character. Rather than look at every byte,
	// the loop goes from one such byte to the next (for the ellipsis, its
	// last byte, which other characters of news text seldom hold).
	for i := 0; ; {
		p := nextSentenceByte(text, i)
		if p == len(text) {
			break
		}
		c := text[p]
		i = p + 1
		if c == 0xA6 {
			if p < 2 || text[p-2] != 0xE2 || text[p-1] != 0x80 {
				continue
			}
			c = '.' // …
		}
		switch c {
		case '\n':
			emit(i)
		case '.', '!', '?':
			j := i
			for j < len(text) {
				q, qs := utf8.DecodeRuneInString(text[j:])
				if q != '"' && q != '\'' && q != '”' && q != '’' && q != ')' && q != '»' {
					break
				}
				j += qs
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\n') && !abbreviation(text[:i]) {
				emit(j)
				i = j
			}
		}
	}
	emit(len(text))
	return out
}

// nextSentenceByte returns the index of the first byte at or after i that
// may end a sentence (\n . ! ? or 0xA6, the ellipsis' last byte), or
// len(text). It reads eight bytes at a time: a byte equal to c leaves a
// zero byte in x^c, and subtracting one from each byte borrows into the
// top bit of the lowest zero byte (above it the bits may be wrong, but
// only the lowest counts).
func nextSentenceByte(text string, i int) int {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
			uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
		a, b, c, d, e := x^(ones*'\n'), x^(ones*'.'), x^(ones*'!'), x^(ones*'?'), x^(ones*0xA6)
		m := ((a - ones) &^ a) | ((b - ones) &^ b) | ((c - ones) &^ c) | ((d - ones) &^ d) | ((e - ones) &^ e)
		if m &= hi; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(text); i++ {
		switch text[i] {
		case '\n', '.', '!', '?', 0xA6:
			return i
		}
	}
	return i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// abbreviation reports whether text ends with a full stop that belongs to
// an abbreviation or initial ("Mr.", "U.S.", "J."), not a sentence end.
func abbreviation(text string) bool {
	i := len(text) - 1 // the full stop
	if i < 0 || text[i] != '.' {
		return false
	}
	j := i
	for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
		j--
	}
	w := text[j:i]
	if len(w) > 4 {
		// Longer than every abbreviation below and than any one
		// character: most words before a full stop.
		return strings.IndexByte(w, '.') >= 0 // U.S. and the like
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Capt", "Sen", "Rep", "Gov", "Pres", "Prof", "Jr", "Sr", "No", "vs", "etc", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	if r, _ := utf8.DecodeRuneInString(w); len(w) > 0 && utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
		return true // an initial
	}
	for _, r := range w {
		if r == '.' {
			return true // U.S. and the like
		}
	}
	return false
}

// trimAround cuts a sentence longer than maxSnippet to a window around its
// first match, at word boundaries.
func trimAround(text string, start, end int, first [2]int) (int, int) {
	if end-start <= maxSnippet {
		return start, end
	}
	from := first[0] - maxSnippet/3
	if from < start {
		from = start
	}
	to := from + maxSnippet
	if to > end {
		to = end
		from = to - maxSnippet
		if from < start {
			from = start
		}
	}
	for from > start && from < len(text) && !isSpaceByte(text[from-1]) {
		from++ // move forward to the next word start
		if from >= first[0] {
			from = first[0]
			break
		}
	}
	for to < end && to > from && !isSpaceByte(text[to]) {
		to--
		if to <= first[1] {
			to = first[1]
			break
		}
	}
	for !utf8.RuneStart(text[from]) && from < to {
		from++
	}
	for to < len(text) && to > from && !utf8.RuneStart(text[to]) {
		to--
	}
	for to > from && isSpaceByte(text[to-1]) {
		to--
	}
	return from, to
}

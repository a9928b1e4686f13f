package query

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"

	"github.com/parleysearch/parley/index"
)

// maxNeedles bounds the words skimming looks for; a prefix* or word~ that
// stands for more is found by reading every word.
const maxNeedles = 32

// snippetsOf returns up to n snippets of text, which starts at byte base
// of the original: those snippets would return from the matches of every
// word of text, found by reading only some of it.
//
// Cutting an article into words is the costliest part of making its
// snippets, and a snippet is only one sentence or a few: the n that hold
// the most matches (see snippets). Skimming reads the text for the query's
// needles (see needles), which every matching word contains: their
// occurrences in a sentence bound how many matches it can hold, and so its
// score. Sentences are then cut into words best bound first, and skimming
// stops when no sentence left can beat the n-th best found: on the
// benchmark queries' hits it analyses about one sentence in twenty.
func (m *marks) snippetsOf(an *index.Analyzer, text string, base, n int) []Snippet {
	if m.empty() || n <= 0 {
		return nil
	}
	sk, _ := skims.Get().(*skim)
	if sk == nil {
		sk = &skim{folder: folder{}}
	}
	defer sk.release()
	sk.sents = appendSentences(sk.sents[:0], text)
	plan, ok := m.skimPlan()
	if !ok {
		return snippets(text, sk.sents, base, m.find(an, text), n)
	}
	sk.start(m, plan, an, text)
	return snippetsFrom(text, base, sk.best(n))
}

// skimPlan is what skimming looks for in every text of one query.
type skimPlan struct {
	needles [][]byte // distinct
	finders []finder // of each needle
	// words are the needles of the exact terms and stems, phrases those of
	// each exact phrase's words (in marks.phrases' order), and
	// phraseNeedles those of all phrase words, each once.
	words         []int
	phrases       [][]int
	phraseNeedles []int
	longest       int  // words in the longest phrase
	curly         bool // a needle holds an apostrophe, which ‘ and ’ fold to
	filter        *wordFilter
}

// skimPlan returns the marks' plan, made once with their wordFilter,
// and false when there is no short list of needles (see needles).
func (m *marks) skimPlan() (*skimPlan, bool) {
	m.planOnce.Do(func() {
		m.filter = m.newWordFilter()
		if _, ok := m.needles(); !ok {
			return
		}
		p := &skimPlan{filter: m.filter}
		ids := map[string]int{}
		needle := func(s string) int {
			i, ok := ids[s]
			if !ok {
				i = len(p.needles)
				ids[s] = i
				p.needles = append(p.needles, []byte(s))
				p.finders = append(p.finders, newFinder(p.needles[i]))
				if bytes.IndexByte(p.needles[i], '\'') >= 0 {
					p.curly = true
				}
			}
			return i
		}
		for t := range m.exact {
			p.words = append(p.words, needle(t))
		}
		for s := range m.stems {
			p.words = append(p.words, needle(stemNeedle(s)))
		}
		inPhraseNeedles := map[int]bool{}
		for _, ph := range m.phrases {
			var words []int
			for _, w := range ph.words {
				i := needle(w)
				words = append(words, i)
				if !inPhraseNeedles[i] {
					inPhraseNeedles[i] = true
					p.phraseNeedles = append(p.phraseNeedles, i)
				}
			}
			p.phrases = append(p.phrases, words)
			p.longest = max(p.longest, len(ph.words))
		}
		m.plan = p
	})
	return m.plan, m.plan != nil
}

// skim is the skimming of one text.
type skim struct {
	plan  *skimPlan
	an    *index.Analyzer
	m     *marks
	text  string
	sents [][2]int
	// counts[s*len(needles)+i] is how many times needle i occurs in
	// sentence s, in its folded, lower-cased text.
	counts []int32
	info   []sentenceInfo
	order  []int32 // sentences that may hold a match, best bound first
	sc     scan    // the matches and phrase words of the analysed sentences
	lower  []byte  // the text with ASCII letters lower-cased
	raw    []byte  // a sentence, for the analyser
	words  []word  // phrase words around a sentence
	hits   [][2]int
	folder folder
}

// sentenceInfo is what skimming knows of one sentence.
type sentenceInfo struct {
	bound int // the most its score can be
	// fold: the sentence holds a character beyond ASCII that the lower-cased
	// text does not show as the analyser folds it (é, or ’ when a needle
	// holds an apostrophe). foldless: one with no ASCII form (Cyrillic, a
	// broken byte…), which may be part of any needle.
	fold, foldless bool
	analysed       bool
	// found and phrase index sc.found and sc.phraseWords; words is how
	// many words the sentence has.
	found, phrase [2]int
	words         int
}

// skims keeps skims for later texts, with their buffers.
var skims sync.Pool

// start readies the skim for text, whose sentences are sk.sents.
func (sk *skim) start(m *marks, plan *skimPlan, an *index.Analyzer, text string) {
	sents := sk.sents
	sk.plan, sk.m, sk.an, sk.text = plan, m, an, text
	sk.sc = scan{m: m, words: plan.filter, found: sk.sc.found[:0], phraseWords: sk.sc.phraseWords[:0], term: sk.sc.term}
	sk.info = slices.Grow(sk.info[:0], len(sents))[:len(sents)]
	clear(sk.info)
	n := len(sents) * len(plan.needles)
	sk.counts = slices.Grow(sk.counts[:0], n)[:n]
	clear(sk.counts)
	sk.order = sk.order[:0]
	sk.lower = slices.Grow(sk.lower[:0], len(text))[:len(text)]
	copy(sk.lower, text)
	lowerASCIIInPlace(sk.lower)
	sk.bound()
}

// release returns the skim to skims, unless a huge text made its buffers
// too big to keep.
func (sk *skim) release() {
	if cap(sk.lower) > 1<<20 || cap(sk.sents) > 1<<14 {
		return
	}
	sk.plan, sk.an, sk.m, sk.text = nil, nil, nil, ""
	sk.sc.m, sk.sc.words = nil, nil
	clear(sk.sc.phraseWords) // their terms
	clear(sk.words)
	skims.Put(sk)
}

// bound counts each needle in each sentence and bounds the sentences'
// scores. A sentence's score is ten times its different matches plus its
// matches, at most eleven times its matches. A match is a word that
// holds a needle of an exact term or stem, or a phrase, which holds an
// occurrence of each of its words' needles; and no two words overlap.
// Occurrences are counted without overlaps, which counts at least as many
// as there are words holding them.
func (sk *skim) bound() {
	text, sents, lower, plan := sk.text, sk.sents, sk.lower, sk.plan
	nn := len(plan.needles)
	// Sentences with characters the lower-cased text does not fold.
	for i, si := 0, 0; ; {
		j := nextNonASCII(lower, i)
		if j == len(lower) {
			break
		}
		if n := foldlessPunct(lower[j:], plan.curly); n > 0 {
			i = j + n
			continue
		}
		for si < len(sents) && sents[si][1] <= j {
			si++
		}
		if si == len(sents) {
			break
		}
		if j < sents[si][0] {
			i = j + 1
			continue
		}
		sk.info[si].fold = true
		i = sents[si][1]
	}
	for i, nd := range plan.needles {
		si := 0
		for at := 0; at < len(lower); {
			j := plan.finders[i].index(lower, at)
			if j < 0 {
				break
			}
			for si < len(sents) && sents[si][1] < j+len(nd) {
				si++
			}
			if si == len(sents) {
				break
			}
			if sents[si][0] <= j { // a folded sentence is counted again below
				sk.counts[si*nn+i]++
			}
			at = j + len(nd)
		}
	}
	for si, s := range sents {
		info := &sk.info[si]
		c := sk.counts[si*nn : (si+1)*nn]
		if info.fold {
			folded, ok := sk.folder.fold(text[s[0]:s[1]])
			if !ok {
				info.foldless = true
				info.bound = int(^uint(0) >> 1)
				sk.order = append(sk.order, int32(si))
				continue
			}
			for i, nd := range plan.needles {
				c[i] = int32(bytes.Count(folded, nd))
			}
		}
		matches := 0
		for _, i := range plan.words {
			matches += int(c[i])
		}
		for _, ph := range plan.phrases {
			least := c[ph[0]]
			for _, i := range ph[1:] {
				least = min(least, c[i])
			}
			matches += int(least)
		}
		if matches > 0 {
			info.bound = 11 * matches
			sk.order = append(sk.order, int32(si))
		}
	}
	slices.SortFunc(sk.order, func(a, b int32) int {
		if d := cmp.Compare(sk.info[b].bound, sk.info[a].bound); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
}

// best returns the n sentences snippets would choose from the matches of
// every word, with their matches, in reading order.
//
// Sentences are taken best bound first, and their ties in reading order,
// which is how snippets ranks scores. Once the next sentence's bound
// ranks below the n-th best score found, so do the true scores of it and
// of every sentence after it.
func (sk *skim) best(n int) []candidate {
	var best []candidate
	ranks := func(score, s int, c candidate) bool {
		return score > c.score || (score == c.score && s < c.start)
	}
	for _, s32 := range sk.order {
		s := int(s32)
		if len(best) == n && !ranks(sk.info[s].bound, sk.sents[s][0], best[n-1]) {
			break
		}
		hits := sk.matchesIn(s)
		if len(hits) == 0 {
			continue
		}
		c := candidate{start: sk.sents[s][0], end: sk.sents[s][1], hits: hits, score: sentenceScore(sk.text, hits)}
		at := len(best)
		for at > 0 && ranks(c.score, c.start, best[at-1]) {
			at--
		}
		if at < n {
			best = slices.Insert(best, at, c)
			best = best[:min(len(best), n)]
		}
	}
	slices.SortFunc(best, func(a, b candidate) int { return a.start - b.start })
	return best
}

// matchesIn returns the matches snippets would count in sentence s: those
// of reading every word that lie within it. A phrase may run across a
// sentence end, and its match then swallows the matches it overlaps, in
// s as well; it is found among the phrase words of s and of enough of the
// sentences around s to hold the rest of the phrase. A sentence without a
// phrase word, which holds a word, ends the search: no phrase runs across
// it.
func (sk *skim) matchesIn(s int) [][2]int {
	sk.analyse(s)
	info := &sk.info[s]
	hits := append(sk.hits[:0], sk.sc.found[info.found[0]:info.found[1]]...)
	if len(sk.plan.phrases) > 0 {
		// A phrase's match runs across the start of s only through its
		// first word, and across its end only through its last.
		pw := sk.sc.phraseWords[info.phrase[0]:info.phrase[1]]
		left := len(pw) > 0 && pw[0].pos == 1
		right := len(pw) > 0 && pw[len(pw)-1].pos == info.words
		first, last := s, s
		for need := sk.plan.longest - 1; left && need > 0 && first > 0 && !sk.phraseFree(first-1); need -= sk.info[first].words {
			first--
			sk.analyse(first)
		}
		for need := sk.plan.longest - 1; right && need > 0 && last+1 < len(sk.sents) && !sk.phraseFree(last+1); need -= sk.info[last].words {
			last++
			sk.analyse(last)
		}
		words, pos := sk.words[:0], 0
		for k := first; k <= last; k++ {
			for _, w := range sk.sc.phraseWords[sk.info[k].phrase[0]:sk.info[k].phrase[1]] {
				w.pos += pos
				words = append(words, w)
			}
			pos += sk.info[k].words
		}
		sk.words = words
		for _, p := range sk.m.phrases {
			hits = append(hits, phraseHits(p, words)...)
		}
	}
	sk.hits = hits
	var in [][2]int
	from, to := sk.sents[s][0], sk.sents[s][1]
	for _, h := range mergeRanges(hits) {
		if h[0] >= from && h[1] <= to {
			in = append(in, h)
		}
	}
	return in
}

// analyse cuts sentence k into words, once, keeping its matches and its
// phrase words, numbered from 1. A sentence is cut as the whole text is:
// it starts after white space and ends before it, where words always
// break. A combining mark or format character at its start joins the
// white space before it, as in the whole text, so the space is cut with
// it (it makes no word).
func (sk *skim) analyse(k int) {
	info := &sk.info[k]
	if info.analysed {
		return
	}
	from, to := sk.sents[k][0], sk.sents[k][1]
	if from > 0 {
		if r, _ := utf8.DecodeRuneInString(sk.text[from:]); unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
			from--
		}
	}
	sk.raw = append(sk.raw[:0], sk.text[from:to]...)
	info.found[0], info.phrase[0] = len(sk.sc.found), len(sk.sc.phraseWords)
	info.words = sk.sc.add(sk.an, sk.raw, from, 1)
	info.found[1], info.phrase[1] = len(sk.sc.found), len(sk.sc.phraseWords)
	info.analysed = true
}

// phraseFree reports whether sentence k holds no phrase word but holds a
// word (any ASCII letter or digit is in one), so that no phrase runs
// across it.
func (sk *skim) phraseFree(k int) bool {
	info := &sk.info[k]
	if info.foldless {
		return false
	}
	nn := len(sk.plan.needles)
	for _, i := range sk.plan.phraseNeedles {
		if sk.counts[k*nn+i] > 0 {
			return false
		}
	}
	s := sk.text[sk.sents[k][0]:sk.sents[k][1]]
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; ('a' <= c && c <= 'z') || ('0' <= s[i] && s[i] <= '9') {
			return true
		}
	}
	return false
}

// foldlessPunct returns the length of the character b starts with when
// the analyser only ever reads it as punctuation, so that the lower-cased
// text shows every needle in the words around it: the curly quotes (and
// ‘ and ’ only when no needle holds an apostrophe, since inside a word
// they fold to one), the dashes, the ellipsis and the no-break space.
// Otherwise it returns 0.
func foldlessPunct(b []byte, curly bool) int {
	switch {
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0:
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80:
		switch b[2] {
		case 0x93, 0x94, 0x9C, 0x9D, 0xA6:
			return 3
		case 0x98, 0x99:
			if !curly {
				return 3
			}
		}
	}
	return 0
}

// nextNonASCII returns the index of the first byte at or after i that is
// not ASCII, or len(text), reading eight bytes at a time.
func nextNonASCII(text []byte, i int) int {
	for ; i+8 <= len(text); i += 8 {
		if binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// lowerASCIIInPlace lower-cases the ASCII capitals of b, eight bytes at a
// time: adding 0x3f to a byte's low seven bits carries into its top bit
// from 'A' on, adding 0x25 from '[' on, and a byte beyond ASCII is left
// alone.
func lowerASCIIInPlace(b []byte) {
	const hi, ones = 0x8080808080808080, 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		low := x &^ hi
		upper := (low + ones*(0x80-'A')) &^ (low + ones*(0x80-'Z'-1)) &^ x & hi
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		b[i] = lowerByte(b[i])
	}
}

// folder folds text to lower-case ASCII as the analyser folds words:
// Bleve's ASCII folding maps each character on its own, so folding a
// sentence character by character, remembering each character's folding,
// gives what folding it whole would, at a fraction of the cost.
type folder map[rune]string

// fold returns the folded sentence, and false if some of it has no ASCII
// form.
func (f folder) fold(sentence string) ([]byte, bool) {
	out := make([]byte, 0, len(sentence))
	for i := 0; i < len(sentence); {
		c := sentence[i]
		if c < utf8.RuneSelf {
			out = append(out, lowerByte(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(sentence[i:])
		i += size
		folded, ok := f[r]
		if !ok {
			folded = string(asciifolding.New().Filter([]byte(string(r))))
			if r == utf8.RuneError || hasNonASCII(folded) {
				folded = "\x80" // marks no ASCII form
			}
			f[r] = folded
		}
		if folded == "\x80" {
			return nil, false
		}
		for j := 0; j < len(folded); j++ {
			out = append(out, lowerByte(folded[j]))
		}
	}
	return out, true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// needles returns what every word a match is made of contains, folded and
// lower-cased: an exact term or a phrase's word itself, and for a stem all
// of it but the last letter (at least its first two). It returns false when
// there is no such short list: for a proximity phrase, whose words may
// stand in different sentences, a stem shorter than two letters, or too
// many words.
//
// A stem keeps all of its word but the last letter because the Snowball
// English stemmer only rewrites the end of a word: it removes endings
// (ceasefires → ceasefir) and changes at most the last letter of what it
// keeps (happy → happi, sensibility → sensibl). Its few whole-word
// exceptions that do not (dying → die) fail find's first-two-letters test
// anyway. TestStemNeedles checks this on the AllSides vocabulary.
func (m *marks) needles() ([]string, bool) {
	var out []string
	for t := range m.exact {
		out = append(out, t)
	}
	for _, p := range m.phrases {
		if p.slop > 0 {
			return nil, false
		}
		out = append(out, p.words...)
	}
	for s := range m.stems {
		if len(s) < 2 {
			return nil, false
		}
		out = append(out, stemNeedle(s))
	}
	return out, len(out) <= maxNeedles
}

// stemNeedle is what every word that stems to s, and shares its first two
// letters, begins with.
func stemNeedle(s string) string {
	return s[:max(2, len(s)-1)]
}

// scan gathers the matches of the marks in stretches of a text.
type scan struct {
	m           *marks
	words       *wordFilter
	found       [][2]int
	phraseWords []word // only the words phrases use, to look for runs
	term        []byte
}

func (m *marks) newScan() *scan {
	m.skimPlan()
	return &scan{m: m, words: m.filter}
}

// wordFilter is what a scan compares words with: most words are ruled out
// by their first bytes, before their terms are made and looked up.
type wordFilter struct {
	inPhrase map[string]bool
	heads    stemHeads
	stems    bool
	first    [256]bool // the first bytes of the exact terms and phrase words
}

func (m *marks) newWordFilter() *wordFilter {
	f := &wordFilter{inPhrase: map[string]bool{}, heads: m.stemHeads(), stems: len(m.stems) > 0}
	for t := range m.exact {
		f.first[t[0]] = true
	}
	for _, p := range m.phrases {
		for _, w := range p.words {
			f.inPhrase[w] = true
			f.first[w[0]] = true
		}
	}
	return f
}

// may reports whether a word may be a marked exact term or phrase word, or
// stem to a marked stem. A word's term begins with its first bytes
// lower-cased when they are ASCII: folding changes only the rest.
func (f *wordFilter) may(word []byte) bool {
	c := word[0]
	if c >= utf8.RuneSelf {
		return true
	}
	c = lowerByte(c)
	if f.first[c] {
		return true
	}
	if !f.stems {
		return false
	}
	if len(word) < 2 || word[1] >= utf8.RuneSelf {
		return true
	}
	return f.heads.mayStart(c, lowerByte(word[1]))
}

// add analyses text, which starts at byte base of the whole, numbering its
// words from first. It returns the last word's number.
func (sc *scan) add(an *index.Analyzer, text []byte, base, first int) int {
	m := sc.m
	last := first - 1
	an.Spans(text, func(from, to, position int) {
		last = first - 1 + position
		if !sc.words.may(text[from:to]) {
			return
		}
		sc.term = index.Fold(sc.term[:0], text[from:to])
		term := sc.term
		start, end := base+from, base+to
		switch {
		case m.exact[string(term)]:
			sc.found = append(sc.found, [2]int{start, end})
		case len(m.stems) > 0 && sc.words.heads.mayStem(term):
			if s, ok := an.Stem(term); ok && m.stems[s] {
				sc.found = append(sc.found, [2]int{start, end})
			}
		}
		if sc.words.inPhrase[string(term)] {
			sc.phraseWords = append(sc.phraseWords, word{term: string(term), start: start, end: end, pos: last})
		}
	})
	return last
}

// hits returns the matches found, in order, overlapping ones joined.
func (sc *scan) hits() [][2]int {
	hits := sc.found
	for _, p := range sc.m.phrases {
		hits = append(hits, phraseHits(p, sc.phraseWords)...)
	}
	return mergeRanges(hits)
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

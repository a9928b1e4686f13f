package query

import (
	"bytes"
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
func (m *marks) snippetsOf(an *index.Analyzer, text string, base, n int) []Snippet {
	sents := sentences(text)
	return snippets(text, sents, base, m.findIn(an, text, sents), n)
}

// findIn returns what find returns for text, whose sentences are sents,
// but analyses only the sentences that can hold a match.
//
// Cutting an article into words is the costliest part of making its
// snippets, and most of its sentences hold nothing the query asked for. A
// sentence can only hold a match if its folded, lower-cased text contains
// one of the query's needles (see needles): those that cannot are skipped,
// and the rest are analysed in runs of adjacent sentences. The answer is the
// same as find's: a word never spans two sentences (they are cut at white
// space, where words always end), a skipped sentence holds at least one
// word, so no exact phrase runs across it, and the words of a run are
// numbered so that no phrase runs from one run into the next.
func (m *marks) findIn(an *index.Analyzer, text string, sents [][2]int) [][2]int {
	if m.empty() {
		return nil
	}
	needles, ok := m.needles()
	if !ok {
		return m.find(an, text)
	}
	// The text as bytes, for the analyser, and lower-cased, for mayHold:
	// both from a buffer that later searches use again (they were a fifth
	// of the bytes a search allocated).
	buf := getTextBuffer(2 * len(text))
	defer textBuffers.Put(buf)
	raw, lower := (*buf)[:len(text)], (*buf)[len(text):2*len(text)]
	copy(raw, text)
	for i := 0; i < len(text); i++ {
		lower[i] = lowerByte(text[i])
	}
	bneedles := make([][]byte, len(needles))
	for i, n := range needles {
		bneedles[i] = []byte(n)
	}
	f := folder{}
	keep := make([]bool, len(sents))
	for i, s := range sents {
		keep[i] = f.mayHold(text[s[0]:s[1]], lower[s[0]:s[1]], bneedles)
	}
	sc := m.newScan()
	pos := 0 // the last word's number so far
	for i := 0; i < len(sents); {
		if !keep[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(sents) && keep[j+1] {
			j++
		}
		from, to := sents[i][0], sents[j][1]
		if from > 0 {
			// A run starts after white space, where words always start,
			// unless a combining mark or format character follows it.
			if r, _ := utf8.DecodeRuneInString(text[from:]); unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
				return m.find(an, text)
			}
		}
		pos = sc.add(an, raw[from:to], from, pos+2)
		i = j + 1
	}
	return sc.hits()
}

// mayHold reports whether a sentence may hold a match: whether its folded,
// lower-cased text contains a needle, or it holds no ASCII letter or digit
// (and so perhaps no word, which a run of words must not skip). lower is
// the sentence with ASCII letters lower-cased.
func (f folder) mayHold(sentence string, lower []byte, needles [][]byte) bool {
	hay := lower
	if hasNonASCII(sentence) {
		var ok bool
		if hay, ok = f.fold(sentence); !ok {
			return true // no ASCII form: Cyrillic, Arabic, a broken byte…
		}
	}
	for _, n := range needles {
		if bytes.Contains(hay, n) {
			return true
		}
	}
	for i := 0; i < len(sentence); i++ {
		if c := sentence[i]; ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			return false
		}
	}
	return true
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
	inPhrase    map[string]bool
	heads       stemHeads
	found       [][2]int
	phraseWords []word // only the words phrases use, to look for runs
}

func (m *marks) newScan() *scan {
	sc := &scan{m: m, inPhrase: map[string]bool{}, heads: m.stemHeads()}
	for _, p := range m.phrases {
		for _, w := range p.words {
			sc.inPhrase[w] = true
		}
	}
	return sc
}

// add analyses text, which starts at byte base of the whole, numbering its
// words from first. It returns the last word's number.
func (sc *scan) add(an *index.Analyzer, text []byte, base, first int) int {
	m := sc.m
	last := first - 1
	an.Words(text, func(w index.Word) {
		term := w.Term
		start, end := base+w.Start, base+w.End
		switch {
		case m.exact[string(term)]:
			sc.found = append(sc.found, [2]int{start, end})
		case len(m.stems) > 0 && sc.heads.mayStem(term):
			if s, ok := an.Stem(term); ok && m.stems[s] {
				sc.found = append(sc.found, [2]int{start, end})
			}
		}
		last = first - 1 + w.Position
		if sc.inPhrase[string(term)] {
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

// textBuffers keeps the buffers findIn copies texts into.
var textBuffers sync.Pool

// getTextBuffer returns a buffer of at least n bytes from textBuffers.
func getTextBuffer(n int) *[]byte {
	if b, ok := textBuffers.Get().(*[]byte); ok && cap(*b) >= n {
		*b = (*b)[:n]
		return b
	}
	b := make([]byte, n)
	return &b
}

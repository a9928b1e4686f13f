package index

import (
	"bytes"
	"hash/maphash"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Analyzer turns text into the terms Parley indexes and searches. Indexing
// and querying both go through it, so a word is always cut, folded and
// stemmed the same way on both sides.
//
// Words are cut by Unicode word boundaries (UAX #29, Bleve's "unicode"
// tokenizer, with a fast path for ASCII: see wordSpans), then folded to ASCII where they have an ASCII form (Erdoğan →
// erdogan, Əliyev → aliyev, don’t → don't) and lower-cased: those are the
// exact terms, which quoted phrases search. Stemmed terms drop English
// possessives and stop words and are stemmed with the Snowball English
// stemmer (ceasefires → ceasefir): those are what bare words search.
//
// The mapping declares the same chain with Bleve's built-in components
// (see NewMapping); doing it here lets one pass over the text feed both
// fields and keeps every offset pointing into the original bytes, which
// Bleve's character filter would shift. It departs from Bleve's tokenizer
// in one way: a colon inside a word separates words. Unicode keeps
// "minister:US" whole (a colon joins letters in Swedish), but in news a
// colon between letters is a missing space, and a phrase must not miss it.
type Analyzer struct {
	stopWords map[string]bool
	// common holds the words frequent enough that a phrase made only of
	// them is slow to check by positions alone: the stop words and a few
	// more (see commonWords).
	common map[string]bool
	// stems caches stemmed forms: stemming is the costliest
	// step, and news repeats its vocabulary.
	stems *stemCache
}

// commonWords are the words besides the stop words that news uses so often
// that a phrase of them alone ("we will not", "it would never") has tens
// of thousands of candidate articles: modal verbs, "said", and a few
// adverbs. Pairs of common words are indexed whole (FieldBodyPairs).
var commonWords = []string{"will", "would", "can", "could", "may", "might", "must", "shall", "need",
	"said", "says", "say", "also", "just", "even", "still", "now", "never", "ever", "always", "yet", "one",
	"many", "much", "every", "well", "get", "got", "go", "going", "make", "like", "want", "think", "know",
	"people", "us", "new", "first", "last", "two", "year", "years", "time", "back", "way"}

// maxStemCache bounds each goroutine's stem cache.
const maxStemCache = 200_000

// NewAnalyzer returns an Analyzer.
func NewAnalyzer() *Analyzer {
	stop, _ := en.TokenMapConstructor(nil, nil)
	a := &Analyzer{stopWords: make(map[string]bool, len(stop)), common: map[string]bool{}}
	for w := range stop {
		a.stopWords[w] = true
		a.common[w] = true
	}
	for _, w := range commonWords {
		a.common[w] = true
	}
	a.stems = newStemCache()
	return a
}

// Word is one word of a text, as the exact field indexes it.
type Word struct {
	// Term is the folded, lower-cased word. It is only valid until the
	// callback returns.
	Term []byte
	// Start and End are byte offsets of the word in the text as given.
	Start, End int
	// Position counts words from 1.
	Position int
}

// Words calls fn for each word of text, in order.
func (a *Analyzer) Words(text []byte, fn func(Word)) {
	var scratch []byte
	pos := 0
	wordSpans(text, func(start, end int) {
		for piece, at := range colonPieces(text[start:end]) {
			pos++
			scratch = foldWord(scratch[:0], piece)
			fn(Word{Term: scratch, Start: start + at, End: start + at + len(piece), Position: pos})
		}
	})
}

// Spans calls fn for each word of text, in order, with what Words gives
// but its term: its byte offsets and position. Folding every word costs
// more than a caller needs that looks at a few words only, chosen by their
// bytes; Fold gives the term of those.
func (a *Analyzer) Spans(text []byte, fn func(start, end, position int)) {
	pos := 0
	wordSpans(text, func(start, end int) {
		if bytes.IndexByte(text[start:end], ':') < 0 {
			pos++
			fn(start, end, pos)
			return
		}
		for piece, at := range colonPieces(text[start:end]) {
			pos++
			fn(start+at, start+at+len(piece), pos)
		}
	})
}

// Fold appends to dst the exact term of a word that Spans found, as
// Words gives it.
func Fold(dst, word []byte) []byte {
	return foldWord(dst, word)
}

// colonPieces yields the parts of a word between colons, with their offsets.
func colonPieces(word []byte) func(func([]byte, int) bool) {
	return func(yield func([]byte, int) bool) {
		at := 0
		for {
			i := bytes.IndexByte(word[at:], ':')
			if i < 0 {
				if at < len(word) {
					yield(word[at:], at)
				}
				return
			}
			if i > 0 && !yield(word[at:at+i], at) {
				return
			}
			at += i + 1
		}
	}
}

// foldWord appends the exact term of a word to dst: folded to ASCII where
// possible and lower-cased.
func foldWord(dst, word []byte) []byte {
	ascii := true
	for _, c := range word {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		word = asciifolding.New().Filter(word)
		if hasNonASCII(word) {
			word = bytes.ToLower(word) // Cyrillic, Arabic…: no ASCII form, but still case-folded
		}
	}
	for _, c := range word {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// IsStopWord reports whether a word is one of the stop words the stemmed
// fields leave out.
func (a *Analyzer) IsStopWord(word string) bool {
	return a.stopWords[string(foldWord(nil, []byte(word)))]
}

// ExactTerms returns the exact terms of text, in order.
func (a *Analyzer) ExactTerms(text string) []string {
	var out []string
	a.Words([]byte(text), func(w Word) { out = append(out, string(w.Term)) })
	return out
}

// Stem returns the stemmed term for an exact term, and false when the term
// is a stop word, which the stemmed fields leave out.
func (a *Analyzer) Stem(exact []byte) (string, bool) {
	if s, ok := a.stems.get(exact); ok {
		return s, s != ""
	}
	term := exact
	// Possessives, as Bleve's possessive_en filter: the exact term is
	// already folded, so ’s has become 's.
	if n := len(term); n > 2 && term[n-2] == '\'' && term[n-1] == 's' {
		term = term[:n-2]
	}
	s := ""
	if !a.stopWords[string(term)] {
		env := snowballstem.NewEnv(string(term))
		english.Stem(env)
		s = env.Current()
	}
	a.stems.put(exact, s)
	return s, s != ""
}

// StemmedTerms returns the stemmed terms of text, in order, without stop words.
func (a *Analyzer) StemmedTerms(text string) []string {
	var out []string
	a.Words([]byte(text), func(w Word) {
		if s, ok := a.Stem(w.Term); ok {
			out = append(out, s)
		}
	})
	return out
}

// stemCache maps exact terms to their stems, shared by every goroutine
// that analyses text. It is split in shards so that analysing on every
// core rarely waits, and bounded: news repeats its vocabulary, and the
// rare words past the bound are stemmed each time.
type stemCache struct {
	seed   maphash.Seed
	shards [16]struct {
		sync.RWMutex
		m map[string]string
	}
}

func newStemCache() *stemCache {
	c := &stemCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string, 1024)
	}
	return c
}

func (c *stemCache) get(term []byte) (string, bool) {
	sh := &c.shards[maphash.Bytes(c.seed, term)%uint64(len(c.shards))]
	sh.RLock()
	s, ok := sh.m[string(term)]
	sh.RUnlock()
	return s, ok
}

func (c *stemCache) put(term []byte, stem string) {
	sh := &c.shards[maphash.Bytes(c.seed, term)%uint64(len(c.shards))]
	sh.Lock()
	if len(sh.m) < maxStemCache/len(c.shards) {
		sh.m[string(term)] = stem
	}
	sh.Unlock()
}

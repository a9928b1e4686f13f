package index

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// PartGap is how far apart, in positions, two parts of one text are
// indexed: the last word of one body paragraph and the first of the next
// are PartGap positions apart, not one, so that no phrase, however much
// slop it allows, runs across text that was set aside between them. It is
// larger than the widest window the query language allows (100 words and
// a slop of 100).
const PartGap = 1000

// textFields names the fields one kind of text (title, body, comments) is
// indexed in.
type textFields struct {
	stemmed string // also the stored field holding each part's text
	exact   string
	pairs   string // "" for none
}

var (
	titleFields    = textFields{FieldTitle, FieldTitleExact, ""}
	bodyFields     = textFields{FieldBody, FieldBodyExact, FieldBodyPairs}
	commentsFields = textFields{FieldComments, FieldCommentsExact, ""}
)

// addText adds the parts of one kind of text to a document: each part's
// text stored for display, and, for all the parts together, the stemmed,
// exact and (for the body) pairs fields, analysed once.
//
// It returns the analysis, which quotations of the body share (see
// quoteTerms); nil when there are no parts.
func (ix *Index) addText(d *document.Document, names textFields, parts []string) *textAnalysis {
	if len(parts) == 0 {
		return nil
	}
	for i, p := range parts {
		var ap []uint64 // which part: the title has one
		if names.stemmed != FieldTitle {
			ap = []uint64{uint64(i)}
		}
		// Bleve copies a stored value and never changes it: no need to
		// copy the text first.
		d.AddField(document.NewTextFieldWithIndexingOptions(names.stemmed, ap, unsafe.Slice(unsafe.StringData(p), len(p)), index.StoreField))
	}
	t := &textAnalysis{analyzer: ix.analyzer, parts: parts, pairs: names.pairs != "", fields: 2}
	if t.pairs {
		t.fields = 3
		t.pairPositions = !ix.legacyPairs
	}
	d.AddField(newTextField(names.stemmed, index.IndexField, t, stemmedTerms))
	d.AddField(newTextField(names.exact, index.IndexField|index.IncludeTermVectors, t, exactTerms))
	if t.pairs {
		opts := index.IndexField | index.IncludeTermVectors
		if !t.pairPositions {
			opts = index.IndexField
		}
		d.AddField(newTextField(names.pairs, opts, t, pairTerms))
	}
	return t
}

// termKind says which of a text's analyses a field holds.
type termKind int

const (
	stemmedTerms termKind = iota
	exactTerms
	pairTerms
)

// textAnalysis analyses a text's parts once for all of its fields. Bleve
// analyses a batch's documents in parallel just before writing them, so
// the work (and its memory) happens late, on every core, and is dropped as
// soon as the batch is written.
//
// It keeps each field's terms compactly: distinct terms in one arena, a
// count for each, and for exact terms every position in one slice, so
// that the segment builder (index/zap) reads them without the map of
// small objects Bleve's own fields build.
type textAnalysis struct {
	analyzer *Analyzer
	parts    []string
	pairs    bool
	// pairPositions keeps each pair's positions: the position of its first
	// word in the exact field, so that a phrase of common words can be
	// checked on pairs alone. Indexes of schema 5 have none (see
	// Options.LegacyPairs).
	pairPositions bool
	once          sync.Once
	// fields counts the fields reading the analysis, released those done
	// with it (see ReleaseTerms).
	fields, released int

	exact, stemmed, pairTerms terms
	// positions of exact term i are positions[starts[i]:starts[i+1]], and
	// of pair i pairPos[pairStarts[i]:pairStarts[i+1]].
	positions, pairPos []uint32
	starts, pairStarts []uint32

	// A body's quotations are words of the body: analysing the body gives
	// each its terms (see quoteTerms), which cost as much again to find
	// by analysing the quotation afresh. partStarts are where the body's
	// parts start in the article's text, and quotes the analyses of its
	// quotations.
	partStarts []int
	quotes     []*textAnalysis
	// For a quotation's analysis: the body's, and where the quotation
	// stands in the article's text. derived says the body's analysis gave
	// the quotation its terms; it did not when the quotation's words are
	// not all whole words of one body part.
	body    *textAnalysis
	span    [2]int
	derived bool
}

// terms are a field's distinct terms with how often each occurs.
type terms struct {
	words  []string
	counts []uint32
	length int // all occurrences: the field's length
}

func (t *terms) reserve(n int) {
	t.words = make([]string, 0, n)
	t.counts = make([]uint32, 0, n)
}

// define adds a distinct term, not yet counted, and returns its number.
func (t *terms) define(word string) int32 {
	t.words = append(t.words, word)
	t.counts = append(t.counts, 0)
	return int32(len(t.words) - 1)
}

// count counts one occurrence of term id.
func (t *terms) count(id int32) {
	t.counts[id]++
	t.length++
}

func (t *textAnalysis) run() {
	t.once.Do(func() {
		if t.body != nil {
			t.body.run()
			if t.derived {
				return
			}
		}
		t.analyze()
	})
}

// analyze finds the text's terms. It runs for every text indexed, so it
// allocates per text, not per word.
func (t *textAnalysis) analyze() {
	var (
		arena termArena
		pos   uint32
	)
	size := 0
	for _, p := range t.parts {
		size += len(p)
	}
	sc := getScratch(size)
	defer sc.release()
	exactID, stemID, pairID := sc.exactID, sc.stemID, sc.pairID
	// News runs to about six bytes a word, and half an article's words
	// are distinct: size what the text needs, since a batch holds
	// thousands of texts at once.
	stemOf := sc.stemOf[:0]                // each exact term's stem, -1 for a stop word
	ids := slices.Grow(sc.ids[:0], size/5) // each word's exact term, in order
	posOf := slices.Grow(sc.posOf[:0], size/5)
	pairIDs, pairPosOf := sc.pairIDs[:0], sc.pairPosOf[:0] // each pair's term and position, in order
	// Each word's offsets in the article's text, for the quotations.
	wordAt := sc.wordAt[:0]
	arena.chunk = make([]byte, 0, size/2+64)
	t.exact.reserve(size / 10)
	t.stemmed.reserve(size / 12)
	for i, part := range t.parts {
		if i > 0 {
			pos += PartGap - 1
		}
		prev := int32(-1) // the previous word's exact term, for pairs; -1 after an uncommon word
		last := pos
		t.analyzer.Words(unsafe.Slice(unsafe.StringData(part), len(part)), func(w Word) {
			id, ok := exactID[string(w.Term)]
			if !ok {
				word := arena.string(w.Term)
				id = t.exact.define(word)
				exactID[word] = id
				s := int32(-1)
				// The cache's stems are never changed: the text may keep them.
				if stem, _ := t.analyzer.Stem(w.Term); stem != "" {
					var seen bool
					if s, seen = stemID[stem]; !seen {
						s = t.stemmed.define(stem)
						stemID[stem] = s
					}
				}
				stemOf = append(stemOf, s)
			}
			t.exact.count(id)
			if s := stemOf[id]; s >= 0 {
				t.stemmed.count(s)
			}
			last = pos + uint32(w.Position)
			ids = append(ids, id)
			posOf = append(posOf, last)
			if t.quotes != nil {
				at := t.partStarts[i]
				wordAt = append(wordAt, [2]int32{int32(at + w.Start), int32(at + w.End)})
			}
			if !t.pairs {
				return
			}
			if !t.analyzer.common[t.exact.words[id]] {
				prev = -1
				return
			}
			if prev >= 0 {
				pair := arena.pair(t.exact.words[prev], t.exact.words[id])
				pid, ok := pairID[pair]
				if !ok {
					pid = t.pairTerms.define(pair)
					pairID[pair] = pid
				}
				t.pairTerms.count(pid)
				if t.pairPositions {
					pairIDs = append(pairIDs, pid)
					pairPosOf = append(pairPosOf, last-1)
				}
			}
			prev = id
		})
		pos = last
	}
	fill := sc.fill
	if t.quotes != nil {
		fill = t.quoteTerms(ids, posOf, wordAt, stemOf, fill)
	}
	t.starts, t.positions, fill = groupPositions(&t.exact, ids, posOf, fill)
	if t.pairPositions {
		t.pairStarts, t.pairPos, fill = groupPositions(&t.pairTerms, pairIDs, pairPosOf, fill)
	}
	sc.stemOf, sc.ids, sc.posOf, sc.fill, sc.pairIDs, sc.pairPosOf, sc.wordAt = stemOf, ids, posOf, fill, pairIDs, pairPosOf, wordAt
}

// quoteTerms gives each of the body's quotations its terms, from the
// body's words: what analysing the quotation's text gives, found without
// cutting, folding or looking up a word again. The body's words are ids
// (exact terms) at posOf, at wordAt in the article's text, and stemOf
// gives each exact term's stem. A quotation whose span does not hold
// whole words of one part is left to analyse its own text. seen is
// scratch, returned for reuse.
func (t *textAnalysis) quoteTerms(ids []int32, posOf []uint32, wordAt [][2]int32, stemOf []int32, seen []uint32) []uint32 {
	// seen numbers the body's terms, exact then stems, in the quotation
	// being read, from 1; 0 for a term not in it.
	nExact := len(t.exact.words)
	seen = slices.Grow(seen[:0], nExact+len(t.stemmed.words))[:nExact+len(t.stemmed.words)]
	clear(seen)
	for _, q := range t.quotes {
		first, last, ok := quoteWords(q.span, wordAt, posOf)
		if !ok {
			continue
		}
		words := ids[first:last]
		q.exact.reserve(len(words))
		q.stemmed.reserve(len(words))
		for _, id := range words {
			if seen[id] == 0 {
				q.exact.define(t.exact.words[id])
				seen[id] = uint32(len(q.exact.words))
			}
			q.exact.count(int32(seen[id] - 1))
			if s := stemOf[id]; s >= 0 {
				if k := nExact + int(s); seen[k] == 0 {
					q.stemmed.define(t.stemmed.words[s])
					seen[k] = uint32(len(q.stemmed.words))
				}
				q.stemmed.count(int32(seen[nExact+int(s)] - 1))
			}
		}
		// Positions count from 1 at the quotation's first word, as in a
		// text of its own (the words of one part are numbered in a row),
		// grouped by term as groupPositions groups them.
		nq := len(q.exact.words)
		q.starts = make([]uint32, 2*nq+1)
		next := q.starts[nq+1:]
		for k, c := range q.exact.counts {
			q.starts[k+1] = q.starts[k] + c
			next[k] = q.starts[k]
		}
		q.positions = make([]uint32, len(words))
		base := posOf[first] - 1
		for j, id := range words {
			k := seen[id] - 1
			q.positions[next[k]] = posOf[first+j] - base
			next[k]++
		}
		q.starts = q.starts[: nq+1 : nq+1]
		for _, id := range words {
			seen[id] = 0
			if s := stemOf[id]; s >= 0 {
				seen[nExact+int(s)] = 0
			}
		}
		q.derived = true
	}
	return seen
}

// quoteWords returns the words of a body that make up a quotation at
// span: words first to last, not included. ok is false when the span
// holds no word, cuts one, or runs over more than one part (where the
// quotation's own text would number its words in a row and the body's
// leave PartGap between the parts).
func quoteWords(span [2]int, wordAt [][2]int32, posOf []uint32) (first, last int, ok bool) {
	cmp := func(w [2]int32, at int) int { return int(w[0]) - at }
	first, _ = slices.BinarySearchFunc(wordAt, span[0], cmp)
	last, _ = slices.BinarySearchFunc(wordAt, span[1], cmp)
	switch {
	case first == last,
		first > 0 && int(wordAt[first-1][1]) > span[0],
		int(wordAt[last-1][1]) > span[1],
		posOf[last-1]-posOf[first] != uint32(last-1-first):
		return 0, 0, false
	}
	return first, last, true
}

// groupPositions groups the positions of a field's occurrences (term
// ids[i] at posOf[i]) by term, keeping their order: term i's positions are
// positions[starts[i]:starts[i+1]]. fill is scratch, returned for reuse.
func groupPositions(ts *terms, ids []int32, posOf, fill []uint32) (starts, positions, _ []uint32) {
	starts = make([]uint32, len(ts.words)+1)
	for i, n := range ts.counts {
		starts[i+1] = starts[i] + n
	}
	positions = make([]uint32, len(ids))
	fill = append(fill[:0], starts[:len(ts.words)]...)
	for i, id := range ids {
		positions[fill[id]] = posOf[i]
		fill[id]++
	}
	return starts, positions, fill
}

// scratch is what analysing a text needs only while it runs. Made afresh
// for each text, its maps were a sixth of all the memory indexing
// allocated (AllSides with quotations), and so much of the garbage
// collector's work. It is kept for texts of about the same size (see
// scratchPools): clearing a map costs as much as its largest size, and a
// quotation should not clear maps grown for a long article.
type scratch struct {
	class                   int
	exactID, stemID, pairID map[string]int32
	stemOf, ids, pairIDs    []int32
	posOf, fill, pairPosOf  []uint32
	wordAt                  [][2]int32
}

// scratchPools keeps scratch by size of text: class c holds texts under
// 512 bytes << c; larger texts than the last class get scratch of their
// own, dropped afterwards.
var scratchPools [10]sync.Pool

func getScratch(size int) *scratch {
	class := bits.Len(uint(size) >> 9)
	if class < len(scratchPools) {
		if sc, ok := scratchPools[class].Get().(*scratch); ok {
			return sc
		}
	}
	return &scratch{class: class, exactID: map[string]int32{}, stemID: map[string]int32{}, pairID: map[string]int32{}}
}

func (sc *scratch) release() {
	if sc.class >= len(scratchPools) {
		return
	}
	clear(sc.exactID)
	clear(sc.stemID)
	clear(sc.pairID)
	scratchPools[sc.class].Put(sc)
}

// textField is one field of a text, whose terms the shared analysis
// supplies. It implements index/zap's TermsField, and Bleve's Field for
// any other reader.
type textField struct {
	*document.TextField
	text *textAnalysis
	kind termKind
}

func newTextField(name string, opts index.FieldIndexingOptions, t *textAnalysis, kind termKind) *textField {
	return &textField{TextField: document.NewTextFieldWithIndexingOptions(name, nil, nil, opts), text: t, kind: kind}
}

// Analyze analyses the text, once for all its fields.
func (f *textField) Analyze() { f.text.run() }

func (f *textField) AnalyzedLength() int { return f.text.termsOf(f.kind).length }

// VisitTerms gives the field's terms to the segment builder.
func (f *textField) VisitTerms(fn func(term []byte, freq int, positions []uint32)) {
	f.text.visit(f.kind, fn)
}

// ReleaseTerms drops the text's analysis once the segment builder has
// read every field of it (index/zap calls it after each document).
func (f *textField) ReleaseTerms() { f.text.release() }

// termsOf returns the terms of one of the text's fields.
func (t *textAnalysis) termsOf(kind termKind) *terms {
	switch kind {
	case exactTerms:
		return &t.exact
	case pairTerms:
		return &t.pairTerms
	}
	return &t.stemmed
}

// visit gives the terms of one of the text's fields, with positions for
// the exact field and the pairs field.
func (t *textAnalysis) visit(kind termKind, fn func(term []byte, freq int, positions []uint32)) {
	ts := t.termsOf(kind)
	for i, w := range ts.words {
		var ps []uint32
		switch {
		case kind == exactTerms:
			ps = t.positions[t.starts[i]:t.starts[i+1]]
		case kind == pairTerms && t.pairPositions:
			ps = t.pairPos[t.pairStarts[i]:t.pairStarts[i+1]]
		}
		fn(unsafe.Slice(unsafe.StringData(w), len(w)), int(ts.counts[i]), ps)
	}
}

// release drops the analysis once every field reading it is done.
func (t *textAnalysis) release() {
	if t.released++; t.released == t.fields {
		t.exact, t.stemmed, t.pairTerms = terms{}, terms{}, terms{}
		t.positions, t.starts, t.pairPos, t.pairStarts, t.parts = nil, nil, nil, nil, nil
	}
}

// AnalyzedTokenFrequencies gives the field's terms the way Bleve's own
// fields do, for Bleve code that reads them (a segment Bleve builds
// itself). Locations hold positions only, as Parley indexes them.
func (f *textField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return tokenFrequencies(f.VisitTerms)
}

// tokenFrequencies builds Bleve's TokenFrequencies from the terms visit
// gives: locations hold positions only, as Parley indexes them.
func tokenFrequencies(visit func(fn func(term []byte, freq int, positions []uint32))) index.TokenFrequencies {
	out := index.TokenFrequencies{}
	visit(func(term []byte, freq int, positions []uint32) {
		tf := &index.TokenFreq{Term: append([]byte(nil), term...)}
		tf.SetFrequency(freq)
		for _, p := range positions {
			tf.Locations = append(tf.Locations, &index.TokenLocation{Position: int(p)})
		}
		out[string(term)] = tf
	})
	return out
}

// termsField is a keyword field: one whole value as a term, such as an
// article's source, or several, such as every person it names. Each term
// is kept once, with how often the field holds it, which is all the
// segment builder asks; a field of a Bleve TextField and the values
// joined, as it was, cost four allocations a field, and an article has
// a dozen and a half.
type termsField struct {
	name     string
	opts     index.FieldIndexingOptions
	terms    []string // each value, once, in the order first added
	counts   []int32  // how often each of terms was added; nil while each was once
	total    int      // values added, repeats included
	one      [1]string
	analyzed bool
	// at finds a term in terms once they are too many to look through.
	at map[string]int
}

// addKeyword adds a field holding value as one term, unless value is
// empty. Bleve's own keyword field builds a token stream and a map of
// frequencies for its one term; quote documents have a dozen keywords
// each, and those maps were much of what the garbage collector scanned.
func addKeyword(d *document.Document, name, value string, opts index.FieldIndexingOptions) {
	if value != "" {
		f := &termsField{name: name, opts: opts, total: 1}
		f.one[0] = value
		f.terms = f.one[:]
		d.AddField(f)
	}
}

// newTermsField returns an empty field for add to fill, with room for
// about n values.
func newTermsField(name string, opts index.FieldIndexingOptions, n int) *termsField {
	f := &termsField{name: name, opts: opts}
	if n > 0 {
		f.terms = make([]string, 0, n)
	}
	return f
}

// termsScanLimit is how many terms add looks through before it keeps a
// map: an article names a dozen or two of each kind of entity, and a
// list of every district of a country should not cost a square of it.
const termsScanLimit = 32

// add adds a value: a term the first time, once more of it after.
func (f *termsField) add(value string) {
	f.total++
	i := -1
	if f.at != nil {
		if j, ok := f.at[value]; ok {
			i = j
		}
	} else {
		i = slices.Index(f.terms, value)
	}
	if i >= 0 {
		if f.counts == nil {
			f.counts = make([]int32, len(f.terms), cap(f.terms))
			for j := range f.counts {
				f.counts[j] = 1
			}
		}
		f.counts[i]++
		return
	}
	f.terms = append(f.terms, value)
	if f.counts != nil {
		f.counts = append(f.counts, 1)
	}
	switch {
	case f.at != nil:
		f.at[value] = len(f.terms) - 1
	case len(f.terms) > termsScanLimit:
		f.at = make(map[string]int, 2*len(f.terms))
		for j, t := range f.terms {
			f.at[t] = j
		}
	}
}

func (f *termsField) empty() bool { return len(f.terms) == 0 }

func (f *termsField) Name() string                        { return f.name }
func (f *termsField) ArrayPositions() []uint64            { return nil }
func (f *termsField) Options() index.FieldIndexingOptions { return f.opts }
func (f *termsField) EncodedFieldType() byte              { return 't' }
func (f *termsField) Analyze()                            { f.analyzed = true }

// Value returns the values, in the order added, one a line: a stored
// keyword's value as it is; a field of several values is never stored,
// and Bleve asks for its value only to report on it.
func (f *termsField) Value() []byte {
	if f.total == 1 {
		return unsafe.Slice(unsafe.StringData(f.terms[0]), len(f.terms[0]))
	}
	return []byte(strings.Join(f.values(), "\n"))
}

// values returns every value added, repeats included, in the order of
// their terms.
func (f *termsField) values() []string {
	out := make([]string, 0, f.total)
	for i, t := range f.terms {
		for range f.count(i) {
			out = append(out, t)
		}
	}
	return out
}

func (f *termsField) count(i int) int {
	if f.counts == nil {
		return 1
	}
	return int(f.counts[i])
}

// NumPlainTextBytes is the length of the values, one a line.
func (f *termsField) NumPlainTextBytes() uint64 {
	n := max(f.total-1, 0)
	for i, t := range f.terms {
		n += f.count(i) * len(t)
	}
	return uint64(n)
}

func (f *termsField) Size() int {
	n := int(unsafe.Sizeof(*f)) + len(f.name) + 16*cap(f.terms) + 4*cap(f.counts)
	for _, t := range f.terms {
		n += len(t)
	}
	return n
}

func (f *termsField) AnalyzedLength() int {
	if !f.analyzed {
		return 0
	}
	return f.total
}

// VisitTerms gives each distinct value with how often the field holds it.
func (f *termsField) VisitTerms(fn func(term []byte, freq int, positions []uint32)) {
	if !f.analyzed {
		return
	}
	for i, t := range f.terms {
		fn(unsafe.Slice(unsafe.StringData(t), len(t)), f.count(i), nil)
	}
}

// visitKeywordTerms gives each distinct value of a keyword field with how
// often it holds it. The bytes are the value's own, only read.
func visitKeywordTerms(values []string, fn func(term []byte, freq int, positions []uint32)) {
	for i, t := range values {
		if slices.Contains(values[:i], t) {
			continue
		}
		n := 0
		for _, u := range values[i:] {
			if u == t {
				n++
			}
		}
		fn(unsafe.Slice(unsafe.StringData(t), len(t)), n, nil)
	}
}

func (f *termsField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return tokenFrequencies(f.VisitTerms)
}

// termArena holds the bytes of one text's terms in a few large chunks, so
// that each term costs no allocation of its own. Bytes once written are
// never changed, which is what makes handing out strings that share them
// safe.
type termArena struct{ chunk []byte }

const arenaChunk = 4 << 10

// alloc returns n bytes of fresh space.
func (a *termArena) alloc(n int) []byte {
	if len(a.chunk)+n > cap(a.chunk) {
		a.chunk = make([]byte, 0, max(arenaChunk, n))
	}
	start := len(a.chunk)
	a.chunk = a.chunk[:start+n]
	return a.chunk[start : start+n : start+n]
}

// string copies b into the arena and returns it as a string.
func (a *termArena) string(b []byte) string {
	dst := a.alloc(len(b))
	copy(dst, b)
	return unsafe.String(unsafe.SliceData(dst), len(dst))
}

// pair returns first + " " + second, kept in the arena.
func (a *termArena) pair(first, second string) string {
	dst := a.alloc(len(first) + 1 + len(second))
	copy(dst, first)
	dst[len(first)] = ' '
	copy(dst[len(first)+1:], second)
	return unsafe.String(unsafe.SliceData(dst), len(dst))
}

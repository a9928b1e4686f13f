package query

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// phraseQuery matches documents in which exact terms appear one after
// another (Slop 0) or all within a window of len(Terms)+Slop words, in any
// order (Slop > 0), inside one value of one field.
//
// Bleve has a phrase query, but it reads the positions of every document
// holding all the words before checking any of them, and has no slop. A
// phrase of common words ("we will not") then costs tens of milliseconds.
// This one finds the documents holding all the terms with Bleve's own
// scored conjunction, whose term searchers bring each candidate's
// positions with it, and checks them.
//
// Pairs, when given (Slop 0 only), are the phrase's adjacent pairs of
// common words ("we will", "will not") as terms of PairsField, which holds
// each pair at the position of its first word. A run of common words is
// checked on its pairs instead of its words: "we", "will" and "not" are
// each in most articles, "we will" and "will not" in a few, and reading
// the postings of words in most articles was most of what such a phrase
// cost. The pairs then weigh in the score as the words they stand for
// did. With OnWords, or slop, the words are checked, and pairs only
// narrow the candidates, hardly weighing in the score.
type phraseQuery struct {
	Terms      []string     `json:"terms"`
	Field      string       `json:"field"`
	Slop       int          `json:"slop,omitempty"`
	Pairs      []phrasePair `json:"pairs,omitempty"`
	PairsField string       `json:"pairs_field,omitempty"`
	Boost      float64      `json:"boost,omitempty"`

	// OnWords checks every match on its words' positions, as indexes
	// whose pairs have no positions (schema 5) need.
	OnWords bool `json:"on_words,omitempty"`
}

// phrasePair is a pair of adjacent common words of a phrase: Term holds
// Terms[At] and Terms[At+1].
type phrasePair struct {
	Term string `json:"term"`
	At   int    `json:"at"`
}

// MarshalJSON writes the query for --explain, in the shape of Bleve's own
// phrase query plus slop.
func (q *phraseQuery) MarshalJSON() ([]byte, error) {
	type plain phraseQuery
	return json.Marshal(struct {
		Phrase plain `json:"parley_phrase"`
	}{plain(*q)})
}

// An occurrence is a term the phrase has at offset At: a word of the exact
// field, or a pair of the pairs field.
type occurrence struct {
	term string
	at   int
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	boost := q.Boost
	if boost == 0 {
		boost = 1
	}
	s := &phraseSearcher{field: q.Field, pairsField: q.PairsField, slop: q.Slop, ctx: ctx, reader: r, need: map[string]int{}}
	var pairs []string // the distinct pairs, in order
	for _, p := range q.Pairs {
		if !slices.Contains(pairs, p.Term) {
			pairs = append(pairs, p.Term)
		}
	}
	onPairs := q.Slop == 0 && len(pairs) > 0 && !q.OnWords
	covered := make([]bool, len(q.Terms)) // words that pairs stand for
	if onPairs {
		for _, p := range q.Pairs {
			covered[p.At], covered[p.At+1] = true, true
			s.check = append(s.check, occurrence{p.Term, p.At})
		}
		s.pairs = pairs
	}
	var words []string // the distinct words searched, in order
	for k, t := range q.Terms {
		s.need[t]++
		s.words = append(s.words, occurrence{t, k})
		if !covered[k] {
			s.check = append(s.check, occurrence{t, k})
			if !slices.Contains(words, t) {
				words = append(words, t)
			}
		}
	}
	for _, o := range s.words {
		if !slices.Contains(words, o.term) && !slices.Contains(s.fallback, o.term) {
			s.fallback = append(s.fallback, o.term)
		}
	}
	s.terms = append(slices.Clone(words), s.pairs...)

	// The terms checked bring their positions with them, read once for
	// the score and the check alike. A phrase that is one pair ("will
	// not") needs none: a document holding the pair holds the phrase.
	scoring := options
	scoring.IncludeTermVectors = false
	positions := scoring
	positions.IncludeTermVectors = true
	if s.single() {
		positions = scoring
	}
	var terms []search.Searcher
	add := func(term, field string, boost float64, opts search.SearcherOptions) error {
		t, err := searcher.NewTermSearcher(ctx, r, term, field, boost, opts)
		if err != nil {
			for _, t := range terms {
				t.Close()
			}
			return err
		}
		terms = append(terms, t)
		return nil
	}
	for _, t := range words {
		if err := add(t, q.Field, boost, positions); err != nil {
			return nil, err
		}
	}
	for _, p := range pairs {
		// Checked on, a pair weighs what its words would; only narrowing
		// the search, hardly anything.
		b, opts := boost*pairWeight, scoring
		if onPairs {
			b, opts = boost, positions
		}
		if err := add(p, q.PairsField, b, opts); err != nil {
			return nil, err
		}
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, terms, scoring)
	if err != nil {
		for _, t := range terms {
			t.Close()
		}
		return nil, err
	}
	s.Searcher = conj
	return s, nil
}

// pairWeight scales a common-word pair's share of a phrase's score.
const pairWeight = 0.001

// phraseSearcher checks the positions of the documents its conjunction finds.
type phraseSearcher struct {
	search.Searcher // the scored conjunction of the phrase's terms
	field           string
	pairsField      string
	slop            int
	// need counts each word of the phrase, words are the phrase's words
	// and check what a match is checked on: its words, or its pairs and
	// the words no pair stands for.
	need         map[string]int
	words, check []occurrence
	// terms are the distinct terms of check, whose positions the
	// conjunction brings; positions[i] are those of terms[i] in the match.
	terms     []string
	positions [][]position
	// pairs are the terms of PairsField in check. A match written before
	// pairs had positions has none for them: its fallback words, those
	// that pairs stand for, are then read from reader, and it is checked
	// on its words. That is slow (Bleve reads every posting of the words
	// on the way), but only such matches pay for it, and searches of a
	// schema 5 index, where all would, check on words from the start
	// (OnWords): this guards the answers, not the speed.
	pairs             []string
	fallback          []string
	ctx               context.Context
	reader            index.IndexReader
	fallbackReaders   []index.TermFieldReader
	fallbackPositions [][]position
	tfd               index.TermFieldDoc
}

// position is a word's position in a field. The parts of a text (body
// paragraphs between set-aside text) are index.PartGap positions apart,
// so no phrase matches across two of them.
type position = uint64

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	m, err := s.Searcher.Next(ctx)
	return s.filter(ctx, m, err)
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	m, err := s.Searcher.Advance(ctx, id)
	return s.filter(ctx, m, err)
}

// filter returns m if its positions hold the phrase, else the next
// candidate that does.
func (s *phraseSearcher) filter(ctx *search.SearchContext, m *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for m != nil && err == nil {
		var ok bool
		if ok, err = s.matches(m); ok || err != nil {
			break
		}
		ctx.DocumentMatchPool.Put(m)
		m, err = s.Searcher.Next(ctx)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// single reports whether the phrase is checked on one term at offset 0,
// which every candidate holds.
func (s *phraseSearcher) single() bool {
	return s.slop == 0 && len(s.check) == 1
}

// matches gathers the positions of each term in the match, which its term
// searchers found, and checks them. The positions are dropped from the
// match after: nothing above asks for them.
func (s *phraseSearcher) matches(m *search.DocumentMatch) (bool, error) {
	if s.single() {
		return true, nil
	}
	if s.positions == nil {
		s.positions = make([][]position, len(s.terms))
	}
	for i := range s.positions {
		s.positions[i] = s.positions[i][:0]
	}
	for _, l := range m.FieldTermLocations {
		if l.Field != s.field && l.Field != s.pairsField {
			continue
		}
		// A phrase has a few terms: comparing them costs less than hashing.
		if i := slices.Index(s.terms, l.Term); i >= 0 {
			s.positions[i] = append(s.positions[i], l.Location.Pos)
		}
	}
	m.FieldTermLocations = m.FieldTermLocations[:0]
	check := s.check
	for _, p := range s.pairs {
		if len(s.positions[slices.Index(s.terms, p)]) == 0 {
			if err := s.readFallback(m.IndexInternalID); err != nil {
				return false, err
			}
			check = s.words
			break
		}
	}
	for _, ps := range s.positions {
		slices.Sort(ps) // Bleve mostly gives them in order already
	}
	if s.slop == 0 {
		return s.inOrder(check), nil
	}
	return s.withinWindow(), nil
}

// readFallback reads the positions of the words pairs stand for in
// document id.
func (s *phraseSearcher) readFallback(id index.IndexInternalID) error {
	if s.fallbackReaders == nil {
		for _, t := range s.fallback {
			r, err := s.reader.TermFieldReader(s.ctx, []byte(t), s.field, true, true, true)
			if err != nil {
				return err
			}
			s.fallbackReaders = append(s.fallbackReaders, r)
			s.fallbackPositions = append(s.fallbackPositions, nil)
		}
	}
	for i, r := range s.fallbackReaders {
		ps := s.fallbackPositions[i][:0]
		d, err := r.Advance(id, s.tfd.Reset())
		if err != nil {
			return err
		}
		if d != nil && d.ID.Equals(id) {
			for _, v := range d.Vectors {
				ps = append(ps, v.Pos)
			}
		}
		slices.Sort(ps)
		s.fallbackPositions[i] = ps
	}
	return nil
}

// positionsOf returns the positions of term in the match.
func (s *phraseSearcher) positionsOf(term string) []position {
	if i := slices.Index(s.terms, term); i >= 0 {
		return s.positions[i]
	}
	if i := slices.Index(s.fallback, term); i >= 0 {
		return s.fallbackPositions[i]
	}
	return nil
}

// inOrder reports whether every occurrence stands at its offset from one
// start: the phrase's terms one after another. It starts from the term
// with the fewest positions.
func (s *phraseSearcher) inOrder(check []occurrence) bool {
	first, fewest := 0, -1
	for i, o := range check {
		if n := len(s.positionsOf(o.term)); fewest < 0 || n < fewest {
			first, fewest = i, n
		}
	}
	anchor := check[first]
	for _, p := range s.positionsOf(anchor.term) {
		if p < uint64(anchor.at) {
			continue
		}
		start := p - uint64(anchor.at)
		ok := true
		for _, o := range check {
			if o != anchor {
				_, ok = slices.BinarySearch(s.positionsOf(o.term), start+uint64(o.at))
				if !ok {
					break
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// withinWindow reports whether every term (as many times as the phrase has
// it) stands within a window of len(phrase)+slop positions.
func (s *phraseSearcher) withinWindow() bool {
	type hit struct {
		position
		term string
	}
	var all []hit
	for term := range s.need {
		for _, p := range s.positionsOf(term) {
			all = append(all, hit{p, term})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].position < all[j].position })
	window := uint64(len(s.words) + s.slop)
	have := map[string]int{}
	missing := len(s.words)
	left := 0
	for right := range all {
		h := all[right]
		if have[h.term] < s.need[h.term] {
			missing--
		}
		have[h.term]++
		for h.position-all[left].position >= window {
			l := all[left]
			have[l.term]--
			if have[l.term] < s.need[l.term] {
				missing++
			}
			left++
		}
		if missing == 0 {
			return true
		}
	}
	return false
}

func (s *phraseSearcher) Close() error {
	err := s.Searcher.Close()
	for _, r := range s.fallbackReaders {
		if e := r.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

func (s *phraseSearcher) String() string {
	words := make([]string, len(s.words))
	for i, o := range s.words {
		words[i] = o.term
	}
	return fmt.Sprintf("phrase%v~%d", words, s.slop)
}

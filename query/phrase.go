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
// This one first finds the documents holding all the words with Bleve's
// own scored conjunction, which reads no positions, and then reads
// positions only for those documents, skipping straight to each one.
//
// Pairs, when given, are terms of PairsField that every match must hold:
// the phrase's adjacent pairs of common words ("we will", "will not"). They
// shrink a phrase of common words from every document that has the words
// to the few that have them side by side, before any position is read.
type phraseQuery struct {
	Terms      []string `json:"terms"`
	Field      string   `json:"field"`
	Slop       int      `json:"slop,omitempty"`
	Pairs      []string `json:"pairs,omitempty"`
	PairsField string   `json:"pairs_field,omitempty"`
	Boost      float64  `json:"boost,omitempty"`
}

// MarshalJSON writes the query for --explain, in the shape of Bleve's own
// phrase query plus slop.
func (q *phraseQuery) MarshalJSON() ([]byte, error) {
	type plain phraseQuery
	return json.Marshal(struct {
		Phrase plain `json:"parley_phrase"`
	}{plain(*q)})
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	boost := q.Boost
	if boost == 0 {
		boost = 1
	}
	distinct := map[string]int{} // term → how many times the phrase has it
	var order []string
	for _, t := range q.Terms {
		if distinct[t] == 0 {
			order = append(order, t)
		}
		distinct[t]++
	}
	scoring := options
	scoring.IncludeTermVectors = false
	// The phrase's own terms bring their positions with them, read once
	// for the score and the check alike.
	positions := scoring
	positions.IncludeTermVectors = true
	var terms []search.Searcher
	closeAll := func() {
		for _, s := range terms {
			s.Close()
		}
	}
	for _, t := range order {
		s, err := searcher.NewTermSearcher(ctx, r, t, q.Field, boost, positions)
		if err != nil {
			closeAll()
			return nil, err
		}
		terms = append(terms, s)
	}
	for _, p := range q.Pairs {
		// A pair only narrows the search: it must hardly weigh in the score.
		s, err := searcher.NewTermSearcher(ctx, r, p, q.PairsField, boost*pairWeight, scoring)
		if err != nil {
			closeAll()
			return nil, err
		}
		terms = append(terms, s)
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, terms, scoring)
	if err != nil {
		closeAll()
		return nil, err
	}
	return &phraseSearcher{Searcher: conj, field: q.Field, phrase: q.Terms, slop: q.Slop, need: distinct}, nil
}

// pairWeight scales a common-word pair's share of a phrase's score.
const pairWeight = 0.001

// phraseSearcher checks the positions of the documents its conjunction finds.
type phraseSearcher struct {
	search.Searcher // the scored conjunction of the phrase's terms
	phrase          []string
	slop            int
	need            map[string]int
	field           string
	positions       map[string][]position // scratch, by term
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
		if s.matches(m) {
			return m, nil
		}
		ctx.DocumentMatchPool.Put(m)
		m, err = s.Searcher.Next(ctx)
	}
	return m, err
}

// matches gathers the positions of each term in the match, which its term
// searchers found, and checks them. The positions are dropped from the
// match after: nothing above asks for them.
func (s *phraseSearcher) matches(m *search.DocumentMatch) bool {
	if s.positions == nil {
		s.positions = make(map[string][]position, len(s.need))
	}
	for t, ps := range s.positions {
		s.positions[t] = ps[:0]
	}
	for _, l := range m.FieldTermLocations {
		if l.Field != s.field {
			continue
		}
		if _, ok := s.need[l.Term]; ok {
			s.positions[l.Term] = append(s.positions[l.Term], l.Location.Pos)
		}
	}
	m.FieldTermLocations = m.FieldTermLocations[:0]
	for _, ps := range s.positions {
		slices.Sort(ps) // Bleve mostly gives them in order already
	}
	if s.slop == 0 {
		return s.inOrder()
	}
	return s.withinWindow()
}

// inOrder reports whether the phrase's terms stand one after another.
func (s *phraseSearcher) inOrder() bool {
	for _, start := range s.positions[s.phrase[0]] {
		ok := true
		for k := 1; k < len(s.phrase) && ok; k++ {
			_, ok = slices.BinarySearch(s.positions[s.phrase[k]], start+uint64(k))
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
	for term, ps := range s.positions {
		for _, p := range ps {
			all = append(all, hit{p, term})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].position < all[j].position })
	window := uint64(len(s.phrase) + s.slop)
	have := map[string]int{}
	missing := len(s.phrase)
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

func (s *phraseSearcher) String() string {
	return fmt.Sprintf("phrase%v~%d", s.phrase, s.slop)
}

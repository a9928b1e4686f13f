package query

import (
	"context"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/index"
)

// keptSnapshot is a search query that keeps hold of the index snapshot it
// runs on, so that the hits' stored fields can be read from that snapshot
// by their internal numbers, after the search.
//
// Asking Bleve for stored fields instead makes it find each hit again by
// its ID in every segment's ID dictionary, copy every stored field of the
// article (site furniture and comments too) and box each in an interface.
// The hits' internal numbers are only valid in the snapshot they came
// from, which is why it is kept (with a reference, so that a merge cannot
// close it) until release.
//
// With facets set, it also notes every match the search finds, for
// countFacets to count their facet values (see index.FacetValues) in place
// of Bleve's facets.
type keptSnapshot struct {
	bquery.Query
	facets *index.FacetValues

	mu    sync.Mutex
	snap  *scorch.IndexSnapshot
	count *index.FacetCount
	// matches are the snapshot's numbers of the matches, in the order
	// found, written by the searcher while the search runs and read
	// after it.
	matches []uint64
}

func (q *keptSnapshot) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return s, nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.snap != nil {
		return s, nil // only the first search's matches are counted
	}
	snap.AddRef()
	q.snap = snap
	if q.facets == nil {
		return s, nil
	}
	q.count = q.facets.Count(snap)
	return &notingSearcher{Searcher: s, kept: q}, nil
}

// countFacets counts the facet values of the matches the search found.
// Search runs it once the search is done, beside the making of the hits,
// so that a search with facets takes little longer than one without on a
// machine with a core to spare.
func (q *keptSnapshot) countFacets() error {
	count := q.facetCount()
	if count == nil {
		return nil
	}
	for _, num := range q.matches {
		if err := count.Add(num); err != nil {
			return err
		}
	}
	return nil
}

// release lets go of the kept snapshot.
func (q *keptSnapshot) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.count != nil {
		q.count.Release()
		q.count = nil
	}
	if q.snap != nil {
		_ = q.snap.DecRef()
		q.snap = nil
	}
}

// facetCount returns the count of the matches' facet values, or nil if
// none was made.
func (q *keptSnapshot) facetCount() *index.FacetCount {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.count
}

// notingSearcher notes the number of each document its searcher finds,
// for countFacets. Bleve's collector takes every match from Next, so all
// of them are noted.
type notingSearcher struct {
	search.Searcher
	kept *keptSnapshot
}

func (s *notingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.noted(s.Searcher.Next(ctx))
}

func (s *notingSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	return s.noted(s.Searcher.Advance(ctx, id))
}

func (s *notingSearcher) noted(m *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if m != nil && err == nil {
		s.kept.matches = append(s.kept.matches, m.IndexInternalID.Value())
	}
	return m, err
}

// shownFields reads what each hit shows (see index.ShownFrom) from the kept
// snapshot. It returns false when it cannot, for the caller to ask Bleve
// for the fields instead: no snapshot was kept (another kind of index), or
// a hit's number does not lead to its ID.
func (q *keptSnapshot) shownFields(hits []*search.DocumentMatch, comments bool) ([]index.Stored, bool) {
	q.mu.Lock()
	snap := q.snap
	q.mu.Unlock()
	if snap == nil {
		return nil, false
	}
	segs := snap.Segments()
	// A snapshot numbers its documents segment after segment, counting the
	// deleted ones too (see scorch's introducer).
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, s := range segs {
		offsets[i] = running
		running += s.Segment().Count()
	}
	out := make([]index.Stored, 0, len(hits))
	for _, h := range hits {
		if len(h.IndexInternalID) != 8 {
			return nil, false
		}
		num := h.IndexInternalID.Value()
		i := sort.Search(len(offsets), func(x int) bool { return offsets[x] > num }) - 1
		if i < 0 {
			return nil, false
		}
		var (
			id, title   string
			body, comms []string
			meta        []byte
			idOK        bool
		)
		err := segs[i].VisitDocument(num-offsets[i], func(field string, _ byte, value []byte, _ []uint64) bool {
			switch field {
			case "_id":
				id = string(value)
				idOK = id == h.ID
			case index.FieldTitle:
				title = string(value)
			case index.FieldBody:
				body = append(body, string(value))
			case index.FieldComments:
				if comments {
					comms = append(comms, string(value))
				}
			case index.FieldMeta:
				meta = append([]byte(nil), value...)
			}
			return true
		})
		if err != nil || !idOK {
			return nil, false
		}
		out = append(out, index.ShownFrom(id, title, body, comms, meta))
	}
	return out, true
}

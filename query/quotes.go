package query

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
)

// QuoteRequest is one search over quotations.
type QuoteRequest struct {
	// Query searches the quoted words (empty: every quotation); it may
	// hold speaker:, source: and date filters like an article search.
	Query string
	// Speaker keeps quotations attributed to this person or organisation,
	// however the index spells them (as speaker: does).
	Speaker string
	// From and To keep quotations from articles that could have been
	// published in that span, both ends included.
	From, To corpus.Date
	// MinConfidence drops quotations the finder was less sure of.
	MinConfidence float64
	Limit, Page   int
	Exact         bool
	// Facets asks for counts by speaker, source and month.
	Facets    bool
	FacetSize int
	Timeout   time.Duration
}

// QuoteResults are a quotation search's answer: the shape `parley quotes
// --json` prints and GET /api/quotes returns.
type QuoteResults struct {
	Query   string       `json:"query"`
	Total   uint64       `json:"total"`
	TookMS  float64      `json:"took_ms"`
	Page    int          `json:"page"`
	Limit   int          `json:"limit"`
	Hits    []QuoteHit   `json:"hits"`
	Facets  *QuoteFacets `json:"facets,omitempty"`
	Explain []string     `json:"explain,omitempty"`
}

// QuoteHit is one quotation that matched.
type QuoteHit struct {
	ID          string `json:"id"`
	Quote       string `json:"quote"`
	Speaker     string `json:"speaker"`
	SpeakerText string `json:"speaker_text"`
	// SpeakerStart and SpeakerEnd are the byte offsets of SpeakerText,
	// absent when no words name the speaker (0 is the text's first byte).
	SpeakerStart *int    `json:"speaker_start,omitempty"`
	SpeakerEnd   *int    `json:"speaker_end,omitempty"`
	Cue          string  `json:"cue"`
	Kind         string  `json:"kind"`
	Confidence   float64 `json:"confidence"`
	Article      QuoteOf `json:"article"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Score        float64 `json:"score"` // to 4 places; 0 when nothing ranks them
	// Snippet is the quotation with the query's words highlighted.
	Snippet Snippet `json:"snippet"`
}

// QuoteOf is the article a quotation was found in.
type QuoteOf struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"` // "" when the article has none: the shape always has the key
	Path      string `json:"path"`
}

// QuoteFacets count matching quotations by speaker, source and month.
type QuoteFacets struct {
	Speaker []FacetValue `json:"speaker"`
	Source  []FacetValue `json:"source"`
	Month   []FacetValue `json:"month"`
}

// Quotes searches the quotations the index holds, best match first (or,
// with no words to rank by, newest first).
func Quotes(ctx context.Context, ix *index.Index, req QuoteRequest) (*QuoteResults, error) {
	start := time.Now()
	if req.Limit <= 0 {
		req.Limit = DefaultLimit
	}
	if req.Limit > MaxLimit {
		return nil, badRequest("limit %d is too large (at most %d)", req.Limit, MaxLimit)
	}
	if req.Page <= 0 {
		req.Page = 1
	}
	if from := (req.Page - 1) * req.Limit; from+req.Limit > MaxDepth {
		return nil, badRequest("page %d is too deep: results stop at %d; narrow the search instead", req.Page, MaxDepth)
	}
	if req.MinConfidence < 0 || req.MinConfidence > 1 {
		return nil, badRequest("min-confidence %g is outside 0 to 1", req.MinConfidence)
	}
	if req.Timeout <= 0 {
		req.Timeout = DefaultTimeout
	}
	var (
		q       bquery.Query = kindOnly(index.KindQuote)
		m                    = newMarks()
		explain []string
		ranked  bool
	)
	if req.Query != "" {
		node, err := Parse(req.Query)
		if err != nil {
			return nil, err
		}
		c, err := compileFor(ix, node, index.KindQuote, false, req.Exact)
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) {
				se.Query = req.Query
			}
			return nil, err
		}
		q, m, ranked = c.query, c.marks, true
		explain = append([]string{"parsed as " + node.String()}, c.notes...)
	}
	filters, err := requestFilters(ix, Request{From: req.From, To: req.To})
	if err != nil {
		return nil, err
	}
	if req.Speaker != "" {
		c := &compiler{ix: ix, exact: req.Exact, kind: index.KindQuote, marks: m}
		if x := ix.Extractor(); x != nil {
			c.gazetteer = x.Gazetteer()
		}
		speaker, err := c.speaker(req.Speaker)
		if err != nil {
			return nil, err
		}
		filters = append(filters, speaker)
		explain = append(explain, c.notes...)
	}
	if req.MinConfidence > 0 {
		filters = append(filters, index.MinConfidence(req.MinConfidence))
	}
	if len(filters) > 0 {
		q = bquery.NewConjunctionQuery(append([]bquery.Query{q}, filters...))
	}

	sr := bleve.NewSearchRequestOptions(q, req.Limit, (req.Page-1)*req.Limit, false)
	sr.Fields = index.StoredQuoteFields
	// Ties (every quotation, when only filters rank them) go newest
	// first, then by ID, so that pages never shuffle between runs.
	sr.SortByCustom(search.SortOrder{
		&search.SortScore{Desc: true},
		&search.SortField{Field: index.FieldPublished, Desc: true, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
		&search.SortDocID{},
	})
	if req.Facets {
		size := req.FacetSize
		if size <= 0 {
			size = 10
		}
		sr.AddFacet("speaker", bleve.NewFacetRequest(index.FieldSpeaker, size))
		sr.AddFacet("source", bleve.NewFacetRequest(index.FieldSource, size))
		sr.AddFacet("month", bleve.NewFacetRequest(index.FieldMonth, 100000))
	}
	ctx, cancel := context.WithTimeout(ctx, req.Timeout)
	defer cancel()
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w after %v; narrow the query", ErrTimeout, req.Timeout)
		}
		return nil, err
	}
	out := &QuoteResults{Query: req.Query, Total: res.Total, Page: req.Page, Limit: req.Limit,
		Hits: make([]QuoteHit, 0, len(res.Hits)), Explain: explain}
	an := ix.Analyzer()
	for _, h := range res.Hits {
		hit := quoteHit(index.StoredQuoteFrom(h.ID, h.Fields))
		if ranked {
			hit.Score = math.Round(finite(h.Score)*1e4) / 1e4
		}
		hit.Snippet = whole(hit.Quote, &hit.Start, m.find(an, hit.Quote))
		out.Hits = append(out.Hits, hit)
	}
	if req.Facets {
		out.Facets = quoteFacets(res, req)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// quoteHit is a stored quotation as results show it.
func quoteHit(s index.StoredQuote) QuoteHit {
	h := QuoteHit{ID: s.ID, Quote: s.Text, Speaker: s.Speaker, SpeakerText: s.SpeakerText, Cue: s.Cue, Kind: s.Kind, Confidence: s.Confidence,
		Article: QuoteOf{ID: s.Article, Title: s.Title, Source: s.Source, Published: s.Published.String(), URL: s.URL, Path: s.Path},
		Start:   s.Start, End: s.End}
	if s.SpeakerText != "" {
		h.SpeakerStart, h.SpeakerEnd = &s.SpeakerStart, &s.SpeakerEnd
	}
	return h
}

func quoteFacets(res *bleve.SearchResult, req QuoteRequest) *QuoteFacets {
	f := &QuoteFacets{}
	for name, dst := range map[string]*[]FacetValue{"speaker": &f.Speaker, "source": &f.Source} {
		*dst = []FacetValue{}
		if r := res.Facets[name]; r != nil && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				*dst = append(*dst, FacetValue{t.Term, t.Count})
			}
		}
	}
	counts := map[string]int{}
	var first, last string
	if r := res.Facets["month"]; r != nil && r.Terms != nil {
		for _, t := range r.Terms.Terms() {
			counts[t.Term] = t.Count
			if first == "" || t.Term < first {
				first = t.Term
			}
			if t.Term > last {
				last = t.Term
			}
		}
	}
	if !req.From.IsZero() {
		first = req.From.Start.Format("2006-01")
	}
	if !req.To.IsZero() {
		last = req.To.End().Add(-time.Nanosecond).Format("2006-01")
	}
	f.Month = fillMonths(first, last, counts)
	return f
}

// finite is a score JSON can carry: a score that is not a number ranks
// nothing.
func finite(score float64) float64 {
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return 0
	}
	return score
}

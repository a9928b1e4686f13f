package query

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/index"
)

// Request is one search.
type Request struct {
	Query string
	// Limit is the number of hits per page; Page counts from 1.
	Limit, Page int
	// Sort is "relevance" (the default), "newest" or "oldest". Undated
	// articles come last in date order.
	Sort string
	// From and To keep articles that could have been published in that
	// span, both ends included: To 2020-10 runs to the end of October.
	From, To corpus.Date
	// Sources keeps articles from any of these sources (case and accents
	// aside).
	Sources []string
	// Include keeps the articles that have every one of these values;
	// Exclude leaves out those that have any.
	Include, Exclude []Filter
	// Comments makes bare words and phrases search reader comments too.
	Comments bool
	// Exact makes every word mean only itself: no other spellings of a
	// name, and person:, org: and place: values as typed.
	Exact bool
	// Facets asks for counts by source, person, organisation, place,
	// speaker and month.
	Facets bool
	// FacetSize is how many sources to count; 0 means 10.
	FacetSize int
	// Snippets is how many body snippets each hit gets; 0 means 1.
	Snippets int
	// Timeout bounds the search; 0 means DefaultTimeout.
	Timeout time.Duration
}

// Limits of a request.
const (
	DefaultLimit   = 10
	MaxLimit       = 1000
	MaxDepth       = 10000 // no page may reach past this many hits
	DefaultTimeout = 10 * time.Second
)

// Results are a search's answer: the shape `parley search --json` prints
// and the HTTP API returns.
type Results struct {
	Query  string  `json:"query"`
	Total  uint64  `json:"total"`
	TookMS float64 `json:"took_ms"`
	Page   int     `json:"page"`
	Limit  int     `json:"limit"`
	Hits   []Hit   `json:"hits"`
	Facets *Facets `json:"facets,omitempty"`
	// Explain describes how the query was read: its parse and what each
	// word stands for in the index.
	Explain []string `json:"explain,omitempty"`
}

// Hit is one article that matched.
type Hit struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Source    string   `json:"source"`
	Published string   `json:"published"` // at its own precision: "2019", "2019-04", "2019-04-15"
	URL       string   `json:"url"`       // "" when the article has none: the shape always has the key
	Path      string   `json:"path"`
	Line      int      `json:"line,omitempty"` // the record's line, for exports
	Score     float64  `json:"score"`
	Snippets  Snippets `json:"snippets"`
}

// Snippets are a hit's highlighted passages, by field.
type Snippets struct {
	Title    []Snippet `json:"title"`
	Body     []Snippet `json:"body"`
	Comments []Snippet `json:"comments,omitempty"`
}

// Facets count the matching articles by source, month, the people,
// organisations and places they name, and the speakers they quote.
type Facets struct {
	Source  []FacetValue `json:"source"`
	Person  []FacetValue `json:"person"`
	Org     []FacetValue `json:"org"`
	Place   []FacetValue `json:"place"`
	Speaker []FacetValue `json:"speaker"`
	// Month covers every month from the first to the last (or the
	// request's From and To), zero-filled, in order.
	Month []FacetValue `json:"month"`
	// MonthUnknown counts articles dated only to the year; Undated those
	// with no date at all. Neither is in Month.
	MonthUnknown int `json:"month_unknown"`
	Undated      int `json:"undated"`
}

// FacetValue is a value with the number of matching articles that have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// RequestError is a search request that cannot be run as asked: a sort,
// limit or page out of bounds. It is the asker's to fix, like a
// *SyntaxError in the query itself.
type RequestError struct{ Msg string }

func (e *RequestError) Error() string { return e.Msg }

func badRequest(format string, args ...any) error {
	return &RequestError{Msg: fmt.Sprintf(format, args...)}
}

// ErrTimeout means a search ran past its deadline and was stopped.
var ErrTimeout = errors.New("the search took too long and was stopped")

// Search runs a search. A malformed query returns a *SyntaxError naming
// the position of the problem.
func Search(ctx context.Context, ix *index.Index, req Request) (*Results, error) {
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
	if req.Timeout <= 0 {
		req.Timeout = DefaultTimeout
	}
	if req.Snippets <= 0 {
		req.Snippets = 1
	}
	node, c, q, err := requestQuery(ix, req)
	if err != nil {
		return nil, err
	}
	kept := &keptSnapshot{Query: q}
	if req.Facets {
		kept.facets = ix.FacetValues()
	}
	defer kept.release()
	sr := bleve.NewSearchRequestOptions(kept, req.Limit, (req.Page-1)*req.Limit, false)
	switch req.Sort {
	case "", "relevance":
	case "newest", "oldest":
		sr.SortByCustom(search.SortOrder{
			&search.SortField{Field: index.FieldPublished, Desc: req.Sort == "newest", Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	default:
		return nil, badRequest("unknown sort %q (want relevance, newest or oldest)", req.Sort)
	}

	ctx, cancel := context.WithTimeout(ctx, req.Timeout)
	defer cancel()
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchError(ctx, err, req.Timeout)
	}
	// The facets are counted while the hits are read and their snippets
	// made: the two take about as long for a typical search.
	waitFacets := func() (*Facets, error) { return nil, nil }
	if req.Facets {
		done := make(chan struct{})
		var f *Facets
		var ferr error
		go func() {
			defer close(done)
			f, ferr = countedFacets(ctx, ix, kept, sr, req)
		}()
		waitFacets = func() (*Facets, error) { <-done; return f, ferr }
		defer waitFacets() // the count is done before kept.release, deferred above
	}
	shown, err := shownHits(ctx, ix, kept, res.Hits, req.Comments)
	if err != nil {
		return nil, err
	}
	out := &Results{Query: req.Query, Total: res.Total, Page: req.Page, Limit: req.Limit, Hits: make([]Hit, 0, len(res.Hits))}
	an := ix.Analyzer()
	for i, h := range res.Hits {
		out.Hits = append(out.Hits, makeHit(an, shown[i], h.Score, c.marks, req))
	}
	if out.Facets, err = waitFacets(); err != nil {
		return nil, searchError(ctx, err, req.Timeout)
	}
	out.Explain = append([]string{"parsed as " + node.String()}, c.notes...)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// Filter is a value of a keyword field (source, person, org, place or
// speaker), as a facet lists it, that a search keeps or leaves out.
type Filter struct {
	Field string
	Value string
}

// String writes the filter as FIELD:VALUE, as URLs carry it.
func (f Filter) String() string { return f.Field + ":" + f.Value }

// withFilters parses the typed query and adds the filters to its tree. The
// filters join as nodes rather than as text pasted around the query, so
// that a malformed query is reported at its own position, a query is
// never read differently for having a filter beside it, and a value may
// hold any character, quote marks included. With filters, the typed
// query may be empty.
func withFilters(typed string, include, exclude []Filter) (Node, error) {
	for _, f := range append(include[:len(include):len(include)], exclude...) {
		if kind, _ := FieldKindOf(f.Field); kind != KeywordField || f.Field != strings.ToLower(f.Field) {
			return nil, badRequest("filter %s: the field must be source, person, org, place or speaker", f)
		}
		if strings.TrimSpace(f.Value) == "" {
			return nil, badRequest("filter %s: the value is empty", f)
		}
	}
	var nodes []Node
	if strings.TrimSpace(typed) != "" || len(include)+len(exclude) == 0 {
		n, err := Parse(typed)
		if err != nil {
			return nil, err
		}
		if and, ok := n.(*And); ok {
			nodes = append(nodes, and.Nodes...)
		} else {
			nodes = append(nodes, n)
		}
	}
	// The filters' nodes sit at the end of the query: no error is ever
	// reported at them, but a position must point somewhere.
	for _, f := range include {
		nodes = append(nodes, &Phrase{At: len(typed), Field: f.Field, Text: f.Value})
	}
	for _, f := range exclude {
		nodes = append(nodes, &Not{At: len(typed), Node: &Phrase{At: len(typed), Field: f.Field, Text: f.Value}})
	}
	if len(nodes) == 1 {
		return nodes[0], nil
	}
	return &And{Nodes: nodes}, nil
}

// requestQuery parses and compiles the request's query, with its filters.
func requestQuery(ix *index.Index, req Request) (Node, *compiled, bquery.Query, error) {
	node, err := withFilters(req.Query, req.Include, req.Exclude)
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := compile(ix, node, req.Comments, req.Exact)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			se.Query = req.Query
		}
		return nil, nil, nil, err
	}
	q := c.query
	filters, err := requestFilters(ix, req)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(filters) > 0 {
		q = bquery.NewConjunctionQuery(append([]bquery.Query{q}, filters...))
	}
	return node, c, q, nil
}

// searchError names a search that ran out of time as such.
func searchError(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w after %v: a prefix* or word~ may match too many words, or the phrase is very common; narrow the query", ErrTimeout, timeout)
	}
	return err
}

// facetSize is how many values of the source and entity facets a request
// asks for.
func facetSize(req Request) int {
	if req.FacetSize <= 0 {
		return 10
	}
	return req.FacetSize
}

// facetTerms gives the values a facet counted, most frequent first, and
// how many matches had none; the facets are "source", "month", "year",
// "speaker" and the entity types.
type facetTerms func(name string) (values []FacetValue, missing int, ok bool)

// countedFacets counts the facets of the search's matches.
func countedFacets(ctx context.Context, ix *index.Index, kept *keptSnapshot, sr *bleve.SearchRequest, req Request) (*Facets, error) {
	if err := kept.countFacets(); err != nil {
		return nil, err
	}
	found, err := matchFacets(ctx, ix, kept, sr, req)
	if err != nil {
		return nil, err
	}
	return facets(found, req), nil
}

// matchFacets returns the facets of the search's matches as they were
// counted while it ran, or, when they could not be, from Bleve's facets
// in a second search.
func matchFacets(ctx context.Context, ix *index.Index, kept *keptSnapshot, sr *bleve.SearchRequest, req Request) (facetTerms, error) {
	if count := kept.facetCount(); count != nil {
		size := facetSize(req)
		sizes := map[string]int{index.FieldMonth: 100000, index.FieldYear: 1}
		at := map[string]int{}
		for f, field := range ix.FacetValues().Fields() {
			at[field] = f
		}
		return func(name string) ([]FacetValue, int, bool) {
			field := facetField(name)
			f, ok := at[field]
			if !ok {
				return nil, 0, false
			}
			n, ok := sizes[field]
			if !ok {
				n = size
			}
			terms, missing := count.Result(f, n)
			values := make([]FacetValue, len(terms))
			for i, t := range terms {
				values[i] = FacetValue{t.Term, t.Count}
			}
			return values, missing, true
		}, nil
	}
	again := *sr
	again.Query, again.Size, again.From = kept.Query, 0, 0
	addFacets(&again, facetSize(req))
	res, err := ix.Bleve().SearchInContext(ctx, &again)
	if err != nil {
		return nil, err
	}
	return bleveFacets(res), nil
}

// facetField is the indexed field a facet counts.
func facetField(name string) string {
	switch name {
	case "source":
		return index.FieldSource
	case "month":
		return index.FieldMonth
	case "year":
		return index.FieldYear
	case "speaker":
		return index.FieldSpeaker
	}
	return index.EntityField(name)
}

// addFacets asks Bleve for the facets Parley shows, size values each.
func addFacets(sr *bleve.SearchRequest, size int) {
	sr.AddFacet("month", bleve.NewFacetRequest(index.FieldMonth, 100000))
	sr.AddFacet("year", bleve.NewFacetRequest(index.FieldYear, 1))
	for _, name := range []string{"source", entity.Person, entity.Org, entity.Place, "speaker"} {
		sr.AddFacet(name, bleve.NewFacetRequest(facetField(name), size))
	}
}

// bleveFacets reads the facets of a Bleve search.
func bleveFacets(res *bleve.SearchResult) facetTerms {
	return func(name string) ([]FacetValue, int, bool) {
		r := res.Facets[name]
		if r == nil || r.Terms == nil {
			return nil, 0, false
		}
		var values []FacetValue
		for _, t := range r.Terms.Terms() {
			values = append(values, FacetValue{t.Term, t.Count})
		}
		return values, r.Missing, true
	}
}

// requestFilters turns the request's --from, --to and --source into queries.
func requestFilters(ix *index.Index, req Request) ([]bquery.Query, error) {
	var out []bquery.Query
	if !req.From.IsZero() {
		q, _ := dateQuery("after", req.From)
		out = append(out, q)
	}
	if !req.To.IsZero() {
		q, _ := dateQuery("before", corpus.Date{Start: req.To.End(), Precision: req.To.Precision})
		out = append(out, q)
	}
	if len(req.Sources) > 0 {
		var qs []bquery.Query
		for _, s := range req.Sources {
			q, err := keywordQuery(ix, "source", s)
			if err != nil {
				return nil, err
			}
			qs = append(qs, q)
		}
		out = append(out, anyOf(qs))
	}
	return out, nil
}

// shownHits reads what each hit shows from the snapshot the search ran
// on, or, should that fail, looks each one up by its ID.
func shownHits(ctx context.Context, ix *index.Index, kept *keptSnapshot, hits []*search.DocumentMatch, comments bool) ([]index.Stored, error) {
	if shown, ok := kept.shownFields(hits, comments); ok {
		return shown, nil
	}
	out := make([]index.Stored, 0, len(hits))
	for _, h := range hits {
		st, err := ix.Article(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		if !comments {
			st.Comments = nil
		}
		out = append(out, st)
	}
	return out, nil
}

func makeHit(an *index.Analyzer, st index.Stored, score float64, m *marks, req Request) Hit {
	if math.IsNaN(score) || math.IsInf(score, 0) {
		score = 0 // JSON has no NaN; a score that is not a number ranks nothing
	}
	hit := Hit{ID: st.ID, Title: st.Title, Source: st.Source, Published: st.Published.String(), URL: st.URL,
		Path: st.Path, Line: st.Line, Score: score}
	hit.Snippets.Title = []Snippet{}
	hit.Snippets.Body = []Snippet{}
	if st.Title != "" {
		var base *int
		if parts := st.PartsOf(corpus.TitleLine); len(parts) == 1 {
			base = &parts[0].Start
		}
		hit.Snippets.Title = []Snippet{whole(st.Title, base, m.find(an, st.Title))}
	}
	hit.Snippets.Body = partSnippets(an, m, st.Body, st.PartsOf(corpus.Body), req.Snippets)
	if len(hit.Snippets.Body) == 0 && len(st.Body) > 0 {
		// Matched in the title only (or by a filter): show the lead.
		parts := st.PartsOf(corpus.Body)
		lead := sentences(st.Body[0])
		if len(lead) > 0 && len(parts) > 0 {
			s, e := lead[0][0], lead[0][1]
			s, e = trimAround(st.Body[0], s, e, [2]int{s, s})
			abs, absEnd := parts[0].Start+s, parts[0].Start+e
			hit.Snippets.Body = []Snippet{{Text: st.Body[0][s:e], Start: &abs, End: &absEnd, Highlights: [][2]int{}}}
		}
	}
	if req.Comments {
		hit.Snippets.Comments = partSnippets(an, m, st.Comments, st.PartsOf(corpus.Comments), req.Snippets)
	}
	return hit
}

// partSnippets finds snippets in the stored texts of one kind of part,
// whose i-th text sits at parts[i] in the original.
func partSnippets(an *index.Analyzer, m *marks, texts []string, parts []corpus.Part, n int) []Snippet {
	var all []Snippet
	for i, text := range texts {
		base := 0
		if i < len(parts) {
			base = parts[i].Start
		}
		all = append(all, m.snippetsOf(an, text, base, n)...)
		if len(all) >= n {
			break
		}
	}
	if len(all) > n {
		all = all[:n]
	}
	if all == nil {
		all = []Snippet{}
	}
	return all
}

// facets builds the facet counts, filling the month histogram.
func facets(found facetTerms, req Request) *Facets {
	f := &Facets{}
	for name, dst := range map[string]*[]FacetValue{"source": &f.Source, entity.Person: &f.Person, entity.Org: &f.Org, entity.Place: &f.Place, "speaker": &f.Speaker} {
		*dst = []FacetValue{}
		if values, _, ok := found(name); ok {
			*dst = append(*dst, values...)
		}
	}
	f.Month = []FacetValue{}
	counts := map[string]int{}
	var first, last string
	if months, monthMissing, ok := found("month"); ok {
		for _, t := range months {
			counts[t.Value] = t.Count
			if first == "" || t.Value < first {
				first = t.Value
			}
			if t.Value > last {
				last = t.Value
			}
		}
		if _, yearMissing, ok := found("year"); ok {
			f.Undated = yearMissing
			f.MonthUnknown = monthMissing - yearMissing
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

// fillMonths lists every month from first to last ("YYYY-MM"), with its
// count or zero.
func fillMonths(first, last string, counts map[string]int) []FacetValue {
	out := []FacetValue{}
	y, m, ok1 := parseMonth(first)
	endY, endM, ok2 := parseMonth(last)
	if !ok1 || !ok2 || first > last {
		return out
	}
	// A corpus spans decades (and a stray date centuries): the months are
	// counted and labelled by number, their labels in one buffer, rather
	// than through time's parsing, calendar and formatting, which was
	// about a quarter of what facets added to a search.
	n := (endY-y)*12 + endM - m + 1
	out = make([]FacetValue, 0, n)
	labels := make([]byte, 0, 7*n) // never grown: the labels stay where they are
	for {
		start := len(labels)
		labels = append(labels, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
			'-', byte('0'+m/10), byte('0'+m%10))
		label := unsafe.String(&labels[start], 7)
		out = append(out, FacetValue{label, counts[label]})
		if y == endY && m == endM {
			break
		}
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// parseMonth reads a month written YYYY-MM.
func parseMonth(s string) (year, month int, ok bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, 0, false
		}
	}
	year = int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month = int(s[5]-'0')*10 + int(s[6]-'0')
	return year, month, month >= 1 && month <= 12
}

// Describe writes the problem with a query as two lines: the message and
// the query with a caret under the position, for terminals.
func (e *SyntaxError) Describe() string {
	col := e.Column()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n  %s\n  %s^", e.Error(), e.Query, strings.Repeat(" ", col-1))
	return b.String()
}

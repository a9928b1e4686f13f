package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// parseTemplates reads the page templates: one set per page, each with
// the shared layout.
func parseTemplates(assets fs.FS) (*template.Template, error) {
	t, err := template.New("pages").Funcs(template.FuncMap{
		"segments": query.Segments,
		"clean":    query.CleanText,
		"count":    thousands,
		"entityURL": func(typ, name string) string {
			return entityURL(typ, name)
		},
		"typeName": typeName,
		"webURL":   webURL,
	}).ParseFS(assets, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return t, nil
}

// render writes a page. It renders into a buffer first, so a template
// that fails half-way sends an error page, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t := s.pages
	if s.reload {
		s.mu.Lock()
		fresh, err := parseTemplates(s.assets)
		s.mu.Unlock()
		if err != nil {
			s.log.Error("templates", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		t = fresh
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// page is what every page's layout needs.
type page struct {
	Title string
	// Query fills the search box in the header.
	Query string
	// Indexing is set while the initial indexing runs.
	Indexing *index.Progress
}

type errorPage struct {
	page
	Status int
	Error  *APIError
}

// searchView is the search page: the query box, results, facets,
// histogram and paging, every link carrying the whole state.
type searchView struct {
	page
	P       searchParams
	Results *query.Results
	// BadQuery is set when the query does not parse: the page shows where.
	BadQuery *APIError
	Caret    string
	Hits     []hitView
	Filters  []chip
	Facets   []facetGroup
	Months   *histogram
	Sorts    []link
	Pages    []link
	Prev     string
	Next     string
	CSV      string
	CSVAll   link
	First    int
	Last     int
	// Home is the page without a query: what the index holds.
	Home  *index.Stats
	Ready bool
	explained
}

// explained is what a results page shows of how its query was read, as
// --explain prints it: the lines when explain=true, and the link that
// turns them on or off on the same page.
type explained struct {
	Explain       []string
	Explaining    bool
	ExplainToggle string
}

type link struct {
	Label   string
	URL     string
	Current bool
}

type chip struct {
	Label   string
	Exclude bool
	Remove  string
}

type hitView struct {
	query.Hit
	N        int
	URL      string // the document page
	Title    []query.Segment
	Snippets []snippetView
	Comments []snippetView
	Where    string
}

type snippetView struct {
	Segments []query.Segment
	URL      string // the document page, the snippet marked
	At       string
}

type facetGroup struct {
	Heading string
	Field   string
	Values  []facetValue
}

type facetValue struct {
	Value   string
	Count   int
	Include string
	Exclude string
	Entity  string // the entity page, for people, organisations and places
	Active  bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	view := &searchView{page: page{Title: "Parley", Query: p.Query, Indexing: s.progress.Load()}, P: p, Ready: s.ix.Load() != nil}
	if p.empty() {
		if ix := s.ix.Load(); ix != nil {
			if st, err := ix.Stats(r.Context()); err == nil {
				view.Home = &st
			} else {
				s.log.Error("stats", "err", err)
			}
		}
		s.render(w, r, http.StatusOK, "search.html", view)
		return
	}
	view.Title = orText(p.Query, "Filtered search") + " · Parley"
	p.Request.Facets = true
	res, err := s.search(r.Context(), p.Request)
	if err != nil {
		status, body := classify(err)
		if body.Code != CodeBadQuery {
			s.fail(w, r, err)
			return
		}
		logError(s.log, r, status, err)
		view.BadQuery = body
		if body.Query == p.Query {
			view.Caret = strings.Repeat(" ", body.Position-1) + "^"
		}
		s.render(w, r, status, "search.html", view)
		return
	}
	view.Results = res
	view.build()
	s.render(w, r, http.StatusOK, "search.html", view)
}

// build lays out the results for the page.
func (v *searchView) build() {
	p, res := v.P, v.Results
	limit := res.Limit
	v.First = (res.Page-1)*limit + 1
	v.Last = v.First + len(res.Hits) - 1
	for i, h := range res.Hits {
		hv := hitView{Hit: h, N: v.First + i, URL: documentURL(h.ID, nil)}
		if len(h.Snippets.Title) > 0 {
			hv.Title = query.Segments(h.Snippets.Title[0].Text, h.Snippets.Title[0].Highlights)
		} else {
			hv.Title = query.Segments(h.Title, nil)
		}
		if len(hv.Title) == 0 {
			hv.Title = []query.Segment{{Text: "(no title)"}}
		}
		hv.Where = h.URL
		if hv.Where == "" {
			hv.Where = h.Path
			if h.Line > 0 {
				hv.Where += ":" + strconv.Itoa(h.Line)
			}
		}
		hv.Snippets = snippetViews(h.ID, h.Snippets.Body)
		hv.Comments = snippetViews(h.ID, h.Snippets.Comments)
		v.Hits = append(v.Hits, hv)
	}

	with := func(change func(*searchParams)) string {
		q := p
		q.Include = append([]Filter(nil), p.Include...)
		q.Exclude = append([]Filter(nil), p.Exclude...)
		q.Page = 1
		change(&q)
		return "/search?" + q.values().Encode()
	}
	for _, f := range p.Include {
		v.Filters = append(v.Filters, chip{Label: filterLabel(f), Remove: with(func(q *searchParams) { q.Include = without(q.Include, f) })})
	}
	for _, f := range p.Exclude {
		v.Filters = append(v.Filters, chip{Label: filterLabel(f), Exclude: true, Remove: with(func(q *searchParams) { q.Exclude = without(q.Exclude, f) })})
	}
	for _, s := range p.Sources {
		v.Filters = append(v.Filters, chip{Label: "source: " + s, Remove: with(func(q *searchParams) { q.Sources = removeString(q.Sources, s) })})
	}
	if !p.From.IsZero() || !p.To.IsZero() {
		label := "published " + dateSpan(p.From, p.To)
		v.Filters = append(v.Filters, chip{Label: label, Remove: with(func(q *searchParams) { q.From, q.To = corpus.Date{}, corpus.Date{} })})
	}

	if f := res.Facets; f != nil {
		groups := []struct {
			heading, field string
			values         []query.FacetValue
		}{{"Sources", "source", f.Source}, {"People", entity.Person, f.Person}, {"Organisations", entity.Org, f.Org}, {"Places", entity.Place, f.Place}, {"Speakers", "speaker", f.Speaker}}
		for _, g := range groups {
			fg := facetGroup{Heading: g.heading, Field: g.field}
			for _, fv := range g.values {
				filter := Filter{Field: g.field, Value: fv.Value}
				if fv.Value == "" {
					continue // articles without one: nothing to filter by
				}
				val := facetValue{Value: fv.Value, Count: fv.Count, Active: contains(p.Include, filter),
					Include: with(func(q *searchParams) {
						q.Include = append(without(q.Include, filter), filter)
						q.Exclude = without(q.Exclude, filter)
					}),
					Exclude: with(func(q *searchParams) {
						q.Exclude = append(without(q.Exclude, filter), filter)
						q.Include = without(q.Include, filter)
					}),
				}
				switch g.field {
				case "source":
				case "speaker":
					// A speaker may be a person or an organisation: the
					// entity page finds which.
					val.Entity = speakerEntityURL(fv.Value)
				default:
					val.Entity = entityURL(g.field, fv.Value)
				}
				fg.Values = append(fg.Values, val)
			}
			if len(fg.Values) > 0 {
				v.Facets = append(v.Facets, fg)
			}
		}
		v.Months = newHistogram(f.Month, f.MonthUnknown, f.Undated, p.From, p.To, func(month corpus.Date) string {
			return with(func(q *searchParams) { q.From, q.To = month, month })
		})
	}

	for _, s := range []struct{ label, sort string }{{"relevance", "relevance"}, {"newest", "newest"}, {"oldest", "oldest"}} {
		cur := p.Sort == s.sort || (p.Sort == "" && s.sort == "relevance")
		v.Sorts = append(v.Sorts, link{Label: s.label, URL: with(func(q *searchParams) { q.Sort = s.sort }), Current: cur})
	}

	v.Prev, v.Next, v.Pages = pageLinks(res.Page, limit, res.Total, func(n int) string { return with(func(q *searchParams) { q.Page = n }) })
	// Explaining changes nothing in the results: the link keeps the page.
	toggled := p
	toggled.Explain = !p.Explain
	v.explained = explained{Explaining: p.Explain, ExplainToggle: "/search?" + toggled.values().Encode()}
	if p.Explain {
		v.Explain = res.Explain
	}
	csv := p
	csv.Page = res.Page
	v.CSV = "/search.csv?" + csv.values().Encode()
	csv.Page, csv.Limit = 0, 0
	v.CSVAll = exportLink("/search.csv", csv.values(), res.Total)
}

func snippetViews(id string, sns []query.Snippet) []snippetView {
	var out []snippetView
	for _, sn := range sns {
		sv := snippetView{Segments: query.Segments(sn.Text, sn.Highlights), URL: documentURL(id, nil)}
		if sn.Start != nil && sn.End != nil {
			sv.URL = documentURL(id, &[2]int{*sn.Start, *sn.End})
			sv.At = fmt.Sprintf("bytes %d–%d", *sn.Start, *sn.End)
		}
		out = append(out, sv)
	}
	return out
}

// searchCSV exports a page of a search as CSV, as `parley search --csv`
// writes it; with all=true, the whole search, up to MaxExport hits.
func (s *Server) searchCSV(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	all, err := exportAll(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if all {
		p.Limit, p.Page = MaxExport, 1
	}
	res, err := s.search(r.Context(), p.Request)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeCSV(w, r, "parley-search.csv", func(b *bytes.Buffer) error { return query.WriteCSV(b, res) })
}

// entitiesView is the list of people, organisations and places.
type entitiesView struct {
	page
	Req   query.EntitiesRequest
	List  *query.EntityList
	Types []link
}

func (s *Server) entitiesPage(w http.ResponseWriter, r *http.Request) {
	req, err := parseEntities(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ix, err := s.index()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := query.Entities(r.Context(), ix, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	view := &entitiesView{page: page{Title: "People, organisations and places · Parley"}, Req: req, List: list}
	for _, t := range []string{"", entity.Person, entity.Org, entity.Place} {
		q := req
		q.Type = t
		label := "all"
		if t != "" {
			label = typeName(t)
		}
		view.Types = append(view.Types, link{Label: label, URL: "/entities?" + EntitiesValues(q).Encode(), Current: t == req.Type})
	}
	s.render(w, r, http.StatusOK, "entities.html", view)
}

// entityView is one entity's page.
type entityView struct {
	page
	Report  *query.EntityReport
	Search  string // the search for articles naming it
	Sources []facetValue
	Months  *histogram
	Recent  []hitView
	// Quotes are the entity's quotations, newest first, by month.
	Quotes *speakerQuotes
}

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	rep, err := s.entity(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	view := &entityView{page: page{Title: rep.Name + " · Parley"}, Report: rep}
	filter := Filter{Field: rep.Type, Value: rep.Name}
	searchFor := func(change func(*searchParams)) string {
		p := searchParams{Request: query.Request{Include: []Filter{filter}, Sort: "newest"}}
		change(&p)
		return "/search?" + p.values().Encode()
	}
	view.Search = searchFor(func(*searchParams) {})
	for _, src := range rep.Sources {
		view.Sources = append(view.Sources, facetValue{Value: src.Value, Count: src.Count,
			Include: searchFor(func(p *searchParams) { p.Include = append(p.Include, Filter{Field: "source", Value: src.Value}) })})
	}
	view.Months = newHistogram(rep.Months, rep.MonthUnknown, rep.Undated, corpus.Date{}, corpus.Date{}, func(month corpus.Date) string {
		return searchFor(func(p *searchParams) { p.From, p.To = month, month })
	})
	for _, h := range rep.Recent {
		view.Recent = append(view.Recent, hitView{Hit: h, URL: documentURL(h.ID, nil), Title: query.Segments(orText(h.Title, "(no title)"), nil)})
	}
	if rep.Type == entity.Person || rep.Type == entity.Org || rep.Type == query.Speaker {
		if view.Quotes, err = s.speakerQuotes(r.Context(), rep.Name); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "entity.html", view)
}

// documentView is one article: its text, with what was set aside folded
// away, and its provenance.
type documentView struct {
	page
	Doc *query.Document
	// Heading is the title as segments; it is not called Title, which
	// would hide the page's <title>.
	Heading  []query.Segment
	Blocks   []block
	Comments []block
	Entities []entityGroup
	Marked   bool
	Quotes   int // how many quotations were found in it
}

// block is a part of the article's text, in paragraphs.
type block struct {
	Kind       string
	Why        string
	Start, End int
	Paragraphs []paragraph
}

type paragraph struct {
	Start  int
	Pieces []piece
	Marked bool
	Anchor bool // the first marked paragraph, which the link jumps to
}

type entityGroup struct {
	Heading  string
	Entities []query.DocumentEntity
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	mark, err := parseMark(r.URL.Query().Get("hl"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ix, err := s.index()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	quotes, err := ix.QuotesOf(r.Context(), doc.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	spans := quoteSpans(quotes)
	view := &documentView{page: page{Title: orText(doc.Title, "(no title)") + " · Parley"}, Doc: doc,
		Heading: query.Segments(orText(doc.Title, "(no title)"), nil), Quotes: len(quotes)}
	for _, part := range doc.Parts {
		if part.Kind == corpus.TitleLine {
			continue
		}
		var in []textSpan
		if part.Kind == corpus.Body {
			in = spans // quotations are found in the body only
		}
		b := block{Kind: string(part.Kind), Why: part.Why, Start: part.Start, End: part.End, Paragraphs: paragraphs(part, mark, in)}
		for i := range b.Paragraphs {
			if b.Paragraphs[i].Marked && !view.Marked {
				b.Paragraphs[i].Anchor, view.Marked = true, true
			}
		}
		if part.Kind == corpus.Comments {
			view.Comments = append(view.Comments, b)
		} else {
			view.Blocks = append(view.Blocks, b)
		}
	}
	for _, t := range []string{entity.Person, entity.Org, entity.Place} {
		g := entityGroup{Heading: typeHeading[t]}
		for _, e := range doc.Entities {
			if e.Type == t {
				g.Entities = append(g.Entities, e)
			}
		}
		if len(g.Entities) > 0 {
			view.Entities = append(view.Entities, g)
		}
	}
	s.render(w, r, http.StatusOK, "document.html", view)
}

// parseMark reads ?hl=START-END, the byte range of the original text to
// mark, as search results link to it.
func parseMark(s string) (*[2]int, error) {
	if s == "" {
		return nil, nil
	}
	a, b, ok := strings.Cut(s, "-")
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
		return nil, badParam("hl=%q: want START-END, byte offsets", s)
	}
	return &[2]int{start, end}, nil
}

// documentURL links to an article's page, with a stretch of it marked.
func documentURL(id string, mark *[2]int) string {
	u := "/documents/" + url.PathEscape(id)
	if mark != nil {
		u += fmt.Sprintf("?hl=%d-%d#mark", mark[0], mark[1])
	}
	return u
}

func entityURL(typ, name string) string {
	return "/entities/" + url.PathEscape(name) + "?type=" + url.QueryEscape(typ)
}

var typeHeading = map[string]string{entity.Person: "People", entity.Org: "Organisations", entity.Place: "Places"}

func typeName(t string) string {
	switch t {
	case entity.Person:
		return "people"
	case entity.Org:
		return "organisations"
	case entity.Place:
		return "places"
	}
	return t
}

func filterLabel(f Filter) string {
	return f.Field + ": " + f.Value
}

func without(fs []Filter, f Filter) []Filter {
	var out []Filter
	for _, g := range fs {
		if g != f {
			out = append(out, g)
		}
	}
	return out
}

func contains(fs []Filter, f Filter) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

func removeString(ss []string, s string) []string {
	var out []string
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func dateSpan(from, to corpus.Date) string {
	switch {
	case from.IsZero():
		return "up to " + to.String()
	case to.IsZero():
		return "from " + from.String()
	case from.String() == to.String():
		return "in " + from.String()
	}
	return from.String() + " to " + to.String()
}

func orText(s, missing string) string {
	if strings.TrimSpace(s) == "" {
		return missing
	}
	return s
}

// thousands writes a count with separators: 37,554.
func thousands(n any) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// webURL reports whether an article's URL is a web address to link to.
// Others (javascript:, data:, file:) come from the input and are shown as
// text only.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// quotesView is the quotes page: the search form, quote cards, the
// speaker facet and paging, every link carrying the whole state.
type quotesView struct {
	page
	P       quoteParams
	Results *query.QuoteResults
	// BadQuery is set when the query does not parse: the page shows where.
	BadQuery *APIError
	Cards    []quoteCard
	Filters  []chip
	Speakers []facetValue
	Pages    []link
	Prev     string
	Next     string
	CSV      string
	CSVAll   link
	First    int
	Last     int
	explained
}

// quoteCard is one quotation as the page shows it.
type quoteCard struct {
	query.QuoteHit
	N        int
	Segments []query.Segment
	Speakers []speakerLink
	// NamedAs is the words that named the speaker, when they are not the
	// name itself.
	NamedAs    string
	At         string // the document page, the quotation marked
	ArticleURL string // the document page
	Where      string
}

// speakerLink is one speaker of a quotation, linked to their page.
type speakerLink struct {
	Name   string
	Entity string // the entity page
	Quotes string // their quotations
}

func (s *Server) quotesPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseQuotes(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	view := &quotesView{page: page{Title: "Quotations · Parley", Indexing: s.progress.Load()}, P: p}
	p.Facets = true
	res, err := s.quotes(r.Context(), p.QuoteRequest)
	if err != nil {
		status, body := classify(err)
		if body.Code != CodeBadQuery {
			s.fail(w, r, err)
			return
		}
		logError(s.log, r, status, err)
		view.BadQuery = body
		s.render(w, r, status, "quotes.html", view)
		return
	}
	if p.Query != "" || p.Speaker != "" {
		view.Title = strings.TrimSpace(p.Speaker+" "+p.Query) + " · quotations · Parley"
	}
	view.Results = res
	view.build()
	s.render(w, r, http.StatusOK, "quotes.html", view)
}

// build lays out the quotations for the page.
func (v *quotesView) build() {
	p, res := v.P, v.Results
	v.First = (res.Page-1)*res.Limit + 1
	v.Last = v.First + len(res.Hits) - 1
	for i, h := range res.Hits {
		v.Cards = append(v.Cards, newQuoteCard(h, v.First+i))
	}
	with := func(change func(*quoteParams)) string {
		q := p
		q.Page = 1
		change(&q)
		return "/quotes?" + q.values().Encode()
	}
	if p.Speaker != "" {
		v.Filters = append(v.Filters, chip{Label: "speaker: " + p.Speaker, Remove: with(func(q *quoteParams) { q.Speaker = "" })})
	}
	if !p.From.IsZero() || !p.To.IsZero() {
		v.Filters = append(v.Filters, chip{Label: "published " + dateSpan(p.From, p.To), Remove: with(func(q *quoteParams) { q.From, q.To = corpus.Date{}, corpus.Date{} })})
	}
	if p.MinConfidence > 0 {
		v.Filters = append(v.Filters, chip{Label: fmt.Sprintf("confidence at least %g", p.MinConfidence), Remove: with(func(q *quoteParams) { q.MinConfidence = 0 })})
	}
	if f := res.Facets; f != nil {
		for _, fv := range f.Speaker {
			if fv.Value == "" {
				continue
			}
			v.Speakers = append(v.Speakers, facetValue{Value: fv.Value, Count: fv.Count, Active: index.FoldKey(fv.Value) == index.FoldKey(p.Speaker),
				Include: with(func(q *quoteParams) { q.Speaker = fv.Value }), Entity: speakerEntityURL(fv.Value)})
		}
	}
	v.Prev, v.Next, v.Pages = pageLinks(res.Page, res.Limit, res.Total, func(n int) string { return with(func(q *quoteParams) { q.Page = n }) })
	toggled := p
	toggled.Explain = !p.Explain
	v.explained = explained{Explaining: p.Explain, ExplainToggle: "/quotes?" + toggled.values().Encode()}
	if p.Explain {
		v.Explain = res.Explain
	}
	csv := p
	csv.Page = res.Page
	v.CSV = "/quotes.csv?" + csv.values().Encode()
	csv.Page, csv.Limit = 0, 0
	v.CSVAll = exportLink("/quotes.csv", csv.values(), res.Total)
}

// newQuoteCard lays out one quotation; n is its number in the list.
func newQuoteCard(h query.QuoteHit, n int) quoteCard {
	c := quoteCard{QuoteHit: h, N: n, Segments: query.Segments(h.Snippet.Text, h.Snippet.Highlights),
		Speakers: speakerLinks(h.Speaker), At: documentURL(h.Article.ID, &[2]int{h.Start, h.End}), ArticleURL: documentURL(h.Article.ID, nil),
		Where: orText(h.Article.URL, h.Article.Path)}
	if len(c.Segments) == 0 {
		c.Segments = query.Segments(h.Quote, nil)
	}
	if h.SpeakerText != "" && h.SpeakerText != h.Speaker {
		c.NamedAs = h.SpeakerText
	}
	return c
}

// speakerLinks splits a quotation's speaker into the names it joins, each
// linked to its entity page and its quotations.
func speakerLinks(speaker string) []speakerLink {
	var out []speakerLink
	for _, name := range index.Speakers(speaker) {
		out = append(out, speakerLink{Name: name, Entity: speakerEntityURL(name), Quotes: speakerQuotesURL(name)})
	}
	return out
}

// speakerEntityURL links to a speaker's entity page, leaving the
// gazetteer to say whether they are a person or an organisation.
func speakerEntityURL(name string) string { return "/entities/" + url.PathEscape(name) }

// speakerQuotesURL lists a speaker's quotations.
func speakerQuotesURL(name string) string {
	return "/quotes?" + url.Values{"speaker": {name}}.Encode()
}

// pageLinks are the links to the previous, next and nearby pages of a
// list of total results, limit a page; link gives a page's URL.
func pageLinks(cur, limit int, total uint64, pageURL func(int) string) (prev, next string, pages []link) {
	n := int((total + uint64(limit) - 1) / uint64(limit))
	n = min(n, query.MaxDepth/limit)
	if cur > 1 {
		prev = pageURL(cur - 1)
	}
	if cur < n {
		next = pageURL(cur + 1)
	}
	if n > 1 {
		for i := max(1, cur-4); i <= min(n, cur+4); i++ {
			pages = append(pages, link{Label: strconv.Itoa(i), URL: pageURL(i), Current: i == cur})
		}
	}
	return prev, next, pages
}

// quotesCSV exports a page of quotations as CSV, as `parley quotes --csv`
// writes it; with all=true, the whole list, up to MaxExport.
func (s *Server) quotesCSV(w http.ResponseWriter, r *http.Request) {
	p, err := parseQuotes(r.URL.Query(), s.searchTimeout())
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
	res, err := s.quotes(r.Context(), p.QuoteRequest)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeCSV(w, r, "parley-quotes.csv", func(b *bytes.Buffer) error { return query.WriteQuotesCSV(b, res) })
}

// MaxExport is the most rows a CSV of a whole search or quotation list
// holds: the most hits one search returns (query.MaxLimit), so that the
// export is a single search, in the order the pages show.
const MaxExport = query.MaxLimit

// exportAll reads the all parameter of the CSV routes.
func exportAll(v url.Values) (bool, error) {
	var all bool
	err := readBools(v, map[string]*bool{"all": &all})
	return all, err
}

// exportLink is the link to the CSV of a whole list of total results,
// labelled with how many rows it holds.
func exportLink(route string, v url.Values, total uint64) link {
	v.Set("all", "true")
	label := "CSV of all " + thousands(total)
	if total > MaxExport {
		label = "CSV of the first " + thousands(MaxExport)
	}
	return link{Label: label, URL: route + "?" + v.Encode()}
}

// writeCSV sends a CSV file to download as name; write fills it.
func (s *Server) writeCSV(w http.ResponseWriter, r *http.Request, name string, write func(*bytes.Buffer) error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write(buf.Bytes())
}

// speakerQuotes is what an entity page shows of the entity's quotations:
// the latest, grouped by month, each month linked to its full list.
type speakerQuotes struct {
	Total  uint64
	All    string // every quotation of the speaker
	Months []quoteMonth
}

type quoteMonth struct {
	Month string // YYYY-MM, YYYY for articles dated to the year, or ""
	Count int    // quotations in the month, all of them
	URL   string // the month's quotations
	Cards []quoteCard
}

// entityQuotes bounds the quotations an entity page lists.
const entityQuotes = 100

// speakerQuotes finds the latest quotations of a speaker for their page.
func (s *Server) speakerQuotes(ctx context.Context, name string) (*speakerQuotes, error) {
	req := query.QuoteRequest{Speaker: name, Limit: entityQuotes, Facets: true, FacetSize: 1, Timeout: s.searchTimeout()}
	res, err := s.quotes(ctx, req)
	if err != nil {
		return nil, err
	}
	sq := &speakerQuotes{Total: res.Total, All: speakerQuotesURL(name)}
	counts := map[string]int{}
	if res.Facets != nil {
		for _, m := range res.Facets.Month {
			counts[m.Value] = m.Count
		}
	}
	for i, h := range res.Hits {
		month := h.Article.Published[:min(7, len(h.Article.Published))]
		if n := len(sq.Months); n == 0 || sq.Months[n-1].Month != month {
			qm := quoteMonth{Month: month, Count: counts[month]}
			if d, err := corpus.ParseDate(month); err == nil && month != "" {
				p := quoteParams{QuoteRequest: query.QuoteRequest{Speaker: name, From: d, To: d}}
				qm.URL = "/quotes?" + p.values().Encode()
			}
			sq.Months = append(sq.Months, qm)
		}
		qm := &sq.Months[len(sq.Months)-1]
		qm.Cards = append(qm.Cards, newQuoteCard(h, i+1))
		qm.Count = max(qm.Count, len(qm.Cards))
	}
	return sq, nil
}

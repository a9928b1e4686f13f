// Package extract runs Parley's analyses over an article: when it was
// published and how Parley knows, the people, organisations and places it
// names, the dates it mentions and the quotations it reports with their
// speakers, all with byte offsets into the text as read. It is what `parley extract --json` prints and what the index stores.
package extract

import (
	"encoding/json"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/dates"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/quote"
)

// version changes whenever the analyses change in a way that should make
// already indexed articles be analysed again.
const version = "2"

// Extractor runs the analyses. Build it once and share it: it is safe for
// concurrent use.
type Extractor struct {
	gazetteer *entity.Gazetteer
	dates     *dates.Finder
	quotes    *quote.Finder // nil finds no quotations
	indirect  bool
}

// New returns an Extractor that names entities from g and finds direct and
// partial quotations.
func New(g *entity.Gazetteer) *Extractor {
	return &Extractor{gazetteer: g, dates: dates.NewFinder(), quotes: quote.New(g, quote.Options{})}
}

// WithIndirect returns an Extractor that also reports indirect speech
// ("Kelmarin said that talks would resume") among the quotations.
func (x *Extractor) WithIndirect() *Extractor {
	return &Extractor{gazetteer: x.gazetteer, dates: x.dates, quotes: quote.New(x.gazetteer, quote.Options{Indirect: true}), indirect: true}
}

// WithoutQuotes returns an Extractor that finds entities and dates but no
// quotations: it is how `parley bench --no-quotes` tells what quotes cost.
func (x *Extractor) WithoutQuotes() *Extractor {
	return &Extractor{gazetteer: x.gazetteer, dates: x.dates}
}

// Gazetteer returns the names the Extractor knows.
func (x *Extractor) Gazetteer() *entity.Gazetteer { return x.gazetteer }

// Fingerprint identifies the analyses and their data: two articles
// analysed by Extractors with the same fingerprint are analysed alike.
func (x *Extractor) Fingerprint() string {
	f := version + "/" + x.gazetteer.Fingerprint()
	switch {
	case x.quotes == nil:
		f += "/noquotes"
	case x.indirect:
		f += "/indirect"
	}
	return f
}

// Analysis is what Parley finds in one article.
type Analysis struct {
	Article  *corpus.Article
	Entities []entity.Mention
	Dates    []dates.Mention
	Quotes   []quote.Quote
}

// Analyze analyses an article. When the article's metadata gives no
// publication date, Analyze looks for one the article states about itself
// (a dateline, a "Published …" line) or its URL holds, and sets it, with
// how it was found; it never guesses one.
func (x *Extractor) Analyze(a *corpus.Article) *Analysis {
	body := a.PartsOf(corpus.Body)
	if a.Published.IsZero() {
		a.Published = published(a, body)
	}
	an := &Analysis{Article: a}
	spans := make([][2]int, len(body))
	for i, p := range body {
		spans[i] = [2]int{p.Start, p.End}
	}
	an.Entities = x.gazetteer.Find(a.Text, spans)
	for _, p := range body {
		for _, m := range x.dates.Find(a.Text[p.Start:p.End], a.Published.Date) {
			m.Start += p.Start
			m.End += p.Start
			an.Dates = append(an.Dates, m)
		}
	}
	if x.quotes != nil {
		an.Quotes = x.quotes.Find(a.Text, spans, an.Entities)
	}
	return an
}

// published finds the publication date an article states about itself:
// a dateline at the start of its body, a publication line anywhere in it
// (furniture included), or a date in its URL.
func published(a *corpus.Article, body []corpus.Part) corpus.Published {
	if len(body) > 0 {
		if d, _, _, method, ok := dates.Dateline(a.Text[body[0].Start:], 0); ok && method == "dateline" {
			return corpus.Published{Date: d, Method: "dateline"}
		}
	}
	if d, _, _, method, ok := dates.Dateline(a.Text, 0); ok && method == "text" {
		return corpus.Published{Date: d, Method: "text"}
	}
	if d, ok := dates.FromURL(a.URL); ok {
		return corpus.Published{Date: d, Method: "url"}
	}
	return corpus.Published{Method: "unknown"}
}

// MarshalJSON writes an analysis in the shape of design.md: one object an
// article, as `parley extract --json` prints a line.
func (an *Analysis) MarshalJSON() ([]byte, error) {
	a := an.Article
	type published struct {
		Value     string           `json:"value"`
		Precision corpus.Precision `json:"precision"`
		Method    string           `json:"method"`
	}
	method := a.Published.Method
	if method == "" {
		method = "unknown"
	}
	entities := an.Entities
	if entities == nil {
		entities = []entity.Mention{}
	}
	ds := an.Dates
	if ds == nil {
		ds = []dates.Mention{}
	}
	qs := an.Quotes
	if qs == nil {
		qs = []quote.Quote{}
	}
	return json.Marshal(struct {
		ID        string           `json:"id"`
		Path      string           `json:"path"`
		Line      int              `json:"line,omitempty"`
		Title     string           `json:"title"`
		Source    string           `json:"source"`
		URL       string           `json:"url"`
		Published published        `json:"published"`
		Entities  []entity.Mention `json:"entities"`
		Dates     []dates.Mention  `json:"dates"`
		Quotes    []quote.Quote    `json:"quotes"`
	}{a.ID, a.From.Path, a.From.Line, a.Title, a.Source, a.URL,
		published{a.Published.String(), a.Published.Precision, method}, entities, ds, qs})
}

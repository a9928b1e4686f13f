package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/corpus/quote"
)

// quoteFields names the fields a quotation's words are indexed in. They
// are not the article's body fields, so that a word search over articles
// never matches a quote document, and a quote search never an article.
var quoteFields = textFields{FieldQuote, FieldQuoteExact, ""}

// QuoteID returns the ID of the document for the quotation at start:end of
// an article: stable, so indexing the same article twice writes the same
// quote documents.
func QuoteID(articleID string, start, end int) string {
	b := make([]byte, 0, len(quoteIDPrefix)+len(articleID)+1+2*20+1)
	b = appendSpan(append(append(append(b, quoteIDPrefix...), articleID...), ':'), start, end)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// spanID is the ID of an article's quote document from its quoteSpan.
func spanID(articleID, span string) string { return quoteIDPrefix + articleID + ":" + span }

// quoteIDPrefix begins every quote document's ID.
const quoteIDPrefix = "quote:"

// quoteSpan is how an article's meta lists its quotations, so that
// re-indexing it can remove the quote documents it no longer has.
func quoteSpan(q quote.Quote) string {
	b := appendSpan(make([]byte, 0, 2*20+1), q.Start, q.End)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendSpan appends "start-end", one allocation for the two numbers.
func appendSpan(b []byte, start, end int) []byte {
	return strconv.AppendInt(append(strconv.AppendInt(b, int64(start), 10), '-'), int64(end), 10)
}

// Speakers splits a quotation's speaker into the names it joins: a group
// ("Ilham Aliyev; Nikol Pashinyan") is each of them.
func Speakers(speaker string) []string {
	return appendSpeakers(nil, speaker)
}

// appendSpeakers appends to dst the names speaker joins, as Speakers
// returns them.
func appendSpeakers(dst []string, speaker string) []string {
	for speaker != "" {
		var s string
		s, speaker, _ = strings.Cut(speaker, ";")
		if s = strings.TrimSpace(s); s != "" {
			dst = append(dst, s)
		}
	}
	return dst
}

// quoteMeta is what a quote document stores besides its text, as one JSON
// value in FieldMeta.
type quoteMeta struct {
	Article      string  `json:"article"`
	Title        string  `json:"title,omitempty"`
	Speaker      string  `json:"speaker,omitempty"`
	SpeakerText  string  `json:"speaker_text,omitempty"`
	SpeakerStart int     `json:"speaker_start,omitempty"`
	SpeakerEnd   int     `json:"speaker_end,omitempty"`
	SpeakerOrg   string  `json:"speaker_org,omitempty"`
	Cue          string  `json:"cue,omitempty"`
	Kind         string  `json:"kind"`
	Confidence   float64 `json:"confidence"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Source       string  `json:"source,omitempty"`
	URL          string  `json:"url,omitempty"`
	Path         string  `json:"path"`
	Published    string  `json:"published,omitempty"`
}

// json returns what json.Marshal returns for m, several times faster
// (see jsontext.go).
func (m *quoteMeta) json() []byte { return m.jsonAround(m.articleJSON()) }

// articleJSON is the JSON of what a quotation stores of its article (its
// ID, title, source, URL, path and date), before and after the
// quotation's own members: the same for all of an article's quotations,
// and most of their bytes, so written once for them all.
type articleJSON struct{ head, tail []byte }

func (m *quoteMeta) articleJSON() articleJSON {
	head := jsonObject{b: make([]byte, 0, 32+len(m.Article)+len(m.Title))}
	head.str("article", m.Article)
	head.strOmitEmpty("title", m.Title)
	// The tail follows the quotation's members: a comma before each of its own.
	tail := jsonObject{b: make([]byte, 0, 64+len(m.Source)+len(m.URL)+len(m.Path)), from: -1}
	tail.strOmitEmpty("source", m.Source)
	tail.strOmitEmpty("url", m.URL)
	tail.str("path", m.Path)
	tail.strOmitEmpty("published", m.Published)
	return articleJSON{head.b, tail.b}
}

// jsonAround writes m's JSON with its article's part written before.
func (m *quoteMeta) jsonAround(a articleJSON) []byte {
	o := jsonObject{b: make([]byte, 0, len(a.head)+len(a.tail)+160+len(m.SpeakerText))}
	o.b = append(o.b, a.head...)
	o.strOmitEmpty("speaker", m.Speaker)
	o.strOmitEmpty("speaker_text", m.SpeakerText)
	o.intOmitEmpty("speaker_start", m.SpeakerStart)
	o.intOmitEmpty("speaker_end", m.SpeakerEnd)
	o.strOmitEmpty("speaker_org", m.SpeakerOrg)
	o.strOmitEmpty("cue", m.Cue)
	o.str("kind", m.Kind)
	o.float("confidence", m.Confidence)
	o.int("start", m.Start)
	o.int("end", m.End)
	o.b = append(o.b, a.tail...)
	return o.bytes()
}

// quoteDocuments builds a document for each quotation of an article. body
// is the analysis of the article's body, when its document has one, which
// gives the quotations their terms as it runs (see quoteTerms).
//
// The fields it shares with articles have the articles' indexing options:
// zapx (v17.2.5) reads one field's doc values through one buffer in a
// merge, and merging a segment whose doc values are compressed with one
// where they are not (see facetField) wrote into the index file's memory
// and crashed.
func (ix *Index) quoteDocuments(an *extract.Analysis, body *textAnalysis) []*quoteDocument {
	if len(an.Quotes) == 0 {
		return nil
	}
	a := an.Article
	if body != nil {
		for _, p := range a.PartsOf(corpus.Body) {
			body.partStarts = append(body.partStarts, p.Start)
		}
		body.quotes = make([]*textAnalysis, 0, len(an.Quotes))
	}
	// What every quotation of the article shares, worked out once.
	source := a.Source
	date := publishedTerms(a.Published.Date)
	published := a.Published.String()
	shared := (&quoteMeta{Article: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Path: a.From.Path,
		Published: published}).articleJSON()
	out := make([]*quoteDocument, 0, len(an.Quotes))
	for _, q := range an.Quotes {
		d := newQuoteDocument(QuoteID(a.ID, q.Start, q.End))
		d.keyword(FieldKind, KindQuote, index.IndexField)
		d.quoteText(ix.analyzer, quoteFields, q.Text)
		if body != nil {
			d.text.body, d.text.span = body, [2]int{q.Start, q.End}
			body.quotes = append(body.quotes, &d.text)
		}
		if names := appendSpeakers(d.speakers[:0], q.Speaker); len(names) > 0 {
			d.terms(FieldSpeaker, names, facetField)
		}
		d.keyword(FieldQuoteKind, string(q.Kind), index.IndexField)
		d.keyword(FieldConfidence, ConfidenceTerm(q.Confidence), index.IndexField)
		d.keyword(FieldArticle, a.ID, index.IndexField)
		d.keyword(FieldSource, source, facetField)
		date.add(d.keyword)
		// The quotation's own members: its article's are in shared.
		m := quoteMeta{Speaker: q.Speaker, SpeakerText: q.SpeakerText, SpeakerStart: q.SpeakerStart,
			SpeakerEnd: q.SpeakerEnd, SpeakerOrg: q.SpeakerOrg, Cue: q.Cue, Kind: string(q.Kind),
			Confidence: q.Confidence, Start: q.Start, End: q.End}
		d.stored(FieldMeta, m.jsonAround(shared))
		out = append(out, d)
	}
	return out
}

// ConfidenceTerm is how a quotation's confidence is indexed: two decimals,
// "0.85", so that the terms sort as the numbers do and MinConfidence is a
// range over a handful of terms (a Bleve number costs sixteen terms a
// quotation, and a corpus holds ten quotations an article).
func ConfidenceTerm(c float64) string {
	if !(c > 0) { // NaN too
		return confidenceTerms[0]
	}
	return confidenceTerms[int(math.Round(min(c, 1)*100))]
}

// confidenceTerms are the terms of the confidences 0.00 to 1.00, made
// once, not once a quotation.
var confidenceTerms = func() (out [101]string) {
	for i := range out {
		out[i] = strconv.FormatFloat(float64(i)/100, 'f', 2, 64)
	}
	return out
}()

// MinConfidence matches the quotations whose confidence is at least min.
func MinConfidence(min float64) query.Query {
	// The smallest two-decimal confidence that is not below min.
	return from(FieldConfidence, ConfidenceTerm(math.Ceil(min*100-1e-9)/100))
}

// StoredQuote is a quotation as the index holds it.
type StoredQuote struct {
	ID           string
	Text         string
	Article      string // the ID of the article that reports it
	Title        string // the article's
	Speaker      string
	SpeakerText  string
	SpeakerStart int
	SpeakerEnd   int
	SpeakerOrg   string
	Cue          string
	Kind         string
	Confidence   float64
	Start, End   int
	Source       string
	URL          string
	Path         string
	Published    corpus.Date
}

// StoredQuoteFields lists the stored fields a StoredQuote is read from.
var StoredQuoteFields = []string{FieldQuote, FieldMeta}

// StoredQuoteFrom reads a StoredQuote from the fields of a search hit.
func StoredQuoteFrom(id string, fields map[string]any) StoredQuote {
	s := StoredQuote{ID: id}
	if texts := strs(fields[FieldQuote]); len(texts) > 0 {
		s.Text = texts[0]
	}
	var m quoteMeta
	if raw, _ := fields[FieldMeta].(string); raw != "" {
		_ = json.Unmarshal([]byte(raw), &m)
	}
	s.Article, s.Title, s.Speaker, s.SpeakerText, s.SpeakerStart, s.SpeakerEnd = m.Article, m.Title, m.Speaker, m.SpeakerText, m.SpeakerStart, m.SpeakerEnd
	s.SpeakerOrg, s.Cue, s.Kind, s.Confidence, s.Start, s.End = m.SpeakerOrg, m.Cue, m.Kind, m.Confidence, m.Start, m.End
	s.Source, s.URL, s.Path = m.Source, m.URL, m.Path
	s.Published, _ = corpus.ParseDate(m.Published)
	return s
}

// QuotesOf returns the quotations indexed for an article, in text order.
func (ix *Index) QuotesOf(ctx context.Context, articleID string) ([]StoredQuote, error) {
	q := query.NewConjunctionQuery([]query.Query{kindQuery(KindQuote), termOf(FieldArticle, articleID)})
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	req.Fields = StoredQuoteFields
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("list the quotations of %s: %w", articleID, err)
	}
	out := make([]StoredQuote, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, StoredQuoteFrom(h.ID, h.Fields))
	}
	sortQuotes(out)
	return out, nil
}

func sortQuotes(qs []StoredQuote) {
	sort.Slice(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
}

func termOf(field, term string) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// The fields of an article document. Text fields come in pairs: the plain
// name holds stemmed terms without stop words, for bare words; the _exact
// one holds every word folded and lower-cased, with positions, for phrases.
const (
	FieldKind       = "kind" // KindArticle, KindQuote or KindFile
	FieldTitle      = "title"
	FieldTitleExact = "title_exact"
	FieldBody       = "body" // one value per body part, in order
	FieldBodyExact  = "body_exact"
	// FieldBodyPairs holds each pair of adjacent common words of the body
	// (stop words, modal verbs, "said"…) as one term ("we will", "will
	// not"), at the position of its first word in FieldBodyExact. A pair's
	// postings are far shorter than its words': phrases check their runs
	// of common words on pairs rather than on the words (see the query
	// package's phrase search). Indexes of schema 5 have no positions here.
	FieldBodyPairs     = "body_pairs"
	FieldComments      = "comments" // reader comments: searched only on request
	FieldCommentsExact = "comments_exact"
	FieldFurniture     = "furniture" // site furniture: kept, never searched
	// FieldSource and the other fields of names hold them as written,
	// for facets; filters match them regardless of case and accents
	// through Spellings.
	FieldSource = "source"
	// FieldPublished is the first instant of the publication date's
	// period, on the outlet's own calendar: a timestamp's local date and
	// time, written as if it were UTC ("2020-10-20T01:00:00Z"), so that
	// filters and facets agree with the date the article shows. It is a
	// keyword, as are the date's other fields (see dates.go).
	FieldPublished = "published"
	FieldPrecision = "precision" // year, month, day or time
	FieldYear      = "year"      // "2019", for facets
	FieldMonth     = "month"     // "2019-04", for facets, when known
	FieldDay       = "day"       // "2019-04-15", when known
	FieldPath      = "path"      // the input file, to find its articles
	// The people, organisations and places an article names, by canonical
	// name.
	FieldPerson = "person"
	FieldOrg    = "org"
	FieldPlace  = "place"
	// FieldMentioned holds each date the article mentions at each of its
	// precisions (2020-10-10, 2020-10, 2020), for mentioned:.
	FieldMentioned = "mentioned"
	// FieldSpeaker holds the canonical names of who speaks: on a quote
	// document its speaker, on an article everyone it quotes (for
	// speaker: in article searches).
	FieldSpeaker = "speaker"
	// FieldMeta stores, as one JSON value, everything shown about an
	// article that is not searched (see Stored): one stored field costs
	// less to write than a dozen small ones.
	FieldMeta = "meta"
)

// The fields only quote documents have (they also have FieldSpeaker, and
// the article's source and publication date fields).
const (
	FieldQuote      = "quote" // the quoted words, stemmed, and stored
	FieldQuoteExact = "quote_exact"
	FieldQuoteKind  = "quote_kind" // direct, partial or indirect
	FieldConfidence = "confidence" // from "0.00" to "1.00" (see ConfidenceTerm)
	FieldArticle    = "article"    // the ID of the article that reports it
)

// Document kinds.
const (
	KindArticle = "article"
	// KindFile documents record what was indexed from one input file.
	KindFile = "file"
	// KindQuote documents are quotations, one each, found in articles.
	KindQuote = "quote"
)

// The analyzers the mapping declares. Analyzer implements the same chains.
const (
	analyzerStemmed = "parley_stemmed"
	analyzerExact   = "parley_exact"
	analyzerPairs   = "parley_pairs"
)

// NewMapping returns the Bleve mapping of Parley's index. Parley builds its
// documents itself (see Analyzer), but the mapping still declares every
// field with Bleve's own components, so the index stays plain Bleve: other
// Bleve tools, and Couchbase Search, read it as it is.
func NewMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(analyzerExact, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(analyzerStemmed, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, en.PossessiveName, en.StopName, en.SnowballStemmerName},
	}); err != nil {
		return nil, err
	}

	// Parley keeps only the pairs whose two words are both common words;
	// the declared shingles are the closest Bleve chain, a superset of them.
	if err := m.AddCustomTokenFilter("parley_shingle", map[string]any{"type": shingle.Name, "min": 2.0, "max": 2.0, "output_original": false, "separator": " "}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(analyzerPairs, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, "parley_shingle"},
	}); err != nil {
		return nil, err
	}

	text := func(name, analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name, f.Analyzer, f.Store, f.IncludeTermVectors = name, analyzer, store, vectors
		f.IncludeInAll, f.DocValues = false, false
		return f
	}
	kw := func(name string, store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name, f.Analyzer, f.Store, f.DocValues, f.IncludeInAll = name, keyword.Name, store, docValues, false
		return f
	}
	stored := func(name string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name, f.Index, f.Store, f.IncludeInAll, f.DocValues = name, false, true, false, false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldKind, kw(FieldKind, false, false))
	doc.AddFieldMappingsAt(FieldTitle, text(FieldTitle, analyzerStemmed, true, false), text(FieldTitleExact, analyzerExact, false, true))
	doc.AddFieldMappingsAt(FieldBody, text(FieldBody, analyzerStemmed, true, false), text(FieldBodyExact, analyzerExact, false, true),
		text(FieldBodyPairs, analyzerPairs, false, true))
	doc.AddFieldMappingsAt(FieldComments, text(FieldComments, analyzerStemmed, true, false), text(FieldCommentsExact, analyzerExact, false, true))
	doc.AddFieldMappingsAt(FieldFurniture, stored(FieldFurniture))
	doc.AddFieldMappingsAt(FieldSource, kw(FieldSource, false, true))
	doc.AddFieldMappingsAt(FieldPublished, kw(FieldPublished, false, true))
	doc.AddFieldMappingsAt(FieldDay, kw(FieldDay, false, false))
	doc.AddFieldMappingsAt(FieldPrecision, kw(FieldPrecision, false, false))
	doc.AddFieldMappingsAt(FieldYear, kw(FieldYear, false, true))
	doc.AddFieldMappingsAt(FieldMonth, kw(FieldMonth, false, true))
	doc.AddFieldMappingsAt(FieldPath, kw(FieldPath, false, false))
	for _, name := range []string{FieldPerson, FieldOrg, FieldPlace} {
		doc.AddFieldMappingsAt(name, kw(name, false, true))
	}
	doc.AddFieldMappingsAt(FieldMentioned, kw(FieldMentioned, false, false))
	doc.AddFieldMappingsAt(FieldSpeaker, kw(FieldSpeaker, false, true))
	doc.AddFieldMappingsAt(FieldQuote, text(FieldQuote, analyzerStemmed, true, false), text(FieldQuoteExact, analyzerExact, false, true))
	doc.AddFieldMappingsAt(FieldQuoteKind, kw(FieldQuoteKind, false, false))
	doc.AddFieldMappingsAt(FieldConfidence, kw(FieldConfidence, false, false))
	doc.AddFieldMappingsAt(FieldArticle, kw(FieldArticle, false, false))
	doc.AddFieldMappingsAt(FieldMeta, stored(FieldMeta))
	doc.AddFieldMappingsAt(fieldFileRecord, stored(fieldFileRecord))
	m.DefaultMapping = doc
	m.IndexDynamic, m.StoreDynamic, m.DocValuesDynamic = false, false, false
	m.DefaultAnalyzer = analyzerStemmed
	return m, m.Validate()
}

// pairsField returns the mapping of FieldBodyPairs.
func pairsField(m *mapping.IndexMappingImpl) *mapping.FieldMapping {
	for _, f := range m.DefaultMapping.Properties[FieldBody].Fields {
		if f.Name == FieldBodyPairs {
			return f
		}
	}
	panic("no " + FieldBodyPairs + " in the mapping")
}

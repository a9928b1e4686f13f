package index

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/dates"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
)

// schemaVersion changes whenever what Parley stores for an article changes
// (new fields, different cleaning or analysis), so that re-indexing
// replaces articles indexed the old way instead of calling them unchanged.
// Schema 6 gave the pairs field positions; schema 7 left out the folded
// copies of names (source_key, person_key and the others), which filters
// no longer read (see Spellings). Open still reads schemas 5 and 6.
const schemaVersion = 7

// ContentHash identifies what Parley would store for an article analysed
// by analyses with the given fingerprint: two articles with the same hash
// need not be indexed twice.
func ContentHash(a *corpus.Article, analysis string) string {
	d := corpus.NewDigest()
	d.Add(strconv.Itoa(schemaVersion), analysis, a.ID, a.Title, a.Text, a.Source, a.URL, strings.Join(a.Authors, "\x00"),
		a.Language, a.Published.String(), a.Published.Method, a.From.Path, strconv.Itoa(a.From.Line),
		strconv.Itoa(a.From.Record), a.From.Key)
	for _, p := range a.Parts {
		d.Add(fmt.Sprintf("%s %d %d %s", p.Kind, p.Start, p.End, p.Why))
	}
	d.AddMap(a.Extra)
	return d.String()
}

// EntityField returns the field an entity type is indexed in, by
// canonical name; unknown types have none.
func EntityField(typ string) string {
	switch typ {
	case entity.Person:
		return FieldPerson
	case entity.Org:
		return FieldOrg
	case entity.Place:
		return FieldPlace
	}
	return ""
}

// addMentioned adds the terms of an article's mentioned dates, each
// mention's, worked out once for each value: an article mentions about
// eight dates, five of them different.
func addMentioned(f *termsField, ms []dates.Mention) {
	type known struct {
		value string
		terms []string
	}
	var seen [8]known
	done := seen[:0]
	for _, m := range ms {
		i := slices.IndexFunc(done, func(k known) bool { return k.value == m.Value })
		if i < 0 {
			done = append(done, known{m.Value, mentionedTerms(m.Value)})
			i = len(done) - 1
		}
		for _, t := range done[i].terms {
			f.add(t)
		}
	}
}

// mentionedTerms lists the terms a mentioned date is indexed under: the
// date at its own precision and every coarser one (2020-10-10, 2020-10,
// 2020), and for an interval every year it spans, so that mentioned:2020-10
// finds an article that mentions October 10, 2020. A day or month without
// its year ("--10-10", "--10") has none: no day of the calendar is known.
func mentionedTerms(value string) []string {
	if isISODate(value) {
		// As the dates finder writes most values: the terms are the
		// value's prefixes, with nothing to parse (isoPrefixes below).
		switch len(value) {
		case 4:
			return []string{value}
		case 7:
			return []string{value[:4], value}
		}
		return []string{value[:4], value[:7], value}
	}
	if from, to, ok := strings.Cut(value, "/"); ok {
		a, errA := corpus.ParseDate(from)
		b, errB := corpus.ParseDate(to)
		if errA != nil || errB != nil || b.Start.Year()-a.Start.Year() > 200 {
			return nil
		}
		var out []string
		for y := a.Start.Year(); y <= b.Start.Year(); y++ {
			out = append(out, strconv.Itoa(y))
		}
		return out
	}
	d, err := corpus.ParseDate(value)
	if err != nil || d.IsZero() {
		return nil
	}
	if isoPrefixes(value, d) {
		// The value is written as its terms are, as the dates finder
		// writes values: they are its prefixes, with nothing to format.
		out := []string{value[:4]}
		if d.Precision >= corpus.Month {
			out = append(out, value[:7])
		}
		if d.Precision >= corpus.Day {
			out = append(out, value)
		}
		return out
	}
	return formattedTerms(d)
}

// formattedTerms are a date's terms at each of its precisions.
func formattedTerms(d corpus.Date) []string {
	out := []string{d.Start.Format("2006")}
	if d.Precision >= corpus.Month {
		out = append(out, d.Start.Format("2006-01"))
	}
	if d.Precision >= corpus.Day {
		out = append(out, d.Start.Format("2006-01-02"))
	}
	return out
}

// isISODate reports whether value is a date of the calendar written
// YYYY, YYYY-MM or YYYY-MM-DD, its year from 1000 on: what ParseDate
// reads, and isoPrefixes then accepts, without parsing it.
func isISODate(value string) bool {
	switch len(value) {
	case 4, 7, 10:
	default:
		return false
	}
	if value[0] == '0' {
		return false // year 1 is Go's zero time, which mentionedTerms skips
	}
	digits := func(from, to int) (int, bool) {
		n := 0
		for _, c := range []byte(value[from:to]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok := digits(0, 4)
	if !ok || len(value) == 4 {
		return ok
	}
	month, ok := digits(5, 7)
	if !ok || value[4] != '-' || month < 1 || month > 12 {
		return false
	}
	if len(value) == 7 {
		return true
	}
	day, ok := digits(8, 10)
	// The last day of the month is the day before the first of the next.
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return ok && value[7] == '-' && day >= 1 && day <= last
}

// isoPrefixes reports whether value, parsed as d, is written YYYY, YYYY-MM
// or YYYY-MM-DD to d's precision, with d's year, month and day.
func isoPrefixes(value string, d corpus.Date) bool {
	want := 0
	switch d.Precision {
	case corpus.Year:
		want = 4
	case corpus.Month:
		want = 7
	case corpus.Day:
		want = 10
	}
	if want == 0 || len(value) != want {
		return false
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range []byte(value[from:to]) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	t := d.Start
	if num(0, 4) != t.Year() {
		return false
	}
	if want >= 7 && (value[4] != '-' || num(5, 7) != int(t.Month())) {
		return false
	}
	return want < 10 || value[7] == '-' && num(8, 10) == t.Day()
}

// meta is what an article document stores, besides its texts, as one
// JSON value in FieldMeta.
type meta struct {
	Source     string            `json:"source,omitempty"`
	URL        string            `json:"url,omitempty"`
	Path       string            `json:"path"`
	Line       int               `json:"line,omitempty"`
	Record     int               `json:"record,omitempty"`
	Key        string            `json:"key,omitempty"`
	Authors    []string          `json:"authors,omitempty"`
	Language   string            `json:"language,omitempty"`
	Published  string            `json:"published,omitempty"`
	DateMethod string            `json:"date_method,omitempty"`
	Parts      []corpus.Part     `json:"parts"`
	Extra      map[string]string `json:"extra,omitempty"`
	Hash       string            `json:"hash"`
	// Entities sums up who and what the article names, for `parley
	// entities` and `parley entity`: the offsets stay with the source
	// (`parley extract`), which keeps the index small.
	Entities []EntitySummary `json:"entities,omitempty"`
	// Quotes lists the start-end offsets of the article's quotations: the
	// IDs of its quote documents, which re-indexing it must replace.
	Quotes []string `json:"quotes,omitempty"`
}

// EntitySummary is one person, organisation or place an article names:
// how often, how it is spelled there, and the roles given.
type EntitySummary struct {
	Type      string   `json:"t"`
	Name      string   `json:"n"`
	Mentions  int      `json:"c"`
	Spellings []string `json:"s,omitempty"` // every way the article writes it
	Roles     []string `json:"r,omitempty"`
}

// summarize sums up an article's entity mentions by entity, in order of
// first mention. The entities' spellings and roles share two arrays, each
// entity a stretch as long as its mentions: an entity is spelled one way
// more often than not, and a slice each cost two allocations an entity.
func summarize(ms []entity.Mention) []EntitySummary {
	if len(ms) == 0 {
		return nil
	}
	var out []EntitySummary
	of := make([]int32, len(ms)) // each mention's entity, in out
	at := make(map[[2]string]int32, len(ms))
	for i, m := range ms {
		key := [2]string{m.Type, m.Name}
		e, ok := at[key]
		if !ok {
			e = int32(len(out))
			at[key] = e
			out = append(out, EntitySummary{Type: m.Type, Name: m.Name})
		}
		of[i] = e
		out[e].Mentions++
	}
	spellings := make([]string, len(ms))
	from := 0
	for e := range out {
		n := out[e].Mentions
		out[e].Spellings = spellings[from:from:(from + n)]
		from += n
	}
	var roles []string // allocated at the first role, stretched alike
	for i, m := range ms {
		s := &out[of[i]]
		if !slices.Contains(s.Spellings, m.Text) {
			s.Spellings = append(s.Spellings, m.Text)
		}
		if m.Role != "" && !slices.Contains(s.Roles, m.Role) {
			if roles == nil {
				roles = make([]string, len(ms))
				from := 0
				for e := range out {
					out[e].Roles = roles[from:from:(from + out[e].Mentions)]
					from += out[e].Mentions
				}
			}
			s.Roles = append(s.Roles, m.Role)
		}
	}
	for e := range out {
		// Empty stretches read as none, as they did when appended to nil.
		if len(out[e].Spellings) == 0 {
			out[e].Spellings = nil
		}
		if len(out[e].Roles) == 0 {
			out[e].Roles = nil
		}
	}
	return out
}

// FoldKey folds a keyword for matching regardless of case and accents:
// "Le Monde" and "le monde" are one source.
func FoldKey(s string) string {
	if singleSpacedASCII(s) {
		return strings.ToLower(s) // most names: what the line below gives, with one allocation
	}
	return string(foldWord(nil, []byte(strings.Join(strings.Fields(s), " "))))
}

// singleSpacedASCII reports whether s is ASCII, its words separated by
// single spaces and no other white space, without space at either end:
// what strings.Fields and strings.Join leave as it is.
func singleSpacedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80 || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// facetField is how the fields facets count are indexed: with doc values,
// each article's kept apart and uncompressed. A facet reads the doc values
// of every matching article, and by default Bleve snappy-decodes a chunk
// of 1024 articles' values per field to read one article's: that decoding
// was most of the cost of facets (a search with facets took 2.5x one
// without; now about 1.1x). Bleve keeps geo points the same way. Without
// SkipDVChunking, SkipDVCompression alone gave each chunk's first article
// every value of the chunk (zapx v17.2.5), so the two go together.
const facetField = index.IndexField | index.DocValues | index.SkipDVCompression | index.SkipDVChunking

// articleDocument builds the Bleve document for an article, and returns
// with it its body's analysis, for its quotations (see quoteDocuments).
func (ix *Index) articleDocument(an *extract.Analysis, hash string) (*document.Document, *textAnalysis) {
	a := an.Article
	d := document.NewDocument(a.ID)
	keyword := func(name, value string, opts index.FieldIndexingOptions) { addKeyword(d, name, value, opts) }
	stored := func(name, value string) { keyword(name, value, index.StoreField) }
	keyword(FieldKind, KindArticle, index.IndexField)

	// The title is stored for display; a plain text file's title line is
	// also in Parts, with its offsets.
	if a.Title != "" {
		ix.addText(d, titleFields, []string{a.Title})
	}
	body := ix.addText(d, bodyFields, a.Texts(corpus.Body))
	ix.addText(d, commentsFields, a.Texts(corpus.Comments))
	for i, text := range a.Texts(corpus.Furniture) {
		d.AddField(document.NewTextFieldWithIndexingOptions(FieldFurniture, []uint64{uint64(i)}, []byte(text), index.StoreField))
	}

	keyword(FieldSource, a.Source, facetField)
	addPublished(d, a.Published.Date)
	keyword(FieldPath, a.From.Path, index.IndexField)
	entities := summarize(an.Entities)
	// One field of many terms for each: Bleve pays for every field of a
	// document, and an article names dozens of entities.
	kinds := [...]string{entity.Person, entity.Org, entity.Place}
	kindOf := func(typ string) int { return slices.Index(kinds[:], typ) }
	var counts [len(kinds)]int
	for _, e := range entities {
		if k := kindOf(e.Type); k >= 0 {
			counts[k]++
		}
	}
	var names [len(kinds)]*termsField
	for k, typ := range kinds {
		names[k] = newTermsField(EntityField(typ), facetField, counts[k])
	}
	for _, e := range entities {
		if k := kindOf(e.Type); k >= 0 {
			names[k].add(e.Name)
		}
	}
	mentioned := newTermsField(FieldMentioned, index.IndexField, 2*len(an.Dates))
	speaker := newTermsField(FieldSpeaker, facetField, 0)
	for _, q := range an.Quotes {
		var names [2]string
		for _, s := range appendSpeakers(names[:0], q.Speaker) {
			if !slices.Contains(speaker.terms, s) {
				speaker.add(s)
			}
		}
	}
	addMentioned(mentioned, an.Dates)
	for _, f := range []*termsField{names[0], names[1], names[2], mentioned, speaker} {
		if !f.empty() {
			d.AddField(f)
		}
	}
	m := meta{
		Source: a.Source, URL: a.URL, Path: a.From.Path, Line: a.From.Line, Record: a.From.Record, Key: a.From.Key,
		Authors: a.Authors, Language: a.Language, Published: a.Published.String(), DateMethod: a.Published.Method,
		Parts: a.Parts, Extra: a.Extra, Hash: hash, Entities: entities,
	}
	for _, q := range an.Quotes {
		m.Quotes = append(m.Quotes, quoteSpan(q))
	}
	metaJSON := m.json()
	stored(FieldMeta, unsafe.String(unsafe.SliceData(metaJSON), len(metaJSON))) // never written again
	return d, body
}

// json returns what json.Marshal returns for m (TestArticleMetaJSON),
// without reflection (see jsontext.go).
func (m *meta) json() []byte {
	o := jsonObject{b: make([]byte, 0, 256+len(m.URL)+len(m.Path)+48*len(m.Parts)+64*len(m.Entities))}
	o.strOmitEmpty("source", m.Source)
	o.strOmitEmpty("url", m.URL)
	o.str("path", m.Path)
	o.intOmitEmpty("line", m.Line)
	o.intOmitEmpty("record", m.Record)
	o.strOmitEmpty("key", m.Key)
	o.strsOmitEmpty("authors", m.Authors)
	o.strOmitEmpty("language", m.Language)
	o.strOmitEmpty("published", m.Published)
	o.strOmitEmpty("date_method", m.DateMethod)
	o.key("parts")
	if m.Parts == nil {
		o.b = append(o.b, "null"...)
	} else {
		o.b = append(o.b, '[')
		for i, p := range m.Parts {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			part := jsonObject{b: o.b, from: len(o.b)}
			part.str("kind", string(p.Kind))
			part.int("start", p.Start)
			part.int("end", p.End)
			part.strOmitEmpty("why", p.Why)
			o.b = part.bytes()
		}
		o.b = append(o.b, ']')
	}
	if len(m.Extra) > 0 {
		// encoding/json writes a map's keys in order.
		keys := slices.Sorted(maps.Keys(m.Extra))
		o.key("extra")
		o.b = append(o.b, '{')
		for i, k := range keys {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			o.b = appendJSONString(o.b, k) // keys are escaped as values are
			o.b = append(o.b, ':')
			o.b = appendJSONString(o.b, m.Extra[k])
		}
		o.b = append(o.b, '}')
	}
	o.str("hash", m.Hash)
	if len(m.Entities) > 0 {
		o.key("entities")
		o.b = append(o.b, '[')
		for i, e := range m.Entities {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			s := jsonObject{b: o.b, from: len(o.b)}
			s.str("t", e.Type)
			s.str("n", e.Name)
			s.int("c", e.Mentions)
			s.strsOmitEmpty("s", e.Spellings)
			s.strsOmitEmpty("r", e.Roles)
			o.b = s.bytes()
		}
		o.b = append(o.b, ']')
	}
	o.strsOmitEmpty("quotes", m.Quotes)
	return o.bytes()
}

// CommonPair returns the term the pairs field holds for two adjacent
// exact terms, and whether it holds one: only pairs of common words are
// kept.
func (a *Analyzer) CommonPair(first, second []byte) (string, bool) {
	if !a.common[string(first)] || !a.common[string(second)] {
		return "", false
	}
	return string(first) + " " + string(second), true
}

// fileDocument records what was indexed from one input file.
func fileDocument(rec FileRecord) *document.Document {
	d := document.NewDocument(fileDocID(rec.Path))
	add := func(name, value string, opts index.FieldIndexingOptions) {
		d.AddField(document.NewTextFieldWithIndexingOptions(name, nil, []byte(value), opts))
	}
	add(FieldKind, KindFile, index.IndexField)
	add(FieldPath, rec.Path, index.IndexField)
	if b, err := json.Marshal(rec); err == nil {
		add(fieldFileRecord, string(b), index.StoreField)
	}
	return d
}

// fieldFileRecord holds a file document's FileRecord as JSON.
const fieldFileRecord = "file_record"

func fileDocID(path string) string { return "file:" + path }

// FileRecord is what Parley remembers about an input file it has indexed,
// so that indexing it again can skip it when it has not changed.
type FileRecord struct {
	Path     string    `json:"path"`
	Size     int64     `json:"size"`
	ModTime  time.Time `json:"mtime"`
	SHA256   string    `json:"sha256"`
	Articles int       `json:"articles"`
	Schema   int       `json:"schema"`
	Analysis string    `json:"analysis"` // the Extractor's fingerprint
	// Metadata is the digest of the sidecar line that describes the file
	// (corpus.Reader.MetadataDigest), "" when none does.
	Metadata string    `json:"metadata,omitempty"`
	Indexed  time.Time `json:"indexed"`
}

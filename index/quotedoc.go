package index

import (
	"unsafe"

	index "github.com/blevesearch/bleve_index_api"
)

// quoteDocument is a quotation's document. An article holds about ten
// quotations, and as Bleve documents they cost more to write than the
// articles: a Bleve document is a slice of a dozen and a half fields,
// each its own object (with its own slice of terms, its own copy of the
// value), built, visited again and again by Bleve and the segment builder,
// then left to the garbage collector. A quoteDocument holds the same
// fields, with the same names, options, terms and stored values, in one
// allocation, so the index it writes is the one Bleve documents wrote.
type quoteDocument struct {
	id string
	// fields are the document's fields, the first used of them, in the
	// order they were added; the last is _id once Bleve asks for it.
	fields [quoteFieldSlots]docField
	used   int
	withID bool
	text   textAnalysis
	parts  [1]string
	// speakers holds the speaker field's names: one, or two for most
	// groups, without an allocation of their own.
	speakers [2]string
}

// quoteFieldSlots is the most fields a quotation's document has, _id
// included: 18 when it has a speaker and a publication day (the index's
// tests write such documents), and room for two more.
const quoteFieldSlots = 20

// storedPart is the array position of a quotation's stored text: the
// first (and only) part, as a body's parts are numbered.
var storedPart = []uint64{0}

func newQuoteDocument(id string) *quoteDocument {
	return &quoteDocument{id: id}
}

// field returns the next field of the document, added.
func (d *quoteDocument) field(name string, opts index.FieldIndexingOptions) *docField {
	f := &d.fields[d.used]
	d.used++
	f.name, f.opts = name, opts
	return f
}

// keyword adds a field holding value as one term, unless value is empty.
func (d *quoteDocument) keyword(name, value string, opts index.FieldIndexingOptions) {
	if value != "" {
		d.field(name, opts).value = value
	}
}

// terms adds a field holding each of values as a term.
func (d *quoteDocument) terms(name string, values []string, opts index.FieldIndexingOptions) {
	d.field(name, opts).terms = values
}

// stored adds a field that is only stored.
func (d *quoteDocument) stored(name string, value []byte) {
	d.field(name, index.StoreField).value = unsafe.String(unsafe.SliceData(value), len(value))
}

// quoteText adds the quotation's words: stored, and analysed once for the
// stemmed and exact fields, as addText does for a text of one part.
func (d *quoteDocument) quoteText(an *Analyzer, names textFields, text string) {
	stored := d.field(names.stemmed, index.StoreField)
	stored.value, stored.firstPart = text, true
	d.parts[0] = text
	d.text = textAnalysis{analyzer: an, parts: d.parts[:], fields: 2}
	stemmed := d.field(names.stemmed, index.IndexField)
	stemmed.text, stemmed.kind = &d.text, stemmedTerms
	exact := d.field(names.exact, index.IndexField|index.IncludeTermVectors)
	exact.text, exact.kind = &d.text, exactTerms
}

func (d *quoteDocument) ID() string { return d.id }

func (d *quoteDocument) Size() int {
	n := int(unsafe.Sizeof(*d)) + len(d.id)
	for i := range d.fields[:d.used] {
		n += len(d.fields[i].value)
	}
	return n
}

func (d *quoteDocument) VisitFields(visit index.FieldVisitor) {
	for i := range d.fields[:d.used] {
		visit(&d.fields[i])
	}
}

func (d *quoteDocument) VisitComposite(index.CompositeFieldVisitor) {}
func (d *quoteDocument) HasComposite() bool                         { return false }

func (d *quoteDocument) NumPlainTextBytes() uint64 {
	var n uint64
	for i := range d.fields[:d.used] {
		n += d.fields[i].NumPlainTextBytes()
	}
	return n
}

// AddIDField adds the _id field Bleve indexes and stores for every
// document, as Bleve's own documents do.
func (d *quoteDocument) AddIDField() {
	if !d.withID {
		d.withID = true
		d.field(idFieldName, index.IndexField|index.StoreField).value = d.id
	}
}

func (d *quoteDocument) StoredFieldsBytes() uint64 {
	var n uint64
	for i := range d.fields[:d.used] {
		if f := &d.fields[i]; f.opts.IsStored() {
			n += uint64(len(f.value))
		}
	}
	return n
}

func (d *quoteDocument) Indexed() bool { return false }

// idFieldName is the field Bleve keeps every document's ID in.
const idFieldName = "_id"

// docField is one field of a quoteDocument: a keyword field (value or
// terms), a stored value (value), or one analysis of a text (text and
// kind). It implements Bleve's Field and index/zap's TermsField.
type docField struct {
	name  string
	value string   // a stored value, or a keyword field's one term
	terms []string // a keyword field's terms, when it has several
	text  *textAnalysis
	opts  index.FieldIndexingOptions
	kind  termKind
	// firstPart marks a stored text, the first part of its field.
	firstPart bool
	analyzed  bool
}

func (f *docField) Name() string { return f.name }

func (f *docField) Value() []byte {
	return unsafe.Slice(unsafe.StringData(f.value), len(f.value))
}

func (f *docField) ArrayPositions() []uint64 {
	if f.firstPart {
		return storedPart
	}
	return nil
}

func (f *docField) EncodedFieldType() byte              { return 't' }
func (f *docField) Options() index.FieldIndexingOptions { return f.opts }

func (f *docField) NumPlainTextBytes() uint64 {
	n := len(f.value)
	for _, t := range f.terms {
		n += len(t)
	}
	return uint64(n)
}

func (f *docField) Analyze() {
	if f.text != nil {
		f.text.run()
	}
	f.analyzed = true
}

func (f *docField) AnalyzedLength() int {
	switch {
	case !f.analyzed || !f.opts.IsIndexed():
		return 0
	case f.text != nil:
		return f.text.termsOf(f.kind).length
	case f.terms != nil:
		return len(f.terms)
	}
	return 1
}

// VisitTerms gives the field's terms to the segment builder.
func (f *docField) VisitTerms(fn func(term []byte, freq int, positions []uint32)) {
	if !f.analyzed || !f.opts.IsIndexed() {
		return
	}
	if f.text != nil {
		f.text.visit(f.kind, fn)
		return
	}
	if f.terms != nil {
		visitKeywordTerms(f.terms, fn)
		return
	}
	fn(f.Value(), 1, nil)
}

// ReleaseTerms drops the text's analysis once both its fields are read.
func (f *docField) ReleaseTerms() {
	if f.text != nil {
		f.text.release()
	}
}

func (f *docField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return tokenFrequencies(f.VisitTerms)
}

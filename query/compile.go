package query

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/index"
)

// MaxExpansion bounds how many indexed words one prefix*, wildcard or
// fuzzy word~ may stand for: past it the query is refused with a request
// to make the word more specific, rather than left to run for seconds.
const MaxExpansion = 1000

// textField is one searchable text: its stemmed, exact and (for the body)
// stop-word-pair fields, and how much a match in it weighs.
type textField struct {
	name                 string
	stemmed, exact, pair string
	boost                float64
}

// titleBoost makes a word in the headline count for more than the same
// word in the body: measured on the relevance set (see relevance_test.go).
const titleBoost = 2

var (
	titleField    = textField{"title", index.FieldTitle, index.FieldTitleExact, "", titleBoost}
	bodyField     = textField{"body", index.FieldBody, index.FieldBodyExact, index.FieldBodyPairs, 1}
	commentsField = textField{"comments", index.FieldComments, index.FieldCommentsExact, "", 1}
	quoteField    = textField{"quote", index.FieldQuote, index.FieldQuoteExact, "", 1}
)

// compiler turns a parsed query into Bleve queries for one index.
type compiler struct {
	ix        *index.Index
	gazetteer *entity.Gazetteer // nil when the index knows no names
	comments  bool              // bare words also search reader comments
	exact     bool              // no word stands for its other spellings
	kind      string            // the documents searched: index.KindArticle or index.KindQuote
	marks     *marks
	notes     []string
}

// compiled is a query ready to run.
type compiled struct {
	query bquery.Query
	marks *marks
	notes []string
}

func compile(ix *index.Index, n Node, comments, exact bool) (*compiled, error) {
	return compileWith(newCompiler(ix, index.KindArticle, comments, exact), n)
}

// compileFor compiles a query over one kind of document.
func compileFor(ix *index.Index, n Node, kind string, comments, exact bool) (*compiled, error) {
	return compileWith(newCompiler(ix, kind, comments, exact), n)
}

// newCompiler returns a compiler for queries over one kind of document:
// articles, whose words are in their title and body, or quotations, whose
// words are the quoted ones.
func newCompiler(ix *index.Index, kind string, comments, exact bool) *compiler {
	c := &compiler{ix: ix, comments: comments, exact: exact, kind: kind, marks: newMarks()}
	if x := ix.Extractor(); x != nil {
		c.gazetteer = x.Gazetteer()
	}
	return c
}

func compileWith(c *compiler, n Node) (*compiled, error) {
	q, anchored, err := c.node(n)
	if err != nil {
		return nil, err
	}
	if q == nil {
		return nil, &SyntaxError{Query: "", Offset: n.Pos(), Msg: "nothing to search for: the query has no letters or digits"}
	}
	if !anchored {
		q = bquery.NewConjunctionQuery([]bquery.Query{q, c.only()})
	}
	return &compiled{query: q, marks: c.marks, notes: c.notes}, nil
}

// only matches every document of the kind searched (and nothing else the
// index holds, such as file records). Every document scores the same for
// it, so it does not change the order of results; a boost of 0 would
// leave a query of nothing else with no score at all (NaN).
func (c *compiler) only() bquery.Query { return kindOnly(c.kind) }

// kindOnly matches every document of one kind.
func kindOnly(kind string) bquery.Query {
	q := bquery.NewTermQuery(kind)
	q.SetField(index.FieldKind)
	return q
}

// node compiles one node. anchored reports whether every document it
// matches must have a word in an article's text field; queries that are
// not (dates, sources, negations) are limited to articles by the caller.
// A nil query means the node asks for nothing (a word with no letters).
func (c *compiler) node(n Node) (q bquery.Query, anchored bool, err error) {
	switch n := n.(type) {
	case *And:
		return c.and(n.Nodes)
	case *Or:
		return c.or(n.Nodes)
	case *Not:
		inner, _, err := c.withoutMarks(n.Node)
		if err != nil || inner == nil {
			return nil, false, err
		}
		b := bquery.NewBooleanQuery([]bquery.Query{c.only()}, nil, []bquery.Query{inner})
		return b, false, nil
	case *Term:
		return c.term(n)
	case *Wildcard:
		return c.wildcard(n)
	case *Phrase:
		return c.phrase(n)
	case *DateFilter:
		if n.Op == "mentioned" {
			return termQuery(n.Date.String(), index.FieldMentioned, 1), false, nil
		}
		q, err := dateQuery(n.Op, n.Date)
		return q, false, err
	}
	return nil, false, fmt.Errorf("query: cannot compile %T", n)
}

// withoutMarks compiles a node whose words must not be highlighted: what a
// search excludes is not what it found.
func (c *compiler) withoutMarks(n Node) (bquery.Query, bool, error) {
	saved := c.marks
	c.marks = newMarks()
	defer func() { c.marks = saved }()
	return c.node(n)
}

func (c *compiler) and(nodes []Node) (bquery.Query, bool, error) {
	var must, mustNot []bquery.Query
	anchored := false
	for _, n := range nodes {
		if not, ok := n.(*Not); ok {
			q, _, err := c.withoutMarks(not.Node)
			if err != nil {
				return nil, false, err
			}
			if q != nil {
				mustNot = append(mustNot, q)
			}
			continue
		}
		q, a, err := c.node(n)
		if err != nil {
			return nil, false, err
		}
		if q != nil {
			must = append(must, q)
			anchored = anchored || a
		}
	}
	switch {
	case len(must) == 0 && len(mustNot) == 0:
		return nil, false, nil
	case len(mustNot) == 0 && len(must) == 1:
		return must[0], anchored, nil
	case len(mustNot) == 0:
		return bquery.NewConjunctionQuery(must), anchored, nil
	case len(must) == 0:
		must = []bquery.Query{c.only()}
	}
	return bquery.NewBooleanQuery(must, nil, mustNot), anchored, nil
}

func (c *compiler) or(nodes []Node) (bquery.Query, bool, error) {
	var any []bquery.Query
	anchored := true
	for _, n := range nodes {
		q, a, err := c.node(n)
		if err != nil {
			return nil, false, err
		}
		if q != nil {
			any = append(any, q)
			anchored = anchored && a
		}
	}
	switch len(any) {
	case 0:
		return nil, false, nil
	case 1:
		return any[0], anchored, nil
	}
	return bquery.NewDisjunctionQuery(any), anchored, nil
}

// fieldsFor returns the text fields a word searches: those named by its
// field, or by default the title and body (and comments on request).
func (c *compiler) fieldsFor(field string, at int) ([]textField, error) {
	if c.kind == index.KindQuote {
		if field == "" || field == "exact" {
			return []textField{quoteField}, nil
		}
		return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("a quotation has no %s: search its words without a field", field)}
	}
	switch field {
	case "", "exact":
		if c.comments {
			return []textField{titleField, bodyField, commentsField}, nil
		}
		return []textField{titleField, bodyField}, nil
	case "title":
		return []textField{titleField}, nil
	case "body":
		return []textField{bodyField}, nil
	case "comments":
		return []textField{commentsField}, nil
	}
	return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("the field %q cannot hold words", field)}
}

// anyOf matches any of the queries, or is nil when there are none.
func anyOf(qs []bquery.Query) bquery.Query {
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bquery.NewDisjunctionQuery(qs)
}

func termQuery(term, field string, boost float64) bquery.Query {
	q := bquery.NewTermQuery(term)
	q.SetField(field)
	if boost != 1 {
		q.SetBoost(boost)
	}
	return q
}

func (c *compiler) term(n *Term) (bquery.Query, bool, error) {
	if kind, _ := FieldKindOf(n.Field); kind == KeywordField {
		return c.keyword(n.Field, n.Text, n.At)
	}
	fields, err := c.fieldsFor(n.Field, n.At)
	if err != nil {
		return nil, false, err
	}
	an := c.ix.Analyzer()
	words := an.ExactTerms(n.Text)
	switch {
	case len(words) == 0:
		c.notes = append(c.notes, fmt.Sprintf("%s: ignored, it has no letters or digits", n.Text))
		return nil, false, nil
	case len(words) > 1:
		// "Nagorno-Karabakh", "U.S.-led": the words in that order.
		return c.phraseOf(n.Text, words, 0, fields, n.At)
	case n.Fuzzy != 0:
		return c.fuzzy(n, words[0], fields)
	}
	word := words[0]
	if variants := c.variants(n.Field, word); len(variants) > 0 {
		return c.spellings(n.Text, word, variants, fields, n.At)
	}
	var qs []bquery.Query
	if stem, ok := an.Stem([]byte(word)); ok {
		for _, f := range fields {
			qs = append(qs, termQuery(stem, f.stemmed, f.boost))
		}
		c.marks.stems[stem] = true
		c.notes = append(c.notes, fmt.Sprintf("%s: words with the stem %q in %s", n.Text, stem, fieldNames(fields)))
	} else {
		// A stop word typed alone is searched as typed: the stemmed
		// fields leave stop words out.
		for _, f := range fields {
			qs = append(qs, termQuery(word, f.exact, f.boost))
		}
		c.marks.exact[word] = true
		c.notes = append(c.notes, fmt.Sprintf("%s: the exact word %q (a stop word) in %s", n.Text, word, fieldNames(fields)))
	}
	return anyOf(qs), true, nil
}

func fieldNames(fields []textField) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// fuzzy expands word~ into the indexed words within its edit distance.
func (c *compiler) fuzzy(n *Term, word string, fields []textField) (bquery.Query, bool, error) {
	distance := n.Fuzzy
	if distance < 0 {
		// As Bleve's automatic fuzziness: none for very short words, one
		// edit up to five letters, two beyond.
		switch l := len([]rune(word)); {
		case l <= 2:
			distance = 0
		case l <= 5:
			distance = 1
		default:
			distance = 2
		}
	}
	return c.expandFields(fields, n.At, n.Text, func(r bindex.IndexReader, field string) (bindex.FieldDict, error) {
		if distance == 0 {
			return exactWord(r, field, word)
		}
		fr, ok := r.(bindex.IndexReaderFuzzy)
		if !ok {
			return nil, fmt.Errorf("this index cannot search for similar words")
		}
		return fr.FieldDictFuzzy(field, word, distance, "")
	})
}

// exactWord lists word if field's dictionary holds it, and nothing else.
// A range from word to word will not do: Bleve ends it before the next
// word up (un to uo), so it lists every word word begins.
func exactWord(r bindex.IndexReader, field, word string) (bindex.FieldDict, error) {
	cr, ok := r.(bindex.IndexReaderContains)
	if !ok {
		return nil, fmt.Errorf("this index cannot look words up")
	}
	d, err := cr.FieldDictContains(field)
	if err != nil {
		return nil, err
	}
	found, err := d.Contains([]byte(word))
	if err != nil || !found {
		return &wordList{}, err
	}
	return &wordList{words: []string{word}}, nil
}

// wordList is a field dictionary of given words.
type wordList struct{ words []string }

func (l *wordList) Next() (*bindex.DictEntry, error) {
	if len(l.words) == 0 {
		return nil, nil
	}
	e := &bindex.DictEntry{Term: l.words[0]}
	l.words = l.words[1:]
	return e, nil
}

func (l *wordList) Close() error      { return nil }
func (l *wordList) Cardinality() int  { return len(l.words) }
func (l *wordList) BytesRead() uint64 { return 0 }

// wildcard expands prefix* and wild?ca*ds into the indexed words they match.
func (c *compiler) wildcard(n *Wildcard) (bquery.Query, bool, error) {
	if kind, _ := FieldKindOf(n.Field); kind == KeywordField {
		return c.keywordWildcard(n)
	}
	fields, err := c.fieldsFor(n.Field, n.At)
	if err != nil {
		return nil, false, err
	}
	return c.expandFields(fields, n.At, n.Pattern, wildcardDict(foldPattern(n.Pattern)))
}

// keywordWildcard expands source:amsel*, person:*ova and the like into the
// values they match, bounded and explained as words are: Bleve's own
// wildcard query would expand without limit, out of --explain's sight.
func (c *compiler) keywordWildcard(n *Wildcard) (bquery.Query, bool, error) {
	field := keywordField(n.Field)
	typed := n.Field + ":" + n.Pattern
	// Values are indexed as written: the pattern is matched against each
	// folded, so that source:amsel* finds "Amsel Post".
	values, err := c.ix.WildcardValues(field, index.FoldKey(n.Pattern), MaxExpansion)
	if err != nil {
		return nil, false, err
	}
	if len(values) > MaxExpansion {
		return nil, false, tooMany(n.At, typed, valuesNoun)
	}
	qs := make([]bquery.Query, len(values))
	for i, v := range values {
		qs[i] = termQuery(v, field, 1)
	}
	c.notes = append(c.notes, expansionNote(typed, valuesNoun, values))
	if len(qs) == 0 {
		return bquery.NewMatchNoneQuery(), false, nil
	}
	return anyOf(qs), false, nil
}

// wildcardDict lists the indexed terms of a field that a folded wildcard
// pattern matches.
func wildcardDict(pattern string) func(r bindex.IndexReader, field string) (bindex.FieldDict, error) {
	prefix, isPrefix := strings.CutSuffix(pattern, "*")
	isPrefix = isPrefix && !strings.ContainsAny(prefix, "*?")
	var re string
	if !isPrefix {
		re = wildcardRegexp(pattern)
	}
	return func(r bindex.IndexReader, field string) (bindex.FieldDict, error) {
		if isPrefix {
			return r.FieldDictPrefix(field, []byte(prefix))
		}
		rr, ok := r.(bindex.IndexReaderRegexp)
		if !ok {
			return nil, fmt.Errorf("this index cannot search for wildcards")
		}
		return rr.FieldDictRegexp(field, re)
	}
}

// expandFields matches any of the indexed words that dict lists in each
// field's exact terms: what a prefix*, wildcard or word~ stands for.
func (c *compiler) expandFields(fields []textField, at int, typed string, dict func(r bindex.IndexReader, field string) (bindex.FieldDict, error)) (bquery.Query, bool, error) {
	var qs []bquery.Query
	found := map[string]bool{}
	for _, f := range fields {
		terms, err := c.expand(at, typed, wordsNoun, func(r bindex.IndexReader) (bindex.FieldDict, error) { return dict(r, f.exact) })
		if err != nil {
			return nil, false, err
		}
		for _, t := range terms {
			qs = append(qs, termQuery(t, f.exact, f.boost))
			found[t] = true
		}
	}
	c.noteExpansion(typed, found)
	if len(qs) == 0 {
		return bquery.NewMatchNoneQuery(), true, nil
	}
	return anyOf(qs), true, nil
}

// foldPattern folds the letters of a wildcard pattern as the exact field
// folds words, keeping * and ?.
func foldPattern(p string) string {
	var b strings.Builder
	for _, piece := range strings.SplitAfter(p, "") {
		if piece == "*" || piece == "?" {
			b.WriteString(piece)
			continue
		}
		b.WriteString(index.FoldKey(piece))
	}
	return b.String()
}

// wildcardRegexp turns a folded wildcard pattern into the regular
// expression the term dictionary understands.
func wildcardRegexp(p string) string {
	var b strings.Builder
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// noun names what a pattern expands to, in the singular and plural: words
// in text, values (a whole source or name) in keyword fields.
type noun struct{ one, many string }

var (
	wordsNoun  = noun{"word", "words"}
	valuesNoun = noun{"value", "values"}
)

// count writes n of the noun: "no words", "1 word", "3 words".
func (w noun) count(n int) string {
	switch n {
	case 0:
		return "no " + w.many
	case 1:
		return "1 " + w.one
	}
	return fmt.Sprintf("%d %s", n, w.many)
}

// expand lists the dictionary terms a pattern matches, refusing more
// than MaxExpansion.
func (c *compiler) expand(at int, typed string, what noun, dict func(bindex.IndexReader) (bindex.FieldDict, error)) ([]string, error) {
	r, err := c.ix.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d, err := dict(r)
	if err != nil {
		return nil, &SyntaxError{Offset: at, Msg: fmt.Sprintf("%s: %v", typed, err)}
	}
	defer d.Close()
	var terms []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return terms, nil
		}
		terms = append(terms, e.Term)
		if len(terms) > MaxExpansion {
			return nil, tooMany(at, typed, what)
		}
	}
}

// tooMany refuses a pattern that stands for more than MaxExpansion words
// or values.
func tooMany(at int, typed string, what noun) error {
	return &SyntaxError{Offset: at, Msg: fmt.Sprintf("%s matches more than %d different %s; make it more specific", typed, MaxExpansion, what.many)}
}

func (c *compiler) noteExpansion(typed string, found map[string]bool) {
	for t := range found {
		c.marks.exact[t] = true
	}
	words := make([]string, 0, len(found))
	for t := range found {
		words = append(words, t)
	}
	c.notes = append(c.notes, expansionNote(typed, wordsNoun, words))
}

// expansionNote says, for --explain, what a pattern stood for.
func expansionNote(typed string, what noun, words []string) string {
	words = slices.Clone(words)
	sort.Strings(words)
	shown := words
	if len(shown) > 12 {
		shown = shown[:12]
	}
	more := ""
	if len(words) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(words)-len(shown))
	}
	if len(words) == 0 {
		return typed + ": " + what.count(0)
	}
	return fmt.Sprintf("%s: %s: %s%s", typed, what.count(len(words)), strings.Join(shown, ", "), more)
}

func (c *compiler) phrase(n *Phrase) (bquery.Query, bool, error) {
	if kind, _ := FieldKindOf(n.Field); kind == KeywordField {
		return c.keyword(n.Field, n.Text, n.At)
	}
	fields, err := c.fieldsFor(n.Field, n.At)
	if err != nil {
		return nil, false, err
	}
	words := c.ix.Analyzer().ExactTerms(n.Text)
	if len(words) == 0 {
		c.notes = append(c.notes, fmt.Sprintf("%q: ignored, it has no letters or digits", n.Text))
		return nil, false, nil
	}
	return c.phraseOf(n.Text, words, n.Slop, fields, n.At)
}

// phraseOf matches exact words in order (or within slop) in any of fields.
func (c *compiler) phraseOf(typed string, words []string, slop int, fields []textField, at int) (bquery.Query, bool, error) {
	if len(words)+slop >= index.PartGap {
		// A wider window could reach from one body paragraph into the next.
		return nil, false, &SyntaxError{Offset: at, Msg: fmt.Sprintf("the phrase is %d words long; phrases may have at most %d words and slop together", len(words)+slop, index.PartGap-1)}
	}
	c.marks.phrases = append(c.marks.phrases, markedPhrase{words: words, slop: slop})
	var qs []bquery.Query
	if len(words) == 1 {
		for _, f := range fields {
			qs = append(qs, termQuery(words[0], f.exact, f.boost))
		}
		c.notes = append(c.notes, fmt.Sprintf("%q: the exact word %q in %s", typed, words[0], fieldNames(fields)))
		return anyOf(qs), true, nil
	}
	an := c.ix.Analyzer()
	for _, f := range fields {
		pq := &phraseQuery{Terms: words, Field: f.exact, Slop: slop, Boost: f.boost}
		if f.pair != "" && slop == 0 {
			for i := 0; i+1 < len(words); i++ {
				if pair, ok := an.CommonPair([]byte(words[i]), []byte(words[i+1])); ok {
					pq.Pairs = append(pq.Pairs, phrasePair{Term: pair, At: i})
				}
			}
			pq.PairsField = f.pair
			pq.OnWords = !c.ix.PairPositions()
		}
		qs = append(qs, pq)
	}
	how := "in this order"
	if slop > 0 {
		how = fmt.Sprintf("within %d words of each other, in any order", len(words)+slop)
	}
	c.notes = append(c.notes, fmt.Sprintf("%q: the exact words %s %s in %s", typed, strings.Join(words, " "), how, fieldNames(fields)))
	return anyOf(qs), true, nil
}

// keywordField is the indexed field behind a keyword query field.
func keywordField(name string) string {
	switch name {
	case "source":
		return index.FieldSource
	case "speaker":
		return index.FieldSpeaker
	}
	if f := index.EntityField(name); f != "" {
		return f // person, org, place
	}
	return name
}

// keyword matches a value of a keyword field. A person, organisation or
// place is looked up in the gazetteer first, so that person:"Sergei
// Lavrov" finds the articles that name Sergey Lavrov however they spell
// him. --exact keeps the value as written: the articles that write
// "Sergei Lavrov". anchored is as for node.
func (c *compiler) keyword(field, value string, at int) (q bquery.Query, anchored bool, err error) {
	if field == "speaker" {
		q, err := c.speaker(value)
		return q, false, err
	}
	typ := map[string]string{"person": entity.Person, "org": entity.Org, "place": entity.Place}[field]
	if typ != "" && c.exact && c.kind == index.KindArticle {
		return c.asWritten(field, value, at)
	}
	if typ == "" || c.gazetteer == nil || c.exact {
		q, err := keywordQuery(c.ix, field, value)
		return q, false, err
	}
	canonical := c.gazetteer.Canonical(value, typ)
	if canonical == value {
		canonical = c.surname(field, value)
	}
	if canonical != value {
		c.notes = append(c.notes, fmt.Sprintf("%s:%s: the %s %s, however spelled", field, value, typ, canonical))
	} else {
		c.notes = append(c.notes, fmt.Sprintf("%s:%s: articles naming the %s %s", field, value, typ, canonical))
	}
	q, err = keywordQuery(c.ix, field, canonical)
	return q, false, err
}

// asWritten matches the articles that write a name as given, for --exact.
// The index files people, organisations and places under their canonical
// names only (person:"Sergei Lavrov" is the key "sergey lavrov"), so the
// spelling as written is searched where it is, in the title and body
// that names are found in: the exact words, in order.
func (c *compiler) asWritten(field, value string, at int) (bquery.Query, bool, error) {
	words := c.ix.Analyzer().ExactTerms(value)
	if len(words) == 0 {
		c.notes = append(c.notes, fmt.Sprintf("%s:%s: ignored, it has no letters or digits", field, value))
		return nil, false, nil
	}
	c.notes = append(c.notes, fmt.Sprintf("%s:%s: --exact: articles that write %q as written (names are filed under one spelling; without --exact, every spelling of the name)", field, value, value))
	return c.phraseOf(value, words, 0, []textField{titleField, bodyField}, at)
}

// speaker matches who a quotation is attributed to (on an article: anyone
// it quotes). People and organisations both speak: the value is the person
// the gazetteer knows by that spelling, else the organisation, else as
// typed.
func (c *compiler) speaker(value string) (bquery.Query, error) {
	if c.exact {
		// Quotations keep only the canonical name of who spoke, not the
		// words that named them in any form a query can match.
		c.notes = append(c.notes, fmt.Sprintf("speaker:%s: --exact: quotations filed under %s as typed (speakers are filed under one spelling; without --exact, every spelling of the name)", value, value))
	}
	if c.gazetteer == nil || c.exact {
		return keywordQuery(c.ix, "speaker", value)
	}
	canonical := c.speakerName(value)
	if canonical != value {
		c.notes = append(c.notes, fmt.Sprintf("speaker:%s: quotations by %s, however spelled", value, canonical))
	} else {
		c.notes = append(c.notes, fmt.Sprintf("speaker:%s: quotations attributed to %s", value, canonical))
	}
	return keywordQuery(c.ix, "speaker", canonical)
}

// speakerName is the name quotations by value are filed under: the
// person the gazetteer knows by that spelling, else the organisation,
// else the person with the given name respelled, else the one speaker
// the index has with that last name; or value as typed.
func (c *compiler) speakerName(value string) string {
	for _, typ := range []string{entity.Person, entity.Org} {
		if e, ok := c.gazetteer.Lookup(value, typ); ok {
			return e.Name
		}
	}
	if canonical := c.gazetteer.Canonical(value, entity.Person); canonical != value {
		return canonical
	}
	return c.surname("speaker", value)
}

// surname widens a one-word name the gazetteer does not know to the one
// indexed name of field it, or another spelling of it, is the last word
// of: speaker:Kelmarin finds Alexander Kelmarin's quotations, as `parley
// entity Kelmarin` finds him, and person:Aliev finds Ilham Aliyev.
// When several names end with it, it stays as typed and a note lists
// them: picking one would be a guess.
func (c *compiler) surname(field, value string) string {
	if strings.Contains(strings.TrimSpace(value), " ") {
		return value
	}
	if _, known := c.gazetteer.Lookup(value, ""); known {
		return value // Hezbollah, Kremlin: a name in itself, not a last name
	}
	// The query's name fields (person, org, place, speaker) are the
	// index's fields of the names as written.
	full, err := bySurname(c.ix, keywordField(field), spellingsOf(c.gazetteer, value))
	if err != nil {
		c.notes = append(c.notes, fmt.Sprintf("%s:%s: %v", field, value, err))
		return value
	}
	if full == "" {
		return value
	}
	return full
}

// variants returns the other spellings a bare word stands for, or none
// when the query asks for words as typed.
func (c *compiler) variants(field, word string) []string {
	if c.gazetteer == nil || c.exact || field == "exact" {
		return nil
	}
	if c.ix.Analyzer().IsStopWord(word) {
		return nil
	}
	return c.gazetteer.Variants(word)
}

// spellings matches any of a word's spellings: each as a bare word (one
// word) or as a phrase (a spelling of several, such as nagorno-karabakh).
func (c *compiler) spellings(typed, word string, variants []string, fields []textField, at int) (bquery.Query, bool, error) {
	an := c.ix.Analyzer()
	var qs []bquery.Query
	for _, spelling := range append([]string{word}, variants...) {
		words := an.ExactTerms(spelling)
		switch {
		case len(words) == 0:
			continue
		case len(words) > 1:
			q, _, err := c.phraseOf(spelling, words, 0, fields, at)
			if err != nil {
				return nil, false, err
			}
			qs = append(qs, q)
			continue
		}
		if stem, ok := an.Stem([]byte(words[0])); ok {
			for _, f := range fields {
				qs = append(qs, termQuery(stem, f.stemmed, f.boost))
			}
			c.marks.stems[stem] = true
		} else {
			for _, f := range fields {
				qs = append(qs, termQuery(words[0], f.exact, f.boost))
			}
			c.marks.exact[words[0]] = true
		}
	}
	c.notes = append(c.notes, fmt.Sprintf("%s: also as %s (spellings of one name; exact:%s or --exact for the word alone)",
		typed, strings.Join(variants, ", "), typed))
	return anyOf(qs), true, nil
}

// keywordQuery matches a keyword field's value regardless of case and
// accents: every way the index writes it (Le Monde, le monde).
func keywordQuery(ix *index.Index, field, value string) (bquery.Query, error) {
	f := keywordField(field)
	spellings, err := ix.Spellings(f, value)
	if err != nil {
		return nil, err
	}
	if len(spellings) == 0 {
		return bquery.NewMatchNoneQuery(), nil
	}
	qs := make([]bquery.Query, len(spellings))
	for i, s := range spellings {
		qs[i] = termQuery(s, f, 1)
	}
	return anyOf(qs), nil
}

// dateQuery matches articles whose publication date could fall in range.
// A date known only to the month or year covers a period, and matches when
// that period overlaps the range: "2020-10" is after:2020-10-15 as well as
// before:2020-10-15, and never silently dropped. Undated articles never
// match a date filter.
func dateQuery(op string, d corpus.Date) (bquery.Query, error) {
	switch op {
	case "after":
		return index.PublishedAfter(d.Start), nil
	case "before":
		return index.PublishedBefore(d.Start), nil
	case "date":
		return bquery.NewConjunctionQuery([]bquery.Query{index.PublishedAfter(d.Start), index.PublishedBefore(d.End())}), nil
	}
	return nil, fmt.Errorf("query: unknown date filter %q", op)
}

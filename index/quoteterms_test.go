package index

import (
	"fmt"
	"strings"
	"testing"

	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/corpus/quote"
)

// quoteTermsOf lists what a quotation's document indexes of its words,
// its stemmed and exact fields term by term, with counts, positions and
// lengths, as the segment builder reads them.
func quoteTermsOf(d *quoteDocument) string {
	var b strings.Builder
	d.VisitFields(func(f bleveindex.Field) {
		df := f.(*docField)
		if df.text == nil || !df.opts.IsIndexed() {
			return
		}
		fmt.Fprintf(&b, "%s (%d):", df.name, df.AnalyzedLength())
		df.VisitTerms(func(term []byte, freq int, positions []uint32) {
			fmt.Fprintf(&b, " %s×%d%v", term, freq, positions)
		})
		b.WriteByte('\n')
	})
	return b.String()
}

// quoteTermsAlone are the terms of a quotation's document whose words are
// analysed on their own, as when its article's body is not at hand.
func quoteTermsAlone(ix *Index, an *extract.Analysis) []string {
	var out []string
	for _, d := range ix.quoteDocuments(an, nil) {
		out = append(out, quoteTermsOf(analysed(d).(*quoteDocument)))
	}
	return out
}

// quoteTermsFromBody are the terms of each quotation's document as
// indexing makes them: the article's body analysed first, or (first) the
// quotation, which then has the body analysed. It also says which took
// their terms from the body.
func quoteTermsFromBody(ix *Index, an *extract.Analysis, quoteFirst bool) (terms []string, derived []bool) {
	article, body := ix.articleDocument(an, "hash")
	docs := ix.quoteDocuments(an, body)
	if !quoteFirst {
		analysed(article)
	}
	for _, d := range docs {
		terms = append(terms, quoteTermsOf(analysed(d).(*quoteDocument)))
		derived = append(derived, d.text.derived)
	}
	return terms, derived
}

// TestQuoteTermsFromBody checks that a quotation's terms taken from its
// article's body are those of its words analysed alone, and that the
// quotations the body cannot give whole words of one part (a span that
// cuts a word, or runs over two paragraphs) are analysed alone.
func TestQuoteTermsFromBody(t *testing.T) {
	parts := []string{
		`“We will not leave the valley: Orvel’s people stay,” said Tamsin Orlo. Vesk called it “a ‘frozen’ peace”.`,
		`“The road stays open,” Orlo added, “to every convoy, to every Erdoğan-style promise and the 3.5 million.`,
		`“And to the rest of the valley’s villages, the valley’s too.”`,
	}
	text := strings.Join(parts, "\n\n")
	a := &corpus.Article{ID: "orvel-terms", Title: "Orvel", Text: text, From: corpus.Provenance{Path: "orvel.jsonl", Line: 1, Record: 1}}
	at := 0
	for _, p := range parts {
		a.Parts = append(a.Parts, corpus.Part{Kind: corpus.Body, Start: at, End: at + len(p)})
		at += len(p) + 2
	}
	span := func(words string) quote.Quote {
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("no %q in the text", words)
		}
		return quote.Quote{Text: words, Start: i, End: i + len(words), Kind: quote.Direct}
	}
	an := &extract.Analysis{Article: a, Quotes: []quote.Quote{
		span("We will not leave the valley: Orvel’s people stay,"), // colon, possessive
		span("a ‘frozen’ peace"),
		span("The road stays open,"),
		span("to every convoy, to every Erdoğan-style promise and the 3.5 million."),
		span("alley: Orvel"),                     // cuts a word: analysed alone
		span("3.5 million.\n\n“And to the rest"), // two parts: analysed alone
		span("the valley’s too."),
	}}
	ix := &Index{analyzer: NewAnalyzer()}
	want := quoteTermsAlone(ix, an)
	for _, quoteFirst := range []bool{false, true} {
		got, derived := quoteTermsFromBody(ix, an, quoteFirst)
		for i, q := range an.Quotes {
			if got[i] != want[i] {
				t.Errorf("quote first %v, %q: from the body\n%s\nalone\n%s", quoteFirst, q.Text, got[i], want[i])
			}
			// The two that cut a word or run over two parts are analysed alone.
			if wantDerived := i != 4 && i != 5; derived[i] != wantDerived {
				t.Errorf("quote first %v, %q: terms from the body %v, want %v", quoteFirst, q.Text, derived[i], wantDerived)
			}
		}
	}
}

// TestQuoteTermsFromBodyAllSides checks the quotations of real articles:
// every one indexed with the terms of its words analysed alone, and
// nearly all of them taken from the body.
func TestQuoteTermsFromBodyAllSides(t *testing.T) {
	files, _ := corpus.FindFiles([]string{corpustest.Shared(t, "corpus/allsides.jsonl.gz")})
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	ix := &Index{analyzer: NewAnalyzer()}
	articles, quotes, fromBody := 0, 0, 0
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		an := x.Analyze(a)
		want := quoteTermsAlone(ix, an)
		got, derived := quoteTermsFromBody(ix, an, articles%2 == 1)
		for i, q := range an.Quotes {
			quotes++
			if derived[i] {
				fromBody++
			}
			if got[i] != want[i] {
				t.Errorf("article %s, quote at %d-%d %q: from the body\n%s\nalone\n%s", a.ID, q.Start, q.End, q.Text, got[i], want[i])
			}
		}
		if articles++; articles == 3000 {
			return errBenchEnough
		}
		return nil
	}, func(corpus.Problem) {})
	t.Logf("%d articles, %d quotations, %d with terms from the body", articles, quotes, fromBody)
	if fromBody < quotes*9/10 {
		t.Errorf("%d of %d quotations took their terms from the body, want at least 90%%", fromBody, quotes)
	}
}

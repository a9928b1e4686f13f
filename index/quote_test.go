package index

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"

	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/corpus/quote"
)

func openWithQuotes(t *testing.T) *Index {
	t.Helper()
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{Extractor: extract.New(g)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// quoteIDs lists the quote documents in the index, by ID.
func quoteIDs(t *testing.T, ix *Index) map[string]StoredQuote {
	t.Helper()
	req := bleve.NewSearchRequestOptions(kindQuery(KindQuote), 10000, 0, false)
	req.Fields = StoredQuoteFields
	res, err := ix.bleve.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]StoredQuote{}
	for _, h := range res.Hits {
		out[h.ID] = StoredQuoteFrom(h.ID, h.Fields)
	}
	return out
}

const quoteFixture = `Talks resumed in the fictional town of Orvel on Monday.
"We will not leave the valley," said Tamsin Orlo, the mayor of Orvel.
"The road stays open to every convoy," Orlo added.
`

func TestQuoteDocuments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "orvel.txt")
	if err := os.WriteFile(path, []byte("Orvel talks\n"+quoteFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openWithQuotes(t)
	update(t, ix, UpdateOptions{}, dir)
	first := quoteIDs(t, ix)
	if len(first) != 2 {
		t.Fatalf("got %d quote documents, want 2: %v", len(first), first)
	}
	text, _ := os.ReadFile(path)
	for id, q := range first {
		if got := string(text[q.Start:q.End]); got != q.Text {
			t.Errorf("%s: text at %d:%d is %q, stored %q", id, q.Start, q.End, got, q.Text)
		}
		if !strings.Contains(q.Speaker, "Orlo") || q.Cue == "" {
			t.Errorf("%s: speaker %q cue %q, want Orlo and a cue", id, q.Speaker, q.Cue)
		}
		if q.Article == "" || id != QuoteID(q.Article, q.Start, q.End) || q.Path != path {
			t.Errorf("%s: article %q path %q: not the article's quote", id, q.Article, q.Path)
		}
	}
	// Article searches must not see quote documents, nor quote searches
	// articles: the words are in both.
	for _, c := range []struct{ field, kind string }{{FieldBodyExact, KindQuote}, {FieldQuoteExact, KindArticle}} {
		word := query.NewTermQuery("convoy")
		word.SetField(c.field)
		n, err := ix.count(context.Background(), query.NewConjunctionQuery([]query.Query{word, kindQuery(c.kind)}))
		if err != nil || n != 0 {
			t.Errorf("convoy in %s: %d %s documents (%v), want 0", c.field, n, c.kind, err)
		}
	}
	st, err := ix.Stats(context.Background())
	if err != nil || st.Articles != 1 || st.Quotes != 2 {
		t.Errorf("stats: %d articles, %d quotes (%v), want 1 and 2", st.Articles, st.Quotes, err)
	}

	// The second quotation goes and the first moves: no document of the
	// old version may stay behind.
	changed := "Orvel talks\nA new first line pushes every offset.\n" + strings.Split(quoteFixture, "\"The road")[0]
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	update(t, ix, UpdateOptions{}, dir)
	second := quoteIDs(t, ix)
	if len(second) != 1 {
		t.Fatalf("after the change: %d quote documents, want 1: %v", len(second), second)
	}
	for id := range second {
		if _, old := first[id]; old {
			t.Errorf("%s kept its old offsets", id)
		}
	}
	update(t, ix, UpdateOptions{}, dir)
	if got := quoteIDs(t, ix); len(got) != 1 {
		t.Errorf("indexing again: %d quote documents, want 1", len(got))
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	update(t, ix, UpdateOptions{Prune: true}, dir)
	if got := quoteIDs(t, ix); len(got) != 0 {
		t.Errorf("after --prune: %d quote documents, want none: %v", len(got), got)
	}
}

// TestQuoteFieldsIndexedAsArticles checks that a field a quote document
// shares with articles has the articles' indexing options: segments of
// quote documents alone are merged with segments of articles, and zapx
// crashed merging doc values compressed in one and not in the other.
func TestQuoteFieldsIndexedAsArticles(t *testing.T) {
	ix := openWithQuotes(t)
	text := "Orvel talks\n" + quoteFixture
	published, err := corpus.ParseDate("2020-10-12")
	if err != nil {
		t.Fatal(err)
	}
	a := &corpus.Article{ID: "orvel-1", Title: "Orvel talks", Text: text, Source: "Orvel Gazette",
		Published: corpus.Published{Date: published}, Parts: corpus.SeparateTitled(text),
		From: corpus.Provenance{Path: "orvel.jsonl", Line: 1, Record: 1}}
	an := ix.extractor.Analyze(a)
	if len(an.Quotes) == 0 {
		t.Fatal("no quotations found")
	}
	options := map[string]bleveindex.FieldIndexingOptions{}
	article, body := ix.articleDocument(an, "hash")
	article.VisitFields(func(f bleveindex.Field) { options[f.Name()] = f.Options() })
	shared := 0
	for _, d := range ix.quoteDocuments(an, body) {
		d.VisitFields(func(f bleveindex.Field) {
			want, ok := options[f.Name()]
			if !ok {
				return
			}
			shared++
			if f.Options() != want {
				t.Errorf("field %s: quote document options %v, article's %v", f.Name(), f.Options(), want)
			}
		})
	}
	if shared == 0 {
		t.Error("no field shared with the article")
	}
}

// TestQuoteMetaJSON checks the hand-written JSON of a quotation against
// encoding/json's, which readers decode it with.
func TestQuoteMetaJSON(t *testing.T) {
	for _, m := range []quoteMeta{
		{},
		{Article: "a:1", Kind: "direct", Path: "/x/y.jsonl", Confidence: 0.9, Start: 10, End: 42},
		{Article: "a", Title: "Talks <b>&</b> \"truce\"", Speaker: "Tamsin Orlo; Ana Vesk", SpeakerText: "she\n\tsaid\\",
			SpeakerStart: 3, SpeakerEnd: 9, SpeakerOrg: "Orvel Council", Cue: "said", Kind: "partial", Confidence: 1,
			Start: 1, End: 2, Source: "Orvel Gazette", URL: "https://example.org/?a=1&b=<2>", Path: "p", Published: "2020-10"},
		{Article: "\x00\x1f\x7f", Title: "bad \xff utf-8 \u2028 \u2029 ’ é", Kind: "indirect", Confidence: 1e-7, Path: "ü"},
		{Article: "x", Kind: "direct", Confidence: 0.123456789, Start: -1, End: 1 << 40, Path: "z"},
	} {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.json(); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func FuzzQuoteMetaJSON(f *testing.F) {
	f.Add("a", "title <&>", "speaker", "\xff\u2028", "said", 0.5, 3, 4)
	f.Fuzz(func(t *testing.T, article, title, speaker, text, cue string, confidence float64, start, end int) {
		if math.IsNaN(confidence) || math.IsInf(confidence, 0) {
			return
		}
		m := quoteMeta{Article: article, Title: title, Speaker: speaker, SpeakerText: text, SpeakerStart: start,
			SpeakerEnd: end, Cue: cue, Kind: cue, Confidence: confidence, Start: start, End: end, Source: text,
			URL: title, Path: article, Published: speaker}
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.json(); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// TestQuoteIDsAndSpeakers checks how a quotation's document is named, as
// an article's meta lists it, and how a group speaker splits into names.
func TestQuoteIDsAndSpeakers(t *testing.T) {
	q := quote.Quote{Start: 7, End: 1234567}
	if got, want := QuoteID("a1b2", q.Start, q.End), "quote:a1b2:7-1234567"; got != want {
		t.Errorf("QuoteID = %q, want %q", got, want)
	}
	if got := spanID("a1b2", quoteSpan(q)); got != QuoteID("a1b2", q.Start, q.End) {
		t.Errorf("the ID from the article's list of spans is %q, not the document's", got)
	}
	for speaker, want := range map[string][]string{
		"":                              nil,
		"Tamsin Orlo":                   {"Tamsin Orlo"},
		"Tamsin Orlo; Ana Vesk":         {"Tamsin Orlo", "Ana Vesk"},
		" ; Tamsin Orlo ;;Ana Vesk ; ;": {"Tamsin Orlo", "Ana Vesk"},
		"A; B; C":                       {"A", "B", "C"},
	} {
		if got := Speakers(speaker); !slices.Equal(got, want) {
			t.Errorf("Speakers(%q) = %q, want %q", speaker, got, want)
		}
	}
}

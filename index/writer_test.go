package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// TestBatchesCountArticles checks where batches are cut: an article batch
// after batchSize articles however many quotations they carry, and a quote
// batch, of quote documents only, once it holds quoteBatchArticles times
// batchSize documents.
func TestBatchesCountArticles(t *testing.T) {
	for _, c := range []struct {
		name         string
		batch        int
		repeats      int // copies of the two-quotation fixture in each article
		quoteBatches int // quote batches written before Close
		minQuotes    int
	}{
		{"articles", 2, 1, 0, 2},
		// 6 quotations an article: the quote batch reaches 10 documents
		// with the second article and the fourth.
		{"quotations", 1, 3, 2, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := openWithQuotes(t)
			w := ix.NewWriter(c.batch, 1)
			quotes, quoteBatches := 0, 0
			for i := 1; i <= 5; i++ {
				title := fmt.Sprintf("Orvel talks, day %d", i)
				text := title + "\n" + strings.Repeat(quoteFixture, c.repeats)
				a := &corpus.Article{ID: fmt.Sprintf("orvel-%d", i), Title: title, Text: text,
					Parts: corpus.SeparateTitled(text), From: corpus.Provenance{Path: "orvel.jsonl", Line: i, Record: i}}
				an := ix.extractor.Analyze(a)
				if len(an.Quotes) != c.minQuotes {
					t.Fatalf("article %d: %d quotations, want %d", i, len(an.Quotes), c.minQuotes)
				}
				quotes += len(an.Quotes)
				before := w.quoteSeq
				if err := w.Put(an, "hash", nil); err != nil {
					t.Fatal(err)
				}
				if w.quoteSeq != before {
					quoteBatches++
				}
				if got, want := w.inBatch, i%c.batch; got != want {
					t.Errorf("after %d articles: %d in the article batch, want %d", i, got, want)
				}
				if n := len(w.quotes.IndexOps); n >= quoteBatchArticles*c.batch {
					t.Errorf("after %d articles: %d documents left in the quote batch", i, n)
				}
			}
			if quoteBatches != c.quoteBatches {
				t.Errorf("%d quote batches written, want %d", quoteBatches, c.quoteBatches)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := len(quoteIDs(t, ix)); got != quotes {
				t.Errorf("%d quote documents in the index, want %d", got, quotes)
			}
			if got := w.Written(); got != 5 {
				t.Errorf("%d articles written, want 5", got)
			}
		})
	}
}

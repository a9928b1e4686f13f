package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// TestBatchesCountArticles checks where batches are cut: after batchSize
// articles however many quotations they carry (quote documents ride with
// their article), unless the documents reach batchDocuments times
// batchSize first.
func TestBatchesCountArticles(t *testing.T) {
	for _, c := range []struct {
		name      string
		batch     int
		repeats   int // copies of the two-quotation fixture in each article
		perBatch  int // articles a batch holds
		minQuotes int
	}{
		{"articles", 2, 1, 2, 2},
		// 6 quotations: 7 documents an article, and 14 reach 2x5 before
		// the fifth article.
		{"documents", 5, 3, 2, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := openWithQuotes(t)
			w := ix.NewWriter(c.batch, 1)
			quotes := 0
			for i := 1; i <= 5; i++ {
				title := fmt.Sprintf("Orvel talks, day %d", i)
				text := title + "\n" + strings.Repeat(quoteFixture, c.repeats)
				a := &corpus.Article{ID: fmt.Sprintf("orvel-%d", i), Title: title, Text: text,
					Parts: corpus.SeparateTitled(text), From: corpus.Provenance{Path: "orvel.jsonl", Line: i, Record: i}}
				an := ix.extractor.Analyze(a)
				if len(an.Quotes) < c.minQuotes {
					t.Fatalf("article %d: %d quotations, want at least %d", i, len(an.Quotes), c.minQuotes)
				}
				quotes += len(an.Quotes)
				if err := w.Put(an, "hash", nil); err != nil {
					t.Fatal(err)
				}
				// Batches are numbered from 1; the one being filled is w.seq.
				if got, want := w.seq, i/c.perBatch+1; got != want {
					t.Errorf("after %d articles (%d documents): filling batch %d, want %d", i, i+quotes, got, want)
				}
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

package query

import (
	"context"
	"testing"

	"github.com/parleysearch/parley/index"
)

// BenchmarkSnippets makes the snippets of the first ten hits of each
// benchmark query on the index named by PARLEY_BENCH_INDEX, and nothing
// else: the hits' stored texts are read before the timer starts, so
// that Bleve's search does not blur what snippets cost.
//
//	PARLEY_BENCH_INDEX=/tmp/ix go test ./query -run - -bench Snippets
func BenchmarkSnippets(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	type work struct {
		m    *marks
		hits []index.Stored
	}
	var all []work
	for _, q := range benchQueries(b) {
		req := Request{Query: q, Limit: 10, Snippets: 1}
		_, c, _, err := requestQuery(ix, req)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Search(ctx, ix, req)
		if err != nil {
			b.Fatal(err)
		}
		w := work{m: c.marks}
		for _, h := range res.Hits {
			st, err := ix.Article(ctx, h.ID)
			if err != nil {
				b.Fatal(err)
			}
			w.hits = append(w.hits, st)
		}
		all = append(all, w)
	}
	an := ix.Analyzer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range all {
			for _, st := range w.hits {
				makeHit(an, st, 0, w.m, Request{Snippets: 1})
			}
		}
	}
}

// BenchmarkSentences cuts the body texts of 500 AllSides articles into
// sentences, as every hit's snippets do first.
func BenchmarkSentences(b *testing.B) {
	texts := allsidesTexts(b, 500)
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, text := range texts {
			sentences(text)
		}
	}
}

package query

import (
	"context"
	"os"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/parleysearch/parley/index"
)

func BenchmarkScratchWeWillNot(b *testing.B) {
	if _, err := os.Stat("/tmp/benchidx"); err != nil {
		b.Skip()
	}
	ix, err := index.Open("/tmp/benchidx", index.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"we will", "will not", "we"} {
		tq := bq.NewTermQuery(q)
		f := index.FieldBodyPairs
		if q == "we" {
			f = index.FieldBodyExact
		}
		tq.SetField(f)
		res, _ := ix.Bleve().Search(bleve.NewSearchRequestOptions(tq, 0, 0, false))
		b.Logf("%s: %d docs", q, res.Total)
	}
	both := bq.NewConjunctionQuery([]bq.Query{termIn("we will", index.FieldBodyPairs), termIn("will not", index.FieldBodyPairs)})
	res, _ := ix.Bleve().Search(bleve.NewSearchRequestOptions(both, 0, 0, false))
	b.Logf("both pairs: %d docs", res.Total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Search(context.Background(), ix, Request{Query: `"we will not"`}); err != nil {
			b.Fatal(err)
		}
	}
}

func termIn(t, f string) bq.Query { q := bq.NewTermQuery(t); q.SetField(f); return q }

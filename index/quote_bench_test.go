package index

import (
	"testing"

	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index/zap"
)

// BenchmarkQuoteSegment makes the quotation documents of 500 AllSides
// articles and builds their segment, as a quote batch is written, without
// the disk: one op is the whole batch. It is what quotations cost the
// index beyond finding them. Run with -cpu 1.
func BenchmarkQuoteSegment(b *testing.B) {
	g, err := entity.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(g)
	files, _ := corpus.FindFiles([]string{corpustest.Shared(b, "corpus/allsides.jsonl.gz")})
	var analyses []*extract.Analysis
	quotes := 0
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		an := x.Analyze(a)
		analyses = append(analyses, an)
		quotes += len(an.Quotes)
		if len(analyses) == 500 {
			return errBenchEnough
		}
		return nil
	}, func(corpus.Problem) {})
	ix := &Index{analyzer: NewAnalyzer()}
	var plugin zap.Plugin
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs := make([]bleveindex.Document, 0, quotes)
		for _, an := range analyses {
			for _, d := range ix.quoteDocuments(an) {
				d.AddIDField()
				d.VisitFields(func(f bleveindex.Field) {
					if f.Options().IsIndexed() {
						f.Analyze()
					}
				})
				docs = append(docs, d)
			}
		}
		seg, _, err := plugin.New(docs)
		if err != nil {
			b.Fatal(err)
		}
		seg.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*quotes), "ns/quote")
}

var errBenchEnough = errorString("enough")

type errorString string

func (e errorString) Error() string { return string(e) }

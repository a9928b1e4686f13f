package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index/zap"
)

// The benchmarks below make documents as a batch does and build their
// segment, without the disk: what indexing costs beyond reading and
// analysing the articles. Run them with -cpu 1.

// BenchmarkArticleSegment makes the documents of 1,000 AllSides articles
// and builds their segment: plain, then with the entities and dates found
// (found beforehand, so the difference is what indexing them costs).
func BenchmarkArticleSegment(b *testing.B) {
	found := analysedAllSides(b, func(x *extract.Extractor) *extract.Extractor { return x.WithoutQuotes() }, 1000)
	plain := make([]*extract.Analysis, len(found))
	for i, an := range found {
		plain[i] = &extract.Analysis{Article: an.Article}
	}
	ix := &Index{analyzer: NewAnalyzer()}
	for _, run := range []struct {
		name     string
		analyses []*extract.Analysis
	}{{"plain", plain}, {"entities+dates", found}} {
		b.Run(run.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				docs := make([]bleveindex.Document, 0, len(run.analyses))
				for _, an := range run.analyses {
					d, _ := ix.articleDocument(an, "hash")
					docs = append(docs, analysed(d))
				}
				buildSegment(b, docs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(run.analyses)), "ns/article")
		})
	}
}

// BenchmarkQuoteSegment makes the quotation documents of 500 AllSides
// articles and builds their segment, as a quote batch is written: one op
// is the whole batch. It is what quotations cost the index beyond
// finding them: the articles' documents are made and analysed too, as
// indexing does (their bodies' analysis gives the quotations their
// terms), but not timed.
func BenchmarkQuoteSegment(b *testing.B) {
	analyses := analysedAllSides(b, nil, 500)
	quotes := 0
	for _, an := range analyses {
		quotes += len(an.Quotes)
	}
	ix := &Index{analyzer: NewAnalyzer()}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		articles := make([]*document.Document, len(analyses))
		bodies := make([]*textAnalysis, len(analyses))
		for k, an := range analyses {
			articles[k], bodies[k] = ix.articleDocument(an, "hash")
		}
		b.StartTimer()
		var made []*quoteDocument
		for k, an := range analyses {
			made = append(made, ix.quoteDocuments(an, bodies[k])...)
		}
		b.StopTimer()
		for _, d := range articles {
			analysed(d)
		}
		b.StartTimer()
		docs := make([]bleveindex.Document, 0, quotes)
		for _, d := range made {
			docs = append(docs, analysed(d))
		}
		buildSegment(b, docs)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*quotes), "ns/quote")
}

// analysedAllSides analyses the first n AllSides articles with the
// embedded gazetteer's Extractor, changed by with when it is not nil.
func analysedAllSides(b *testing.B, with func(*extract.Extractor) *extract.Extractor, n int) []*extract.Analysis {
	g, err := entity.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(g)
	if with != nil {
		x = with(x)
	}
	files, _ := corpus.FindFiles([]string{corpustest.Shared(b, "corpus/allsides.jsonl.gz")})
	var out []*extract.Analysis
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		out = append(out, x.Analyze(a))
		if len(out) == n {
			return errBenchEnough
		}
		return nil
	}, func(corpus.Problem) {})
	return out
}

// analysed readies a document as Bleve's Batch does: its _id field added
// and its indexed fields analysed.
func analysed(d interface {
	bleveindex.Document
	AddIDField()
}) bleveindex.Document {
	d.AddIDField()
	d.VisitFields(func(f bleveindex.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	})
	return d
}

// buildSegment builds the segment of docs with Parley's builder.
func buildSegment(b *testing.B, docs []bleveindex.Document) {
	var plugin zap.Plugin
	seg, _, err := plugin.New(docs)
	if err != nil {
		b.Fatal(err)
	}
	seg.Close()
}

var errBenchEnough = errorString("enough")

type errorString string

func (e errorString) Error() string { return string(e) }

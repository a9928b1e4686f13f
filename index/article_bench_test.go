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

// BenchmarkArticleSegment makes the documents of 1,000 AllSides articles
// and builds their segment, as an article batch is written, without the
// disk: plain, then with the entities and dates found (found beforehand,
// so the difference is what indexing them costs). Run with -cpu 1.
func BenchmarkArticleSegment(b *testing.B) {
	g, err := entity.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(g).WithoutQuotes()
	files, _ := corpus.FindFiles([]string{corpustest.Shared(b, "corpus/allsides.jsonl.gz")})
	var found []*extract.Analysis
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		found = append(found, x.Analyze(a))
		if len(found) == 1000 {
			return errBenchEnough
		}
		return nil
	}, func(corpus.Problem) {})
	plain := make([]*extract.Analysis, len(found))
	for i, an := range found {
		plain[i] = &extract.Analysis{Article: an.Article}
	}
	ix := &Index{analyzer: NewAnalyzer()}
	for _, run := range []struct {
		name     string
		analyses []*extract.Analysis
		drop     bool
	}{{"plain", plain, false}, {"entities+dates", found, false}, {"nofields", found, true}} {
		b.Run(run.name, func(b *testing.B) {
			var plugin zap.Plugin
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				docs := make([]bleveindex.Document, 0, len(run.analyses))
				for _, an := range run.analyses {
					d := ix.articleDocument(an, "hash")
					if run.drop {
						kept := d.Fields[:0]
						for _, f := range d.Fields {
							switch f.Name() {
							case FieldPerson, FieldPersonKey, FieldOrg, FieldOrgKey, FieldPlace, FieldPlaceKey, FieldMentioned:
								continue
							}
							kept = append(kept, f)
						}
						d.Fields = kept
					}
					d.AddIDField()
					d.VisitFields(func(f bleveindex.Field) {
						if f.Options().IsIndexed() {
							f.Analyze()
						}
					})
					docs = append(docs, d)
				}
				seg, _, err := plugin.New(docs)
				if err != nil {
					b.Fatal(err)
				}
				seg.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(run.analyses)), "ns/article")
		})
	}
}

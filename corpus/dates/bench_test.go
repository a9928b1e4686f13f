package dates

import (
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
)

// BenchmarkFindAllSides finds the dates of AllSides articles with a Finder,
// as extraction does, one op an article: most real articles mention few
// dates, unlike testdata/article.txt, which BenchmarkFind reads. Run with
// -cpu 1.
func BenchmarkFindAllSides(b *testing.B) {
	type body struct {
		parts []string
		pub   corpus.Date
	}
	var articles []body
	bytes := 0
	files, _ := corpus.FindFiles([]string{corpustest.Shared(b, "corpus/allsides.jsonl.gz")})
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		var parts []string
		for _, p := range a.PartsOf(corpus.Body) {
			parts = append(parts, a.Text[p.Start:p.End])
			bytes += p.End - p.Start
		}
		articles = append(articles, body{parts, a.Published.Date})
		if len(articles) == 2000 {
			return errEnough
		}
		return nil
	}, func(corpus.Problem) {})
	df := NewFinder()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := articles[i%len(articles)]
		for _, p := range a.parts {
			df.Find(p, a.pub)
		}
	}
	b.ReportMetric(float64(bytes)/float64(len(articles)), "body-bytes/article")
}

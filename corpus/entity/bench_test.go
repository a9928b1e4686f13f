package entity

import (
	"path/filepath"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
)

// BenchmarkFindAllSides names the entities of AllSides articles, as
// indexing does: the budget is 1 ms an average (6 KB) article on one core.
// Run with -cpu 1.
func BenchmarkFindAllSides(b *testing.B) {
	g, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	path := corpustest.Shared(b, "corpus/allsides.jsonl.gz")
	type article struct {
		text  string
		parts [][2]int
	}
	var articles []article
	bytes := 0
	files, _ := corpus.FindFiles([]string{filepath.Clean(path)})
	stop := errStop{}
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		var parts [][2]int
		for _, p := range a.PartsOf(corpus.Body) {
			parts = append(parts, [2]int{p.Start, p.End})
			bytes += p.End - p.Start
		}
		articles = append(articles, article{a.Text, parts})
		if len(articles) == 2000 {
			return stop
		}
		return nil
	}, func(corpus.Problem) {})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := articles[i%len(articles)]
		g.Find(a.text, a.parts)
	}
	b.ReportMetric(float64(bytes)/float64(len(articles)), "body-bytes/article")
}

type errStop struct{}

func (errStop) Error() string { return "stop" }

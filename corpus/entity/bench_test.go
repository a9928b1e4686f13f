package entity

import (
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
	type article struct {
		text  string
		parts [][2]int
	}
	var articles []article
	bytes := 0
	allSidesBodies(b, 2000, func(text string, parts [][2]int) {
		for _, p := range parts {
			bytes += p[1] - p[0]
		}
		articles = append(articles, article{text, parts})
	})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := articles[i%len(articles)]
		g.Find(a.text, a.parts)
	}
	b.ReportMetric(float64(bytes)/float64(len(articles)), "body-bytes/article")
}

// allSidesBodies calls fn with the text and body parts of each of the
// first n AllSides articles, in order.
func allSidesBodies(tb testing.TB, n int, fn func(text string, parts [][2]int)) {
	tb.Helper()
	files, problems := corpus.FindFiles([]string{corpustest.Shared(tb, "corpus/allsides.jsonl.gz")})
	if len(files) == 0 {
		tb.Fatalf("find AllSides: %v", problems)
	}
	read := 0
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		var parts [][2]int
		for _, p := range a.PartsOf(corpus.Body) {
			parts = append(parts, [2]int{p.Start, p.End})
		}
		fn(a.Text, parts)
		if read++; read == n {
			return errStop{}
		}
		return nil
	}, func(corpus.Problem) {})
}

type errStop struct{}

func (errStop) Error() string { return "stop" }

package extract

import (
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
)

// benchArticles is how many AllSides articles the finder benchmarks run
// over: enough that an article's cost is an average, few enough to load fast.
const benchArticles = 2000

// benchArticle is an article as the finders see it: its text and body parts.
type benchArticle struct {
	text  string
	spans [][2]int
	pub   corpus.Date
}

// loadAllSides reads the first benchArticles AllSides articles.
func loadAllSides(b *testing.B) []benchArticle {
	b.Helper()
	files, _ := corpus.FindFiles([]string{corpustest.Shared(b, "corpus/allsides.jsonl.gz")})
	var out []benchArticle
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		var spans [][2]int
		for _, p := range a.PartsOf(corpus.Body) {
			spans = append(spans, [2]int{p.Start, p.End})
		}
		out = append(out, benchArticle{a.Text, spans, a.Published.Date})
		if len(out) == benchArticles {
			return errEnough{}
		}
		return nil
	}, func(corpus.Problem) {})
	return out
}

type errEnough struct{}

func (errEnough) Error() string { return "enough articles" }

// BenchmarkFinders times each finder on its own over real articles, one
// op an article, so ns/op is the per-article cost of that finder. Run with
// -cpu 1; add -cpuprofile to see where the time goes.
func BenchmarkFinders(b *testing.B) {
	g, err := entity.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	x := New(g)
	articles := loadAllSides(b)
	mentions := make([][]entity.Mention, len(articles))
	for i, a := range articles {
		mentions[i] = g.Find(a.text, a.spans)
	}
	b.Run("entities", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			a := articles[i%len(articles)]
			g.Find(a.text, a.spans)
		}
	})
	b.Run("dates", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			a := articles[i%len(articles)]
			for _, s := range a.spans {
				x.dates.Find(a.text[s[0]:s[1]], a.pub)
			}
		}
	})
	b.Run("quotes", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			k := i % len(articles)
			x.quotes.Find(articles[k].text, articles[k].spans, mentions[k])
		}
	})
}

package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// whoMeasures are `parley who`'s figures on a benchmark index.
type whoMeasures struct {
	claims, correct int
	median, p99     float64
}

func (m whoMeasures) print(w io.Writer) {
	if m.claims == 0 {
		return
	}
	fmt.Fprintf(w, "who: %d claims  median_ms: %.2f  p99_ms: %.2f  top-1 right: %d (%.1f%%)\n",
		m.claims, m.median, m.p99, m.correct, 100*float64(m.correct)/float64(m.claims))
}

// benchWho times Who on claims made from the index's own quotations: every
// n-th attributed direct quotation (in ID order, so runs agree), each as
// reported and altered as query.Alterations say.
func benchWho(ctx context.Context, ix *index.Index, quotations int) (whoMeasures, error) {
	var m whoMeasures
	kind := bquery.NewTermQuery(index.KindQuote)
	kind.SetField(index.FieldKind)
	direct := bquery.NewTermQuery("direct")
	direct.SetField(index.FieldQuoteKind)
	sr := bleve.NewSearchRequestOptions(bquery.NewConjunctionQuery([]bquery.Query{kind, direct}), 10000, 0, false)
	sr.Fields = index.StoredQuoteFields
	sr.SortBy([]string{"_id"})
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return m, err
	}
	var lat []float64
	taken := 0
	for _, h := range res.Hits {
		if taken == quotations {
			break
		}
		q := index.StoredQuoteFrom(h.ID, h.Fields)
		words := strings.Fields(q.Text)
		if q.Speaker == "" || len(words) < query.MinAlterWords || len(words) > 60 {
			continue
		}
		taken++
		for _, alt := range query.Alterations {
			claim := alt.Apply(words)
			if claim == "" {
				continue
			}
			t := time.Now()
			ans, err := query.Who(ctx, ix, query.WhoRequest{Claim: claim})
			if err != nil {
				return m, fmt.Errorf("who %q: %w", claim, err)
			}
			lat = append(lat, float64(time.Since(t).Microseconds())/1000)
			m.claims++
			if whoRight(ans, alt.Verdict, q.Article) {
				m.correct++
			}
		}
	}
	if len(lat) == 0 {
		return m, nil
	}
	sort.Float64s(lat)
	m.median = median(lat)
	m.p99 = p99(lat)
	return m, nil
}

// whoRight reports whether Who's answer is the expected verdict and finds
// the article the quotation came from: as its best match, its first
// appearance, or a reprint (the same words in several articles).
func whoRight(ans *query.WhoResult, verdict, article string) bool {
	if ans.Verdict != verdict || len(ans.Matches) == 0 {
		return false
	}
	if ans.Matches[0].Article.ID == article || (ans.FirstAppearance != nil && ans.FirstAppearance.ID == article) {
		return true
	}
	for _, r := range ans.Reprints {
		if r.ID == article {
			return true
		}
	}
	return false
}

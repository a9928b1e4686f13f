package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

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

// benchWho times Who on claims made from the index's own quotations, each
// as reported and altered as query.Alterations say (query.WhoTrials).
func benchWho(ctx context.Context, ix *index.Index, quotations int) (whoMeasures, error) {
	var m whoMeasures
	trials, err := query.WhoTrials(ctx, ix, quotations)
	if err != nil || len(trials) == 0 {
		return m, err
	}
	lat := make([]float64, 0, len(trials))
	for _, t := range trials {
		start := time.Now()
		ans, err := query.Who(ctx, ix, query.WhoRequest{Claim: t.Claim})
		if err != nil {
			return m, fmt.Errorf("who %q: %w", t.Claim, err)
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		m.claims++
		if t.Right(ans) {
			m.correct++
		}
	}
	sort.Float64s(lat)
	m.median = median(lat)
	m.p99 = p99(lat)
	return m, nil
}

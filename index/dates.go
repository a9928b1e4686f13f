package index

import (
	"time"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
)

// PublishedAfter matches articles that could have been published at or
// after t: an article known only to the month (or year) covers the whole
// month (or year), and matches when any of it is at or after t. Undated
// articles never match. Dates compare on the outlet's calendar (see
// FieldPublished).
func PublishedAfter(t time.Time) query.Query {
	t = calendarTime(t)
	from := func(start time.Time, precisions ...corpus.Precision) query.Query {
		yes := true
		r := query.NewDateRangeInclusiveQuery(start, time.Time{}, &yes, nil)
		r.SetField(FieldPublished)
		var ps []query.Query
		for _, p := range precisions {
			q := query.NewTermQuery(p.String())
			q.SetField(FieldPrecision)
			ps = append(ps, q)
		}
		return query.NewConjunctionQuery([]query.Query{r, query.NewDisjunctionQuery(ps)})
	}
	year := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	month := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	// A period reaches t or beyond exactly when it starts at or after t
	// cut down to the period's own size.
	return query.NewDisjunctionQuery([]query.Query{
		from(t, corpus.Time),
		from(day, corpus.Day),
		from(month, corpus.Month),
		from(year, corpus.Year),
	})
}

// PublishedBefore matches articles that could have been published before
// t: those whose date's period starts before t.
func PublishedBefore(t time.Time) query.Query {
	no := false
	q := query.NewDateRangeInclusiveQuery(time.Time{}, calendarTime(t), nil, &no)
	q.SetField(FieldPublished)
	return q
}

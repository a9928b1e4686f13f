package index

import (
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
)

// A publication date is indexed as keywords, not as one of Bleve's
// datetimes: FieldYear "2020", FieldMonth "2020-10" and FieldDay
// "2020-10-05" as far as the date is known, its FieldPrecision, and
// FieldPublished, the first instant of its period as RFC 3339 in UTC
// ("2020-10-05T08:30:00Z"), whose order as text is the order in time (it
// sorts). A Bleve datetime costs sixteen terms a document, and every
// quotation is a document: the keywords cost five, and date filters are
// built from them below.
const (
	yearLayout    = "2006"
	monthLayout   = "2006-01"
	dayLayout     = "2006-01-02"
	instantLayout = time.RFC3339
)

// addPublished adds a publication date's fields to a document.
func addPublished(d *document.Document, date corpus.Date) {
	publishedTerms(date).add(func(name, value string, opts index.FieldIndexingOptions) { addKeyword(d, name, value, opts) })
}

// dateTerms are the terms a publication date is indexed under, field by
// field; an unknown date has none.
type dateTerms struct {
	instant, precision, year, month, day string
}

func publishedTerms(date corpus.Date) dateTerms {
	if date.IsZero() {
		return dateTerms{}
	}
	t := calendarTime(date.Start)
	out := dateTerms{instant: t.Format(instantLayout), precision: date.Precision.String(), year: t.Format(yearLayout)}
	if date.Precision >= corpus.Month {
		out.month = t.Format(monthLayout)
	}
	if date.Precision >= corpus.Day {
		out.day = t.Format(dayLayout)
	}
	return out
}

// add adds the date's fields with keyword, which skips empty values.
func (dt dateTerms) add(keyword func(name, value string, opts index.FieldIndexingOptions)) {
	keyword(FieldPublished, dt.instant, index.IndexField|index.DocValues)
	keyword(FieldPrecision, dt.precision, index.IndexField)
	keyword(FieldYear, dt.year, facetField)
	keyword(FieldMonth, dt.month, facetField)
	keyword(FieldDay, dt.day, index.IndexField)
}

// calendarTime is a time's date and clock on its own calendar, as UTC:
// 2020-10-20T01:00+04:00 becomes 2020-10-20T01:00Z, so that an article
// the outlet dated the 20th is filed under the 20th.
func calendarTime(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// PublishedAfter matches documents that could have been published at or
// after t: a date known only to the month (or year) covers the whole
// month (or year), and matches when any of it is at or after t. Undated
// documents never match. Dates compare on the outlet's calendar (see
// FieldPublished).
func PublishedAfter(t time.Time) query.Query {
	t = calendarTime(t)
	day, month, year := startOf(t, corpus.Day), startOf(t, corpus.Month), startOf(t, corpus.Year)
	return query.NewDisjunctionQuery([]query.Query{
		// t's own day: instants from t on, and the day itself
		both(precisionIs(corpus.Time), between(FieldPublished, t.Format(instantLayout), day.AddDate(0, 0, 1).Format(instantLayout))),
		both(precisionIs(corpus.Day), termOf(FieldDay, day.Format(dayLayout))),
		// the rest of t's month, to the day or finer
		between(FieldDay, day.AddDate(0, 0, 1).Format(dayLayout), month.AddDate(0, 1, 0).Format(dayLayout)),
		// every later month, and t's month when that is all that is known
		from(FieldMonth, month.AddDate(0, 1, 0).Format(monthLayout)),
		both(precisionIs(corpus.Month), termOf(FieldMonth, month.Format(monthLayout))),
		// t's year and later, when only the year is known
		both(precisionIs(corpus.Year), from(FieldYear, year.Format(yearLayout))),
	})
}

// PublishedBefore matches documents that could have been published
// before t: those whose date's period starts before t.
func PublishedBefore(t time.Time) query.Query {
	t = calendarTime(t)
	day, month, year := startOf(t, corpus.Day), startOf(t, corpus.Month), startOf(t, corpus.Year)
	qs := []query.Query{
		// every earlier month, whatever the precision below it
		upTo(FieldMonth, month.Format(monthLayout)),
		// the earlier days of t's month, and the instants of t's day before t
		between(FieldDay, month.Format(dayLayout), day.Format(dayLayout)),
		both(precisionIs(corpus.Time), between(FieldPublished, day.Format(instantLayout), t.Format(instantLayout))),
		// earlier years, when only the year is known
		both(precisionIs(corpus.Year), upTo(FieldYear, year.Format(yearLayout))),
	}
	// A period that starts before t, at its start, begins before t.
	if t.After(day) {
		qs = append(qs, both(precisionIs(corpus.Day), termOf(FieldDay, day.Format(dayLayout))))
	}
	if t.After(month) {
		qs = append(qs, both(precisionIs(corpus.Month), termOf(FieldMonth, month.Format(monthLayout))))
	}
	if t.After(year) {
		qs = append(qs, both(precisionIs(corpus.Year), termOf(FieldYear, year.Format(yearLayout))))
	}
	return query.NewDisjunctionQuery(qs)
}

// startOf is the first instant of the period of the given precision that
// holds t.
func startOf(t time.Time, p corpus.Precision) time.Time {
	switch p {
	case corpus.Year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case corpus.Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func precisionIs(p corpus.Precision) query.Query { return termOf(FieldPrecision, p.String()) }

func both(a, b query.Query) query.Query { return query.NewConjunctionQuery([]query.Query{a, b}) }

// between matches a keyword field's terms from min up to, not including,
// max; an empty bound is open (Bleve's defaults for a term range). The
// keywords of dates sort as their dates do.
func between(field, min, max string) query.Query {
	q := query.NewTermRangeQuery(min, max)
	q.SetField(field)
	return q
}

func from(field, min string) query.Query { return between(field, min, "") }

func upTo(field, max string) query.Query { return between(field, "", max) }

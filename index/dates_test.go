package index

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
)

// Publication dates of every precision, around the edges date filters
// cut at: the turn of a day, a month and a year, and an undated article.
var datedFixture = []string{
	"2020", "2021",
	"2020-09", "2020-10", "2020-11", "2020-12",
	"2020-09-30", "2020-10-01", "2020-10-15", "2020-10-31", "2020-11-01", "2021-01-01",
	"2020-10-15T00:00:00Z", "2020-10-15T09:30:00Z", "2020-10-15T23:59:00Z", "2020-10-16T08:00:00+04:00",
	"",
}

// TestDateFiltersMatchPeriods checks PublishedAfter and PublishedBefore,
// which compose keywords, against the rule they implement, on articles and
// on their quotations alike: a date's period matches "after t" when it
// ends after t, and "before t" when it starts before t.
func TestDateFiltersMatchPeriods(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i, d := range datedFixture {
		rec := map[string]string{
			"title": titleOf(i),
			"text":  "The mayor of Orvel spoke at the fictional town hall.\n“We will keep the valley road open,” said Tamsin Orlo, the mayor.",
		}
		if d != "" {
			rec["published"] = d
		}
		b, _ := json.Marshal(rec)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(dir, "dated.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openWithQuotes(t)
	update(t, ix, UpdateOptions{}, dir)

	dates := map[string]corpus.Date{}
	for i, d := range datedFixture {
		if d == "" {
			continue
		}
		date, err := corpus.ParseDate(d)
		if err != nil {
			t.Fatalf("fixture date %q: %v", d, err)
		}
		dates[titleOf(i)] = date
	}
	// want lists the fixture's articles whose dates match.
	want := func(match func(start, end time.Time) bool) []string {
		var ids []string
		for id, d := range dates {
			if match(calendarTime(d.Start), calendarTime(d.End())) {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		return ids
	}
	bounds := []string{
		"2020-01-01T00:00:00Z", "2020-09-30T12:00:00Z", "2020-10-01T00:00:00Z", "2020-10-15T00:00:00Z",
		"2020-10-15T09:30:00Z", "2020-10-15T09:31:00Z", "2020-10-15T12:00:00Z", "2020-10-16T00:00:00Z",
		"2020-10-31T23:00:00Z", "2020-11-01T00:00:00Z", "2020-12-31T00:00:00Z", "2021-01-01T00:00:00Z",
		"2021-06-01T00:00:00Z", "2019-06-01T00:00:00Z",
	}
	for _, b := range bounds {
		at, err := time.Parse(time.RFC3339, b)
		if err != nil {
			t.Fatal(err)
		}
		after := want(func(_, end time.Time) bool { return end.After(at) })
		before := want(func(start, _ time.Time) bool { return start.Before(at) })
		for _, kind := range []string{KindArticle, KindQuote} {
			if got := articlesMatching(t, ix, kind, PublishedAfter(at)); !equal(got, after) {
				t.Errorf("%s documents after %s:\n got %v\nwant %v", kind, b, got, after)
			}
			if got := articlesMatching(t, ix, kind, PublishedBefore(at)); !equal(got, before) {
				t.Errorf("%s documents before %s:\n got %v\nwant %v", kind, b, got, before)
			}
		}
	}
}

// titleOf is the title of the fixture's i-th article.
func titleOf(i int) string { return "Fictional dispatch " + strconv.Itoa(i) }

// articlesMatching lists the titles of the articles of the documents of one kind that q
// matches: the articles themselves, or those their quotations are from.
func articlesMatching(t *testing.T, ix *Index, kind string, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{kindQuery(kind), q}), 1000, 0, false)
	req.Fields = append([]string{FieldTitle}, StoredQuoteFields...)
	res, err := ix.bleve.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		title := StoredFrom(h.ID, h.Fields).Title
		if kind == KindQuote {
			title = StoredQuoteFrom(h.ID, h.Fields).Title
		}
		seen[title] = true
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func equal(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// Confidence filters keep every quotation at or above the bound, however
// many decimals the bound has.
func TestConfidenceTerms(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{{0, "0.00"}, {0.5, "0.50"}, {0.65, "0.65"}, {0.9, "0.90"}, {1, "1.00"}, {1.2, "1.00"}, {-1, "0.00"}, {0.004, "0.00"}, {0.005, "0.01"}, {0.994, "0.99"}, {math.NaN(), "0.00"}} {
		if got := ConfidenceTerm(c.in); got != c.want {
			t.Errorf("ConfidenceTerm(%v) = %q, want %q", c.in, got, c.want)
		}
	}
	// A bound between two decimals starts at the next one up.
	q := MinConfidence(0.651).(*query.TermRangeQuery)
	if q.Min != "0.66" {
		t.Errorf("MinConfidence(0.651) starts at %q, want 0.66", q.Min)
	}
	if q := MinConfidence(0.7).(*query.TermRangeQuery); q.Min != "0.70" {
		t.Errorf("MinConfidence(0.7) starts at %q, want 0.70", q.Min)
	}
}

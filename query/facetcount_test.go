package query

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
)

// bleveFacetsOf counts a request's facets with Bleve's own facets, as
// Search did before it counted them itself.
func bleveFacetsOf(t *testing.T, ix *index.Index, req Request) *Facets {
	t.Helper()
	_, _, q, err := requestQuery(ix, req)
	if err != nil {
		t.Fatal(err)
	}
	sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
	addFacets(sr, facetSize(req))
	res, err := ix.Bleve().SearchInContext(context.Background(), sr)
	if err != nil {
		t.Fatal(err)
	}
	return facets(bleveFacets(res), req)
}

// checkFacetCounts runs each request again and again, so that the index's
// segments come to count from numbers (index.FacetValues), and checks
// every time that the facets are Bleve's.
func checkFacetCounts(t *testing.T, ix *index.Index, reqs []Request) {
	t.Helper()
	want := make([]*Facets, len(reqs))
	for i, req := range reqs {
		want[i] = bleveFacetsOf(t, ix, req)
	}
	for round := 0; round < 30; round++ {
		for i, req := range reqs {
			req.Facets = true
			got := run(t, ix, req).Facets
			if !reflect.DeepEqual(got, want[i]) {
				t.Fatalf("round %d, %q: facets\ngot  %+v\nwant %+v", round, req.Query, got, want[i])
			}
		}
	}
	// The numbers are made in the background: give them a moment, then
	// check the counts made from them.
	for wait := 0; wait < 100; wait++ {
		if numbered, _ := ix.FacetValues().Numbered(); numbered > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if numbered, segments := ix.FacetValues().Numbered(); numbered == 0 {
		t.Fatalf("no segment of %d counts from numbers after 30 rounds", segments)
	}
	for i, req := range reqs {
		req.Facets = true
		if got := run(t, ix, req).Facets; !reflect.DeepEqual(got, want[i]) {
			t.Errorf("from numbers, %q: facets\ngot  %+v\nwant %+v", req.Query, got, want[i])
		}
	}
}

// checkPreparedFacetCounts numbers the index's facet values first, as a
// server does, and checks that every search counts from numbers alone and
// that its facets are Bleve's.
func checkPreparedFacetCounts(t *testing.T, ix *index.Index, reqs []Request) {
	t.Helper()
	if err := ix.PrepareFacets(); err != nil {
		t.Fatal(err)
	}
	numbered, segments := ix.FacetValues().Numbered()
	if numbered == 0 {
		t.Fatalf("no segment of %d counts from numbers after PrepareFacets", segments)
	}
	for _, req := range reqs {
		want := bleveFacetsOf(t, ix, req)
		req.Facets = true
		if got := run(t, ix, req).Facets; !reflect.DeepEqual(got, want) {
			t.Errorf("prepared, %q: facets\ngot  %+v\nwant %+v", req.Query, got, want)
		}
	}
	if again, _ := ix.FacetValues().Numbered(); again != numbered {
		t.Errorf("numbered segments went from %d to %d while searching", numbered, again)
	}
}

// TestFacetCountsDemo compares Search's facets with Bleve's on the demo
// corpus with its names: sources, months, people, organisations, places,
// dated only to the year and undated.
func TestFacetCountsDemo(t *testing.T) {
	ix := namesIndex(t)
	reqs := []Request{
		{Query: "ceasefire"}, {Query: "Kelmarin"}, {Query: "the"}, {Query: `"peace talks" OR talks`},
		{Query: "ceasefire", FacetSize: 2}, {Query: "nothingmatchesthis"}, {Query: "the", Sources: []string{"Trevanna Post"}},
		{Query: "the", FacetSize: 1}, {Query: "the", From: facetDate(t, "2020-10"), To: facetDate(t, "2021-03")},
	}
	checkFacetCounts(t, ix, reqs)
	t.Run("prepared", func(t *testing.T) {
		g, err := entity.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		if err := g.AddAliasFile(filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo", "aliases.yaml")); err != nil {
			t.Fatal(err)
		}
		checkPreparedFacetCounts(t, testIndexWith(t, "demo-names-prepared", extract.New(g), "corpus/demo"), reqs)
	})
}

// TestFacetCountsAllSides does the same on a slice of AllSides, whose
// index has several segments.
func TestFacetCountsAllSides(t *testing.T) {
	src := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	slice := filepath.Join(t.TempDir(), "allsides-slice.jsonl")
	copyLines(t, src, slice, allsidesSlice)
	reqs := []Request{
		{Query: "ceasefire"}, {Query: "Syria"}, {Query: `"chemical weapons"`}, {Query: "Putin Erdogan"}, {Query: "the", FacetSize: 25},
		{Query: "the", FacetSize: 3}, {Query: "Syria", FacetSize: 1},
	}
	checkFacetCounts(t, testIndex(t, "allsides-slice", slice), reqs)
	t.Run("prepared", func(t *testing.T) {
		checkPreparedFacetCounts(t, testIndex(t, "allsides-slice-prepared", slice), reqs)
	})
}

// facetDate reads a date of a test request.
func facetDate(t *testing.T, s string) corpus.Date {
	t.Helper()
	d, err := corpus.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFillMonths checks the month histogram's months against time's
// calendar, over ranges within a year, across years and centuries, and
// with ends that are no month.
func TestFillMonths(t *testing.T) {
	want := func(first, last string, counts map[string]int) []FacetValue {
		out := []FacetValue{}
		from, err1 := time.Parse("2006-01", first)
		to, err2 := time.Parse("2006-01", last)
		if err1 != nil || err2 != nil || first > last {
			return out
		}
		for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
			out = append(out, FacetValue{m.Format("2006-01"), counts[m.Format("2006-01")]})
		}
		return out
	}
	counts := map[string]int{"2020-10": 3, "2021-01": 1, "1999-12": 2}
	for _, r := range [][2]string{
		{"2020-10", "2020-10"}, {"2020-01", "2020-12"}, {"2020-10", "2021-02"}, {"1999-11", "2001-01"},
		{"1899-06", "2101-07"}, {"0001-01", "0002-12"}, {"2021-01", "2020-12"},
		{"2020-13", "2021-01"}, {"2020-00", "2020-02"}, {"2020-1", "2020-02"}, {"", "2020-01"}, {"20x0-01", "2020-02"}, {"2020/01", "2020-02"},
	} {
		got := fillMonths(r[0], r[1], counts)
		if w := want(r[0], r[1], counts); !slices.Equal(got, w) {
			t.Errorf("fillMonths(%q, %q): %d months %v…, want %d %v…", r[0], r[1], len(got), got[:min(3, len(got))], len(w), w[:min(3, len(w))])
		}
	}
}

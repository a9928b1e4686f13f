package query

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/parleysearch/parley/corpus/corpustest"
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

// TestFacetCountsDemo compares Search's facets with Bleve's on the demo
// corpus with its names: sources, months, people, organisations, places,
// dated only to the year and undated.
func TestFacetCountsDemo(t *testing.T) {
	ix := namesIndex(t)
	checkFacetCounts(t, ix, []Request{
		{Query: "ceasefire"}, {Query: "Kelmarin"}, {Query: "the"}, {Query: `"peace talks" OR talks`},
		{Query: "ceasefire", FacetSize: 2}, {Query: "nothingmatchesthis"}, {Query: "the", Sources: []string{"Trevanna Post"}},
	})
}

// TestFacetCountsAllSides does the same on a slice of AllSides, whose
// index has several segments.
func TestFacetCountsAllSides(t *testing.T) {
	src := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	slice := filepath.Join(t.TempDir(), "allsides-slice.jsonl")
	copyLines(t, src, slice, allsidesSlice)
	ix := testIndex(t, "allsides-slice", slice)
	checkFacetCounts(t, ix, []Request{
		{Query: "ceasefire"}, {Query: "Syria"}, {Query: `"chemical weapons"`}, {Query: "Putin Erdogan"}, {Query: "the", FacetSize: 25},
	})
}

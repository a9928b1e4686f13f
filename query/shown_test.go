package query

import (
	"context"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/parleysearch/parley/index"
)

// TestShownFields checks that the hits' fields read from the search's own
// snapshot are those of the stored articles, and that they are read so.
func TestShownFields(t *testing.T) {
	ix := namesIndex(t)
	for _, q := range []string{"ceasefire", "the", "Kelmarin", `"the talks" OR talks`} {
		for _, comments := range []bool{false, true} {
			_, _, bq, err := requestQuery(ix, Request{Query: q, Comments: comments})
			if err != nil {
				t.Fatal(err)
			}
			kept := &keptSnapshot{Query: bq}
			res, err := ix.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequestOptions(kept, 50, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("%q: no hits", q)
			}
			shown, ok := kept.shownFields(res.Hits, comments)
			kept.release()
			if !ok {
				t.Fatalf("%q: the fields were not read from the snapshot", q)
			}
			for i, h := range res.Hits {
				a, err := ix.Article(context.Background(), h.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := index.Stored{ID: a.ID, Title: a.Title, Body: a.Body, Source: a.Source, URL: a.URL, Path: a.Path,
					Line: a.Line, Published: a.Published, Parts: a.Parts}
				if comments {
					want.Comments = a.Comments
				}
				if !reflect.DeepEqual(shown[i], want) {
					t.Errorf("%q hit %s:\ngot  %+v\nwant %+v", q, h.ID, shown[i], want)
				}
			}
		}
	}
}

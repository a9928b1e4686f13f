package web

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// Requests that differ in anything that changes the answer have
// different keys, whatever bytes their values hold.
func TestRequestKeyIsUnambiguous(t *testing.T) {
	y2020, err := corpus.ParseDate("2020")
	if err != nil {
		t.Fatal(err)
	}
	base := query.Request{Query: "ceasefire", Limit: 10, Page: 1, FacetSize: 20}
	variants := []func(*query.Request){
		func(r *query.Request) { r.Query = "ceasefires" },
		func(r *query.Request) { r.Limit = 11 },
		func(r *query.Request) { r.Page = 2 },
		func(r *query.Request) { r.Sort = "newest" },
		func(r *query.Request) { r.From = y2020 },
		func(r *query.Request) { r.To = y2020 },
		func(r *query.Request) { r.Comments = true },
		func(r *query.Request) { r.Exact = true },
		func(r *query.Request) { r.Facets = true },
		func(r *query.Request) { r.FacetSize = 21 },
		func(r *query.Request) { r.Snippets = 3 },
		func(r *query.Request) { r.Sources = []string{"Meridian Wire"} },
		// Values that hold the separators of a naive encoding.
		func(r *query.Request) { r.Sources = []string{"a\x01b"} },
		func(r *query.Request) { r.Sources = []string{"a", "b"} },
		func(r *query.Request) { r.Query = "ceasefire\x0010" },
		func(r *query.Request) { r.Query = "ceasefire:" },
		func(r *query.Request) { r.Query, r.Sources = "", []string{"ceasefire"} },
		func(r *query.Request) { r.Include = []query.Filter{{Field: "source", Value: "Meridian Wire"}} },
		func(r *query.Request) { r.Exclude = []query.Filter{{Field: "source", Value: "Meridian Wire"}} },
		func(r *query.Request) { r.Include = []query.Filter{{Field: "person", Value: "Meridian Wire"}} },
		func(r *query.Request) {
			r.Sources, r.Include = []string{"source"}, []query.Filter{{Field: "", Value: "Meridian Wire"}}
		},
	}
	seen := map[string]int{requestKey(base): -1}
	for i, change := range variants {
		r := base
		change(&r)
		k := requestKey(r)
		if j, ok := seen[k]; ok {
			t.Errorf("variant %d has the key of %d: %q", i, j, k)
		}
		seen[k] = i
	}
	r := base
	r.Timeout = 1
	if requestKey(r) != requestKey(base) {
		t.Error("the timeout changes the key, though not the answer")
	}
}

func bigAnswer(n int) *query.Results {
	res := &query.Results{Query: "x"}
	for range n {
		res.Hits = append(res.Hits, query.Hit{ID: "0123456789abcdef", Snippets: query.Snippets{Body: []query.Snippet{{Text: strings.Repeat("w", 1000)}}}})
	}
	return res
}

// The cache holds at most its number of answers and its bytes, dropping
// the least recently used first.
func TestAnswerCacheBounded(t *testing.T) {
	c := newAnswerCache(3, 1<<20)
	for _, k := range []string{"a", "b", "c"} {
		c.put(k, bigAnswer(1))
	}
	c.get("a")
	c.put("d", bigAnswer(1))
	if _, ok := c.get("b"); ok {
		t.Error("b, the least recently used, is still kept")
	}
	for _, k := range []string{"a", "c", "d"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s was dropped", k)
		}
	}

	c = newAnswerCache(1000, 1<<20)
	for i := range 100 {
		c.put(strings.Repeat("k", i+1), bigAnswer(50)) // about 65 kB each
	}
	if c.bytes > 1<<20 || c.order.Len() > 16 || c.order.Len() < 8 {
		t.Errorf("%d answers of %d bytes kept, want at most 1 MiB", c.order.Len(), c.bytes)
	}
	c.put("huge", bigAnswer(1000))
	if _, ok := c.get("huge"); ok {
		t.Error("an answer of an eighth of the budget or more is kept")
	}
	c.clear()
	if c.bytes != 0 || c.order.Len() != 0 {
		t.Errorf("after clear: %d answers, %d bytes", c.order.Len(), c.bytes)
	}
}

// A new index empties the cache: no answer of the old one is served.
func TestCacheClearedWithTheIndex(t *testing.T) {
	f := newFixture(t, Options{})
	var res query.Results
	f.getJSON(t, "/api/search?q=ceasefire", http.StatusOK, &res)
	if res.Total == 0 {
		t.Fatal("no hits for ceasefire")
	}
	empty, err := index.Open(filepath.Join(t.TempDir(), "empty"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { empty.Close() })
	if _, err := empty.Update(context.Background(), nil, index.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	f.srv.SetIndex(empty)
	f.getJSON(t, "/api/search?q=ceasefire", http.StatusOK, &res)
	if res.Total != 0 {
		t.Errorf("after a new, empty index: %d hits for ceasefire, from the cache", res.Total)
	}
}

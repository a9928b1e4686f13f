package web

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/query"
)

// alteredClaim is a quotation of the demo corpus with one word changed:
// Ana Vesk said the people in the capitals should "hear" the names.
const alteredClaim = "We read the names so that the people in the capitals see them"

// GET /api/quotes and /api/who answer with what `parley quotes --json`
// and `parley who --json` print: the values query.Quotes and query.Who
// return for the same request, marshalled as they are.
func TestQuotesAPIShapesAreTheCLIs(t *testing.T) {
	f := newFixture(t, Options{CacheEntries: -1})
	ctx := context.Background()
	timeout := f.srv.searchTimeout()
	oct, err := corpus.ParseDate("2020-10")
	if err != nil {
		t.Fatal(err)
	}
	nov, err := corpus.ParseDate("2020-11")
	if err != nil {
		t.Fatal(err)
	}
	quotes := []struct {
		path string
		req  query.QuoteRequest
		hits int
	}{
		{"/api/quotes?speaker=Sevda+Oryan&limit=3&page=2&facets=true",
			query.QuoteRequest{Speaker: "Sevda Oryan", Limit: 3, Page: 2, Facets: true, FacetSize: DefaultFacetSize}, 3},
		// offset is page by another name
		{"/api/quotes?speaker=Sevda+Oryan&limit=3&offset=3&facets=true",
			query.QuoteRequest{Speaker: "Sevda Oryan", Limit: 3, Page: 2, Facets: true, FacetSize: DefaultFacetSize}, 3},
		{"/api/quotes?q=ceasefire&from=2020-10&to=2020-11&min_confidence=0.85",
			query.QuoteRequest{Query: "ceasefire", From: oct, To: nov, MinConfidence: 0.85, FacetSize: DefaultFacetSize}, -1},
		{"/api/quotes?q=" + url.QueryEscape(`"will not"`) + "&exact=true&facet_size=2&facets=true",
			query.QuoteRequest{Query: `"will not"`, Exact: true, Facets: true, FacetSize: 2}, -1},
		{"/api/quotes", query.QuoteRequest{FacetSize: DefaultFacetSize}, query.DefaultLimit},
	}
	for _, c := range quotes {
		c.req.Timeout = timeout
		want, err := query.Quotes(ctx, f.ix, c.req)
		if err != nil {
			t.Fatal(err)
		}
		if want.Total == 0 {
			t.Fatalf("%s: no quotations in the fixture; the test needs some", c.path)
		}
		w := asJSON(t, want)
		delete(w, "explain") // given only when asked for, as by the CLI
		got := f.apiMap(t, c.path)
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s differs from query.Quotes:\n got %v\nwant %v", c.path, got, w)
		}
		if hits, _ := got["hits"].([]any); c.hits >= 0 && len(hits) != c.hits {
			t.Errorf("%s: %d hits, want %d", c.path, len(hits), c.hits)
		}
	}
	var res query.QuoteResults
	f.getJSON(t, "/api/quotes?q=ceasefire&explain=true", http.StatusOK, &res)
	if len(res.Explain) == 0 {
		t.Error("explain=true: no explanation of the query")
	}

	for _, c := range []struct {
		path    string
		req     query.WhoRequest
		verdict string
	}{
		{"/api/who?claim=" + url.QueryEscape(alteredClaim) + "&limit=5", query.WhoRequest{Claim: alteredClaim, Limit: 5}, query.Altered},
		{"/api/who?claim=" + url.QueryEscape("“Quiet is not peace”") + "&speaker=Sevda+Oryan", query.WhoRequest{Claim: "“Quiet is not peace”", Speaker: "Sevda Oryan"}, query.OtherSpeaker},
		{"/api/who?claim=" + url.QueryEscape("Purple elephants dance over the frozen harbour"), query.WhoRequest{Claim: "Purple elephants dance over the frozen harbour"}, query.NotFound},
	} {
		c.req.Timeout = timeout
		want, err := query.Who(ctx, f.ix, c.req)
		if err != nil {
			t.Fatal(err)
		}
		got := f.apiMap(t, c.path)
		if w := asJSON(t, want); !reflect.DeepEqual(got, w) {
			t.Errorf("%s differs from query.Who:\n got %v\nwant %v", c.path, got, w)
		}
		if got["verdict"] != c.verdict {
			t.Errorf("%s: verdict %v, want %s", c.path, got["verdict"], c.verdict)
		}
	}
}

func TestQuotesAPIErrors(t *testing.T) {
	f := newFixture(t, Options{})
	e := f.apiError(t, "/api/quotes?q="+url.QueryEscape(`ceasefire (talks`), http.StatusBadRequest)
	if e.Code != CodeBadQuery || e.Position != 11 || e.Offset == nil || *e.Offset != 10 {
		t.Errorf("unbalanced parenthesis: %+v, want bad_query at position 11", e)
	}
	for _, p := range []string{
		"/api/quotes?limit=many", "/api/quotes?min_confidence=high", "/api/quotes?min_confidence=2",
		"/api/quotes?limit=3&offset=4", "/api/quotes?page=2&offset=10", "/api/quotes?from=yesterday",
		"/api/quotes?facets=maybe", "/api/quotes?page=5000", "/api/who", "/api/who?claim=" + url.QueryEscape("“…”"),
		"/api/who?claim=x&limit=-1",
	} {
		if e := f.apiError(t, p, http.StatusBadRequest); e.Code != CodeBadRequest {
			t.Errorf("%s: %+v, want bad_request", p, e)
		}
	}
	long := url.QueryEscape(strings.Repeat("ceasefire ", query.MaxQueryBytes/10+1))
	for _, p := range []string{"/api/quotes?q=" + long, "/api/quotes?speaker=" + long, "/api/who?claim=" + long, "/api/who?claim=x&speaker=" + long} {
		if e := f.apiError(t, p, http.StatusRequestEntityTooLarge); e.Code != CodeTooLarge {
			t.Errorf("%.40s…: %+v, want too_large", p, e)
		}
	}

	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	idle := &fixture{srv: srv, ts: newTestServer(t, srv)}
	for _, p := range []string{"/api/quotes", "/api/who?claim=ceasefire"} {
		if e := idle.apiError(t, p, http.StatusServiceUnavailable); e.Code != CodeNotReady {
			t.Errorf("%s before the index is ready: %+v, want not_ready", p, e)
		}
	}
	for _, p := range []string{"/quotes", "/quotes.csv", "/who?claim=ceasefire"} {
		if resp, _ := idle.get(t, p); resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s before the index is ready: status %d, want 503", p, resp.StatusCode)
		}
	}
}

// Quotation answers are kept like search answers, each kind under keys
// of its own, and the same request asked twice is answered once.
func TestQuotesCached(t *testing.T) {
	f := newFixture(t, Options{})
	kept := func() int {
		f.srv.cache.mu.Lock()
		defer f.srv.cache.mu.Unlock()
		return f.srv.cache.order.Len()
	}
	paths := []string{"/api/quotes?speaker=Ana+Vesk", "/api/who?claim=" + url.QueryEscape(alteredClaim), "/api/search?q=ceasefire"}
	first := map[string]map[string]any{}
	for i, p := range paths {
		first[p] = f.apiMap(t, p)
		if n := kept(); n != i+1 {
			t.Errorf("after %s: %d answers kept, want %d", p, n, i+1)
		}
	}
	for _, p := range paths {
		if got := f.apiMap(t, p); !reflect.DeepEqual(got, first[p]) {
			t.Errorf("%s from the cache differs:\n got %v\nwant %v", p, got, first[p])
		}
	}
	if n := kept(); n != len(paths) {
		t.Errorf("after asking again: %d answers kept, want %d", n, len(paths))
	}
}

// Requests that differ in anything that changes the answer have
// different keys, and keys of quotations, claims and searches never meet.
func TestQuoteKeysAreUnambiguous(t *testing.T) {
	y2020, err := corpus.ParseDate("2020")
	if err != nil {
		t.Fatal(err)
	}
	base := query.QuoteRequest{Query: "ceasefire", Limit: 10, Page: 1, FacetSize: 20}
	seen := map[string]string{quotesKey(base): "base", requestKey(query.Request{Query: "ceasefire"}): "search"}
	for name, change := range map[string]func(*query.QuoteRequest){
		"query":      func(r *query.QuoteRequest) { r.Query = "ceasefires" },
		"speaker":    func(r *query.QuoteRequest) { r.Speaker = "Ana Vesk" },
		"from":       func(r *query.QuoteRequest) { r.From = y2020 },
		"to":         func(r *query.QuoteRequest) { r.To = y2020 },
		"confidence": func(r *query.QuoteRequest) { r.MinConfidence = 0.5 },
		"limit":      func(r *query.QuoteRequest) { r.Limit = 11 },
		"page":       func(r *query.QuoteRequest) { r.Page = 2 },
		"exact":      func(r *query.QuoteRequest) { r.Exact = true },
		"facets":     func(r *query.QuoteRequest) { r.Facets = true },
		"facet size": func(r *query.QuoteRequest) { r.FacetSize = 21 },
		"shifted":    func(r *query.QuoteRequest) { r.Query, r.Speaker = "", "ceasefire" },
	} {
		r := base
		change(&r)
		k := quotesKey(r)
		if other, ok := seen[k]; ok {
			t.Errorf("%s has the key of %s: %q", name, other, k)
		}
		seen[k] = name
	}
	r := base
	r.Timeout = 1
	if quotesKey(r) != quotesKey(base) {
		t.Error("the timeout changes the key, though not the answer")
	}
	claims := map[string]bool{}
	for _, w := range []query.WhoRequest{{Claim: "a"}, {Claim: "a", Speaker: "b"}, {Claim: "ab"}, {Claim: "a", Limit: 5}, {Claim: "ceasefire"}} {
		k := whoKey(w)
		if claims[k] || seen[k] != "" {
			t.Errorf("%+v: key %q is another request's", w, k)
		}
		claims[k] = true
	}
}

package web

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// asJSON turns a value into the generic form a JSON decoder gives, so an
// API answer and a value computed locally compare field by field.
func asJSON(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "took_ms") // the one field that differs between two runs
	return m
}

func (f *fixture) apiMap(t *testing.T, path string) map[string]any {
	t.Helper()
	var m map[string]any
	f.getJSON(t, path, http.StatusOK, &m)
	delete(m, "took_ms")
	return m
}

// The API answers with the shapes the CLI's --json prints: the values the
// query package returns, marshalled as they are.
func TestAPIShapesAreTheCLIs(t *testing.T) {
	f := newFixture(t, Options{CacheEntries: -1})
	ctx := context.Background()

	req := query.Request{Query: "ceasefire", Limit: 3, Page: 2, Sort: "newest", Facets: true, FacetSize: DefaultFacetSize, Timeout: f.srv.searchTimeout()}
	want, err := query.Search(ctx, f.ix, req)
	if err != nil {
		t.Fatal(err)
	}
	got := f.apiMap(t, "/api/search?q=ceasefire&limit=3&page=2&sort=newest&facets=true")
	w := asJSON(t, want)
	delete(w, "explain") // the API, like the CLI, says how it read the query only when asked
	if !reflect.DeepEqual(got, w) {
		t.Errorf("/api/search differs from query.Search:\n got %v\nwant %v", got, w)
	}
	if hits, _ := got["hits"].([]any); len(hits) != 3 {
		t.Errorf("page 2 of 3: %d hits", len(hits))
	}

	doc, err := query.ReadDocument(ctx, f.ix, want.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, w := f.apiMap(t, "/api/documents/"+want.Hits[0].ID), asJSON(t, doc); !reflect.DeepEqual(got, w) {
		t.Errorf("/api/documents differs from query.ReadDocument:\n got %v\nwant %v", got, w)
	}

	st, err := f.ix.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, w := f.apiMap(t, "/api/stats"), asJSON(t, st); !reflect.DeepEqual(got, w) {
		t.Errorf("/api/stats differs from Stats:\n got %v\nwant %v", got, w)
	}

	list, err := query.Entities(ctx, f.ix, query.EntitiesRequest{Query: "ceasefire", Type: "person", Timeout: f.srv.searchTimeout()})
	if err != nil {
		t.Fatal(err)
	}
	if got, w := f.apiMap(t, "/api/entities?q=ceasefire&type=person"), asJSON(t, list); !reflect.DeepEqual(got, w) {
		t.Errorf("/api/entities differs from query.Entities:\n got %v\nwant %v", got, w)
	}

	rep, err := query.Entity(ctx, f.ix, "Varnhem", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, w := f.apiMap(t, "/api/entities/"+url.PathEscape("Varnhem")), asJSON(t, rep); !reflect.DeepEqual(got, w) {
		t.Errorf("/api/entities/{name} differs from query.Entity:\n got %v\nwant %v", got, w)
	}

	var h health
	f.getJSON(t, "/healthz", http.StatusOK, &h)
	if h.Status != "ready" {
		t.Errorf("/healthz: %+v", h)
	}
}

// apiError fetches a path that must fail and returns its error body.
func (f *fixture) apiError(t *testing.T, path string, status int) *APIError {
	t.Helper()
	var body errorBody
	f.getJSON(t, path, status, &body)
	if body.Error == nil || body.Error.Code == "" || body.Error.Message == "" {
		t.Fatalf("GET %s: error body without code and message: %+v", path, body)
	}
	return body.Error
}

func TestAPIErrors(t *testing.T) {
	f := newFixture(t, Options{})

	e := f.apiError(t, "/api/search?q="+url.QueryEscape(`ceasefire (talks`), http.StatusBadRequest)
	if e.Code != CodeBadQuery || e.Position != 11 || e.Offset == nil || *e.Offset != 10 || !strings.Contains(e.Message, "position 11") {
		t.Errorf("unbalanced parenthesis: %+v, want bad_query at position 11", e)
	}
	e = f.apiError(t, "/api/search?q="+url.QueryEscape(`Kelmarin after:2020-13`), http.StatusBadRequest)
	if e.Code != CodeBadQuery || e.Position == 0 {
		t.Errorf("bad date: %+v, want bad_query with a position", e)
	}
	if e := f.apiError(t, "/api/search?q=ceasefire&limit=many", http.StatusBadRequest); e.Code != CodeBadRequest || !strings.Contains(e.Message, "limit") {
		t.Errorf("limit=many: %+v", e)
	}
	if e := f.apiError(t, "/api/search?q=ceasefire&sort=sideways", http.StatusBadRequest); e.Code != CodeBadRequest {
		t.Errorf("sort=sideways: %+v", e)
	}

	for _, p := range []string{"/api/documents/0000000000000000", "/api/nothing", "/api/documents/",
		"/api/entities/Nobody%20Atall", "/api/entities/Kelmarin?type=place"} {
		if e := f.apiError(t, p, http.StatusNotFound); e.Code != CodeNotFound {
			t.Errorf("%s: %+v, want not_found", p, e)
		}
	}

	long := strings.Repeat("ceasefire ", query.MaxQueryBytes/10+1)
	if e := f.apiError(t, "/api/search?q="+url.QueryEscape(long), http.StatusRequestEntityTooLarge); e.Code != CodeTooLarge {
		t.Errorf("long query: %+v", e)
	}
	if e := f.apiError(t, "/api/search?q=a&pad="+strings.Repeat("x", MaxURLBytes), http.StatusRequestEntityTooLarge); e.Code != CodeTooLarge {
		t.Errorf("long parameters: %+v", e)
	}
	resp, err := http.Post(f.ts.URL+"/api/search", "text/plain", strings.NewReader(strings.Repeat("x", MaxBodyBytes+1)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: status %d, want 413", resp.StatusCode)
	}
}

// An entity no article names and the gazetteer does not know is not
// found, on the API and its page, as README's table of errors says; one
// the gazetteer knows is reported even when no article names it.
func TestUnknownEntity(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		name, typ string
		status    int
	}{
		{"Nobody Atall", "", http.StatusNotFound},
		{"Nobody Atall", "org", http.StatusNotFound},
		{"Kelmarin", "place", http.StatusNotFound},
		{"Kelmarin", "", http.StatusOK},
		{"Sergey Lavrov", "", http.StatusOK}, // in the built-in gazetteer, not in the demo
	}
	for _, tt := range tests {
		path := "/entities/" + url.PathEscape(tt.name) + "?type=" + tt.typ
		if tt.status == http.StatusNotFound {
			if e := f.apiError(t, "/api"+path, http.StatusNotFound); e.Code != CodeNotFound || !strings.Contains(e.Message, tt.name) {
				t.Errorf("/api%s: got %+v, want not_found naming %q", path, e, tt.name)
			}
		} else {
			var rep query.EntityReport
			f.getJSON(t, "/api"+path, tt.status, &rep)
		}
		doc := f.page(t, path, tt.status)
		if tt.status == http.StatusNotFound && !strings.Contains(doc.Text(), tt.name) {
			t.Errorf("%s: the page does not say what was not found", path)
		}
	}
}

// A facet filter beside a malformed query changes nothing in how it is
// refused: the API and the page report the query's own problem at its own
// position, and a query refused alone is refused with a filter.
func TestBadQueryWithFilters(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		q, filter string
		position  int
		reason    string
	}{
		{`ceasefire "talks`, "include=source:Meridian Wire", 11, "unclosed quote"},
		{`ceasefire "talks`, "exclude=source:Meridian Wire", 11, "unclosed quote"},
		{`ceasefire AND`, "exclude=source:Meridian Wire", 11, "AND has nothing after it"},
		{`minister) OR (ceasefire`, "include=source:Meridian Wire", 9, "unmatched )"},
		{`minister) OR (ceasefire`, "exclude=person:Odile Varnhem", 9, "unmatched )"},
	}
	for _, tt := range tests {
		name, value, _ := strings.Cut(tt.filter, "=")
		v := url.Values{"q": {tt.q}, name: {value}}
		e := f.apiError(t, "/api/search?"+v.Encode(), http.StatusBadRequest)
		if e.Code != CodeBadQuery || e.Position != tt.position || e.Query != tt.q || !strings.HasPrefix(e.Reason, tt.reason) {
			t.Errorf("API %q with %s: got %s at %d in %q (%s), want %s at %d in the query as typed",
				tt.q, tt.filter, e.Code, e.Position, e.Query, e.Reason, tt.reason, tt.position)
		}

		doc := f.page(t, "/search?"+v.Encode(), http.StatusBadRequest)
		if got, want := doc.Find("section.bad-query .message").Text(), fmt.Sprintf("position %d: %s", tt.position, tt.reason); !strings.Contains(got, want) {
			t.Errorf("page %q with %s: got message %q, want %q", tt.q, tt.filter, got, want)
		}
		lines := strings.Split(doc.Find("pre.caret").Text(), "\n")
		if len(lines) != 2 || lines[0] != tt.q || strings.Index(lines[1], "^") != tt.position-1 {
			t.Errorf("page %q with %s: got caret %q, want ^ under position %d", tt.q, tt.filter, lines, tt.position)
		}
	}
}

// Until the index is handed over, everything that needs it answers 503,
// and /healthz says how far indexing has got.
func TestAPINotReady(t *testing.T) {
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{srv: srv}
	f.ts = newTestServer(t, srv)
	for _, p := range []string{"/api/search?q=ceasefire", "/api/stats", "/api/documents/abc", "/api/entities"} {
		if e := f.apiError(t, p, http.StatusServiceUnavailable); e.Code != CodeNotReady {
			t.Errorf("%s: %+v, want not_ready", p, e)
		}
	}
	var h health
	f.getJSON(t, "/healthz", http.StatusServiceUnavailable, &h)
	if h.Status != "indexing" {
		t.Errorf("/healthz while indexing: %+v", h)
	}
	// The progress is in the API's style: snake_case names, seconds.
	srv.SetProgress(index.Progress{Files: 10, FilesDone: 4, Bytes: 2048, BytesDone: 1024, Articles: 26, Written: 20, Elapsed: 3500 * time.Millisecond})
	var got map[string]any
	f.getJSON(t, "/healthz", http.StatusServiceUnavailable, &got)
	want := map[string]any{"status": "indexing", "progress": map[string]any{"files": 10.0, "files_done": 4.0, "bytes": 2048.0,
		"bytes_done": 1024.0, "articles": 26.0, "written": 20.0, "merging": false, "elapsed_seconds": 3.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("/healthz while indexing:\ngot  %v\nwant %v", got, want)
	}
	if resp, _ := f.get(t, "/search?q=ceasefire"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("search page while indexing: status %d, want 503", resp.StatusCode)
	}
}

// An internal failure says so and no more: the detail goes to the log.
func TestAPIHidesInternalErrors(t *testing.T) {
	log := &syncBuffer{}
	srv, err := New(Options{Log: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ix := openFixtureIndex(t)
	srv.SetIndex(ix)
	ix.Close() // every later use of the index fails inside Bleve
	f := &fixture{srv: srv, ts: newTestServer(t, srv), log: log}
	var body errorBody
	f.getJSON(t, "/api/search?q=ceasefire", http.StatusInternalServerError, &body)
	if body.Error.Code != CodeInternal {
		t.Fatalf("closed index: %+v", body.Error)
	}
	for _, leak := range []string{"bleve", "closed", "/tmp", "index"} {
		if strings.Contains(strings.ToLower(body.Error.Message), leak) {
			t.Errorf("the error shows %q: %q", leak, body.Error.Message)
		}
	}
	if !strings.Contains(f.log.String(), "request failed") {
		t.Errorf("the log does not have the failure:\n%s", f.log.String())
	}
}

// A count of 0 or less is a mistake, not a request for the default: the
// CLI refuses --limit 0 and --page 0, and the API says the same, naming
// the parameter.
func TestAPICountsBelowOne(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		path, param string
	}{
		{"/api/search?q=ceasefire&limit=0", "limit=\"0\""},
		{"/api/search?q=ceasefire&limit=-1", "limit=\"-1\""},
		{"/api/search?q=ceasefire&page=0", "page=\"0\""},
		{"/api/search?q=ceasefire&page=-2", "page=\"-2\""},
		{"/api/search?q=ceasefire&facets=true&facet_size=0", "facet_size=\"0\""},
		{"/api/search?q=ceasefire&snippets=0", "snippets=\"0\""},
		{"/api/quotes?q=ceasefire&limit=0", "limit=\"0\""},
		{"/api/quotes?q=ceasefire&page=0", "page=\"0\""},
		{"/api/quotes?q=ceasefire&offset=-3", "offset=\"-3\""},
		{"/api/who?claim=ceasefire&limit=0", "limit=\"0\""},
		{"/api/entities?limit=0", "limit=\"0\""},
	}
	for _, tt := range tests {
		e := f.apiError(t, tt.path, http.StatusBadRequest)
		if e.Code != CodeBadRequest || !strings.Contains(e.Message, tt.param) {
			t.Errorf("GET %s: %+v, want bad_request naming %s", tt.path, e, tt.param)
		}
	}
	// offset=0 is the first page, not a count.
	var ok map[string]any
	f.getJSON(t, "/api/quotes?q=ceasefire&offset=0", http.StatusOK, &ok)
	// The pages read the same parameters and refuse them too.
	f.page(t, "/search?q=ceasefire&page=0", http.StatusBadRequest)
}

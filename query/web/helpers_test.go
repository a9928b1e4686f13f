package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
)

// fixture is a server over the fictional demo corpus and the hostile
// articles of testdata, with its log kept for inspection.
type fixture struct {
	ix  *index.Index
	srv *Server
	ts  *httptest.Server
	log *syncBuffer
}

// syncBuffer is a log a server writes while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newIndex indexes the demo corpus (with its aliases) and the hostile
// fixture into a new index.
func newIndex(t testing.TB) *index.Index {
	t.Helper()
	ix := openFixtureIndex(t)
	t.Cleanup(func() { ix.Close() })
	return ix
}

// openFixtureIndex is newIndex for a test that closes the index itself.
func openFixtureIndex(t testing.TB) *index.Index {
	t.Helper()
	root := corpustest.ModuleRoot(t)
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile(filepath.Join(root, "corpus", "demo", "aliases.yaml")); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{Extractor: extract.New(g)})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ix.Update(context.Background(), []string{filepath.Join(root, "corpus", "demo"), filepath.Join("testdata", "hostile.jsonl")}, index.UpdateOptions{})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("index the fixtures: %v, %+v", err, sum)
	}
	return ix
}

func newFixture(t testing.TB, opts Options) *fixture {
	t.Helper()
	f := &fixture{log: &syncBuffer{}}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(f.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	f.ix = newIndex(t)
	srv.SetIndex(f.ix)
	f.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

// get fetches a path and returns the response with its body read.
func (f *fixture) get(t testing.TB, path string) (*http.Response, []byte) {
	t.Helper()
	return get(t, f.ts.URL+path)
}

func get(t testing.TB, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// getJSON fetches a path, checks its status and decodes its body.
func (f *fixture) getJSON(t testing.TB, path string, status int, v any) {
	t.Helper()
	resp, body := f.get(t, path)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d\n%s", path, resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// page fetches a page, checks its status and parses it.
func (f *fixture) page(t testing.TB, path string, status int) *goquery.Document {
	t.Helper()
	resp, body := f.get(t, path)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d\n%s", path, resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET %s: Content-Type %q, want HTML", path, ct)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// searchPath is the search page for a query and more parameters.
func searchPath(q string, more ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(more); i += 2 {
		v.Add(more[i], more[i+1])
	}
	return "/search?" + v.Encode()
}

// pathOf returns the path and query of a link on a page.
func pathOf(t testing.TB, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil || u.Host != "" {
		t.Fatalf("link %q: want a path on this server", href)
	}
	return u.RequestURI()
}

func texts(sel *goquery.Selection) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) { out = append(out, strings.TrimSpace(s.Text())) })
	return out
}

// newTestServer serves srv until the test ends.
func newTestServer(t testing.TB, srv *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parleysearch/parley/query"
)

// articleID finds the ID of the one article a query matches.
func (f *fixture) articleID(t testing.TB, q string) string {
	t.Helper()
	var res query.Results
	f.getJSON(t, "/api/search?"+url.Values{"q": {q}}.Encode(), http.StatusOK, &res)
	if len(res.Hits) != 1 {
		t.Fatalf("%s: %d hits, want exactly one", q, len(res.Hits))
	}
	return res.Hits[0].ID
}

// TestEveryRoute asks every route once and checks its status, its type
// and the headers every response carries.
func TestEveryRoute(t *testing.T) {
	f := newFixture(t, Options{})
	id := f.articleID(t, `title:"agree ceasefire in Trevanna"`)
	routes := []struct {
		path   string
		status int
		kind   string // json, html, csv or css
	}{
		{"/healthz", 200, "json"},
		{"/api/search?q=ceasefire", 200, "json"},
		{"/api/entities", 200, "json"},
		{"/api/entities/Sevda%20Oryen", 200, "json"},
		{"/api/documents/" + id, 200, "json"},
		{"/api/stats", 200, "json"},
		{"/api/quotes?speaker=Ana+Vesk", 200, "json"},
		{"/api/who?claim=Quiet+is+not+peace", 200, "json"},
		{"/api/nothing", 404, "json"},
		{"/", 200, "html"},
		{"/search?q=ceasefire", 200, "html"},
		{"/search.csv?q=ceasefire", 200, "csv"},
		{"/entities", 200, "html"},
		{"/entities/Sevda%20Oryen", 200, "html"},
		{"/documents/" + id, 200, "html"},
		{"/quotes", 200, "html"},
		{"/quotes?q=ceasefire&speaker=Sevda+Oryan", 200, "html"},
		{"/quotes.csv?speaker=Ana+Vesk", 200, "csv"},
		{"/who", 200, "html"},
		{"/who?claim=Quiet+is+not+peace", 200, "html"},
		{"/static/style.css", 200, "css"},
		{"/static/", 404, "html"}, // files only, no listing of the folder
		{"/static", 404, "html"},
		{"/static/nothing.css", 404, "html"},
		{"/nothing", 404, "html"},
	}
	types := map[string]string{"json": "application/json", "html": "text/html", "csv": "text/csv", "css": "text/css"}
	for _, r := range routes {
		resp, body := f.get(t, r.path)
		if resp.StatusCode != r.status {
			t.Errorf("GET %s: status %d, want %d\n%.300s", r.path, resp.StatusCode, r.status, body)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, types[r.kind]) {
			t.Errorf("GET %s: Content-Type %q, want %s", r.path, ct, types[r.kind])
		}
		checkSecurityHeaders(t, r.path, resp.Header)
		if r.kind == "html" {
			doc := f.page(t, r.path, r.status)
			if title := strings.TrimSpace(doc.Find("head title").Text()); title == "" || strings.Contains(title, "[{") {
				t.Errorf("GET %s: <title> %q, want the page's name", r.path, title)
			}
		}
	}
	// Writing is not a route: the server is read-only.
	resp, err := http.Post(f.ts.URL+"/api/search?q=ceasefire", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /api/search: status %d, want 405 or 404", resp.StatusCode)
	}
	checkSecurityHeaders(t, "POST /api/search", resp.Header)
}

func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: Content-Security-Policy %q lacks %q", what, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: Content-Security-Policy %q allows inline code", what, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, h.Get("X-Content-Type-Options"))
	}
}

// TestMoreErrors covers what TestAPIErrors does not: every bad parameter,
// every position, paths that try to leave the index, and error pages.
func TestMoreErrors(t *testing.T) {
	f := newFixture(t, Options{})

	t.Run("bad query has its position", func(t *testing.T) {
		for _, c := range []struct {
			q   string
			pos int
		}{{`ceasefire "talks`, 11}, {`(ceasefire OR talks`, 1}, {`ceasefire after:2020-13`, 17}} {
			e := f.apiError(t, "/api/search?"+url.Values{"q": {c.q}}.Encode(), http.StatusBadRequest)
			if e.Code != CodeBadQuery || e.Position != c.pos || e.Query != c.q || e.Offset == nil {
				t.Errorf("%s: %+v, want bad_query at position %d", c.q, e, c.pos)
			}
			if !strings.Contains(e.Message, "position") || e.Reason == "" {
				t.Errorf("%s: message %q, reason %q: want the position and the reason", c.q, e.Message, e.Reason)
			}
		}
	})
	t.Run("bad parameters", func(t *testing.T) {
		for _, p := range []string{"limit=ten", "page=-1", "sort=sideways", "from=2020-99", "facets=maybe", "include=colour:red", "timeout=soon", "snippets=500"} {
			e := f.apiError(t, "/api/search?q=ceasefire&"+p, http.StatusBadRequest)
			if e.Code != CodeBadRequest {
				t.Errorf("%s: code %q, want %s", p, e.Code, CodeBadRequest)
			}
		}
	})
	t.Run("not found", func(t *testing.T) {
		for _, p := range []string{"/api/documents/0000000000000000", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/nothing/here"} {
			if e := f.apiError(t, p, http.StatusNotFound); e.Code != CodeNotFound {
				t.Errorf("%s: code %q", p, e.Code)
			}
		}
	})
	t.Run("too large", func(t *testing.T) {
		long := strings.Repeat("ceasefire ", query.MaxQueryBytes/10+1)
		for _, p := range []string{"/api/search?q=" + url.QueryEscape(long), "/api/entities?q=" + url.QueryEscape(long),
			"/api/search?q=x&pad=" + strings.Repeat("a", MaxURLBytes), "/api/entities/" + strings.Repeat("n", 201)} {
			if e := f.apiError(t, p, http.StatusRequestEntityTooLarge); e.Code != CodeTooLarge {
				t.Errorf("%.60s…: code %q", p, e.Code)
			}
		}
		req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/api/search?q=x", strings.NewReader(strings.Repeat("b", MaxBodyBytes+1)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a body of %d bytes: status %d, want 413", MaxBodyBytes+1, resp.StatusCode)
		}
	})
	t.Run("pages show errors as pages", func(t *testing.T) {
		doc := f.page(t, searchPath(`ceasefire "talks`), http.StatusBadRequest)
		if doc.Find(".bad-query .message").Length() != 1 || !strings.Contains(doc.Find(".bad-query .caret").Text(), "^") {
			t.Errorf("bad query page: want the message and a caret under the position")
		}
		// The caret stands under the quote that is not closed.
		lines := strings.Split(doc.Find(".bad-query .caret").Text(), "\n")
		if len(lines) < 2 || strings.Index(lines[1], "^") != strings.Index(lines[0], `"`) {
			t.Errorf("caret %q does not point at the lone quote", lines)
		}
		f.page(t, "/documents/0000000000000000", http.StatusNotFound)
		f.page(t, "/search?q=ceasefire&limit=ten", http.StatusBadRequest)
	})
}

// TestDeadline checks that every request has a deadline: a server whose
// requests may run only a nanosecond answers 503 timeout, not a result.
func TestDeadline(t *testing.T) {
	f := newFixture(t, Options{RequestTimeout: time.Nanosecond, CacheEntries: -1})
	for _, p := range []string{"/api/search?q=ceasefire", "/api/quotes?q=ceasefire", "/api/who?claim=Quiet+is+not+peace"} {
		if e := f.apiError(t, p, http.StatusServiceUnavailable); e.Code != CodeTimeout {
			t.Errorf("%s: code %q, want %s", p, e.Code, CodeTimeout)
		}
	}
	// A client cannot ask for more time than the server allows.
	p, err := parseSearch(url.Values{"q": {"x"}, "timeout": {"1h"}}, time.Second)
	if err != nil || p.Timeout != time.Second {
		t.Errorf("timeout=1h under a 1s limit: %v, %v", p.Timeout, err)
	}
}

package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// checkInert fails if a page holds anything active: a script, an image,
// an element handling an event, a javascript: link, or an <svg> other
// than the month histogram the server draws itself. The pages have no
// script of their own, so any that appears came from article text.
func checkInert(t *testing.T, path string, doc *goquery.Document) {
	t.Helper()
	for _, sel := range []string{"script", "img", "iframe", "object", "embed", "b", "base", "meta[http-equiv]"} {
		if n := doc.Find(sel).Length(); n > 0 {
			t.Errorf("%s: %d <%s> elements", path, n, sel)
		}
	}
	if n := doc.Find("svg").Not("figure.histogram svg").Length(); n > 0 {
		t.Errorf("%s: %d <svg> elements that are not the histogram", path, n)
	}
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			name, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(name, "on") {
				t.Errorf("%s: <%s %s=%q>", path, goquery.NodeName(s), a.Key, a.Val)
			}
			if name == "action" && !strings.HasPrefix(val, "/") {
				t.Errorf("%s: a form sends to %q", path, a.Val)
			}
			if (name == "href" || name == "src" || name == "action") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:")) {
				t.Errorf("%s: <%s %s=%q>", path, goquery.NodeName(s), a.Key, a.Val)
			}
		}
	})
}

// Article text is data: the hostile fixture's markup shows as the text it
// is on every page that shows it, and never becomes elements.
func TestHostileArticlesRenderInert(t *testing.T) {
	f := newFixture(t, Options{})
	var res query.Results
	f.getJSON(t, "/api/search?q=Amsel", http.StatusOK, &res)
	if len(res.Hits) != 2 {
		t.Fatalf("Amsel: %d hits, want the 2 hostile articles", len(res.Hits))
	}
	var quotes query.QuoteResults
	f.getJSON(t, "/api/quotes?q="+url.QueryEscape(`"never broke the truce"`), http.StatusOK, &quotes)
	if len(quotes.Hits) != 1 {
		t.Fatalf("truce: %d quotations, want the hostile one", len(quotes.Hits))
	}
	hostile3 := "/documents/" + quotes.Hits[0].Article.ID
	paths := []string{
		"/", searchPath("Amsel"), searchPath("ceasefire Tarvo", "comments", "true"), searchPath("Amsel", "include", "source:The Amsel <b>Courier</b>"),
		"/entities", "/entities?q=Amsel", "/entities/" + url.PathEscape("Odile Varnhem"),
		searchPath(`<script>alert("q")</script> "`), // a bad query echoed back on its error page
		"/documents/%3Cscript%3E", "/nothing/%3Cimg%20src=x%20onerror=alert(1)%3E",
		"/quotes", "/quotes?q=truce", "/quotes?speaker=Vell", "/quotes?q=" + url.QueryEscape(`<script>alert("q")</script> "`),
		"/quotes?speaker=" + url.QueryEscape(`<img src=x onerror=alert("s")>`),
		"/who?claim=" + url.QueryEscape(hostileClaim), "/who?claim=" + url.QueryEscape(`<svg onload=alert(1)>`) + "&speaker=" + url.QueryEscape(`<b>Vell</b>`),
		"/entities/Vell", hostile3, hostile3 + "?hl=100-200",
	}
	for _, h := range res.Hits {
		paths = append(paths, "/documents/"+h.ID, "/documents/"+h.ID+"?hl=0-40")
	}
	for _, p := range paths {
		resp, body := f.get(t, p)
		if resp.StatusCode >= 500 {
			t.Errorf("GET %s: status %d", p, resp.StatusCode)
			continue
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		checkInert(t, p, doc)
	}

	// The markup is there to read, as text.
	doc := f.page(t, searchPath("Amsel"), http.StatusOK)
	if title := doc.Find("ol.hits h3").Text(); !strings.Contains(title, "<script>alert('title')</script>") {
		t.Errorf("the hostile title does not show as text: %q", title)
	}
	if snip := doc.Find("p.snippet").Text(); !strings.Contains(snip, "<img src=x onerror=alert('img')>") {
		t.Errorf("the hostile snippet does not show as text: %q", snip)
	}
	page := f.page(t, "/documents/"+res.Hits[0].ID, http.StatusOK)
	if !strings.Contains(page.Find("article.document").Text(), "<script>alert('comment')</script>") {
		t.Error("the hostile comment does not show as text on the document page")
	}
	if !strings.Contains(page.Find("dl.provenance").Text(), "javascript:alert('url')") {
		t.Error("the article's javascript: URL is not shown as text")
	}
	page.Find("dl.provenance a").Each(func(_ int, a *goquery.Selection) {
		if href, _ := a.Attr("href"); !strings.HasPrefix(href, "http") || strings.Contains(href, "ZgotmplZ") {
			t.Errorf("provenance link %q", href)
		}
	})
	// Quotations holding markup read as text on the quotes page, the who
	// page and the document page.
	for _, c := range []struct{ path, sel string }{
		{"/quotes?q=truce", ".quote-card blockquote"},
		{"/who?claim=" + url.QueryEscape(hostileClaim), "dd.source-quote"},
		{hostile3, "article.document span.quote"},
	} {
		doc := f.page(t, c.path, http.StatusOK)
		if got := doc.Find(c.sel).Text(); !strings.Contains(got, "<script>alert('quote')</script>") {
			t.Errorf("%s: %s reads %q, want the quotation's <script> as text", c.path, c.sel, got)
		}
	}
}

// hostileClaim is the hostile fixture's quotation with markup, one word
// changed, as a claim.
const hostileClaim = "<script>alert('quote')</script> We never broke the ceasefire, not once <img src=x onerror=alert('quote')>"

// The Content-Security-Policy forbids inline script on every answer,
// whatever its status.
func TestCSPOnEveryResponse(t *testing.T) {
	f := newFixture(t, Options{})
	for _, p := range []string{"/", "/healthz", "/api/search?q=%22", "/api/nothing", "/static/style.css", "/static/nothing.js", "/documents/..%2F..%2Fgo.mod", searchPath("ceasefire")} {
		resp, _ := f.get(t, p)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("GET %s (%d): Content-Security-Policy %q", p, resp.StatusCode, csp)
		}
	}
}

// Nothing in a path reaches a file: IDs are index terms of a fixed shape,
// and static files come from the embedded folder only.
func TestPathsStayInside(t *testing.T) {
	f := newFixture(t, Options{})
	for _, p := range []string{
		"/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/api/documents/%2e%2e", "/api/documents/..%5c..%5cgo.mod",
		"/api/documents/" + strings.Repeat("a", 65), "/api/documents/a%00b", "/documents/..%2Fserver.go",
		"/static/..%2Fserver.go", "/static/%2e%2e/server.go", "/static/../routes.go", "/static/templates/layout.html",
	} {
		resp, body := f.get(t, p)
		if resp.StatusCode == http.StatusOK {
			t.Errorf("GET %s: 200\n%.200s", p, body)
		}
		if strings.Contains(string(body), "package web") || strings.Contains(string(body), "root:") {
			t.Errorf("GET %s: answered with a file's content", p)
		}
	}
}

// A wildcard that would expand to more words than MaxExpansion is refused
// with its position, quickly, rather than run.
func TestWildcardBounded(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range query.MaxExpansion + 200 {
		fmt.Fprintf(&b, "zqv%04d ", i)
	}
	file := filepath.Join(dir, "words.jsonl")
	line := fmt.Sprintf(`{"id":"words","title":"A fictional word list","date":"2021-01-01","text":%q}`+"\n", b.String())
	if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Update(context.Background(), []string{file}, index.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetIndex(ix)
	f := &fixture{srv: srv, ts: newTestServer(t, srv)}
	e := f.apiError(t, "/api/search?q="+url.QueryEscape("list zqv*"), http.StatusBadRequest)
	if e.Code != CodeBadQuery || e.Position != 6 || !strings.Contains(e.Message, "more than") {
		t.Errorf("zqv*: %+v, want bad_query at position 6", e)
	}
	var res query.Results
	f.getJSON(t, "/api/search?q="+url.QueryEscape("zqv01*"), http.StatusOK, &res)
	if res.Total != 1 {
		t.Errorf("zqv01* (100 words): %d hits, want 1", res.Total)
	}
}

// The CSV export cleans what a spreadsheet would run: a cell starting
// with = + - or @ gets a leading '.
func TestQuotesCSVSafe(t *testing.T) {
	f := newFixture(t, Options{})
	_, body := f.get(t, "/quotes.csv?q=violation+OR+arithmetic+OR+truce")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 {
		t.Fatalf("%d rows, want the hostile quotations:\n%s", len(rows), body)
	}
	var quoted []string
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
			if strings.HasPrefix(cell, "'") {
				quoted = append(quoted, cell)
			}
		}
	}
	for _, want := range []string{"'+1 violation", "'@Quellin Post"} {
		found := false
		for _, c := range quoted {
			found = found || strings.HasPrefix(c, want)
		}
		if !found {
			t.Errorf("no cell %q…; quoted cells: %q", want, quoted)
		}
	}
}

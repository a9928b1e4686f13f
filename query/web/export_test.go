package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
)

// The results pages link to a CSV of the whole list, not only the page
// shown, up to MaxExport rows, and say how many rows it holds.
func TestExportWholeList(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		page  string // a page of 2 results
		route string
	}{
		{searchPath("ceasefire", "limit", "2", "page", "2", "include", "source:Meridian Wire"), "/search.csv"},
		{searchPath("ceasefire", "limit", "2", "sort", "newest"), "/search.csv"},
		{"/quotes?limit=2&speaker=Sevda+Oryan", "/quotes.csv"},
		{"/quotes?limit=2&page=2&q=ceasefire", "/quotes.csv"},
	}
	for _, tt := range tests {
		doc := f.page(t, tt.page, http.StatusOK)
		total := matched(t, doc)
		if total <= 2 {
			t.Fatalf("%s: got %d results, want more than a page of 2", tt.page, total)
		}
		a := doc.Find("a.csv-all")
		if got, want := strings.TrimSpace(a.Text()), "CSV of all "+thousands(total); got != want {
			t.Errorf("%s: got link %q, want %q", tt.page, got, want)
		}
		href := pathOf(t, a.AttrOr("href", ""))
		if !strings.HasPrefix(href, tt.route+"?") {
			t.Fatalf("%s: got export link %q, want %s", tt.page, href, tt.route)
		}
		resp, body := f.get(t, href)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: status %d, %s", href, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", href, err)
		}
		if got := len(rows) - 1; got != total {
			t.Errorf("%s: got %d rows, want all %d results", href, got, total)
		}
		// The page's own CSV stays the page.
		_, body = f.get(t, pathOf(t, doc.Find("a.csv-page").AttrOr("href", "")))
		if rows, _ := csv.NewReader(bytes.NewReader(body)).ReadAll(); len(rows)-1 != 2 {
			t.Errorf("%s: got %d rows in the page's CSV, want 2", tt.page, len(rows)-1)
		}
	}
}

func TestExportLinkSaysItsBound(t *testing.T) {
	tests := []struct {
		total uint64
		want  string
	}{
		{0, "CSV of all 0"},
		{57, "CSV of all 57"},
		{MaxExport, "CSV of all 1,000"},
		{MaxExport + 1, "CSV of the first 1,000"},
		{37554, "CSV of the first 1,000"},
	}
	for _, tt := range tests {
		l := exportLink("/search.csv", map[string][]string{"q": {"ceasefire"}}, tt.total)
		if l.Label != tt.want || l.URL != "/search.csv?all=true&q=ceasefire" {
			t.Errorf("%d results: got %q %q, want %q and all=true", tt.total, l.Label, l.URL, tt.want)
		}
	}
}

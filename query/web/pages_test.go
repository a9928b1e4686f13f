package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// params returns the parameters of a link on a page.
func params(t *testing.T, href string) url.Values {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t, Options{})
	doc := f.page(t, searchPath("ceasefire", "limit", "3"), http.StatusOK)

	if v, _ := doc.Find(`header form input[name=q]`).Attr("value"); v != "ceasefire" {
		t.Errorf("search box holds %q", v)
	}
	hits := doc.Find("ol.hits > li.hit")
	if hits.Length() != 3 {
		t.Fatalf("%d hits on the page, want 3", hits.Length())
	}
	hits.Each(func(i int, h *goquery.Selection) {
		href, _ := h.Find("h3 a").Attr("href")
		if !strings.HasPrefix(href, "/documents/") {
			t.Errorf("hit %d links to %q", i, href)
		}
		if h.Find(".meta .source").Text() == "" || h.Find(".meta .date").Text() == "" {
			t.Errorf("hit %d without source or date", i)
		}
		marks := h.Find("p.snippet mark")
		if marks.Length() == 0 {
			t.Errorf("hit %d: no <mark> in its snippets", i)
		}
		marks.Each(func(_ int, m *goquery.Selection) {
			if !strings.EqualFold(m.Text(), "ceasefire") {
				t.Errorf("hit %d marks %q", i, m.Text())
			}
		})
	})

	// Paging: page 1 is current, the next link keeps the query and limit.
	if cur := doc.Find(`nav.pages [aria-current=page]`).Text(); cur != "1" {
		t.Errorf("current page %q", cur)
	}
	next, ok := doc.Find(`nav.pages a[rel=next]`).Attr("href")
	if !ok {
		t.Fatal("no next page link")
	}
	if p := params(t, next); p.Get("page") != "2" || p.Get("q") != "ceasefire" || p.Get("limit") != "3" {
		t.Errorf("next page link %q loses state", next)
	}
	page2 := f.page(t, pathOf(t, next), http.StatusOK)
	if start, _ := page2.Find("ol.hits").Attr("start"); start != "4" {
		t.Errorf("page 2 starts at %q", start)
	}
	first := texts(hits.Find("h3 a"))
	for _, title := range texts(page2.Find("ol.hits h3 a")) {
		if slices.Contains(first, title) {
			t.Errorf("page 2 repeats %q", title)
		}
	}
	if prev, _ := page2.Find(`nav.pages a[rel=prev]`).Attr("href"); params(t, prev).Get("page") != "1" && params(t, prev).Get("page") != "" {
		t.Errorf("previous link %q", prev)
	}

	// Sort: the links carry the state; newest puts dates in descending order.
	var newest string
	doc.Find("p.sort a").Each(func(_ int, a *goquery.Selection) {
		if a.Text() == "newest" {
			newest, _ = a.Attr("href")
		}
	})
	if p := params(t, newest); p.Get("sort") != "newest" || p.Get("q") != "ceasefire" {
		t.Fatalf("newest link %q", newest)
	}
	sorted := f.page(t, pathOf(t, newest), http.StatusOK)
	if cur := sorted.Find(`p.sort [aria-current]`).Text(); cur != "newest" {
		t.Errorf("current sort %q", cur)
	}
	dates := texts(sorted.Find("ol.hits .meta .date"))
	for i := 1; i < len(dates); i++ {
		if dates[i][:10] > dates[i-1][:10] {
			t.Errorf("newest first, but %s comes after %s", dates[i], dates[i-1])
		}
	}

	// CSV of the same search.
	csvHref, _ := doc.Find(`a.csv-page`).Attr("href")
	resp, body := f.get(t, pathOf(t, csvHref))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || strings.Count(string(body), "\n") < 4 {
		t.Errorf("CSV %s: %d %s\n%s", csvHref, resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

// facetLink finds the include or exclude link of a facet value.
func facetLink(t *testing.T, doc *goquery.Document, field, value, kind string) string {
	t.Helper()
	var href string
	doc.Find(`aside.facets section.facet[data-field=` + field + `] li`).Each(func(_ int, li *goquery.Selection) {
		if li.Find("a.include").Text() == value {
			href, _ = li.Find("a." + kind).Attr("href")
		}
	})
	if href == "" {
		t.Fatalf("no %s link for %s %q", kind, field, value)
	}
	return href
}

// matched reads how many articles a search page says match.
func matched(t *testing.T, doc *goquery.Document) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(doc.Find(".summary strong").First().Text(), ",", ""))
	if err != nil {
		t.Fatalf("summary %q: %v", doc.Find(".summary").Text(), err)
	}
	return n
}

func TestSearchFacets(t *testing.T) {
	f := newFixture(t, Options{})
	doc := f.page(t, searchPath("ceasefire"), http.StatusOK)
	for _, field := range []string{"source", "person", "org", "place", "speaker"} {
		if doc.Find(`aside.facets section.facet[data-field=`+field+`] li`).Length() == 0 {
			t.Errorf("no %s facet", field)
		}
	}
	total := matched(t, doc)

	include := facetLink(t, doc, "source", "Meridian Wire", "include")
	if p := params(t, include); p.Get("include") != "source:Meridian Wire" || p.Get("q") != "ceasefire" {
		t.Fatalf("include link %q", include)
	}
	only := f.page(t, pathOf(t, include), http.StatusOK)
	sources := texts(only.Find("ol.hits .meta .source"))
	if len(sources) == 0 {
		t.Fatal("no hits from Meridian Wire")
	}
	for _, s := range sources {
		if s != "Meridian Wire" {
			t.Errorf("filtered to Meridian Wire, but a hit is from %q", s)
		}
	}
	chip := only.Find("section.active-filters li.chip")
	if chip.Length() != 1 || !strings.Contains(chip.Text(), "Meridian Wire") {
		t.Errorf("filter chip %q", chip.Text())
	}
	remove, _ := chip.Find("a.remove").Attr("href")
	if p := params(t, remove); p.Has("include") || p.Get("q") != "ceasefire" {
		t.Errorf("remove link %q", remove)
	}
	// Every other link on the filtered page keeps the filter (the filter's
	// own value, marked active, turns it around instead).
	only.Find("p.sort a, nav.pages a, figure.histogram a.bar, aside.facets li:not(.active) a.include, aside.facets li:not(.active) a.exclude").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if p := params(t, href); !slices.Contains(p["include"], "source:Meridian Wire") || p.Get("q") != "ceasefire" {
			t.Errorf("link %q on the filtered page loses the filter", href)
		}
	})
	if v, _ := only.Find(`header input[name=q]`).Attr("value"); v != "ceasefire" {
		t.Errorf("the filter leaks into the search box: %q", v)
	}

	exclude := facetLink(t, doc, "source", "Meridian Wire", "exclude")
	without := f.page(t, pathOf(t, exclude), http.StatusOK)
	rest := texts(without.Find("ol.hits .meta .source"))
	if slices.Contains(rest, "Meridian Wire") || matched(t, without)+matched(t, only) != total {
		t.Errorf("excluding Meridian Wire leaves %d of %d: %v; including it, %d", matched(t, without), total, rest, matched(t, only))
	}
	if without.Find("section.active-filters li.chip.exclude").Length() != 1 {
		t.Error("no exclude chip")
	}

	// The person facet filters by the person, and links to the entity page.
	person := facetLink(t, doc, "person", "Odile Varnhem", "include")
	varnhem := f.page(t, pathOf(t, person), http.StatusOK)
	if n := varnhem.Find("ol.hits > li").Length(); n != 1 || !strings.Contains(varnhem.Find("ol.hits h3").Text(), "Quellin observers") {
		t.Errorf("person:Odile Varnhem: %d hits %q", n, varnhem.Find("ol.hits h3").Text())
	}
	about := facetLink(t, doc, "person", "Odile Varnhem", "about")
	f.page(t, pathOf(t, about), http.StatusOK)
}

// The speaker facet lists who the matching articles quote, and filters
// by them as speaker: does.
func TestSearchSpeakerFacet(t *testing.T) {
	f := newFixture(t, Options{})
	var api struct {
		Total  int
		Facets struct{ Speaker []struct{ Value string } }
	}
	f.getJSON(t, "/api/search?q=ceasefire&facets=true", http.StatusOK, &api)
	var speakers []string
	for _, v := range api.Facets.Speaker {
		speakers = append(speakers, v.Value)
	}
	if !slices.Contains(speakers, "Sevda Oryan") {
		t.Fatalf("API speaker facet: got %v, want Sevda Oryan among them", speakers)
	}
	var quoting struct{ Total int }
	f.getJSON(t, "/api/search?q="+url.QueryEscape(`ceasefire speaker:"Sevda Oryan"`), http.StatusOK, &quoting)

	doc := f.page(t, searchPath("ceasefire"), http.StatusOK)
	total := matched(t, doc)
	include := facetLink(t, doc, "speaker", "Sevda Oryan", "include")
	if got := params(t, include); got.Get("include") != "speaker:Sevda Oryan" || got.Get("q") != "ceasefire" {
		t.Fatalf("include link: got %q, want include=speaker:Sevda Oryan and q=ceasefire", include)
	}
	only := f.page(t, pathOf(t, include), http.StatusOK)
	if got, want := matched(t, only), quoting.Total; got != want || got == 0 || got == total {
		t.Errorf("including Sevda Oryan: got %d articles, want %d, as speaker:\"Sevda Oryan\" (of %d)", got, want, total)
	}
	without := f.page(t, pathOf(t, facetLink(t, doc, "speaker", "Sevda Oryan", "exclude")), http.StatusOK)
	if got, want := matched(t, without), total-quoting.Total; got != want {
		t.Errorf("excluding Sevda Oryan: got %d articles, want %d", got, want)
	}
	about := facetLink(t, doc, "speaker", "Sevda Oryan", "about")
	if h1 := f.page(t, pathOf(t, about), http.StatusOK).Find("h1").Text(); !strings.Contains(h1, "Sevda Oryan") {
		t.Errorf("about link %q: got heading %q, want Sevda Oryan's page", about, h1)
	}
}

func TestSearchHistogram(t *testing.T) {
	f := newFixture(t, Options{})
	doc := f.page(t, searchPath("ceasefire"), http.StatusOK)
	svg := doc.Find("figure.histogram svg")
	if svg.Length() != 1 {
		t.Fatal("no SVG histogram")
	}
	bars := svg.Find("a.bar")
	empty := svg.Find("rect.empty")
	if bars.Length() == 0 || empty.Length() == 0 {
		t.Fatalf("%d bars and %d empty months; want both (the months are zero-filled)", bars.Length(), empty.Length())
	}
	var october string
	bars.Each(func(_ int, a *goquery.Selection) {
		if strings.HasPrefix(a.Find("title").Text(), "2020-10:") {
			october, _ = a.Attr("href")
		}
	})
	if p := params(t, october); p.Get("from") != "2020-10" || p.Get("to") != "2020-10" || p.Get("q") != "ceasefire" {
		t.Fatalf("October's bar links to %q", october)
	}
	month := f.page(t, pathOf(t, october), http.StatusOK)
	dates := texts(month.Find("ol.hits .meta .date"))
	want := strings.TrimPrefix(strings.SplitN(bars.FilterFunction(func(_ int, a *goquery.Selection) bool {
		return strings.HasPrefix(a.Find("title").Text(), "2020-10:")
	}).Find("title").Text(), ":", 2)[1], " ")
	if len(dates) == 0 || want != strings.TrimSpace(month.Find(".summary strong").First().Text()) {
		t.Errorf("October's bar says %s, its page has %v", want, dates)
	}
	for _, d := range dates {
		if !strings.HasPrefix(d, "2020-10") {
			t.Errorf("October's page has an article of %s", d)
		}
	}
	if month.Find("figure.histogram a.bar.active").Length() != 1 {
		t.Error("the month chosen is not marked in the histogram")
	}
}

func TestSearchPageBadQuery(t *testing.T) {
	f := newFixture(t, Options{})
	doc := f.page(t, searchPath(`Kelmarin "ceasefire`), http.StatusBadRequest)
	msg := doc.Find("section.bad-query .message").Text()
	if !strings.Contains(msg, "position 10") {
		t.Errorf("bad query message %q", msg)
	}
	caret := doc.Find("pre.caret").Text()
	lines := strings.Split(caret, "\n")
	if len(lines) != 2 || strings.Index(lines[1], "^") != 9 {
		t.Errorf("caret %q does not point at the quote", caret)
	}
}

func TestHomeEntitiesAndDocumentPages(t *testing.T) {
	f := newFixture(t, Options{})
	home := f.page(t, "/", http.StatusOK)
	if home.Find("section.home ul.sources li").Length() < 5 {
		t.Errorf("home page lists %d sources", home.Find("section.home ul.sources li").Length())
	}

	ents := f.page(t, "/entities", http.StatusOK)
	var varnhem string
	ents.Find("a").Each(func(_ int, a *goquery.Selection) {
		if a.Text() == "Odile Varnhem" {
			varnhem, _ = a.Attr("href")
		}
	})
	if varnhem == "" {
		t.Fatal("the entities page does not list Odile Varnhem")
	}
	ent := f.page(t, pathOf(t, varnhem), http.StatusOK)
	if !strings.Contains(ent.Find("h1").Text(), "Odile Varnhem") {
		t.Errorf("entity page heading %q", ent.Find("h1").Text())
	}

	// The demo article with a comment section and furniture shows them
	// folded in <details>, apart from the article text.
	res := f.page(t, searchPath("ceasefire tatters"), http.StatusOK)
	href, _ := res.Find("ol.hits h3 a").First().Attr("href")
	doc := f.page(t, pathOf(t, href), http.StatusOK)
	if !strings.Contains(doc.Find("article.document h1").Text(), "Ceasefire in tatters") {
		t.Fatalf("document page heading %q", doc.Find("h1").Text())
	}
	folded := doc.Find("article.document details.aside")
	if folded.Length() == 0 {
		t.Fatal("nothing folded away")
	}
	folded.Each(func(_ int, d *goquery.Selection) {
		if _, open := d.Attr("open"); open {
			t.Errorf("folded part is open: %q", d.Find("summary").Text())
		}
	})
	if !strings.Contains(folded.Text(), "Leave a Reply") {
		t.Errorf("the comment section is not folded: %q", folded.Text())
	}
	if strings.Contains(doc.Find("article.document div.text > p").Text(), "Leave a Reply") {
		t.Error("the comment section shows as article text")
	}
	if doc.Find("dl.provenance dt").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == "File" }).Length() != 1 {
		t.Error("no provenance file")
	}

	f.page(t, "/documents/0000000000000000", http.StatusNotFound)
	f.page(t, "/no/such/page", http.StatusNotFound)
}

// A facet value holding quote marks is listed like any other, and its
// include and exclude links filter by it: filters join the query as
// values, never as query text a quote mark could end.
func TestFacetValueWithQuoteMarks(t *testing.T) {
	f := newFixture(t, Options{})
	const source = `=HYPERLINK("http://example.invalid")`
	doc := f.page(t, searchPath("observers"), http.StatusOK)
	total := matched(t, doc)
	var count int
	doc.Find(`aside.facets section.facet[data-field=source] li`).Each(func(_ int, li *goquery.Selection) {
		if li.Find("a.include").Text() == source {
			count, _ = strconv.Atoi(li.Find(".count").Text())
		}
	})
	if count == 0 || count == total {
		t.Fatalf("source facet: got %d articles for %s of %d, want some and not all", count, source, total)
	}

	only := f.page(t, pathOf(t, facetLink(t, doc, "source", source, "include")), http.StatusOK)
	if got := texts(only.Find("ol.hits .meta .source")); matched(t, only) != count || slices.ContainsFunc(got, func(s string) bool { return s != source }) {
		t.Errorf("including %s: got %d articles from %v, want %d, all from it", source, matched(t, only), got, count)
	}
	without := f.page(t, pathOf(t, facetLink(t, doc, "source", source, "exclude")), http.StatusOK)
	if got := texts(without.Find("ol.hits .meta .source")); matched(t, without) != total-count || slices.Contains(got, source) {
		t.Errorf("excluding %s: got %d articles from %v, want %d, none from it", source, matched(t, without), got, total-count)
	}

	var api struct{ Total int }
	f.getJSON(t, "/api/search?"+url.Values{"q": {"observers"}, "include": {"source:" + source}}.Encode(), http.StatusOK, &api)
	if api.Total != count {
		t.Errorf("API include=source:%s: got %d articles, want %d", source, api.Total, count)
	}
	// The home page lists every source with a link that filters by it.
	home := f.page(t, "/", http.StatusOK)
	var href string
	home.Find("section.home ul.sources a").Each(func(_ int, a *goquery.Selection) {
		if a.Text() == source {
			href, _ = a.Attr("href")
		}
	})
	if href == "" {
		t.Fatalf("the home page does not list %s", source)
	}
	if n := matched(t, f.page(t, pathOf(t, href), http.StatusOK)); n == 0 {
		t.Errorf("home page link %q: got no articles", href)
	}
}

// Every link a results page makes carries the whole state, so that a
// shared link shows the same page: the filters and also facet_size,
// snippets, explain and the rest.
func TestLinksKeepState(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		page  string
		links string // the links that must keep the state
		keep  url.Values
	}{
		{searchPath("ceasefire", "limit", "2", "facet_size", "3", "snippets", "2", "explain", "true", "comments", "true", "exact", "true",
			"sort", "newest", "include", "source:Meridian Wire"),
			// (the explain toggle keeps all but explain: TestExplainShown)
			"p.sort a:not(.explain-toggle), nav.pages a, figure.histogram a.bar, aside.facets li:not(.active) a.include, aside.facets a.exclude, section.active-filters a.remove, a.csv-page, a.csv-all",
			url.Values{"q": {"ceasefire"}, "facet_size": {"3"}, "snippets": {"2"}, "explain": {"true"}, "comments": {"true"}, "exact": {"true"}}},
		{"/quotes?q=ceasefire&limit=2&facet_size=2&explain=true&exact=true&min_confidence=0.5&from=2020",
			"nav.pages a, aside.facets a.include, section.active-filters a.remove, a.csv-page, a.csv-all",
			url.Values{"q": {"ceasefire"}, "facet_size": {"2"}, "explain": {"true"}, "exact": {"true"}}},
	}
	for _, tt := range tests {
		doc := f.page(t, tt.page, http.StatusOK)
		links := doc.Find(tt.links)
		if links.Length() < 5 {
			t.Fatalf("%s: got %d links, want a page full of them", tt.page, links.Length())
		}
		links.Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			got := params(t, href)
			for k, want := range tt.keep {
				if !slices.Equal(got[k], want) {
					t.Errorf("%s: link %q has %s=%v, want %v", tt.page, href, k, got[k], want)
				}
			}
		})
	}
}

// With explain=true the search and quotes pages say how the query was
// read, as --explain does; a link turns it on and off and keeps the rest
// of the page's state.
func TestExplainShown(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		name     string
		page     string // without explain
		wantLine string // a line the explanation must hold
	}{
		{"search", searchPath("ceasefire Kelmarin", "limit", "2"), "parsed as (AND ceasefire Kelmarin)"},
		{"search, a prefix", searchPath("ceasefir*"), "ceasefir*: "},
		{"quotes", "/quotes?q=ceasefire&limit=2", "parsed as ceasefire"},
		{"quotes by a speaker", "/quotes?speaker=Kelmarin", "speaker:Kelmarin: quotations by Alexander Kelmarin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := f.page(t, tt.page, http.StatusOK)
			if n := off.Find("section.explain").Length(); n != 0 {
				t.Errorf("without explain=true: got %d explanations, want none", n)
			}
			toggle, ok := off.Find("a.explain-toggle").Attr("href")
			if !ok {
				t.Fatal("no link to explain the query")
			}
			want := params(t, tt.page)
			want.Set("explain", "true")
			if got := params(t, toggle); got.Encode() != want.Encode() {
				t.Errorf("explain link: got %v, want %v", got, want)
			}

			on := f.page(t, pathOf(t, toggle), http.StatusOK)
			lines := texts(on.Find("section.explain li"))
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, tt.wantLine) }) {
				t.Errorf("got explanation %q, want a line starting %q", lines, tt.wantLine)
			}
			back, _ := on.Find("a.explain-toggle").Attr("href")
			if got := params(t, back); got.Encode() != params(t, tt.page).Encode() {
				t.Errorf("link to hide the explanation: got %v, want %v", got, params(t, tt.page))
			}
		})
	}
}

package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// markedText is the text a document page marks, and the page must carry
// the anchor the link jumps to.
func markedText(t *testing.T, f *fixture, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	if u.Fragment != "mark" || u.Query().Get("hl") == "" {
		t.Errorf("link %q: want ?hl=START-END#mark", href)
	}
	doc := f.page(t, pathOf(t, href), http.StatusOK)
	if doc.Find("#mark").Length() != 1 {
		t.Errorf("%s: no #mark to jump to", href)
	}
	return strings.Join(texts(doc.Find("article.document mark")), " ")
}

// The quotes page shows each quotation as a card, with its speaker linked,
// the words that named them, its source and date, and a link to the exact
// place in the article; the speaker facet, filters, paging and the CSV
// export keep the state in the URL.
func TestQuotesPage(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	want, err := query.Quotes(ctx, f.ix, query.QuoteRequest{Speaker: "Sevda Oryan", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if want.Total <= 5 {
		t.Fatalf("Sevda Oryan: %d quotations; the test needs more than one page", want.Total)
	}
	doc := f.page(t, "/quotes?speaker=Sevda+Oryan&limit=5", http.StatusOK)
	cards := doc.Find("ol.quote-cards li.quote-card")
	if cards.Length() != len(want.Hits) {
		t.Fatalf("%d cards, want %d", cards.Length(), len(want.Hits))
	}
	if s := doc.Find(".summary p").First().Text(); !strings.Contains(s, strconv.Itoa(int(want.Total))+" quotations match") {
		t.Errorf("summary %q, want %d quotations", s, want.Total)
	}
	namedAs := 0
	cards.Each(func(i int, card *goquery.Selection) {
		h := want.Hits[i]
		if got := strings.TrimSpace(card.Find("blockquote").Text()); got != "“"+query.CleanText(h.Quote)+"”" {
			t.Errorf("card %d reads %q, want the quotation %q", i+1, got, h.Quote)
		}
		sp := card.Find(".said a.speaker")
		if sp.Text() != "Sevda Oryan" || pathOf(t, sp.AttrOr("href", "")) != "/entities/Sevda%20Oryan" {
			t.Errorf("card %d: speaker %q linked to %q", i+1, sp.Text(), sp.AttrOr("href", ""))
		}
		if h.SpeakerText != h.Speaker {
			namedAs++
			if got := card.Find(".named-as").Text(); !strings.Contains(got, h.SpeakerText) {
				t.Errorf("card %d: named as %q, want %q", i+1, got, h.SpeakerText)
			}
		}
		if src, date := card.Find(".meta .source").Text(), card.Find(".meta .date").Text(); src != orText(h.Article.Source, "source unknown") || date != orText(h.Article.Published, "undated") {
			t.Errorf("card %d: %s, %s; want %s, %s", i+1, src, date, h.Article.Source, h.Article.Published)
		}
		if got := markedText(t, f, card.Find("a.in-article").AttrOr("href", "")); got != query.CleanText(h.Quote) {
			t.Errorf("card %d: the article marks %q, want the quotation %q", i+1, got, h.Quote)
		}
	})
	if namedAs == 0 {
		t.Error("no card's speaker was named by other words; the check of named-as did not run")
	}
	// The entity page the speaker links to is theirs.
	if h1 := f.page(t, pathOf(t, cards.First().Find("a.speaker").AttrOr("href", "")), http.StatusOK).Find("h1").Text(); h1 != "Sevda Oryan" {
		t.Errorf("the speaker link opens the page of %q", h1)
	}

	// The speaker facet shows the filter as active; the chip takes it off.
	active := doc.Find(`.facet[data-field=speaker] li.active a.include`)
	if active.Length() != 1 || active.Text() != "Sevda Oryan" {
		t.Errorf("active speaker facet %q, want Sevda Oryan", texts(active))
	}
	all, err := query.Quotes(ctx, f.ix, query.QuoteRequest{})
	if err != nil {
		t.Fatal(err)
	}
	unfiltered := f.page(t, pathOf(t, doc.Find(".active-filters .chip a.remove").AttrOr("href", "")), http.StatusOK)
	if s := unfiltered.Find(".summary p").First().Text(); !strings.Contains(s, strconv.Itoa(int(all.Total))+" quotations") {
		t.Errorf("without the filter: %q, want all %d quotations", s, all.Total)
	}
	// A speaker from the facet of every quotation keeps only theirs.
	pick := unfiltered.Find(`.facet[data-field=speaker] a.include`).Eq(1)
	speaker := pick.Text()
	filtered := f.page(t, pathOf(t, pick.AttrOr("href", "")), http.StatusOK)
	if got := texts(filtered.Find(".quote-card .said a.speaker")); len(got) == 0 {
		t.Errorf("filtered by %s: no cards", speaker)
	} else {
		for _, s := range got {
			if s != speaker {
				t.Errorf("filtered by %s, a card is by %s", speaker, s)
			}
		}
	}

	// Page 2 goes on where page 1 stopped.
	page2 := f.page(t, pathOf(t, doc.Find(`nav.pages a[rel=next]`).AttrOr("href", "")), http.StatusOK)
	if start := page2.Find("ol.quote-cards").AttrOr("start", ""); start != "6" {
		t.Errorf("page 2 numbers from %q, want 6", start)
	}
	want2, err := query.Quotes(ctx, f.ix, query.QuoteRequest{Speaker: "Sevda Oryan", Limit: 5, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if id := page2.Find(".quote-card").First().AttrOr("data-id", ""); id != want2.Hits[0].ID {
		t.Errorf("page 2 starts with %s, want %s", id, want2.Hits[0].ID)
	}

	// The CSV is the page's quotations as `parley quotes --csv` writes them.
	csvLink := doc.Find(`a.csv-page`).AttrOr("href", "")
	resp, body := f.get(t, pathOf(t, csvLink))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("%s: status %d, %s", csvLink, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var wantCSV bytes.Buffer
	if err := query.WriteQuotesCSV(&wantCSV, want); err != nil {
		t.Fatal(err)
	}
	if string(body) != wantCSV.String() {
		t.Errorf("%s:\n%s\nwant\n%s", csvLink, body, wantCSV.String())
	}
}

// "Did they say it?" shows the verdict, the word diff with deleted and
// inserted words marked for eyes and screen readers, the speaker, and the
// first appearance linked at the words.
func TestWhoPage(t *testing.T) {
	f := newFixture(t, Options{})
	empty := f.page(t, "/who", http.StatusOK)
	if empty.Find("form.who-form textarea[name=claim]").Length() != 1 || empty.Find(".who-answer").Length() != 0 {
		t.Error("/who: want the claim box and no answer")
	}

	doc := f.page(t, "/who?claim="+url.QueryEscape(alteredClaim), http.StatusOK)
	if v := doc.Find(".verdict").AttrOr("data-verdict", ""); v != query.Altered {
		t.Errorf("verdict %q, want altered", v)
	}
	if got := doc.Find("form.who-form textarea").Text(); got != alteredClaim {
		t.Errorf("the box holds %q, want the claim", got)
	}
	del, ins := doc.Find(".diff del").Not(".legend del"), doc.Find(".diff ins").Not(".legend ins")
	if del.Length() != 1 || ins.Length() != 1 {
		t.Fatalf("diff: %d deleted and %d inserted runs, want 1 and 1", del.Length(), ins.Length())
	}
	if got := del.Clone().Find(".sr-only").Remove().End().Text(); got != "hear" {
		t.Errorf("deleted %q, want hear", got)
	}
	if got := ins.Clone().Find(".sr-only").Remove().End().Text(); got != "see" {
		t.Errorf("inserted %q, want see", got)
	}
	if !strings.Contains(del.Find(".sr-only").Text(), "reported") || !strings.Contains(ins.Find(".sr-only").Text(), "claim") {
		t.Error("the diff's changes are not named for screen readers")
	}
	if sp := doc.Find("dd.speaker a").First(); sp.Text() != "Ana Vesk" || pathOf(t, sp.AttrOr("href", "")) != "/entities/Ana%20Vesk" {
		t.Errorf("speaker %q linked to %q", sp.Text(), sp.AttrOr("href", ""))
	}
	res, err := query.Who(context.Background(), f.ix, query.WhoRequest{Claim: alteredClaim})
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Find("p.first a")
	if first.Text() != res.FirstAppearance.Title {
		t.Errorf("first appearance %q, want %q", first.Text(), res.FirstAppearance.Title)
	}
	best := res.Matches[0]
	if got := markedText(t, f, first.AttrOr("href", "")); got != query.CleanText(best.Quote[:best.End-best.Start]) {
		t.Errorf("the first appearance marks %q, want %q", got, best.Quote[:best.End-best.Start])
	}

	notFound := f.page(t, "/who?claim="+url.QueryEscape("Purple elephants dance over the frozen harbour"), http.StatusOK)
	if v := notFound.Find(".verdict").AttrOr("data-verdict", ""); v != query.NotFound || notFound.Find("dl.best").Length() != 0 {
		t.Errorf("a claim nobody made: verdict %q, %d best matches", v, notFound.Find("dl.best").Length())
	}
	other := f.page(t, "/who?speaker=Sevda+Oryan&claim="+url.QueryEscape("Quiet is not peace"), http.StatusOK)
	if v := other.Find(".verdict").AttrOr("data-verdict", ""); v != query.OtherSpeaker || other.Find("dd.speaker a").First().Text() != "Ana Vesk" {
		t.Errorf("Vesk's words claimed for Oryan: verdict %q, speaker %q", v, other.Find("dd.speaker a").First().Text())
	}
	bad := f.page(t, "/who?claim="+url.QueryEscape("“…”"), http.StatusBadRequest)
	if msg := bad.Find(".bad-query .message").Text(); !strings.Contains(msg, "no words") {
		t.Errorf("a claim without words: %q", msg)
	}
}

// Words reported by several outlets: the first appearance is the
// earliest, and every other article is listed, each linked at the words.
func TestWhoPageReprints(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i, a := range []struct{ id, date, source string }{{"wire-1", "2021-03-02", "Fictional Wire"}, {"wire-2", "2021-03-01", "Imaginary Daily"}, {"wire-3", "2021-03-05", "Made-up Times"}} {
		b.WriteString(`{"id":"` + a.id + `","title":"Story ` + strconv.Itoa(i+1) + ` about the Orvell dam","date":"` + a.date + `","source":"` + a.source + `","text":"ORVELL — The engineer in charge, Talia Quembrook, spoke on Monday.\n\n\"The dam will hold through the spring floods,\" Quembrook said.\n"}` + "\n")
	}
	file := filepath.Join(dir, "wires.jsonl")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{Extractor: newIndex(t).Extractor()})
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
	doc := f.page(t, "/who?claim="+url.QueryEscape("The dam will hold through the floods"), http.StatusOK)
	if v := doc.Find(".verdict").AttrOr("data-verdict", ""); v != query.Altered {
		t.Errorf("verdict %q, want altered (a word dropped)", v)
	}
	if got := doc.Find("p.first .source").Text(); got != "Imaginary Daily" {
		t.Errorf("first appearance in %q, want the earliest, Imaginary Daily", got)
	}
	reprints := doc.Find("ul.reprints li")
	if got := texts(reprints.Find(".source")); strings.Join(got, ", ") != "Fictional Wire, Made-up Times" && strings.Join(got, ", ") != "Made-up Times, Fictional Wire" {
		t.Errorf("reprints %q, want the two other outlets", got)
	}
	reprints.Find("a").Each(func(_ int, a *goquery.Selection) {
		if got := markedText(t, f, a.AttrOr("href", "")); got != "The dam will hold through the spring floods" {
			t.Errorf("reprint %s marks %q, want the words", a.AttrOr("href", ""), got)
		}
	})
}

// An entity page lists the person's quotations by month, newest first,
// each month linked to its quotations and the whole list to the quotes
// page.
func TestEntityPageQuotes(t *testing.T) {
	f := newFixture(t, Options{})
	all, err := query.Quotes(context.Background(), f.ix, query.QuoteRequest{Speaker: "Sevda Oryan", Limit: entityQuotes})
	if err != nil {
		t.Fatal(err)
	}
	doc := f.page(t, "/entities/"+url.PathEscape("Sevda Oryan"), http.StatusOK)
	sec := doc.Find("section.entity-quotes")
	if got := pathOf(t, sec.Find("a.all-quotes").AttrOr("href", "")); got != "/quotes?speaker=Sevda+Oryan" {
		t.Errorf("all quotations link to %q", got)
	}
	if n := sec.Find("ul.quotes-by-month li").Length(); n != len(all.Hits) {
		t.Errorf("%d quotations listed, want %d", n, len(all.Hits))
	}
	months := texts(sec.Find("h3.quote-month a"))
	if len(months) < 2 {
		t.Fatalf("months %q: the test needs quotations in several months", months)
	}
	for i := 1; i < len(months); i++ {
		if months[i-1] <= months[i] {
			t.Errorf("months %q are not newest first", months)
		}
	}
	month := sec.Find("h3.quote-month").First()
	count, _ := strconv.Atoi(month.Find(".count").Text())
	page := f.page(t, pathOf(t, month.Find("a").AttrOr("href", "")), http.StatusOK)
	dates := texts(page.Find(".quote-card .meta .date"))
	if len(dates) != count || count == 0 {
		t.Errorf("month %s: %d quotations on its page, the entity page counts %d", month.Text(), len(dates), count)
	}
	m := strings.Fields(month.Text())[0]
	for _, d := range dates {
		if !strings.HasPrefix(d, m) {
			t.Errorf("month %s lists a quotation of %s", m, d)
		}
	}
	// A place says nothing.
	if n := f.page(t, "/entities/Kelvash?type=place", http.StatusOK).Find("section.entity-quotes").Length(); n != 0 {
		t.Error("a place's page lists quotations")
	}
}

// Every "about" link of a speaker leads to a page, also for a speaker
// the articles never name as a person or organisation (Arvid Loska, in
// the demo, is only ever quoted): their page lists their quotations.
func TestSpeakerAboutLinks(t *testing.T) {
	f := newFixture(t, Options{})
	checked := map[string]bool{}
	for _, p := range []string{"/quotes?facet_size=1000", searchPath("said", "facet_size", "1000")} {
		doc := f.page(t, p, http.StatusOK)
		doc.Find(`section.facet[data-field=speaker] a.about`).Each(func(_ int, a *goquery.Selection) {
			href := pathOf(t, a.AttrOr("href", ""))
			if checked[href] {
				return
			}
			checked[href] = true
			if res, _ := f.get(t, href); res.StatusCode != http.StatusOK {
				t.Errorf("%s: about link %s: got status %d, want 200", p, href, res.StatusCode)
			}
		})
	}
	if !checked["/entities/Arvid%20Loska"] {
		t.Fatalf("no about link to Arvid Loska among %d, the speaker the test is for", len(checked))
	}
	doc := f.page(t, "/entities/"+url.PathEscape("Arvid Loska"), http.StatusOK)
	if got, want := strings.Join(strings.Fields(doc.Find("article.entity p.meta").Text()), " "), "speaker · 1 article · 2 quotations"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := doc.Find("section.entity-quotes ul.quotes-by-month li").Length(); n != 2 {
		t.Errorf("got %d quotations on Arvid Loska's page, want 2", n)
	}
	if got := params(t, doc.Find(`a[href^="/search"]`).First().AttrOr("href", "")); got.Get("include") != "speaker:Arvid Loska" {
		t.Errorf("the search link filters %v, want include=speaker:Arvid Loska", got)
	}
	var rep query.EntityReport
	f.getJSON(t, "/api/entities/"+url.PathEscape("Arvid Loska"), http.StatusOK, &rep)
	if rep.Type != query.Speaker || rep.Articles != 1 || rep.Mentions != 2 {
		t.Errorf("API: got %s in %d articles, %d quotations; want speaker, 1, 2", rep.Type, rep.Articles, rep.Mentions)
	}
}

// The document page sets off each quotation in the text, links its
// speaker, and keeps the text as written around them.
func TestDocumentPageQuotes(t *testing.T) {
	f := newFixture(t, Options{})
	ctx := context.Background()
	res, err := query.Quotes(ctx, f.ix, query.QuoteRequest{Speaker: "Ana Vesk", Limit: 1})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("Ana Vesk's quotations: %v, %v", res, err)
	}
	id := res.Hits[0].Article.ID
	quotes, err := f.ix.QuotesOf(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.page(t, "/documents/"+id, http.StatusOK)
	var want []string
	for _, q := range quotes {
		want = append(want, query.CleanText(q.Text))
		sel := doc.Find("#quote-" + strconv.Itoa(q.Start) + "-" + strconv.Itoa(q.End))
		if !sel.HasClass("quote") {
			t.Errorf("no quotation anchored at %d-%d", q.Start, q.End)
		}
	}
	got := texts(doc.Find("article.document .text span.quote"))
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quotations set off:\n%q\nwant\n%q", got, want)
	}
	if n := doc.Find("article.document .text a.said-by").Length(); n != len(quotes) {
		t.Errorf("%d speaker links for %d quotations", n, len(quotes))
	}
	doc.Find("a.said-by").Each(func(_ int, a *goquery.Selection) {
		if pathOf(t, a.AttrOr("href", "")) != "/entities/Ana%20Vesk" || !strings.HasSuffix(a.Text(), "Ana Vesk") {
			t.Errorf("speaker link %q to %q", a.Text(), a.AttrOr("href", ""))
		}
	})
	// Without the speaker links, each paragraph reads as the original.
	d, err := query.ReadDocument(ctx, f.ix, id)
	if err != nil {
		t.Fatal(err)
	}
	body := d.PartsOf("body")
	doc.Find("article.document .text p[data-start]").Each(func(_ int, p *goquery.Selection) {
		start, _ := strconv.Atoi(p.AttrOr("data-start", ""))
		for _, part := range body {
			if start >= part.Start && start < part.End {
				line, _, _ := strings.Cut(part.Text[start-part.Start:], "\n")
				if got := p.Clone().Find("a.said-by").Remove().End().Text(); got != query.CleanText(line) {
					t.Errorf("paragraph at %d reads\n%q\nwant\n%q", start, got, query.CleanText(line))
				}
			}
		}
	})
}

package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSearch walks through Parley as a reporter would in a real
// browser: types a query and submits it, narrows by a source from the
// facets, takes the filter off again, goes to page 2, opens an article,
// and opens one whose reader comments must stay folded away.
func TestBrowserSearch(t *testing.T) {
	f := newFixture(t, Options{})
	b := newBrowser(t, f.ts.URL)

	b.open("/")
	b.shot("home")
	b.do("type a query",
		chromedp.SendKeys(chromedp.CSS(`header form.search input[name=q]`), "minister"),
		chromedp.Submit(chromedp.CSS(`header form.search input[name=q]`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)))
	if q := locationQuery(t, b.location()).Get("q"); q != "minister" {
		t.Fatalf("after submitting: q=%q in the URL, want minister", q)
	}
	total := matchCount(t, b.text(`.summary p`))
	titles := b.texts(`ol.hits .hit h3`)
	if total <= 10 || len(titles) != 10 {
		t.Fatalf("minister: %d matches and %d titles shown; the fixture needs more than one page", total, len(titles))
	}
	for _, s := range b.texts(`ol.hits .hit .snippet mark`) {
		if !strings.HasPrefix(strings.ToLower(s), "minister") {
			t.Errorf("a snippet marks %q for the query minister", s)
		}
	}
	b.shot("search")

	// A source from the sidebar: every hit is then from it, and the
	// filter shows as a chip.
	source := b.text(`.facet[data-field=source] li a.include`)
	b.click(`.facet[data-field=source] li a.include`, `.active-filters`)
	if chip := b.text(`.active-filters .chip`); !strings.Contains(chip, "source: "+source) {
		t.Errorf("filter chip %q, want source: %s", chip, source)
	}
	if inc := locationQuery(t, b.location())["include"]; len(inc) != 1 || inc[0] != "source:"+source {
		t.Errorf("the URL holds include=%q, want source:%s", inc, source)
	}
	for i, s := range b.texts(`ol.hits .hit .source`) {
		if s != source {
			t.Errorf("filtered by %s, hit %d is from %s", source, i+1, s)
		}
	}
	if n := matchCount(t, b.text(`.summary p`)); n >= total || n == 0 {
		t.Errorf("filtered by %s: %d matches, want fewer than %d and some", source, n, total)
	}
	b.shot("facet")

	// Removing the chip brings every match back; then page 2.
	b.click(`.active-filters .chip a.remove`, `nav.pages`)
	if n := matchCount(t, b.text(`.summary p`)); n != total {
		t.Errorf("filter removed: %d matches, want %d again", n, total)
	}
	b.click(`nav.pages a[rel=next]`, `nav.pages a[rel=prev]`)
	if cur := b.text(`nav.pages [aria-current=page]`); cur != "2" {
		t.Errorf("current page %q, want 2", cur)
	}
	page2 := b.texts(`ol.hits .hit h3`)
	if len(page2) != total-10 && len(page2) != 10 {
		t.Errorf("page 2 shows %d hits of %d", len(page2), total)
	}
	for _, t2 := range page2 {
		for _, t1 := range titles {
			if t1 == t2 {
				t.Errorf("%q is on pages 1 and 2", t1)
			}
		}
	}
	if first := b.attr(`ol.hits`, "start"); first != "11" {
		t.Errorf("page 2 numbers its hits from %q, want 11", first)
	}
	b.shot("page2")

	// The first hit of page 2, as a person opens it.
	b.click(`ol.hits .hit h3 a`, `article.document`)
	if h1 := b.text(`article.document h1`); h1 != page2[0] {
		t.Errorf("opened %q, the page's heading is %q", page2[0], h1)
	}
	if !strings.HasPrefix(b.location(), "/documents/") {
		t.Errorf("the article opened at %s", b.location())
	}
	if b.text(`dl.provenance`) == "" || !b.visible(`article.document .text p`) {
		t.Error("the article page shows no provenance or no text")
	}
	b.shot("document")
}

// TestBrowserHostileArticle opens an article full of markup: the markup
// shows as the text it is, nothing runs (b.shot fails the test if any
// script called alert), and its reader comments are folded until asked
// for.
func TestBrowserHostileArticle(t *testing.T) {
	f := newFixture(t, Options{})
	b := newBrowser(t, f.ts.URL)
	b.open(searchPath(`title:envoy "Port Amsel"`))
	b.shot("search")
	if title := b.text(`ol.hits .hit h3`); !strings.Contains(title, "<script>alert('title')</script>") {
		t.Errorf("the hit's title reads %q, want its <script> shown as text", title)
	}
	b.click(`ol.hits .hit h3 a`, `article.document`)
	body := b.text(`article.document .text`)
	for _, want := range []string{"<script>alert('body')</script>", "<img src=x onerror=alert('img')>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the article's text lacks %q as text:\n%s", want, body)
		}
	}
	if strings.Contains(body, "will not last") {
		t.Error("a reader comment shows among the article's text")
	}
	if !b.visible(`details.comments summary`) || b.visible(`details.comments .comment-part`) {
		t.Error("the comments should be folded: the summary visible, the comments not")
	}
	if n := b.count(`script, img, iframe, [onload], [onerror]`); n != 0 {
		t.Errorf("the article page has %d script, img or handler elements", n)
	}
	b.shot("document-folded")
	b.click(`details.comments summary`, `details.comments .comment-part`)
	if c := b.text(`details.comments`); !strings.Contains(c, "<script>alert('comment')</script> will not last") {
		t.Errorf("unfolded comments read %q", c)
	}
	b.shot("document-comments")
}

// locationQuery reads the parameters of a path.
func locationQuery(t *testing.T, path string) url.Values {
	t.Helper()
	u, err := url.Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

var matchesText = regexp.MustCompile(`([\d,]+) articles? match`)

// matchCount reads the number of matches from the results' summary.
func matchCount(t *testing.T, summary string) int {
	t.Helper()
	m := matchesText.FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("summary %q says no count", summary)
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// TestBrowserWho checks a claimed quotation as a fact-checker would: types
// a line of the demo corpus with one word changed into the box on /who,
// submits it, and reads the verdict, the diff, the speaker and the first
// appearance. Then, on /quotes, narrows the quotations to one speaker.
func TestBrowserWho(t *testing.T) {
	f := newFixture(t, Options{})
	b := newBrowser(t, f.ts.URL)

	b.open("/who")
	b.do("type a claim",
		chromedp.SendKeys(chromedp.CSS(`form.who-form textarea[name=claim]`), alteredClaim),
		chromedp.Click(chromedp.CSS(`form.who-form button[type=submit]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(`.who-answer`)))
	if claim := locationQuery(t, b.location()).Get("claim"); claim != alteredClaim {
		t.Errorf("after submitting: claim=%q in the URL", claim)
	}
	if v := b.text(`.verdict strong`); v != "Altered" {
		t.Errorf("verdict %q, want Altered", v)
	}
	if del, ins := b.text(`.diff p del`), b.text(`.diff p ins`); !strings.Contains(del, "hear") || !strings.Contains(ins, "see") {
		t.Errorf("the diff shows deleted %q and inserted %q, want hear and see", del, ins)
	}
	if sp := b.text(`dd.speaker a`); sp != "Ana Vesk" {
		t.Errorf("speaker %q, want Ana Vesk", sp)
	}
	if first := b.text(`p.first`); !strings.Contains(first, "Kelvash counts its losses") || !strings.Contains(first, "2021-09-27") {
		t.Errorf("first appearance reads %q", first)
	}
	b.shot("who")
	b.click(`p.first a`, `article.document`)
	if m := b.text(`article.document mark`); !strings.HasPrefix(m, "We read the names") {
		t.Errorf("the first appearance opens with %q marked", m)
	}
	if sp := b.text(`article.document a.said-by`); !strings.Contains(sp, "Ana Vesk") {
		t.Errorf("the quotation's speaker link reads %q", sp)
	}
	b.shot("document")

	b.open("/quotes")
	speaker := b.text(`.facet[data-field=speaker] li a.include`)
	b.click(`.facet[data-field=speaker] li a.include`, `.active-filters`)
	if got := locationQuery(t, b.location()).Get("speaker"); got != speaker {
		t.Errorf("the URL holds speaker=%q, want %q", got, speaker)
	}
	said := b.texts(`.quote-card .said a.speaker`)
	if len(said) == 0 {
		t.Fatalf("no quotations of %s", speaker)
	}
	for i, s := range said {
		if s != speaker {
			t.Errorf("filtered by %s, card %d is by %s", speaker, i+1, s)
		}
	}
	b.shot("quotes")
}

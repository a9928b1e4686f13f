package query

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
)

// testIndexes holds indexes shared by the tests of this package: building
// one takes longer than all the searches on it.
var testIndexes struct {
	sync.Mutex
	byName map[string]*index.Index
}

// testIndex returns an index of the given paths (relative to the module
// root), built once per test binary.
func testIndex(t *testing.T, name string, paths ...string) *index.Index {
	t.Helper()
	return testIndexWith(t, name, nil, paths...)
}

// namesIndex is the demo corpus indexed with the built-in gazetteer and the
// demo's own names (corpus/demo/aliases.yaml).
func namesIndex(t *testing.T) *index.Index {
	t.Helper()
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile(filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo", "aliases.yaml")); err != nil {
		t.Fatal(err)
	}
	return testIndexWith(t, "demo-names", extract.New(g), "corpus/demo")
}

func testIndexWith(t *testing.T, name string, x *extract.Extractor, paths ...string) *index.Index {
	t.Helper()
	testIndexes.Lock()
	defer testIndexes.Unlock()
	if ix := testIndexes.byName[name]; ix != nil {
		return ix
	}
	dir, err := os.MkdirTemp("", "parley-query-test-")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{Extractor: x})
	if err != nil {
		t.Fatal(err)
	}
	root := corpustest.ModuleRoot(t)
	var abs []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		abs = append(abs, p)
	}
	sum, err := ix.Update(context.Background(), abs, index.UpdateOptions{})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("index %v: %v, %+v", paths, err, sum)
	}
	if testIndexes.byName == nil {
		testIndexes.byName = map[string]*index.Index{}
	}
	testIndexes.byName[name] = ix
	return ix
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, ix := range testIndexes.byName {
		path := ix.Path()
		ix.Close()
		os.RemoveAll(filepath.Dir(path))
	}
	os.Exit(code)
}

func run(t *testing.T, ix *index.Index, req Request) *Results {
	t.Helper()
	res, err := Search(context.Background(), ix, req)
	if err != nil {
		t.Fatalf("search %q: %v", req.Query, err)
	}
	return res
}

// hitKeys returns the fixture records' own ids ("p1") of the hits, in order.
func hitKeys(t *testing.T, ix *index.Index, res *Results) []string {
	t.Helper()
	var ids []string
	for _, h := range res.Hits {
		a, err := ix.Article(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strings.TrimPrefix(a.Key, "id "))
	}
	return ids
}

// recordIDs is hitKeys, sorted.
func recordIDs(t *testing.T, ix *index.Index, res *Results) []string {
	t.Helper()
	ids := hitKeys(t, ix, res)
	sort.Strings(ids)
	return ids
}

// TestSearches runs the searches of testdata/searches.json, each with the
// records it must find and nothing else, over fictional fixtures.
func TestSearches(t *testing.T) {
	ix := testIndex(t, "fixtures", "query/testdata/articles")
	data, err := os.ReadFile("testdata/searches.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Query string   `json:"query"`
		IDs   []string `json:"ids"`
		Why   string   `json:"why"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		res := run(t, ix, Request{Query: c.Query, Limit: 100})
		got := recordIDs(t, ix, res)
		want := append([]string{}, c.IDs...)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") || int(res.Total) != len(want) {
			t.Errorf("%s: got %v (total %d), want %v; %s\n%s", c.Query, got, res.Total, want, c.Why, strings.Join(res.Explain, "\n"))
		}
	}
}

// TestSnippetOffsets checks that every snippet's offsets point at exactly
// its text in the original file or record, and that highlights fall on
// the words searched for.
func TestSnippetOffsets(t *testing.T) {
	ix := testIndex(t, "demo", "corpus/demo")
	sources := map[string]string{} // article ID → original text
	reader := corpus.NewReader(corpus.Options{})
	files, _ := corpus.FindFiles([]string{filepath.Join(corpustest.ModuleRoot(t), "corpus/demo")})
	for _, f := range files {
		reader.Read(f, func(a *corpus.Article) error { sources[a.ID] = a.Text; return nil }, func(corpus.Problem) {})
	}
	for _, q := range []string{"ceasefire", "\"we will not\"", "Selvari", "monitors Kelvash", "Kelmari*", "Oryen~", "\"humanitarian corridor\"", "title:talks"} {
		res := run(t, ix, Request{Query: q, Limit: 50, Snippets: 3})
		if res.Total == 0 {
			t.Errorf("%s: no hits", q)
		}
		for _, h := range res.Hits {
			text := sources[h.ID]
			for _, sn := range append(h.Snippets.Body, h.Snippets.Title...) {
				if sn.Start == nil {
					continue // a title from metadata, not in the text
				}
				if *sn.End > len(text) || text[*sn.Start:*sn.End] != sn.Text {
					t.Errorf("%s, %s: snippet [%d,%d) %q is not the original's text", q, h.ID, *sn.Start, *sn.End, sn.Text)
				}
				for _, hl := range sn.Highlights {
					if hl[0] < 0 || hl[1] > len(sn.Text) || hl[0] >= hl[1] {
						t.Errorf("%s: highlight %v outside %q", q, hl, sn.Text)
					}
				}
			}
		}
	}
}

func TestSearchDemo(t *testing.T) {
	ix := testIndex(t, "demo", "corpus/demo")
	titles := func(res *Results) []string {
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.Title)
		}
		return out
	}
	t.Run("diacritics fold both ways", func(t *testing.T) {
		a := run(t, ix, Request{Query: "Selvari", Limit: 50})
		b := run(t, ix, Request{Query: "Şelvari", Limit: 50})
		if a.Total != b.Total || a.Total < 2 {
			t.Errorf("Selvari: %d, Şelvari: %d; want the same, both spellings", a.Total, b.Total)
		}
		found := false
		for _, h := range a.Hits {
			for _, s := range h.Snippets.Body {
				for _, hl := range s.Highlights {
					if s.Text[hl[0]:hl[1]] == "Şelvari" {
						found = true
					}
				}
			}
		}
		if !found {
			t.Errorf("Selvari did not highlight Şelvari")
		}
	})
	t.Run("furniture and comments are not searched", func(t *testing.T) {
		for _, word := range []string{"Quorvanth", "Zellibrand", "favour", "snollygoster", "hornswoggle"} {
			if res := run(t, ix, Request{Query: word}); res.Total != 0 {
				t.Errorf("%s: %d hits, want none: %v", word, res.Total, titles(res))
			}
		}
		res := run(t, ix, Request{Query: "snollygoster", Comments: true})
		if res.Total != 1 || len(res.Hits[0].Snippets.Comments) != 1 {
			t.Errorf("snollygoster with comments: %d hits %v", res.Total, titles(res))
		}
		if res := run(t, ix, Request{Query: "comments:flapdoodle"}); res.Total != 1 {
			t.Errorf("comments:flapdoodle: %d hits", res.Total)
		}
	})
	t.Run("sort and page", func(t *testing.T) {
		newest := run(t, ix, Request{Query: "Varkesh OR Varkesch", Sort: "newest", Limit: 100})
		oldest := run(t, ix, Request{Query: "Varkesh OR Varkesch", Sort: "oldest", Limit: 100})
		if newest.Total != oldest.Total || newest.Total < 10 {
			t.Fatalf("totals %d, %d", newest.Total, oldest.Total)
		}
		check := func(res *Results, after func(a, b string) bool) {
			var prev string
			undated := false
			for _, h := range res.Hits {
				if h.Published == "" {
					undated = true
					continue
				}
				if undated {
					t.Errorf("%s: dated article after an undated one", res.Query)
				}
				if prev != "" && after(prev, h.Published) {
					t.Errorf("%s: %s before %s", res.Query, prev, h.Published)
				}
				prev = h.Published
			}
		}
		check(newest, func(a, b string) bool { return a[:4] < b[:4] })
		check(oldest, func(a, b string) bool { return a[:4] > b[:4] })
		page2 := run(t, ix, Request{Query: "Varkesh OR Varkesch", Sort: "newest", Limit: 3, Page: 2})
		if len(page2.Hits) != 3 || page2.Hits[0].ID != newest.Hits[3].ID {
			t.Errorf("page 2 does not continue page 1")
		}
	})
	t.Run("request filters", func(t *testing.T) {
		d := func(s string) corpus.Date { v, _ := corpus.ParseDate(s); return v }
		res := run(t, ix, Request{Query: "Kelmarin OR Kelmarin", From: d("2020-10"), To: d("2020-10"), Limit: 50})
		for _, h := range res.Hits {
			if !strings.HasPrefix(h.Published, "2020-10") {
				t.Errorf("--from/--to 2020-10 let %s through", h.Published)
			}
		}
		if res.Total < 2 {
			t.Errorf("--from/--to 2020-10: %d hits", res.Total)
		}
		res = run(t, ix, Request{Query: "Kelmarin", Sources: []string{"meridian WIRE"}, Limit: 50})
		for _, h := range res.Hits {
			if h.Source != "Meridian Wire" {
				t.Errorf("--source let %q through", h.Source)
			}
		}
	})
	t.Run("facets", func(t *testing.T) {
		res := run(t, ix, Request{Query: "Varkesh OR Varkesch", Facets: true})
		f := res.Facets
		if f == nil || len(f.Source) == 0 {
			t.Fatal("no facets")
		}
		// Every month from the first to the last, in order, zero-filled.
		for i := 1; i < len(f.Month); i++ {
			prev, _ := time.Parse("2006-01", f.Month[i-1].Value)
			cur, _ := time.Parse("2006-01", f.Month[i].Value)
			if !cur.Equal(prev.AddDate(0, 1, 0)) {
				t.Errorf("month %s follows %s", f.Month[i].Value, f.Month[i-1].Value)
			}
		}
		sum := f.MonthUnknown + f.Undated
		zero := 0
		for _, m := range f.Month {
			sum += m.Count
			if m.Count == 0 {
				zero++
			}
		}
		if uint64(sum) != res.Total || zero == 0 || f.MonthUnknown != 1 || f.Undated != 2 {
			t.Errorf("months+unknown+undated = %d (zero months %d, unknown %d, undated %d), total %d", sum, zero, f.MonthUnknown, f.Undated, res.Total)
		}
	})
	t.Run("explain and timeout", func(t *testing.T) {
		res := run(t, ix, Request{Query: "Kelmari* ceasefire"})
		joined := strings.Join(res.Explain, "\n")
		if !strings.Contains(joined, "kelmarin") || !strings.Contains(joined, `stem "ceasefir"`) {
			t.Errorf("explain: %s", joined)
		}
		_, err := Search(context.Background(), ix, Request{Query: "ceasefire", Timeout: time.Nanosecond})
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("a search past its deadline: %v, want ErrTimeout", err)
		}
	})
}

// TestSearchErrors checks that bad requests fail with a clear error and,
// for the query itself, its position.
func TestSearchErrors(t *testing.T) {
	ix := testIndex(t, "demo", "corpus/demo")
	for _, tt := range []struct {
		req    Request
		want   string
		column int
	}{
		{Request{Query: `"we will not`}, "unclosed quote", 1},
		{Request{Query: `ceasefire (talks`}, "unclosed (", 11},
		{Request{Query: `talks)`}, ")", 6},
		{Request{Query: `after:2020-13 talks`}, "not a date", 7},
		{Request{Query: `—`}, "nothing to search", 1},
		{Request{Query: `ceasefire`, Sort: "alphabetical"}, "unknown sort", 0},
		{Request{Query: `ceasefire`, Limit: 5000}, "too large", 0},
		{Request{Query: `ceasefire`, Limit: 100, Page: 200}, "too deep", 0},
		// A filter beside the query leaves its problems where they are.
		{Request{Query: `ceasefire "talks`, Include: []Filter{{Field: "source", Value: "Meridian Wire"}}}, "unclosed quote", 11},
		{Request{Query: `minister) OR (ceasefire`, Exclude: []Filter{{Field: "source", Value: "Meridian Wire"}}}, "unmatched )", 9},
		{Request{Query: ``}, "empty query", 1},
		{Request{Query: `ceasefire`, Include: []Filter{{Field: "title", Value: "talks"}}}, "the field must be", 0},
		{Request{Query: `ceasefire`, Exclude: []Filter{{Field: "source", Value: " "}}}, "value is empty", 0},
	} {
		_, err := Search(context.Background(), ix, tt.req)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one saying %q", tt.req.Query, err, tt.want)
			continue
		}
		var se *SyntaxError
		if tt.column > 0 && (!errors.As(err, &se) || se.Column() != tt.column) {
			t.Errorf("%q: error %v, want a syntax error at column %d", tt.req.Query, err, tt.column)
		}
	}
}

// Facet filters narrow a search as the query's own source: and person:
// clauses would, and need no query beside them.
func TestSearchFilters(t *testing.T) {
	ix := testIndex(t, "demo", "corpus/demo")
	wire := Filter{Field: "source", Value: "Meridian Wire"}
	all := run(t, ix, Request{Query: "ceasefire"}).Total
	tests := []struct {
		name  string
		req   Request
		query string // the same search in the query language
		parse string
	}{
		{"include", Request{Query: "ceasefire", Include: []Filter{wire}}, `ceasefire source:"Meridian Wire"`,
			`(AND ceasefire source:"Meridian Wire")`},
		{"exclude", Request{Query: "ceasefire talks", Exclude: []Filter{wire}}, `ceasefire talks -source:"Meridian Wire"`,
			`(AND ceasefire talks (NOT source:"Meridian Wire"))`},
		{"no query", Request{Include: []Filter{wire}}, `source:"Meridian Wire"`, `source:"Meridian Wire"`},
		{"OR stays apart", Request{Query: "Kelmarin OR Oryan", Include: []Filter{wire}},
			`(Kelmarin OR Oryan) source:"Meridian Wire"`, `(AND (OR Kelmarin Oryan) source:"Meridian Wire")`},
	}
	for _, tt := range tests {
		got := run(t, ix, tt.req)
		want := run(t, ix, Request{Query: tt.query})
		if got.Total != want.Total || got.Total == 0 {
			t.Errorf("%s: got %d articles, want %d (as %s), and some", tt.name, got.Total, want.Total, tt.query)
		}
		if got.Query != tt.req.Query {
			t.Errorf("%s: got query %q in the answer, want the query as typed, %q", tt.name, got.Query, tt.req.Query)
		}
		if parsed := got.Explain[0]; parsed != "parsed as "+tt.parse {
			t.Errorf("%s: got %q, want parsed as %s", tt.name, parsed, tt.parse)
		}
	}
	in := run(t, ix, Request{Query: "ceasefire", Include: []Filter{wire}}).Total
	out := run(t, ix, Request{Query: "ceasefire", Exclude: []Filter{wire}}).Total
	if in+out != all {
		t.Errorf("ceasefire: got %d with Meridian Wire and %d without, want %d in all", in, out, all)
	}
}

// TestNames searches the demo corpus by the people, places and dates its
// articles name, however each article spells them.
func TestNames(t *testing.T) {
	ix := namesIndex(t)
	total := func(req Request) uint64 { return run(t, ix, req).Total }
	both := total(Request{Query: `"Kelmarin"`})
	if both < 5 {
		t.Fatalf("Kelmarin appears in %d articles", both)
	}
	// person: finds every spelling; the spellings alone find fewer.
	for _, name := range []string{`"Alexander Kelmarin"`, `"Aleksandr Kelmarin"`, `Kelmarin`} {
		if got := total(Request{Query: "person:" + name}); got != both {
			t.Errorf("person:%s: %d articles, want the %d that name him", name, got, both)
		}
	}
	aleksandr := total(Request{Query: `"Aleksandr Kelmarin"`})
	alexander := total(Request{Query: `"Alexander Kelmarin"`})
	if aleksandr == 0 || alexander == 0 || aleksandr+alexander < both {
		t.Errorf("the phrases find %d and %d articles, between them at least %d", aleksandr, alexander, both)
	}
	// A bare word stands for its spellings, unless exact.
	oryen := total(Request{Query: "Oryen", Exact: true})
	expanded := run(t, ix, Request{Query: "Oryen"})
	if expanded.Total <= oryen || !strings.Contains(strings.Join(expanded.Explain, "\n"), "oryan") {
		t.Errorf("Oryen: %d articles, exact %d; explain %v", expanded.Total, oryen, expanded.Explain)
	}
	if got := total(Request{Query: "exact:Oryen"}); got != oryen {
		t.Errorf("exact:Oryen: %d, want %d", got, oryen)
	}
	if got := total(Request{Query: "place:Varkesch"}); got != total(Request{Query: "place:Varkesh"}) || got < 10 {
		t.Errorf("place:Varkesch: %d articles", got)
	}
	// mentioned: finds the date written "October 10" and "10 October".
	if got := run(t, ix, Request{Query: "mentioned:2020-10-10", Limit: 50}); got.Total < 2 {
		t.Errorf("mentioned:2020-10-10: %d articles", got.Total)
	}
	if m, d := total(Request{Query: "mentioned:2020-10"}), total(Request{Query: "mentioned:2020-10-10"}); m < d {
		t.Errorf("mentioned:2020-10 finds %d, fewer than mentioned:2020-10-10 (%d)", m, d)
	}
	// Facets name people by their canonical names.
	f := run(t, ix, Request{Query: "ceasefire", Facets: true}).Facets
	names := map[string]bool{}
	for _, v := range f.Person {
		names[v.Value] = true
	}
	if !names["Alexander Kelmarin"] || names["Aleksandr Kelmarin"] || len(f.Place) == 0 || len(f.Org) == 0 {
		t.Errorf("facets: people %v, places %v, orgs %v", f.Person, f.Place, f.Org)
	}
}

// TestEntityReports checks parley entities and parley entity over the demo.
func TestEntityReports(t *testing.T) {
	ix := namesIndex(t)
	list, err := Entities(context.Background(), ix, EntitiesRequest{Type: entity.Person})
	if err != nil {
		t.Fatal(err)
	}
	var kelmarin *EntityCount
	for i, e := range list.Entities {
		if e.Type != entity.Person {
			t.Errorf("--type person listed %+v", e)
		}
		if e.Name == "Alexander Kelmarin" {
			kelmarin = &list.Entities[i]
		}
	}
	if kelmarin == nil || kelmarin.Mentions < kelmarin.Articles || len(kelmarin.Spellings) < 2 || len(kelmarin.Roles) == 0 {
		t.Fatalf("Kelmarin: %+v", kelmarin)
	}
	rep, err := Entity(context.Background(), ix, "Aleksandr Kelmarin", "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Name != "Alexander Kelmarin" || rep.Known == nil || rep.Articles != kelmarin.Articles || len(rep.Sources) == 0 || len(rep.Months) == 0 || len(rep.Recent) == 0 {
		t.Errorf("entity report: %+v", rep)
	}
}

// TestEntityOfSpeakerOnly checks that a name Parley knows only as the
// speaker of quotations (the entity finder did not take "Arvid Loska" for
// a person, the quote finder took him for a speaker) has a report: the
// speaker facet links to it. A type asked for is kept to, and a name
// nobody carries is still nobody.
func TestEntityOfSpeakerOnly(t *testing.T) {
	ix := namesIndex(t)
	ctx := context.Background()
	tests := []struct {
		name, typ string
		wantErr   error
		wantType  string
		wantArts  int
		wantQuots int
	}{
		{"Arvid Loska", "", nil, Speaker, 1, 2},
		{"arvid loska", "", nil, Speaker, 1, 2},
		{"Arvid Loska", Speaker, nil, Speaker, 1, 2},
		{"Arvid Loska", entity.Person, ErrNoEntity, "", 0, 0},
		{"Nobody Atall", "", ErrNoEntity, "", 0, 0},
	}
	for _, tt := range tests {
		rep, err := Entity(ctx, ix, tt.name, tt.typ)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Entity(%q, %q): got %v, want %v", tt.name, tt.typ, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Entity(%q, %q): %v", tt.name, tt.typ, err)
			continue
		}
		if rep.Name != "Arvid Loska" || rep.Type != tt.wantType || rep.Articles != tt.wantArts || rep.Mentions != tt.wantQuots {
			t.Errorf("Entity(%q, %q): got %s %q in %d articles, %d quotations; want %s %q in %d, %d",
				tt.name, tt.typ, rep.Type, rep.Name, rep.Articles, rep.Mentions, tt.wantType, "Arvid Loska", tt.wantArts, tt.wantQuots)
		}
		if len(rep.Recent) != tt.wantArts || len(rep.Sources) == 0 || len(rep.Months) == 0 {
			t.Errorf("Entity(%q, %q): got %d recent articles, sources %v, months %v; want the article that quotes him",
				tt.name, tt.typ, len(rep.Recent), rep.Sources, rep.Months)
		}
	}
}

// TestEntityBySurname checks that parley entity finds a person the
// gazetteer does not know by the last name alone when one indexed name
// ends with it, and refuses to pick when several do.
func TestEntityBySurname(t *testing.T) {
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix := testIndexWith(t, "surnames", extract.New(g), "query/testdata/surnames")
	rep, err := Entity(context.Background(), ix, "Ferrow", "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Name != "Tomas Ferrow" || rep.Articles != 1 {
		t.Errorf("Ferrow: %q in %d articles, want Tomas Ferrow in 1", rep.Name, rep.Articles)
	}
	_, err = Entity(context.Background(), ix, "Valdoss", "")
	var bad *RequestError
	if !errors.As(err, &bad) || !strings.Contains(err.Error(), "Irena Valdoss") || !strings.Contains(err.Error(), "Peter Valdoss") {
		t.Errorf("Valdoss: %v, want an error naming both Valdosses", err)
	}
}

// TestSurnameFilters checks that person: and speaker: take a last name
// alone when one indexed name ends with it, as parley entity does, and
// keep it as typed, with a note naming the candidates, when several do.
func TestSurnameFilters(t *testing.T) {
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ix := testIndexWith(t, "surnames", extract.New(g), "query/testdata/surnames")
	ctx := context.Background()
	person := run(t, ix, Request{Query: "person:Ferrow"})
	if person.Total != 1 || !strings.Contains(strings.Join(person.Explain, "\n"), "Tomas Ferrow") {
		t.Errorf("person:Ferrow: %d articles, explain %q; want 1 and Tomas Ferrow", person.Total, person.Explain)
	}
	quotes, err := Quotes(ctx, ix, QuoteRequest{Speaker: "Ferrow"})
	if err != nil {
		t.Fatal(err)
	}
	if quotes.Total == 0 {
		t.Fatal("--speaker Ferrow: no quotations, want Tomas Ferrow's")
	}
	for _, q := range quotes.Hits {
		if q.Speaker != "Tomas Ferrow" {
			t.Errorf("--speaker Ferrow: a quotation by %q", q.Speaker)
		}
	}
	both := run(t, ix, Request{Query: "person:Valdoss"})
	explain := strings.Join(both.Explain, "\n")
	if !strings.Contains(explain, "Irena Valdoss") || !strings.Contains(explain, "Peter Valdoss") {
		t.Errorf("person:Valdoss: explain %q should name both Valdosses", both.Explain)
	}
}

// TestHitJSONKeys checks that a hit in JSON has every key of the shape in
// design.md, even for an article with no URL and no date: scripts read
// the keys without checking for them.
func TestHitJSONKeys(t *testing.T) {
	ix := testIndex(t, "fixtures", "query/testdata/articles")
	res := run(t, ix, Request{Query: "monitors Tarnow"}) // p5: no url, no date
	if len(res.Hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(res.Hits))
	}
	data, err := json.Marshal(res.Hits[0])
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "title", "source", "published", "url", "path", "score", "snippets"} {
		if _, ok := got[key]; !ok {
			t.Errorf("hit %s has no %q key, want it (empty if need be)", data, key)
		}
	}
}

// TestQuoteOfJSONKeys checks that the article a quotation or a who match
// was found in has every key of design.md's shape in JSON, url included
// when the article has none (the who fixtures have no URLs).
func TestQuoteOfJSONKeys(t *testing.T) {
	ix := whoIndex(t)
	ctx := context.Background()
	who, err := Who(ctx, ix, WhoRequest{Claim: "We will hold the harbour for as long as the tide comes in"})
	if err != nil {
		t.Fatal(err)
	}
	quotes, err := Quotes(ctx, ix, QuoteRequest{Query: "harbour"})
	if err != nil {
		t.Fatal(err)
	}
	if len(who.Matches) == 0 || who.FirstAppearance == nil || len(quotes.Hits) == 0 {
		t.Fatalf("got %d who matches (first appearance %v) and %d quotations, want some of each", len(who.Matches), who.FirstAppearance, len(quotes.Hits))
	}
	for _, tt := range []struct {
		name string
		v    any
	}{
		{"who match's article", who.Matches[0].Article},
		{"who first appearance", who.FirstAppearance},
		{"quotation's article", quotes.Hits[0].Article},
	} {
		data, err := json.Marshal(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"id", "title", "source", "published", "url", "path"} {
			if _, ok := got[key]; !ok {
				t.Errorf("%s %s has no %q key, want it (empty if need be)", tt.name, data, key)
			}
		}
	}
}

// whoIndex is the fictional who fixture (testdata/who) indexed with the
// built-in gazetteer and the fixture's names (testdata/who-aliases.yaml).
func whoIndex(t *testing.T) *index.Index {
	t.Helper()
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile(filepath.Join(corpustest.ModuleRoot(t), "query", "testdata", "who-aliases.yaml")); err != nil {
		t.Fatal(err)
	}
	return testIndexWith(t, "who-fixture", extract.New(g), "query/testdata/who")
}

// TestSurnameSpellings checks that a last name alone finds its person in
// any spelling the gazetteer gives it, as a bare word does: the fixture
// writes Ilkan Dervishov (who is quoted) and, once, Ilkan Dervisov,
// another spelling of his name.
func TestSurnameSpellings(t *testing.T) {
	ix := whoIndex(t)
	for _, c := range []struct {
		query string
		want  uint64
	}{
		{"person:Dervishov", 2},
		{"person:Dervisov", 2},
		{"speaker:Dervisov", 1},
		{"Dervisov", 2},
		{"person:Marsk", 1},
		{"person:Marks", 0}, // one letter moved is another name
	} {
		res := run(t, ix, Request{Query: c.query})
		if res.Total != c.want {
			t.Errorf("%s: got %d articles, want %d (explain %q)", c.query, res.Total, c.want, res.Explain)
		}
	}
	for _, name := range []string{"Dervishov", "Dervisov", "Ilkan Dervisov"} {
		rep, err := Entity(context.Background(), ix, name, "")
		if err != nil {
			t.Fatal(err)
		}
		if rep.Name != "Ilkan Dervishov" || rep.Articles != 2 || rep.Known == nil {
			t.Errorf("entity %s: got %q in %d articles, known %v; want Ilkan Dervishov in 2, from the gazetteer", name, rep.Name, rep.Articles, rep.Known)
		}
	}
}

// TestExactEntity checks that --exact keeps a person, organisation or
// place as written: the articles that write that spelling, which the
// index has only in their text (it files names under canonical ones).
func TestExactEntity(t *testing.T) {
	ix := whoIndex(t)
	for _, c := range []struct {
		query string
		exact bool
		want  uint64
	}{
		{`person:"Ilkan Dervisov"`, false, 2}, // however spelled
		{`person:"Ilkan Dervisov"`, true, 1},  // as d_visit.txt writes him
		{`person:"Ilkan Dervishov"`, true, 1}, // as b_minister.txt writes him
		{`person:Dervisov`, true, 1},          // the word, in d_visit.txt
		{`org:"Port Authority"`, true, 1},
		{`person:"Quillon Varro"`, true, 0},
	} {
		res := run(t, ix, Request{Query: c.query, Exact: c.exact})
		if res.Total != c.want {
			t.Errorf("%s (exact %v): got %d articles, want %d; explain %q", c.query, c.exact, res.Total, c.want, res.Explain)
		}
		if c.exact && !strings.Contains(strings.Join(res.Explain, "\n"), "as written") {
			t.Errorf("%s: explain %q does not say the name is searched as written", c.query, res.Explain)
		}
	}
}

// TestEntitiesTotal checks that a limited entity list still says how many
// entities the articles name, not how many it shows.
func TestEntitiesTotal(t *testing.T) {
	ix := namesIndex(t)
	ctx := context.Background()
	all, err := Entities(ctx, ix, EntitiesRequest{Query: "ceasefire", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	limited, err := Entities(ctx, ix, EntitiesRequest{Query: "ceasefire", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Entities) <= 2 {
		t.Fatalf("ceasefire: %d entities, want more than 2 for the test", len(all.Entities))
	}
	if len(limited.Entities) != 2 || limited.Total != len(all.Entities) || all.Total != len(all.Entities) {
		t.Errorf("--limit 2: got %d shown of %d, want 2 of %d", len(limited.Entities), limited.Total, len(all.Entities))
	}
}

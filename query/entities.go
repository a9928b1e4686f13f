package query

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/index"
)

// EntityCount is one person, organisation or place across the articles
// that name it.
type EntityCount struct {
	Type      string     `json:"type"`
	Name      string     `json:"name"`
	Articles  int        `json:"articles"`
	Mentions  int        `json:"mentions"`
	Spellings []Spelling `json:"spellings"` // as written, the name itself included, most used first
	Roles     []Spelling `json:"roles"`     // the roles articles give, most used first
}

// Spelling is a way of writing a name or a role, with how many articles
// write it so.
type Spelling struct {
	Text     string `json:"text"`
	Articles int    `json:"articles"`
}

// EntitiesRequest asks which entities the articles matching a query name.
type EntitiesRequest struct {
	Query   string // "" for every article
	Type    string // entity.Person, entity.Org, entity.Place, or "" for all
	Sources []string
	Limit   int // entities to return; 0 means 50
	Exact   bool
	Timeout time.Duration
}

// EntityList is the answer to an EntitiesRequest.
type EntityList struct {
	Query    string `json:"query"`
	Articles uint64 `json:"articles"` // articles that match the query
	// Total is how many entities those articles name; Entities lists
	// the first Limit of them.
	Total    int           `json:"total"`
	Entities []EntityCount `json:"entities"` // by articles, most first
}

// Entities counts the people, organisations and places that the articles
// matching a query name: in how many articles, how often, in which
// spellings and with which roles.
func Entities(ctx context.Context, ix *index.Index, req EntitiesRequest) (*EntityList, error) {
	if req.Limit <= 0 {
		req.Limit = 50
	}
	switch req.Type {
	case "", entity.Person, entity.Org, entity.Place:
	default:
		return nil, badRequest("unknown type %q (want person, org or place)", req.Type)
	}
	q, err := articleQuery(ix, req.Query, req.Sources, req.Exact)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeoutOr(req.Timeout))
	defer cancel()
	agg := newAggregate()
	total, err := eachArticle(ctx, ix, q, func(st index.Stored) {
		for _, e := range st.Entities {
			if req.Type == "" || e.Type == req.Type {
				agg.add(e)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := &EntityList{Query: req.Query, Articles: total, Entities: agg.list()}
	out.Total = len(out.Entities)
	if len(out.Entities) > req.Limit {
		out.Entities = out.Entities[:req.Limit]
	}
	return out, nil
}

// EntityReport is one entity in the index: what the gazetteer knows of it,
// how articles spell it and what roles they give it, which sources name it
// and when.
type EntityReport struct {
	EntityCount
	// Known is the gazetteer's entry, when it has one.
	Known   *entity.Entry `json:"known,omitempty"`
	Sources []FacetValue  `json:"sources"`
	// Months counts the articles naming it by month of publication,
	// every month from the first to the last, zero-filled.
	Months       []FacetValue `json:"months"`
	MonthUnknown int          `json:"month_unknown"`
	Undated      int          `json:"undated"`
	// Recent are the latest articles naming it.
	Recent []Hit `json:"recent"`
	// total is how many articles reportArticles found.
	total uint64
}

// ErrNoEntity means no article names an entity of that name and type, and
// the gazetteer does not know it.
var ErrNoEntity = errors.New("no article names it and the gazetteer does not know it")

// Speaker is the type of an EntityReport on a name Parley knows only as
// the speaker of quotations: the quote finder named them, the entity
// finder did not take them for a person or organisation. The speaker
// facet lists such names, and its links lead to their reports.
const Speaker = "speaker"

// Entity reports on the entity a name stands for; typ may be "" to let
// the gazetteer decide. A name that no article names and the gazetteer
// does not know is reported as a Speaker when quotations are attributed
// to it (and typ is "" or Speaker), and is otherwise an error wrapping
// ErrNoEntity.
func Entity(ctx context.Context, ix *index.Index, name, typ string) (*EntityReport, error) {
	if typ == Speaker {
		return speakerEntity(ctx, ix, name)
	}
	asked, typed := name, typ
	var g *entity.Gazetteer
	if x := ix.Extractor(); x != nil {
		g = x.Gazetteer()
	}
	rep := &EntityReport{}
	if g != nil {
		if e, ok := g.Lookup(name, typ); ok {
			rep.Known, typ, name = e, e.Type, e.Name
		} else if typ != "" {
			name = g.Canonical(name, typ)
		}
	}
	if typ == "" {
		typ = entity.Person
	}
	field := index.EntityField(typ)
	if field == "" {
		return nil, badRequest("unknown type %q (want person, org, place or speaker)", typ)
	}
	if rep.Known == nil && !strings.Contains(strings.TrimSpace(name), " ") {
		full, err := bySurname(ix, field, spellingsOf(g, name))
		if err != nil {
			return nil, err
		}
		if full != "" {
			name = full
			// "Aliyev" is no alias of Ilham Aliyev (Heydar is one too),
			// but once the articles say which Aliyev, the gazetteer
			// knows him.
			if g != nil {
				if e, ok := g.Lookup(name, typ); ok {
					rep.Known, name = e, e.Name
				}
			}
		}
	}
	filter, err := keywordQuery(ix, typ, name)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, DefaultTimeout)
	defer cancel()

	agg := newAggregate()
	if _, err := eachArticle(ctx, ix, filter, func(st index.Stored) {
		for _, e := range st.Entities {
			if e.Type == typ && index.FoldKey(e.Name) == index.FoldKey(name) {
				agg.add(e)
			}
		}
	}); err != nil {
		return nil, err
	}
	rep.EntityCount = EntityCount{Type: typ, Name: name, Spellings: []Spelling{}, Roles: []Spelling{}}
	list := agg.list()
	if len(list) == 0 && rep.Known == nil {
		// A name the gazetteer knows is reported even when no article
		// names it; one quotations are attributed to is a speaker; any
		// other is nobody Parley knows of.
		if typed == "" {
			if sp, err := speakerEntity(ctx, ix, asked); !errors.Is(err, ErrNoEntity) {
				return sp, err
			}
		}
		return nil, fmt.Errorf("no %s named %q: %w", typ, name, ErrNoEntity)
	}
	if len(list) > 0 {
		rep.EntityCount = list[0]
	}
	return rep, reportArticles(ctx, ix, rep, filter)
}

// speakerEntity reports on a name as the speaker of quotations: the
// articles that quote them, and in Mentions their quotations.
func speakerEntity(ctx context.Context, ix *index.Index, name string) (*EntityReport, error) {
	ctx, cancel := context.WithTimeout(ctx, DefaultTimeout)
	defer cancel()
	key, err := keywordQuery(ix, "speaker", name)
	if err != nil {
		return nil, err
	}
	// Quote documents carry the speaker too: count them apart from the
	// articles they come from.
	sr := bleve.NewSearchRequestOptions(bquery.NewConjunctionQuery([]bquery.Query{kindOnly(index.KindQuote), key}), 0, 0, false)
	sr.AddFacet("speaker", bleve.NewFacetRequest(index.FieldSpeaker, 20))
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return nil, err
	}
	if res.Total == 0 {
		return nil, fmt.Errorf("no speaker named %q: %w", name, ErrNoEntity)
	}
	// The name as the index files it, not as typed.
	if f := res.Facets["speaker"]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			if index.FoldKey(t.Term) == index.FoldKey(name) {
				name = t.Term
				break
			}
		}
	}
	rep := &EntityReport{EntityCount: EntityCount{Type: Speaker, Name: name, Mentions: int(res.Total), Spellings: []Spelling{}, Roles: []Spelling{}}}
	articles := bquery.NewConjunctionQuery([]bquery.Query{kindOnly(index.KindArticle), key})
	if err := reportArticles(ctx, ix, rep, articles); err != nil {
		return nil, err
	}
	rep.Articles = int(rep.total)
	return rep, nil
}

// reportArticles fills in the sources, months and latest articles of the
// articles filter matches.
func reportArticles(ctx context.Context, ix *index.Index, rep *EntityReport, filter bquery.Query) error {
	ctx, cancel := context.WithTimeout(ctx, DefaultTimeout)
	defer cancel()
	sr := bleve.NewSearchRequestOptions(filter, 20, 0, false)
	sr.Fields = []string{index.FieldTitle, index.FieldBody, index.FieldMeta}
	sr.SortByCustom(search.SortOrder{&search.SortField{Field: index.FieldPublished, Desc: true, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast}})
	sr.AddFacet("source", bleve.NewFacetRequest(index.FieldSource, 20))
	sr.AddFacet("month", bleve.NewFacetRequest(index.FieldMonth, 100000))
	sr.AddFacet("year", bleve.NewFacetRequest(index.FieldYear, 1))
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return err
	}
	rep.total = res.Total
	f := facets(bleveFacets(res), Request{})
	rep.Sources, rep.Months, rep.MonthUnknown, rep.Undated = f.Source, f.Month, f.MonthUnknown, f.Undated
	rep.Recent = []Hit{}
	for _, h := range res.Hits {
		rep.Recent = append(rep.Recent, makeHit(ix.Analyzer(), index.StoredFrom(h.ID, h.Fields), h.Score, newMarks(), Request{Snippets: 1}))
	}
	return nil
}

// bySurname finds the one name of field that a single word ("Kelmarin"),
// in any of its spellings ("Aliev", "Aliyev"), is the last word of,
// regardless of case and accents, for names the gazetteer does not know;
// the name comes back as field spells it. Several candidates are an
// error that lists them: picking one would be a guess. A name that is
// itself indexed as typed (spellings[0]), or that ends no indexed name,
// comes back as "".
func bySurname(ix *index.Index, field string, spellings []string) (string, error) {
	folded := make([]string, len(spellings))
	for i, s := range spellings {
		folded[i] = index.FoldKey(s)
	}
	ends := func(name string) bool {
		for _, f := range folded {
			if name == f || strings.HasSuffix(name, " "+f) {
				return true
			}
		}
		return false
	}
	names, err := ix.FoldedValues(field, ends, 0)
	if err != nil {
		return "", err
	}
	var found []string        // one spelling of each
	seen := map[string]bool{} // folded
	for _, name := range names {
		key := index.FoldKey(name)
		if key == folded[0] {
			return "", nil
		}
		if !seen[key] {
			seen[key] = true
			found = append(found, name)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		n := len(found)
		if n > 10 {
			found = append(found[:10], "…")
		}
		return "", badRequest("%q is the last name of %d entities (%s): give the full name", spellings[0], n, strings.Join(found, "; "))
	}
	return "", nil
}

// spellingsOf returns a word and the other spellings the gazetteer gives
// it, as a bare word in a search stands for all of them: Aliev, Aliyev.
func spellingsOf(g *entity.Gazetteer, word string) []string {
	if g == nil {
		return []string{word}
	}
	return append([]string{word}, g.Variants(word)...)
}

// articleQuery compiles a query (every article when it is empty) with
// source filters.
func articleQuery(ix *index.Index, q string, sources []string, exact bool) (bquery.Query, error) {
	var base bquery.Query = kindOnly(index.KindArticle)
	if q != "" {
		node, err := Parse(q)
		if err != nil {
			return nil, err
		}
		c, err := compile(ix, node, false, exact)
		if err != nil {
			return nil, err
		}
		base = c.query
	}
	filters, err := requestFilters(ix, Request{Sources: sources})
	if err != nil {
		return nil, err
	}
	if len(filters) > 0 {
		base = bquery.NewConjunctionQuery(append([]bquery.Query{base}, filters...))
	}
	return base, nil
}

// eachArticle calls fn with every article a query matches, reading them a
// page at a time. It returns how many there were.
func eachArticle(ctx context.Context, ix *index.Index, q bquery.Query, fn func(index.Stored)) (uint64, error) {
	const page = 2000
	var after []string
	var total uint64
	for {
		sr := bleve.NewSearchRequestOptions(q, page, 0, false)
		sr.Fields = []string{index.FieldMeta}
		sr.SortBy([]string{"_id"})
		if after != nil {
			sr.SetSearchAfter(after)
		}
		res, err := ix.Bleve().SearchInContext(ctx, sr)
		if err != nil {
			return total, fmt.Errorf("read articles: %w", err)
		}
		total = res.Total
		for _, h := range res.Hits {
			fn(index.StoredFrom(h.ID, h.Fields))
		}
		if len(res.Hits) < page {
			return total, nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

func timeoutOr(d time.Duration) time.Duration {
	if d <= 0 {
		return DefaultTimeout
	}
	return d
}

// aggregate sums entity summaries across articles.
type aggregate struct {
	byKey map[string]*entityTally
}

type entityTally struct {
	EntityCount
	spellings map[string]int
	roles     map[string]int
}

func newAggregate() *aggregate { return &aggregate{byKey: map[string]*entityTally{}} }

func (a *aggregate) add(e index.EntitySummary) {
	key := e.Type + "\x00" + e.Name
	t := a.byKey[key]
	if t == nil {
		t = &entityTally{EntityCount: EntityCount{Type: e.Type, Name: e.Name}, spellings: map[string]int{}, roles: map[string]int{}}
		a.byKey[key] = t
	}
	t.Articles++
	t.Mentions += e.Mentions
	for _, s := range e.Spellings {
		t.spellings[s]++
	}
	for _, r := range e.Roles {
		t.roles[r]++
	}
}

func (a *aggregate) list() []EntityCount {
	out := make([]EntityCount, 0, len(a.byKey))
	for _, t := range a.byKey {
		c := t.EntityCount
		c.Spellings, c.Roles = ranked(t.spellings), ranked(t.roles)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func ranked(counts map[string]int) []Spelling {
	out := make([]Spelling, 0, len(counts))
	for s, n := range counts {
		out = append(out, Spelling{s, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Text < out[j].Text
	})
	return out
}

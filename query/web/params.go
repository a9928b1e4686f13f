package web

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/query"
)

// The URL parameters of a search, shared by GET /api/search, the search
// page and its CSV export:
//
//	q          the query, in Parley's query language
//	limit      hits per page; page: which page, from 1
//	sort       relevance, newest or oldest
//	from, to   publication dates, YYYY, YYYY-MM or YYYY-MM-DD, both ends included
//	source     only articles from this source (repeat for several)
//	include    FIELD:VALUE that articles must have (source, person, org, place or speaker; repeatable)
//	exclude    FIELD:VALUE that articles must not have (repeatable)
//	facets     true to count by source, person, org, place, speaker and month
//	facet_size how many values each facet lists (default 20)
//	comments   true to search reader comments too
//	exact      true to turn off name variants
//	explain    true to say how the query was read
//	snippets   body snippets per hit
//	timeout    a duration such as 5s, at most the server's limit
type searchParams struct {
	query.Request
	Explain bool
}

// Filter is a facet value a search keeps (include) or leaves out
// (exclude): FIELD:VALUE in the URL.
type Filter = query.Filter

// filterFields are the fields a facet filter may name.
var filterFields = map[string]bool{"source": true, entity.Person: true, entity.Org: true, entity.Place: true, "speaker": true}

// DefaultFacetSize is how many values each facet lists unless asked.
const DefaultFacetSize = 20

// parseSearch reads a search from URL parameters. maxTimeout caps the
// timeout a caller may ask for.
func parseSearch(v url.Values, maxTimeout time.Duration) (searchParams, error) {
	p := searchParams{Request: query.Request{FacetSize: DefaultFacetSize, Timeout: maxTimeout}}
	p.Query = v.Get("q")
	if len(p.Query) > query.MaxQueryBytes {
		return p, tooLarge("query of %d bytes is too long (at most %d)", len(p.Query), query.MaxQueryBytes)
	}
	if err := readCounts(v, map[string]*int{"limit": &p.Limit, "page": &p.Page, "facet_size": &p.FacetSize, "snippets": &p.Snippets}); err != nil {
		return p, err
	}
	if p.FacetSize > 1000 || p.Snippets > 20 {
		return p, badParam("facet_size is at most 1000 and snippets at most 20")
	}
	p.Sort = v.Get("sort")
	if err := readDates(v, &p.From, &p.To); err != nil {
		return p, err
	}
	p.Sources = nonEmpty(v["source"])
	if err := readBools(v, map[string]*bool{"facets": &p.Facets, "comments": &p.Comments, "exact": &p.Exact, "explain": &p.Explain}); err != nil {
		return p, err
	}
	if err := readTimeout(v, maxTimeout, &p.Timeout); err != nil {
		return p, err
	}
	for _, f := range []struct {
		name string
		dst  *[]Filter
	}{{"include", &p.Include}, {"exclude", &p.Exclude}} {
		for _, s := range nonEmpty(v[f.name]) {
			field, value, ok := strings.Cut(s, ":")
			value = strings.TrimSpace(value)
			if !ok || !filterFields[field] || value == "" {
				return p, badParam("%s=%q: want FIELD:VALUE with FIELD source, person, org, place or speaker", f.name, s)
			}
			*f.dst = append(*f.dst, Filter{Field: field, Value: value})
		}
	}
	return p, nil
}

// empty reports whether the parameters ask for nothing: no query and no
// facet filter.
func (p searchParams) empty() bool {
	return strings.TrimSpace(p.Query) == "" && len(p.Include) == 0 && len(p.Exclude) == 0
}

// values writes the parameters back as URL values, leaving out defaults,
// so that a link to the same search is short and stable. Every parameter
// that changes the page is written, so that a shared link shows the same
// page; only the timeout, a bound rather than what is asked, is not.
func (p searchParams) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", p.Query)
	if p.Limit > 0 && p.Limit != query.DefaultLimit {
		set("limit", strconv.Itoa(p.Limit))
	}
	if p.Page > 1 {
		set("page", strconv.Itoa(p.Page))
	}
	if p.Sort != "relevance" {
		set("sort", p.Sort)
	}
	set("from", p.From.String())
	set("to", p.To.String())
	for _, s := range p.Sources {
		v.Add("source", s)
	}
	for _, f := range p.Include {
		v.Add("include", f.String())
	}
	for _, f := range p.Exclude {
		v.Add("exclude", f.String())
	}
	if p.FacetSize > 0 && p.FacetSize != DefaultFacetSize {
		set("facet_size", strconv.Itoa(p.FacetSize))
	}
	if p.Snippets > 0 {
		set("snippets", strconv.Itoa(p.Snippets))
	}
	for k, b := range map[string]bool{"comments": p.Comments, "exact": p.Exact, "explain": p.Explain} {
		if b {
			v.Set(k, "true")
		}
	}
	return v
}

// SearchValues writes a search request as the URL parameters of
// GET /api/search, for clients.
func SearchValues(req query.Request, explain bool) url.Values {
	v := url.Values{}
	v.Set("q", req.Query)
	if req.Limit > 0 {
		v.Set("limit", strconv.Itoa(req.Limit))
	}
	if req.Page > 0 {
		v.Set("page", strconv.Itoa(req.Page))
	}
	if req.Sort != "" {
		v.Set("sort", req.Sort)
	}
	if !req.From.IsZero() {
		v.Set("from", req.From.String())
	}
	if !req.To.IsZero() {
		v.Set("to", req.To.String())
	}
	for _, s := range req.Sources {
		v.Add("source", s)
	}
	for _, f := range req.Include {
		v.Add("include", f.String())
	}
	for _, f := range req.Exclude {
		v.Add("exclude", f.String())
	}
	for k, b := range map[string]bool{"facets": req.Facets, "comments": req.Comments, "exact": req.Exact, "explain": explain} {
		if b {
			v.Set(k, "true")
		}
	}
	if req.FacetSize > 0 {
		v.Set("facet_size", strconv.Itoa(req.FacetSize))
	}
	if req.Snippets > 0 {
		v.Set("snippets", strconv.Itoa(req.Snippets))
	}
	if req.Timeout > 0 {
		v.Set("timeout", req.Timeout.String())
	}
	return v
}

// parseEntities reads GET /api/entities and the entities page:
// q, type, source (repeatable), limit, exact.
func parseEntities(v url.Values, timeout time.Duration) (query.EntitiesRequest, error) {
	req := query.EntitiesRequest{Query: v.Get("q"), Type: v.Get("type"), Sources: nonEmpty(v["source"]), Timeout: timeout}
	if len(req.Query) > query.MaxQueryBytes {
		return req, tooLarge("query of %d bytes is too long (at most %d)", len(req.Query), query.MaxQueryBytes)
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 10000 {
			return req, badParam("limit=%q: want a whole number from 1 to 10000", s)
		}
		req.Limit = n
	}
	if s := v.Get("exact"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return req, badParam("exact=%q: want true or false", s)
		}
		req.Exact = b
	}
	return req, nil
}

// EntitiesValues writes an entities request as the URL parameters of
// GET /api/entities, for clients.
func EntitiesValues(req query.EntitiesRequest) url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"q": req.Query, "type": req.Type} {
		if s != "" {
			v.Set(k, s)
		}
	}
	for _, s := range req.Sources {
		v.Add("source", s)
	}
	if req.Limit > 0 {
		v.Set("limit", strconv.Itoa(req.Limit))
	}
	if req.Exact {
		v.Set("exact", "true")
	}
	return v
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// readCounts reads count parameters (limit, page, facet_size, snippets)
// that are set into their places. A count below 1 is refused rather than
// read as "the default", as the CLI refuses --limit 0: whoever wrote it
// meant something else. The names are taken in order, so the first bad
// one is the one reported.
func readCounts(v url.Values, dst map[string]*int) error {
	return readInts(v, 1, "from 1 up", dst)
}

// readInts reads whole-number parameters of at least least that are set
// into their places; want says so in the error.
func readInts(v url.Values, least int, want string, dst map[string]*int) error {
	for _, name := range sortedKeys(dst) {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < least {
				return badParam("%s=%q: want a whole number %s", name, s, want)
			}
			*dst[name] = n
		}
	}
	return nil
}

// readBools reads true/false parameters that are set into their places.
func readBools(v url.Values, dst map[string]*bool) error {
	for _, name := range sortedKeys(dst) {
		if s := v.Get(name); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				return badParam("%s=%q: want true or false", name, s)
			}
			*dst[name] = b
		}
	}
	return nil
}

// readDates reads the from and to publication dates.
func readDates(v url.Values, from, to *corpus.Date) error {
	for _, d := range []struct {
		name string
		dst  *corpus.Date
	}{{"from", from}, {"to", to}} {
		if s := v.Get(d.name); s != "" {
			date, err := corpus.ParseDate(s)
			if err != nil || date.Precision > corpus.Day {
				return badParam("%s=%q: want a date written YYYY, YYYY-MM or YYYY-MM-DD", d.name, s)
			}
			*d.dst = date
		}
	}
	return nil
}

// readTimeout reads the timeout parameter, at most maxTimeout.
func readTimeout(v url.Values, maxTimeout time.Duration, dst *time.Duration) error {
	if s := v.Get("timeout"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return badParam("timeout=%q: want a duration such as 5s", s)
		}
		*dst = min(d, maxTimeout)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

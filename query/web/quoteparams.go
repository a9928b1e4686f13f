package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parleysearch/parley/query"
)

// The URL parameters of a quotation search, shared by GET /api/quotes,
// the quotes page and its CSV export; they are the flags of
// `parley quotes`:
//
//	q              the quoted words, in Parley's query language (may be empty)
//	speaker        only quotations attributed to this person or organisation
//	from, to       publication dates, YYYY, YYYY-MM or YYYY-MM-DD, both ends included
//	min_confidence only quotations found with at least this confidence (0 to 1)
//	limit          quotations per page; page: which page, from 1; or offset,
//	               a multiple of limit
//	facets         true to count by speaker, source and month
//	facet_size     how many values each facet lists (default 20)
//	exact          true to turn off name variants
//	explain        true to say how the query was read
//	timeout        a duration such as 5s, at most the server's limit
type quoteParams struct {
	query.QuoteRequest
	Explain bool
}

// parseQuotes reads a quotation search from URL parameters. maxTimeout
// caps the timeout a caller may ask for.
func parseQuotes(v url.Values, maxTimeout time.Duration) (quoteParams, error) {
	p := quoteParams{QuoteRequest: query.QuoteRequest{FacetSize: DefaultFacetSize, Timeout: maxTimeout}}
	p.Query = strings.TrimSpace(v.Get("q"))
	p.Speaker = strings.TrimSpace(v.Get("speaker"))
	for name, s := range map[string]string{"q": p.Query, "speaker": p.Speaker} {
		if len(s) > query.MaxQueryBytes {
			return p, tooLarge("%s of %d bytes is too long (at most %d)", name, len(s), query.MaxQueryBytes)
		}
	}
	offset := 0
	if err := readCounts(v, map[string]*int{"limit": &p.Limit, "page": &p.Page, "facet_size": &p.FacetSize}); err != nil {
		return p, err
	}
	if err := readInts(v, 0, "from 0 up", map[string]*int{"offset": &offset}); err != nil {
		return p, err
	}
	if p.FacetSize > 1000 {
		return p, badParam("facet_size is at most 1000")
	}
	if offset > 0 {
		limit := p.Limit
		if limit == 0 {
			limit = query.DefaultLimit
		}
		if v.Get("page") != "" || offset%limit != 0 {
			return p, badParam("offset=%d: give page, or an offset that is a multiple of limit (%d)", offset, limit)
		}
		p.Page = offset/limit + 1
	}
	if err := readDates(v, &p.From, &p.To); err != nil {
		return p, err
	}
	if s := v.Get("min_confidence"); s != "" {
		// The range is query.Quotes' to check, so that the CLI says the
		// same over --server.
		c, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return p, badParam("min_confidence=%q: want a number from 0 to 1", s)
		}
		p.MinConfidence = c
	}
	if err := readBools(v, map[string]*bool{"facets": &p.Facets, "exact": &p.Exact, "explain": &p.Explain}); err != nil {
		return p, err
	}
	if err := readTimeout(v, maxTimeout, &p.Timeout); err != nil {
		return p, err
	}
	return p, nil
}

// values writes the parameters back as URL values, leaving out defaults,
// so that a link to the same quotations is short and stable; like
// searchParams.values, it writes everything but the timeout.
func (p quoteParams) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"q": p.Query, "speaker": p.Speaker, "from": p.From.String(), "to": p.To.String()} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if p.MinConfidence > 0 {
		v.Set("min_confidence", strconv.FormatFloat(p.MinConfidence, 'g', -1, 64))
	}
	if p.Limit > 0 && p.Limit != query.DefaultLimit {
		v.Set("limit", strconv.Itoa(p.Limit))
	}
	if p.Page > 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	if p.FacetSize > 0 && p.FacetSize != DefaultFacetSize {
		v.Set("facet_size", strconv.Itoa(p.FacetSize))
	}
	for k, b := range map[string]bool{"exact": p.Exact, "explain": p.Explain} {
		if b {
			v.Set(k, "true")
		}
	}
	return v
}

// QuotesValues writes a quotation search as the URL parameters of
// GET /api/quotes, for clients.
func QuotesValues(req query.QuoteRequest, explain bool) url.Values {
	v := quoteParams{QuoteRequest: req}.values()
	// A client says what it means: the server's defaults may differ.
	if req.Limit > 0 {
		v.Set("limit", strconv.Itoa(req.Limit))
	}
	if req.Page > 0 {
		v.Set("page", strconv.Itoa(req.Page))
	}
	for k, b := range map[string]bool{"facets": req.Facets, "explain": explain} {
		if b {
			v.Set(k, "true")
		}
	}
	if req.FacetSize > 0 {
		v.Set("facet_size", strconv.Itoa(req.FacetSize))
	}
	if req.Timeout > 0 {
		v.Set("timeout", req.Timeout.String())
	}
	return v
}

// The URL parameters of "did X say Y?", shared by GET /api/who and the
// who page; they are those of `parley who`:
//
//	claim    the quotation as it circulates, quote marks or not
//	speaker  who the claim says said it
//	limit    how many matches to return (default 10)
//	timeout  a duration such as 5s, at most the server's limit
func parseWho(v url.Values, maxTimeout time.Duration) (query.WhoRequest, error) {
	req := query.WhoRequest{Claim: strings.TrimSpace(v.Get("claim")), Speaker: strings.TrimSpace(v.Get("speaker")), Timeout: maxTimeout}
	for name, s := range map[string]string{"claim": req.Claim, "speaker": req.Speaker} {
		if len(s) > query.MaxQueryBytes {
			return req, tooLarge("%s of %d bytes is too long (at most %d)", name, len(s), query.MaxQueryBytes)
		}
	}
	if err := readCounts(v, map[string]*int{"limit": &req.Limit}); err != nil {
		return req, err
	}
	if err := readTimeout(v, maxTimeout, &req.Timeout); err != nil {
		return req, err
	}
	return req, nil
}

// WhoValues writes a claimed quotation as the URL parameters of
// GET /api/who, for clients.
func WhoValues(req query.WhoRequest) url.Values {
	v := url.Values{"claim": {req.Claim}}
	if req.Speaker != "" {
		v.Set("speaker", req.Speaker)
	}
	if req.Limit > 0 {
		v.Set("limit", strconv.Itoa(req.Limit))
	}
	if req.Timeout > 0 {
		v.Set("timeout", req.Timeout.String())
	}
	return v
}

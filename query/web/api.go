package web

import (
	"context"
	"net/http"
	"regexp"
	"time"

	"github.com/parleysearch/parley/query"
)

// Handlers read the same way every time: parse the input, ask the index,
// fail on an error, render.

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.search(r.Context(), p.Request)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !p.Explain {
		res.Explain = nil
	}
	writeJSON(w, http.StatusOK, res)
}

// search runs a search, or takes its answer from the cache. The answer is
// the caller's to change.
func (s *Server) search(ctx context.Context, req query.Request) (*query.Results, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return cachedAnswer(s.cache, requestKey(req), answerSize, func(r *query.Results) *float64 { return &r.TookMS },
		func() (*query.Results, error) {
			return inTurn(ctx, s.turns, func() (*query.Results, error) { return query.Search(ctx, ix, req) })
		})
}

// cachedAnswer returns the answer kept under key, or runs ask and keeps
// its answer. The answer is a copy, the caller's to change; took is its
// time field, which a kept answer sets to the time it took to find.
func cachedAnswer[T any](c *answerCache, key string, size func(*T) int, took func(*T) *float64, ask func() (*T, error)) (*T, error) {
	start := time.Now()
	if res, ok := c.answer(key).(*T); ok {
		own := *res
		*took(&own) = float64(time.Since(start).Microseconds()) / 1000
		return &own, nil
	}
	res, err := ask()
	if err != nil {
		return nil, err
	}
	c.keep(key, res, size(res))
	own := *res
	return &own, nil
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	req, err := parseEntities(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ix, err := s.index()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := query.Entities(r.Context(), ix, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	rep, err := s.entity(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// entity reports on the entity named in the path; ?type= settles a name
// that could be several.
func (s *Server) entity(r *http.Request) (*query.EntityReport, error) {
	name := r.PathValue("name")
	if len(name) > 200 {
		return nil, tooLarge("a name of %d bytes is too long (at most 200)", len(name))
	}
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return query.Entity(r.Context(), ix, name, r.URL.Query().Get("type"))
}

// documentID is what an article ID may look like. IDs only ever reach the
// index as a term; the check keeps anything path-like out of it anyway.
var documentID = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

func (s *Server) document(r *http.Request) (*query.Document, error) {
	id := r.PathValue("id")
	if !documentID.MatchString(id) {
		return nil, notFound("article %s: no article with this ID", id)
	}
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return query.ReadDocument(r.Context(), ix, id)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	ix, err := s.index()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := ix.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	p, err := parseQuotes(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.quotes(r.Context(), p.QuoteRequest)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !p.Explain {
		res.Explain = nil
	}
	writeJSON(w, http.StatusOK, res)
}

// quotes runs a quotation search, or takes its answer from the cache.
// The answer is the caller's to change.
func (s *Server) quotes(ctx context.Context, req query.QuoteRequest) (*query.QuoteResults, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return cachedAnswer(s.cache, quotesKey(req), quotesSize, func(r *query.QuoteResults) *float64 { return &r.TookMS },
		func() (*query.QuoteResults, error) {
			return inTurn(ctx, s.turns, func() (*query.QuoteResults, error) { return query.Quotes(ctx, ix, req) })
		})
}

func (s *Server) apiWho(w http.ResponseWriter, r *http.Request) {
	req, err := parseWho(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.who(r.Context(), req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// who checks a claimed quotation, or takes the answer from the cache.
// The answer is the caller's to change.
func (s *Server) who(ctx context.Context, req query.WhoRequest) (*query.WhoResult, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	return cachedAnswer(s.cache, whoKey(req), whoSize, func(r *query.WhoResult) *float64 { return &r.TookMS },
		func() (*query.WhoResult, error) {
			return inTurn(ctx, s.turns, func() (*query.WhoResult, error) { return query.Who(ctx, ix, req) })
		})
}

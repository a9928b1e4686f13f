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
	start := time.Now()
	key := requestKey(req)
	if res, ok := s.cache.get(key); ok {
		own := *res
		own.TookMS = float64(time.Since(start).Microseconds()) / 1000
		return &own, nil
	}
	res, err := query.Search(ctx, ix, req)
	if err != nil {
		return nil, err
	}
	s.cache.put(key, res)
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

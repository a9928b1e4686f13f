package web

import (
	"io/fs"
	"net/http"
	"strings"
)

// Handler returns every route of the server, wrapped in its protections.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.healthz)

	// The JSON API: the shapes of the CLI's --json.
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/entities", s.apiEntities)
	mux.HandleFunc("GET /api/entities/{name}", s.apiEntity)
	mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	mux.HandleFunc("GET /api/stats", s.apiStats)
	mux.HandleFunc("GET /api/quotes", s.apiQuotes)
	mux.HandleFunc("GET /api/who", s.apiWho)
	mux.HandleFunc("/api/", s.notFound)

	// Pages for people.
	mux.HandleFunc("GET /{$}", s.searchPage)
	mux.HandleFunc("GET /search", s.searchPage)
	mux.HandleFunc("GET /search.csv", s.searchCSV)
	mux.HandleFunc("GET /entities", s.entitiesPage)
	mux.HandleFunc("GET /entities/{name}", s.entityPage)
	mux.HandleFunc("GET /documents/{id}", s.documentPage)
	mux.HandleFunc("GET /quotes", s.quotesPage)
	mux.HandleFunc("GET /quotes.csv", s.quotesCSV)
	mux.HandleFunc("GET /who", s.whoPage)
	mux.Handle("GET /static/", s.static())
	mux.HandleFunc("/", s.notFound)

	return s.protect(mux)
}

// static serves the style sheet and other files, from the embedded
// assets or the --assets folder: files only, since http.FileServer would
// list a folder's contents.
func (s *Server) static() http.Handler {
	sub, err := fs.Sub(s.assets, "static")
	if err != nil {
		return http.HandlerFunc(s.notFound)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The mux has cleaned the path; a name fs.Stat refuses ("" for
		// the folder itself, or anything with ..) is not a file either.
		if info, err := fs.Stat(sub, strings.TrimPrefix(r.URL.Path, "/static/")); err != nil || info.IsDir() {
			s.notFound(w, r)
			return
		}
		if !s.reload {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		files.ServeHTTP(w, r)
	})
}

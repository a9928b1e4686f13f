package web

import (
	"context"
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

//go:embed templates static
var embedded embed.FS

// Options configure a Server.
type Options struct {
	// Log receives one line per request problem and the server's own
	// events; nil discards them.
	Log *slog.Logger
	// Assets, when set, is a folder holding templates/ and static/ that
	// replaces the embedded ones and is read again on every request, so
	// that pages can be edited without rebuilding.
	Assets fs.FS
	// RequestTimeout bounds each request; 0 means DefaultRequestTimeout.
	// A search's own timeout is at most this.
	RequestTimeout time.Duration
	// CacheEntries bounds the cache of search answers; 0 means
	// DefaultCacheEntries, -1 turns the cache off.
	CacheEntries int
	// Searches is how many searches may run at once (the others wait
	// their turn, first come first served); 0 means GOMAXPROCS.
	Searches int
}

// Limits of a request.
const (
	DefaultRequestTimeout = 15 * time.Second
	// MaxURLBytes bounds a request's query string: a query is at most
	// query.MaxQueryBytes, and the rest is a few short parameters.
	MaxURLBytes = 16 << 10
	// MaxBodyBytes bounds a request body; the server is read-only, so no
	// route reads more than a form.
	MaxBodyBytes        = 64 << 10
	DefaultCacheEntries = 4096
)

// Server answers the API and serves the pages over one index.
type Server struct {
	log     *slog.Logger
	assets  fs.FS
	reload  bool
	timeout time.Duration
	pages   *template.Template
	ix      atomic.Pointer[index.Index]
	// progress is the initial indexing's progress while it runs.
	progress atomic.Pointer[index.Progress]
	cache    *answerCache
	turns    turns      // searches running, see turns.go
	mu       sync.Mutex // guards reparsing templates in reload mode
}

// New builds a server. It answers /healthz at once and everything that
// needs the index with 503 until SetIndex is called.
func New(opts Options) (*Server, error) {
	s := &Server{log: opts.Log, assets: opts.Assets, timeout: opts.RequestTimeout, turns: newTurns(opts.Searches)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = DefaultRequestTimeout
	}
	if s.assets == nil {
		s.assets = embedded
	} else {
		s.reload = true
	}
	switch n := opts.CacheEntries; {
	case n == 0:
		s.cache = newAnswerCache(DefaultCacheEntries, DefaultCacheBytes)
	case n > 0:
		s.cache = newAnswerCache(n, DefaultCacheBytes)
	}
	var err error
	if s.pages, err = parseTemplates(s.assets); err != nil {
		return nil, err
	}
	return s, nil
}

// SetIndex hands the server the index to answer from; from then on it is
// ready. The caller keeps ownership: it closes the index after the server
// has shut down.
func (s *Server) SetIndex(ix *index.Index) {
	s.cache.clear()
	s.ix.Store(ix)
	s.progress.Store(nil)
}

// SetProgress records how far the initial indexing has got, for /healthz
// and the pages shown while it runs.
func (s *Server) SetProgress(p index.Progress) { s.progress.Store(&p) }

// index returns the index, or errNotReady while there is none yet.
func (s *Server) index() (*index.Index, error) {
	ix := s.ix.Load()
	if ix == nil {
		return nil, errNotReady
	}
	return ix, nil
}

// searchTimeout is the longest a search may run within a request.
func (s *Server) searchTimeout() time.Duration { return min(query.DefaultTimeout, s.timeout) }

// protect wraps every route: security headers, size limits and the
// request's deadline.
func (s *Server) protect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// No inline script or style, nothing from elsewhere, no framing.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if len(r.URL.RawQuery) > MaxURLBytes {
			s.fail(w, r, tooLarge("the request's parameters are %d bytes, more than the %d allowed", len(r.URL.RawQuery), MaxURLBytes))
			return
		}
		if r.ContentLength > MaxBodyBytes {
			s.fail(w, r, tooLarge("the request body is %d bytes, more than the %d allowed", r.ContentLength, MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// fail answers a request with an error: JSON for the API, a page for
// people.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, body := classify(err)
	logError(s.log, r, status, err)
	if wantsJSON(r) {
		writeJSON(w, status, errorBody{body})
		return
	}
	s.render(w, r, status, "error.html", errorPage{page: page{Title: http.StatusText(status) + " · Parley"}, Status: status, Error: body})
}

// wantsJSON reports whether a request is the API's rather than a page's.
func wantsJSON(r *http.Request) bool {
	return len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/" || r.URL.Path == "/healthz"
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	writeJSONBytes(w, status, b)
}

func writeJSONBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

// health is the body of /healthz.
type health struct {
	Status   string          `json:"status"` // "ready" or "indexing"
	Progress *healthProgress `json:"progress,omitempty"`
}

// healthProgress is how far the initial indexing has got, in the API's
// own style (snake_case names, times in plain units) rather than
// index.Progress's Go names and nanoseconds.
type healthProgress struct {
	Files     int   `json:"files"` // input files found so far
	FilesDone int   `json:"files_done"`
	Bytes     int64 `json:"bytes"` // input bytes (compressed bytes for .gz files)
	BytesDone int64 `json:"bytes_done"`
	Articles  int   `json:"articles"` // articles read
	Written   int   `json:"written"`  // articles on disk
	// Merging says everything is written and the index is merging its
	// segments before it is ready.
	Merging        bool    `json:"merging"`
	ElapsedSeconds float64 `json:"elapsed_seconds"`
}

func newHealthProgress(p *index.Progress) *healthProgress {
	if p == nil {
		return nil
	}
	return &healthProgress{Files: p.Files, FilesDone: p.FilesDone, Bytes: p.Bytes, BytesDone: p.BytesDone,
		Articles: p.Articles, Written: p.Written, Merging: p.Merging, ElapsedSeconds: p.Elapsed.Seconds()}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if s.ix.Load() == nil {
		writeJSON(w, http.StatusServiceUnavailable, health{Status: "indexing", Progress: newHealthProgress(s.progress.Load())})
		return
	}
	writeJSON(w, http.StatusOK, health{Status: "ready"})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, notFound("nothing at %s", r.URL.Path))
}

package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// Error codes of the JSON API's errors.
const (
	CodeBadQuery   = "bad_query"   // the query is malformed; position says where
	CodeBadRequest = "bad_request" // a parameter is wrong
	CodeNotFound   = "not_found"
	CodeTooLarge   = "too_large"
	CodeNotReady   = "not_ready" // the index is still being built
	CodeTimeout    = "timeout"
	CodeInternal   = "internal"
)

// APIError is the body of every error the API returns, as
// {"error": {"code": …, "message": …}}.
type APIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// For bad_query: Position is the 1-based character where the problem
	// is, Offset the same in bytes, Reason the message without the
	// position, and Query the query as the server read it.
	Position int    `json:"position,omitempty"`
	Offset   *int   `json:"offset,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Query    string `json:"query,omitempty"`
}

func (e *APIError) Error() string { return e.Message }

// errorBody wraps an APIError for the wire.
type errorBody struct {
	Error *APIError `json:"error"`
}

// userError is a mistake in a request that the user can fix, with its
// status and code.
type userError struct {
	status int
	code   string
	msg    string
}

func (e *userError) Error() string { return e.msg }

func badParam(format string, args ...any) error {
	return &userError{http.StatusBadRequest, CodeBadRequest, fmt.Sprintf(format, args...)}
}

func tooLarge(format string, args ...any) error {
	return &userError{http.StatusRequestEntityTooLarge, CodeTooLarge, fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &userError{http.StatusNotFound, CodeNotFound, fmt.Sprintf(format, args...)}
}

// errNotReady means the server is still building its index.
var errNotReady = &userError{http.StatusServiceUnavailable, CodeNotReady, "the index is not ready yet: the server is still indexing; try again shortly"}

// classify maps an error to the status and body the user sees. It is the
// one place that decides statuses; anything it does not recognise is an
// internal error, whose detail goes to the log and never to the user.
func classify(err error) (int, *APIError) {
	var se *query.SyntaxError
	var re *query.RequestError
	var ue *userError
	switch {
	case errors.As(err, &se):
		off := se.Offset
		return http.StatusBadRequest, &APIError{Code: CodeBadQuery, Message: "query " + se.Error(),
			Position: se.Column(), Offset: &off, Reason: se.Msg, Query: se.Query}
	case errors.As(err, &re):
		return http.StatusBadRequest, &APIError{Code: CodeBadRequest, Message: re.Msg}
	case errors.As(err, &ue):
		return ue.status, &APIError{Code: ue.code, Message: ue.msg}
	case errors.Is(err, index.ErrNotFound), errors.Is(err, query.ErrNoEntity):
		return http.StatusNotFound, &APIError{Code: CodeNotFound, Message: err.Error()}
	case errors.Is(err, query.ErrTimeout):
		return http.StatusServiceUnavailable, &APIError{Code: CodeTimeout, Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, &APIError{Code: CodeTimeout, Message: query.ErrTimeout.Error() + "; narrow the query"}
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
		return 499, &APIError{Code: CodeTimeout, Message: "request cancelled"}
	}
	return http.StatusInternalServerError, &APIError{Code: CodeInternal, Message: "internal error (the server's log has the details)"}
}

// logError logs what classify hides from the user.
func logError(log *slog.Logger, r *http.Request, status int, err error) {
	if status >= 500 && status != http.StatusServiceUnavailable {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
		return
	}
	log.Debug("request refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
}

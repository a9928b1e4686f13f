package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// Client asks a running `parley serve` what the CLI would otherwise ask
// a local index. Its answers are the shapes the query package returns,
// and its errors are the ones a local search gives: a *query.SyntaxError
// for a malformed query, a *query.RequestError for a bad request.
type Client struct {
	base *url.URL
	http *http.Client
}

// NewClient makes a client of the server at base, such as
// http://127.0.0.1:8080. hc may be nil for http.DefaultClient.
func NewClient(base string, hc *http.Client) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--server %q: want a URL such as http://127.0.0.1:8080", base)
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{base: u, http: hc}, nil
}

// Search runs a search on the server.
func (c *Client) Search(ctx context.Context, req query.Request, explain bool) (*query.Results, error) {
	var res query.Results
	if err := c.get(ctx, "/api/search", SearchValues(req, explain), &res, req.Query); err != nil {
		return nil, err
	}
	return &res, nil
}

// Entities lists the entities the articles matching a query name.
func (c *Client) Entities(ctx context.Context, req query.EntitiesRequest) (*query.EntityList, error) {
	var list query.EntityList
	if err := c.get(ctx, "/api/entities", EntitiesValues(req), &list, req.Query); err != nil {
		return nil, err
	}
	return &list, nil
}

// Entity reports on one entity.
func (c *Client) Entity(ctx context.Context, name, typ string) (*query.EntityReport, error) {
	var rep query.EntityReport
	v := url.Values{}
	if typ != "" {
		v.Set("type", typ)
	}
	if err := c.get(ctx, "/api/entities/"+url.PathEscape(name), v, &rep, ""); err != nil {
		return nil, err
	}
	return &rep, nil
}

// Document returns one article.
func (c *Client) Document(ctx context.Context, id string) (*query.Document, error) {
	var doc query.Document
	if err := c.get(ctx, "/api/documents/"+url.PathEscape(id), nil, &doc, ""); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Quotes searches the quotations the server's index holds.
func (c *Client) Quotes(ctx context.Context, req query.QuoteRequest, explain bool) (*query.QuoteResults, error) {
	var res query.QuoteResults
	if err := c.get(ctx, "/api/quotes", QuotesValues(req, explain), &res, req.Query); err != nil {
		return nil, err
	}
	return &res, nil
}

// Who checks a claimed quotation against the server's index.
func (c *Client) Who(ctx context.Context, req query.WhoRequest) (*query.WhoResult, error) {
	var res query.WhoResult
	if err := c.get(ctx, "/api/who", WhoValues(req), &res, ""); err != nil {
		return nil, err
	}
	return &res, nil
}

// Stats counts what the server's index holds.
func (c *Client) Stats(ctx context.Context) (index.Stats, error) {
	var st index.Stats
	err := c.get(ctx, "/api/stats", nil, &st, "")
	return st, err
}

// get asks for path (escaped) and decodes the answer into v; q is the query sent,
// to report a malformed one as a local search would.
func (c *Client) get(ctx context.Context, path string, params url.Values, v any, q string) error {
	// path is escaped already: a name holding a / stays one segment.
	u := *c.base
	u.RawPath = c.base.EscapedPath() + path
	u.Path, _ = url.PathUnescape(u.RawPath)
	if len(params) > 0 {
		u.RawQuery = params.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fmt.Errorf("ask %s: %w", c.base, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("ask the server at %s: %w (is parley serve running?)", c.base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return fmt.Errorf("read the answer of %s: %w", u.Redacted(), err)
	}
	if resp.StatusCode != http.StatusOK {
		return answerError(resp.StatusCode, body, c.base.String(), q)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("read the answer of %s: %w", u.Redacted(), err)
	}
	return nil
}

// answerError turns an error answer back into the error a local command
// would have met.
func answerError(status int, body []byte, server, q string) error {
	var e errorBody
	if err := json.Unmarshal(body, &e); err != nil || e.Error == nil {
		return fmt.Errorf("the server at %s answered %s", server, http.StatusText(status))
	}
	switch e.Error.Code {
	case CodeBadQuery:
		se := &query.SyntaxError{Query: e.Error.Query, Msg: e.Error.Reason}
		if se.Query == "" {
			se.Query = q
		}
		if e.Error.Offset != nil {
			se.Offset = *e.Error.Offset
		}
		return se
	case CodeBadRequest:
		return &query.RequestError{Msg: e.Error.Message}
	case CodeNotFound:
		for _, kind := range []error{index.ErrNotFound, query.ErrNoEntity} {
			if what, ok := strings.CutSuffix(e.Error.Message, ": "+kind.Error()); ok {
				return fmt.Errorf("%s: %w", what, kind)
			}
		}
		return errors.New(e.Error.Message)
	case CodeTimeout:
		return errors.New(e.Error.Message)
	}
	return fmt.Errorf("the server at %s: %s", server, e.Error.Message)
}

package web

import (
	"container/list"
	"strconv"
	"strings"
	"sync"

	"github.com/parleysearch/parley/query"
)

// answerCache keeps the answers of recent searches, keyed by the whole
// request. The server owns its index and nothing writes to it while it
// serves, so an answer stays true until SetIndex hands over another
// index, which clears the cache. Newsrooms ask the same searches many
// times (a shared link, a page reloaded, the next page and back).
type answerCache struct {
	mu      sync.Mutex
	max     int
	order   *list.List // most recently used first; values are *cached
	entries map[string]*list.Element
}

type cached struct {
	key string
	res *query.Results
}

func newAnswerCache(max int) *answerCache {
	return &answerCache{max: max, order: list.New(), entries: map[string]*list.Element{}}
}

// get returns the answer to the request, if it is kept. The answer is
// shared: callers copy it before changing it.
func (c *answerCache) get(key string) (*query.Results, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cached).res, true
}

func (c *answerCache) put(key string, res *query.Results) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		e.Value.(*cached).res = res
		c.order.MoveToFront(e)
		return
	}
	c.entries[key] = c.order.PushFront(&cached{key, res})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cached).key)
	}
}

func (c *answerCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.entries)
}

// requestKey writes every field of a search request that changes its
// answer. The timeout is left out: an answer found is the same answer.
func requestKey(req query.Request) string {
	var b strings.Builder
	for _, s := range []string{req.Query, strconv.Itoa(req.Limit), strconv.Itoa(req.Page), req.Sort,
		req.From.String(), req.To.String(), strconv.FormatBool(req.Comments), strconv.FormatBool(req.Exact),
		strconv.FormatBool(req.Facets), strconv.Itoa(req.FacetSize), strconv.Itoa(req.Snippets)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, s := range req.Sources {
		b.WriteString(s)
		b.WriteByte(1)
	}
	return b.String()
}

package web

import (
	"container/list"
	"strconv"
	"sync"

	"github.com/parleysearch/parley/query"
)

// answerCache keeps the answers of recent searches, keyed by the whole
// request. The server owns its index and nothing writes to it while it
// serves, so an answer stays true until SetIndex hands over another
// index, which clears the cache. Newsrooms ask the same searches many
// times (a shared link, a page reloaded, the next page and back).
//
// It is bounded twice: by the number of answers and by their estimated
// size, since one answer of 1,000 hits with long snippets weighs as much
// as hundreds of ordinary pages.
type answerCache struct {
	mu       sync.Mutex
	max      int
	maxBytes int
	bytes    int
	order    *list.List // most recently used first; values are *cached
	entries  map[string]*list.Element
}

type cached struct {
	key  string
	res  *query.Results
	size int
}

// DefaultCacheBytes bounds the estimated size of the answers kept.
const DefaultCacheBytes = 64 << 20

func newAnswerCache(max, maxBytes int) *answerCache {
	return &answerCache{max: max, maxBytes: maxBytes, order: list.New(), entries: map[string]*list.Element{}}
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
	size := len(key) + answerSize(res)
	if size > c.maxBytes/8 {
		return // too big to be worth crowding out the others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		old := e.Value.(*cached)
		c.bytes += size - old.size
		old.res, old.size = res, size
		c.order.MoveToFront(e)
	} else {
		c.entries[key] = c.order.PushFront(&cached{key, res, size})
		c.bytes += size
	}
	for c.order.Len() > c.max || c.bytes > c.maxBytes {
		last := c.order.Back()
		c.order.Remove(last)
		old := last.Value.(*cached)
		c.bytes -= old.size
		delete(c.entries, old.key)
	}
}

// answerSize estimates the bytes an answer holds: its strings, and a
// little for each value around them.
func answerSize(res *query.Results) int {
	const overhead = 64
	n := 512 + len(res.Query)
	for _, e := range res.Explain {
		n += len(e) + 16
	}
	snippets := func(ss []query.Snippet) {
		for _, s := range ss {
			n += overhead + len(s.Text) + 16*len(s.Highlights)
		}
	}
	for _, h := range res.Hits {
		n += 4*overhead + len(h.ID) + len(h.Title) + len(h.Source) + len(h.Published) + len(h.URL) + len(h.Path)
		snippets(h.Snippets.Title)
		snippets(h.Snippets.Body)
		snippets(h.Snippets.Comments)
	}
	if f := res.Facets; f != nil {
		for _, vs := range [][]query.FacetValue{f.Source, f.Person, f.Org, f.Place, f.Month} {
			for _, v := range vs {
				n += 24 + len(v.Value)
			}
		}
	}
	return n
}

func (c *answerCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.entries)
	c.bytes = 0
}

// requestKey writes every field of a search request that changes its
// answer. The timeout is left out: an answer found is the same answer.
// Each value is written with its length first, so no query or source,
// whatever bytes it holds, can make two requests' keys the same.
func requestKey(req query.Request) string {
	var b []byte
	for _, s := range []string{req.Query, strconv.Itoa(req.Limit), strconv.Itoa(req.Page), req.Sort,
		req.From.String(), req.To.String(), strconv.FormatBool(req.Comments), strconv.FormatBool(req.Exact),
		strconv.FormatBool(req.Facets), strconv.Itoa(req.FacetSize), strconv.Itoa(req.Snippets)} {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(append(b, ':'), s...)
	}
	b = append(strconv.AppendInt(append(b, '#'), int64(len(req.Sources)), 10), ':')
	for _, s := range req.Sources {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(append(b, ':'), s...)
	}
	return string(b)
}

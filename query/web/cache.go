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
	key    string
	answer any // *query.Results, *query.QuoteResults or *query.WhoResult
	size   int
}

// DefaultCacheBytes bounds the estimated size of the answers kept.
const DefaultCacheBytes = 64 << 20

func newAnswerCache(max, maxBytes int) *answerCache {
	return &answerCache{max: max, maxBytes: maxBytes, order: list.New(), entries: map[string]*list.Element{}}
}

// get returns the answer to the search, if it is kept. The answer is
// shared: callers copy it before changing it.
func (c *answerCache) get(key string) (*query.Results, bool) {
	res, ok := c.answer(key).(*query.Results)
	return res, ok
}

func (c *answerCache) put(key string, res *query.Results) { c.keep(key, res, answerSize(res)) }

// answer returns the answer kept under key, or nil. Keys of different
// kinds of answer never meet: a search's key starts with a digit, the
// others with their kind's name.
func (c *answerCache) answer(key string) any {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cached).answer
}

// keep keeps an answer of an estimated size in bytes.
func (c *answerCache) keep(key string, answer any, size int) {
	if c == nil {
		return
	}
	size += len(key)
	if size > c.maxBytes/8 {
		return // too big to be worth crowding out the others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		old := e.Value.(*cached)
		c.bytes += size - old.size
		old.answer, old.size = answer, size
		c.order.MoveToFront(e)
	} else {
		c.entries[key] = c.order.PushFront(&cached{key, answer, size})
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
		for _, vs := range [][]query.FacetValue{f.Source, f.Person, f.Org, f.Place, f.Speaker, f.Month} {
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
	for _, filters := range [][]query.Filter{req.Include, req.Exclude} {
		b = append(strconv.AppendInt(append(b, '#'), int64(len(filters)), 10), ':')
		for _, f := range filters {
			b = appendKey(b, f.Field, f.Value)
		}
	}
	return string(b)
}

// appendKey writes values each with its length first, as requestKey does.
func appendKey(b []byte, values ...string) []byte {
	for _, s := range values {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(append(b, ':'), s...)
	}
	return b
}

// quotesKey is the key of a quotation search's answer; like requestKey,
// it leaves out the timeout.
func quotesKey(req query.QuoteRequest) string {
	return string(appendKey([]byte("quotes#"), req.Query, req.Speaker, req.From.String(), req.To.String(),
		strconv.FormatFloat(req.MinConfidence, 'g', -1, 64), strconv.Itoa(req.Limit), strconv.Itoa(req.Page),
		strconv.FormatBool(req.Exact), strconv.FormatBool(req.Facets), strconv.Itoa(req.FacetSize)))
}

// whoKey is the key of the answer to a claimed quotation.
func whoKey(req query.WhoRequest) string {
	return string(appendKey([]byte("who#"), req.Claim, req.Speaker, strconv.Itoa(req.Limit)))
}

// quotesSize estimates the bytes a quotation search's answer holds.
func quotesSize(res *query.QuoteResults) int {
	const overhead = 64
	n := 512 + len(res.Query)
	for _, e := range res.Explain {
		n += len(e) + 16
	}
	for _, h := range res.Hits {
		n += 6*overhead + len(h.ID) + 2*len(h.Quote) + len(h.Speaker) + len(h.SpeakerText) + len(h.Cue) + len(h.Kind) +
			articleSize(h.Article) + 16*len(h.Snippet.Highlights)
	}
	if f := res.Facets; f != nil {
		for _, vs := range [][]query.FacetValue{f.Speaker, f.Source, f.Month} {
			for _, v := range vs {
				n += 24 + len(v.Value)
			}
		}
	}
	return n
}

// whoSize estimates the bytes the answer to a claimed quotation holds.
func whoSize(res *query.WhoResult) int {
	const overhead = 64
	n := 512 + len(res.Claim) + len(res.Speaker)
	for _, m := range res.Matches {
		n += 6*overhead + len(m.Quote) + len(m.Speaker) + len(m.SpeakerText) + len(m.Verdict) + len(m.In) + len(m.QuoteID) + articleSize(m.Article)
		for _, op := range m.Diff {
			n += 24 + len(op.Op) + len(op.Text)
		}
	}
	if f := res.FirstAppearance; f != nil {
		n += articleSize(*f)
	}
	for _, a := range res.Reprints {
		n += articleSize(a)
	}
	return n
}

func articleSize(a query.QuoteOf) int {
	return 6*16 + len(a.ID) + len(a.Title) + len(a.Source) + len(a.Published) + len(a.URL) + len(a.Path)
}

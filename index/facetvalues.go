package index

import (
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// FacetValues keeps, for each segment of the index, every document's values
// of the fields that facets count, as numbers standing for the values, so
// that counting them for a search's matches costs a few array reads a
// match instead of a walk through Bleve's doc values and a map of strings.
//
// A segment's numbers are made, in the background, once it has been
// visited through its doc values as many times as it has documents: a
// one-off search from the CLI pays nothing extra, a server soon counts from
// memory. Segments that merges
// have replaced are dropped when the next count starts; the values they
// numbered stay (a field's values are few next to its documents).
type FacetValues struct {
	fields []string

	mu       sync.Mutex
	segments map[segment.Segment]*segmentValues
	terms    [][]string // by field: every value numbered, its number the index
	number   []map[string]uint32
	// scratch counts by field, of every value numbered so far, all zero
	// between counts
	scratch sync.Pool
}

// segmentValues are one segment's values as numbers, once made; the visits
// are counted until then.
type segmentValues struct {
	mu     sync.Mutex
	visits uint64
	making bool // in the background
	made   bool
	starts [][]uint32 // by field: where each document's numbers start in ords; one more than the documents
	ords   [][]uint32 // by field: the documents' values, as numbers
}

// NewFacetValues returns an empty FacetValues for the given fields.
func NewFacetValues(fields []string) *FacetValues {
	fv := &FacetValues{fields: fields, segments: map[segment.Segment]*segmentValues{},
		terms: make([][]string, len(fields)), number: make([]map[string]uint32, len(fields))}
	for f := range fields {
		fv.number[f] = map[string]uint32{}
	}
	return fv
}

// Fields returns the fields counted, in the order Result numbers them.
func (fv *FacetValues) Fields() []string { return fv.fields }

// FacetCount counts the values of FacetValues' fields over the documents of
// one snapshot that a search matched. It is not safe for concurrent use.
type FacetCount struct {
	fv      *FacetValues
	snap    *scorch.IndexSnapshot
	offsets []uint64
	segs    []*segmentValues
	made    []bool
	counts  [][]int32  // by field and number
	touched [][]uint32 // by field: the numbers counted, for Result and Release
	// From doc values, for segments without numbers yet, by field.
	direct  []map[string]int
	missing []int
	dv      bindex.DocValueReader
	id      bindex.IndexInternalID
	seen    []bool
}

// Count starts counting over documents of snap. Release it when done.
func (fv *FacetValues) Count(snap *scorch.IndexSnapshot) *FacetCount {
	n := len(fv.fields)
	c := &FacetCount{fv: fv, snap: snap, missing: make([]int, n), seen: make([]bool, n),
		touched: make([][]uint32, n), direct: make([]map[string]int, n)}
	for f := range c.direct {
		c.direct[f] = map[string]int{}
	}
	live := map[segment.Segment]bool{}
	var running uint64
	fv.mu.Lock()
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		live[seg] = true
		c.offsets = append(c.offsets, running)
		running += seg.Count()
		sv := fv.segments[seg]
		if sv == nil {
			sv = &segmentValues{}
			fv.segments[seg] = sv
		}
		c.segs = append(c.segs, sv)
	}
	for seg := range fv.segments {
		if !live[seg] {
			delete(fv.segments, seg)
		}
	}
	fv.mu.Unlock()
	c.made = make([]bool, len(c.segs))
	if s, ok := fv.scratch.Get().([][]int32); ok {
		c.counts = s
	} else {
		c.counts = make([][]int32, n)
	}
	return c
}

// Add counts the values of the document with the snapshot's number num.
func (c *FacetCount) Add(num uint64) error {
	i := sort.Search(len(c.offsets), func(x int) bool { return c.offsets[x] > num }) - 1
	if i < 0 {
		return nil
	}
	sv := c.segs[i]
	if !c.made[i] {
		made, err := c.numbers(i)
		if err != nil {
			return err
		}
		c.made[i] = made
	}
	if !c.made[i] {
		return c.visit(num, func(f int, term []byte) { c.direct[f][string(term)]++ })
	}
	local := num - c.offsets[i]
	for f := range c.counts {
		from, to := sv.starts[f][local], sv.starts[f][local+1]
		if from == to {
			c.missing[f]++
		}
		counts := c.counts[f]
		for _, o := range sv.ords[f][from:to] {
			if int(o) >= len(counts) {
				counts = c.grow(f)
			}
			if counts[o] == 0 {
				c.touched[f] = append(c.touched[f], o)
			}
			counts[o]++
		}
	}
	return nil
}

// grow makes room in the counts of field f for every value numbered so far.
func (c *FacetCount) grow(f int) []int32 {
	c.fv.mu.Lock()
	n := len(c.fv.terms[f])
	c.fv.mu.Unlock()
	grown := make([]int32, n+n/4)
	copy(grown, c.counts[f])
	c.counts[f] = grown
	return grown
}

// visit calls fn with each value of the counted fields of document num,
// from Bleve's doc values, and counts the fields it has none of.
func (c *FacetCount) visit(num uint64, fn func(f int, term []byte)) error {
	if c.dv == nil {
		dv, err := c.snap.DocValueReader(c.fv.fields)
		if err != nil {
			return err
		}
		c.dv = dv
	}
	c.id = bindex.NewIndexInternalID(c.id[:0], num)
	clear(c.seen)
	err := c.dv.VisitDocValues(c.id, func(field string, term []byte) {
		for f, name := range c.fv.fields {
			if name == field {
				c.seen[f] = true
				fn(f, term)
			}
		}
	})
	for f, ok := range c.seen {
		if !ok {
			c.missing[f]++
		}
	}
	return err
}

// numbers reports whether segment i has its numbers. Once the segment has
// been visited as often as it has documents, it starts making them, in the
// background: making them reads every document, which no one search should
// wait for. Until they are made, searches count from doc values.
func (c *FacetCount) numbers(i int) (bool, error) {
	sv := c.segs[i]
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.made {
		return true, nil
	}
	docs := c.snap.Segments()[i].Segment().Count()
	sv.visits++
	if sv.visits < docs || sv.making {
		return false, nil
	}
	sv.making = true
	c.snap.AddRef() // the segment must stay open while it is read
	go c.fv.make(c.snap, sv, c.offsets[i], docs)
	return false, nil
}

// make numbers the values of the docs documents of a segment of snap,
// whose first has the number offset there. It numbers the segment's own
// values first, and takes the index-wide numbers only at the end, so as to
// hold up other searches as little as it can.
func (fv *FacetValues) make(snap *scorch.IndexSnapshot, sv *segmentValues, offset, docs uint64) {
	defer snap.DecRef()
	starts, ords, terms, err := fv.read(snap, offset, docs)
	if err != nil {
		sv.mu.Lock()
		sv.making, sv.visits = false, 0 // try again later
		sv.mu.Unlock()
		return
	}
	fv.mu.Lock()
	global := make([][]uint32, len(terms))
	for f, ts := range terms {
		global[f] = make([]uint32, len(ts))
		for o, t := range ts {
			g, ok := fv.number[f][t]
			if !ok {
				g = uint32(len(fv.terms[f]))
				fv.number[f][t] = g
				fv.terms[f] = append(fv.terms[f], t)
			}
			global[f][o] = g
		}
	}
	fv.mu.Unlock()
	for f := range ords {
		for k, o := range ords[f] {
			ords[f][k] = global[f][o]
		}
	}
	sv.mu.Lock()
	sv.starts, sv.ords, sv.made, sv.making = starts, ords, true, false
	sv.mu.Unlock()
}

// read reads the values of a segment's documents from their doc values,
// numbered within the segment: by field, where each document's numbers
// start, the numbers, and the values they stand for.
func (fv *FacetValues) read(snap *scorch.IndexSnapshot, offset, docs uint64) (starts, ords [][]uint32, terms [][]string, err error) {
	dv, err := snap.DocValueReader(fv.fields)
	if err != nil {
		return nil, nil, nil, err
	}
	n := len(fv.fields)
	starts, ords, terms = make([][]uint32, n), make([][]uint32, n), make([][]string, n)
	number := make([]map[string]uint32, n)
	for f := range starts {
		starts[f] = make([]uint32, 0, docs+1)
		number[f] = map[string]uint32{}
	}
	var id bindex.IndexInternalID
	for local := uint64(0); local < docs; local++ {
		for f := range starts {
			starts[f] = append(starts[f], uint32(len(ords[f])))
		}
		id = bindex.NewIndexInternalID(id[:0], offset+local)
		err := dv.VisitDocValues(id, func(field string, term []byte) {
			for f, name := range fv.fields {
				if name != field {
					continue
				}
				o, ok := number[f][string(term)]
				if !ok {
					o = uint32(len(terms[f]))
					number[f][string(term)] = o
					terms[f] = append(terms[f], string(term))
				}
				ords[f] = append(ords[f], o)
			}
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	for f := range starts {
		starts[f] = append(starts[f], uint32(len(ords[f])))
	}
	return starts, ords, terms, nil
}

// TermCount is a value and how many counted documents have it.
type TermCount struct {
	Term  string
	Count int
}

// Result returns the size most frequent values of field f (its index in
// Fields), most frequent first and then in byte order, as Bleve's terms
// facets order them, and how many counted documents have no value in it.
func (c *FacetCount) Result(f, size int) ([]TermCount, int) {
	var out []TermCount
	all := c.direct[f]
	if len(all) == 0 {
		// Every match was counted by number: no value comes twice.
		c.fv.mu.Lock()
		terms := c.fv.terms[f]
		c.fv.mu.Unlock()
		out = make([]TermCount, 0, len(c.touched[f]))
		for _, o := range c.touched[f] {
			out = append(out, TermCount{terms[o], int(c.counts[f][o])})
		}
		return topTerms(out, size), c.missing[f]
	}
	if len(c.touched[f]) > 0 {
		c.fv.mu.Lock()
		terms := c.fv.terms[f]
		c.fv.mu.Unlock()
		for _, o := range c.touched[f] {
			all[terms[o]] += int(c.counts[f][o])
		}
	}
	out = make([]TermCount, 0, len(all))
	for t, n := range all {
		out = append(out, TermCount{t, n})
	}
	return topTerms(out, size), c.missing[f]
}

// topTerms returns the size most frequent of counts, most frequent first,
// then in byte order. When it keeps few of many, it keeps them as it goes
// rather than sorting them all: a person facet may count thousands of
// names to show ten.
func topTerms(counts []TermCount, size int) []TermCount {
	before := func(a, b TermCount) bool {
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Term < b.Term
	}
	if size <= 0 {
		return counts[:0]
	}
	if size >= len(counts) {
		sort.Slice(counts, func(i, j int) bool { return before(counts[i], counts[j]) })
		return counts
	}
	top := make([]TermCount, 0, size)
	for _, t := range counts {
		if len(top) == size && !before(t, top[size-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return before(t, top[i]) })
		if len(top) < size {
			top = append(top, TermCount{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = t
	}
	return top
}

// Release gives the count's scratch back for another count to use. The
// count cannot be used after.
func (c *FacetCount) Release() {
	for f, touched := range c.touched {
		for _, o := range touched {
			c.counts[f][o] = 0
		}
	}
	c.fv.scratch.Put(c.counts)
	c.counts = nil
}

// Numbered returns how many segments count from numbers now, and how many
// segments there are.
func (fv *FacetValues) Numbered() (numbered, segments int) {
	fv.mu.Lock()
	all := make([]*segmentValues, 0, len(fv.segments))
	for _, sv := range fv.segments {
		all = append(all, sv)
	}
	fv.mu.Unlock()
	for _, sv := range all {
		sv.mu.Lock()
		if sv.made {
			numbered++
		}
		sv.mu.Unlock()
	}
	return numbered, len(all)
}

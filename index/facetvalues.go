package index

import (
	"cmp"
	"slices"
	"sort"
	"strings"
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
// The numbers of all the fields share one sequence, and a document's
// numbers, of every field, lie side by side: counting a match reads one
// run of memory rather than one per field, which is what the count cost
// (it was most of the extra time facets added to a search, in cache
// misses). A field a document has no value in is a number of its own,
// counted like a value, so that no field needs looking at apart.
//
// A segment's numbers are made, in the background, once it has been
// visited through its doc values as many times as it has documents: a
// one-off search from the CLI pays nothing extra. A process that will
// count facets in many searches (a server, the benchmark) calls Prepare
// instead, to number every segment before it searches. Segments that
// merges have replaced are dropped when the next count starts; the values
// they numbered stay (a field's values are few next to its documents).
type FacetValues struct {
	fields []string

	mu       sync.Mutex
	segments map[segment.Segment]*segmentValues
	eager    bool     // number a segment as soon as a count meets it (see Prepare)
	terms    []string // every value numbered, its number the index; the first len(fields) stand for none
	field    []uint8  // by number: the field (index in fields) the value is of
	number   []map[string]uint32
	// scratch for counts to use, its counts all zero: kept here rather
	// than in a sync.Pool, which drops them at every collection, and the
	// counts are as long as there are values (AllSides: 60,000 and more)
	free []*countScratch
}

// segmentValues are one segment's values as numbers, once made; the visits
// are counted until then.
type segmentValues struct {
	mu     sync.Mutex
	visits uint64
	making bool // in the background
	made   bool
	starts []uint32 // where each document's numbers start in ords; one more than the documents
	ords   []uint32 // the documents' values as numbers, every field's side by side
}

// NewFacetValues returns an empty FacetValues for the given fields (at
// most 255 of them).
func NewFacetValues(fields []string) *FacetValues {
	if len(fields) > 255 {
		panic("index: more than 255 facet fields")
	}
	fv := &FacetValues{fields: fields, segments: map[segment.Segment]*segmentValues{},
		number: make([]map[string]uint32, len(fields))}
	for f := range fields {
		fv.number[f] = map[string]uint32{}
		fv.terms = append(fv.terms, "")
		fv.field = append(fv.field, uint8(f))
	}
	return fv
}

// Fields returns the fields counted, in the order Result numbers them.
func (fv *FacetValues) Fields() []string { return fv.fields }

// Prepare numbers the values of every segment of snap that holds articles,
// a few segments at a time, and returns once they are numbered; from then
// on, a segment that a count meets unnumbered (made by a merge, say) is
// numbered in the background at once, rather than after as many visits as
// it has documents. On AllSides (39 segments, 37,554 articles) it takes
// about 50 ms; a segment of quotations only is left to be numbered if a
// count ever meets it.
func (fv *FacetValues) Prepare(snap *scorch.IndexSnapshot) error {
	type job struct {
		sv           *segmentValues
		offset, docs uint64
	}
	var jobs []job
	var running uint64
	fv.mu.Lock()
	fv.eager = true
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		offset := running
		running += seg.Count()
		if !holdsArticles(seg) {
			continue
		}
		sv := fv.segments[seg]
		if sv == nil {
			sv = &segmentValues{}
			fv.segments[seg] = sv
		}
		jobs = append(jobs, job{sv, offset, seg.Count()})
	}
	fv.mu.Unlock()
	work := make(chan job)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < min(len(jobs), prepareWorkers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.sv.mu.Lock()
				mine := !j.sv.made && !j.sv.making
				j.sv.making = j.sv.making || mine
				j.sv.mu.Unlock()
				if mine {
					snap.AddRef() // as make expects
					if err := fv.make(snap, j.sv, j.offset, j.docs); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	close(errs)
	return <-errs // nil once closed and empty
}

// prepareWorkers is how many segments Prepare numbers at once.
const prepareWorkers = 2

// holdsArticles reports whether a segment holds any article, or cannot
// tell.
func holdsArticles(seg segment.Segment) bool {
	dict, err := seg.Dictionary(FieldKind)
	if err != nil {
		return true
	}
	ok, err := dict.Contains([]byte(KindArticle))
	return ok || err != nil
}

// FacetCount counts the values of FacetValues' fields over the documents of
// one snapshot that a search matched. It is not safe for concurrent use.
type FacetCount struct {
	fv      *FacetValues
	snap    *scorch.IndexSnapshot
	offsets []uint64
	segs    []*segmentValues
	made    []bool
	countScratch
	split bool // byField is filled in
	// From doc values, for segments without numbers yet, by field.
	direct  []map[string]int
	missing []int
	dv      bindex.DocValueReader
	id      bindex.IndexInternalID
	seen    []bool
}

// countScratch is what a count writes, kept from one count to the next
// (see Release): the counts are as long as there are values, and the
// lists of numbers were most of what a search with facets allocated, and
// the garbage collector's work made the slowest searches slower.
type countScratch struct {
	counts  []int32    // by number
	touched []uint32   // the numbers counted, for Result and Release
	byField [][]uint32 // the numbers counted, by field, once Result needs them
	nums    []uint32   // Result's scratch
}

// Count starts counting over documents of snap. Release it when done.
func (fv *FacetValues) Count(snap *scorch.IndexSnapshot) *FacetCount {
	n := len(fv.fields)
	c := &FacetCount{fv: fv, snap: snap, missing: make([]int, n), seen: make([]bool, n),
		direct: make([]map[string]int, n)}
	segs := snap.Segments()
	c.offsets = make([]uint64, 0, len(segs))
	c.segs = make([]*segmentValues, 0, len(segs))
	var running uint64
	fv.mu.Lock()
	for _, ss := range segs {
		seg := ss.Segment()
		c.offsets = append(c.offsets, running)
		running += seg.Count()
		sv := fv.segments[seg]
		if sv == nil {
			sv = &segmentValues{}
			fv.segments[seg] = sv
		}
		c.segs = append(c.segs, sv)
	}
	if len(fv.segments) > len(segs) {
		live := make(map[segment.Segment]bool, len(segs))
		for _, ss := range segs {
			live[ss.Segment()] = true
		}
		for seg := range fv.segments {
			if !live[seg] {
				delete(fv.segments, seg)
			}
		}
	}
	if k := len(fv.free); k > 0 {
		c.countScratch, fv.free = *fv.free[k-1], fv.free[:k-1]
	}
	fv.mu.Unlock()
	c.made = make([]bool, len(c.segs))
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
		return c.visit(num, func(f int, term []byte) {
			if c.direct[f] == nil {
				c.direct[f] = map[string]int{}
			}
			c.direct[f][string(term)]++
		})
	}
	local := num - c.offsets[i]
	counts := c.counts
	for _, o := range sv.ords[sv.starts[local]:sv.starts[local+1]] {
		if int(o) >= len(counts) {
			counts = c.grow()
		}
		if counts[o] == 0 {
			c.touched = append(c.touched, o)
		}
		counts[o]++
	}
	return nil
}

// grow makes room in the counts for every value numbered so far.
func (c *FacetCount) grow() []int32 {
	c.fv.mu.Lock()
	n := len(c.fv.terms)
	c.fv.mu.Unlock()
	grown := make([]int32, n+n/4)
	copy(grown, c.counts)
	c.counts = grown
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
// been visited as often as it has documents (at once, after Prepare), it
// starts making them, in the background: making them reads every
// document, which no one search should wait for. Until they are made,
// searches count from doc values.
func (c *FacetCount) numbers(i int) (bool, error) {
	sv := c.segs[i]
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if sv.made {
		return true, nil
	}
	docs := c.snap.Segments()[i].Segment().Count()
	sv.visits++
	c.fv.mu.Lock()
	eager := c.fv.eager
	c.fv.mu.Unlock()
	if (sv.visits < docs && !eager) || sv.making {
		return false, nil
	}
	sv.making = true
	c.snap.AddRef() // the segment must stay open while it is read
	go c.fv.make(c.snap, sv, c.offsets[i], docs)
	return false, nil
}

// make numbers the values of the docs documents of a segment of snap,
// whose first has the number offset there, and lets go of a reference to
// snap. It numbers the segment's own values first, and takes the
// index-wide numbers only at the end, so as to hold up other searches as
// little as it can.
func (fv *FacetValues) make(snap *scorch.IndexSnapshot, sv *segmentValues, offset, docs uint64) error {
	defer snap.DecRef()
	starts, ords, terms, fields, err := fv.read(snap, offset, docs)
	if err != nil {
		sv.mu.Lock()
		sv.making, sv.visits = false, 0 // try again later
		sv.mu.Unlock()
		return err
	}
	n := len(fv.fields)
	global := make([]uint32, len(terms))
	fv.mu.Lock()
	for o := range global {
		if o < n {
			global[o] = uint32(o) // none, in a field
			continue
		}
		f, t := fields[o], terms[o]
		g, ok := fv.number[f][t]
		if !ok {
			g = uint32(len(fv.terms))
			fv.number[f][t] = g
			fv.terms = append(fv.terms, t)
			fv.field = append(fv.field, f)
		}
		global[o] = g
	}
	fv.mu.Unlock()
	for k, o := range ords {
		ords[k] = global[o]
	}
	sv.mu.Lock()
	sv.starts, sv.ords, sv.made, sv.making = starts, ords, true, false
	sv.mu.Unlock()
	return nil
}

// read reads the values of a segment's documents from their doc values,
// numbered within the segment as FacetValues numbers them (the first
// numbers standing for no value in each field): where each document's
// numbers start, the numbers, and the values and fields they stand for.
func (fv *FacetValues) read(snap *scorch.IndexSnapshot, offset, docs uint64) (starts, ords []uint32, terms []string, fields []uint8, err error) {
	dv, err := snap.DocValueReader(fv.fields)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	n := len(fv.fields)
	starts = make([]uint32, 0, docs+1)
	number := make([]map[string]uint32, n)
	for f := range number {
		number[f] = map[string]uint32{}
		terms = append(terms, "")
		fields = append(fields, uint8(f))
	}
	seen := make([]bool, n)
	var id bindex.IndexInternalID
	for local := uint64(0); local < docs; local++ {
		starts = append(starts, uint32(len(ords)))
		clear(seen)
		id = bindex.NewIndexInternalID(id[:0], offset+local)
		err := dv.VisitDocValues(id, func(field string, term []byte) {
			for f, name := range fv.fields {
				if name != field {
					continue
				}
				seen[f] = true
				o, ok := number[f][string(term)]
				if !ok {
					o = uint32(len(terms))
					number[f][string(term)] = o
					terms = append(terms, string(term))
					fields = append(fields, uint8(f))
				}
				ords = append(ords, o)
			}
		})
		if err != nil {
			return nil, nil, nil, nil, err
		}
		for f, ok := range seen {
			if !ok {
				ords = append(ords, uint32(f))
			}
		}
	}
	starts = append(starts, uint32(len(ords)))
	return starts, ords, terms, fields, nil
}

// TermCount is a value and how many counted documents have it.
type TermCount struct {
	Term  string
	Count int
}

// Result returns the size most frequent values of field f (its index in
// Fields), most frequent first and then in byte order, as Bleve's terms
// facets order them, and how many counted documents have no value in it.
// It is for once the counting is done.
func (c *FacetCount) Result(f, size int) ([]TermCount, int) {
	missing := c.missing[f]
	if f < len(c.counts) {
		missing += int(c.counts[f])
	}
	n := len(c.fv.fields)
	c.fv.mu.Lock()
	terms, fields := c.fv.terms, c.fv.field
	c.fv.mu.Unlock()
	all := c.direct[f]
	if len(all) == 0 {
		// Every match was counted by number: no value comes twice. Only
		// values counted as often as the size-th most frequent can be
		// among the first size: the others are left before their values
		// are read, which with a person facet are most of them.
		if !c.split {
			c.split = true
			if len(c.byField) != n {
				c.byField = make([][]uint32, n)
			}
			for i := range c.byField {
				c.byField[i] = c.byField[i][:0]
			}
			for _, o := range c.touched {
				if int(o) >= n {
					c.byField[fields[o]] = append(c.byField[fields[o]], o)
				}
			}
		}
		nums := c.byField[f]
		if size <= 0 {
			nums = nil
		} else if size < len(nums) {
			floor := c.floor(nums, size)
			kept := c.nums[:0]
			for _, o := range nums {
				if c.counts[o] >= floor {
					kept = append(kept, o)
				}
			}
			nums, c.nums = kept, kept
		}
		out := make([]TermCount, 0, len(nums))
		for _, o := range nums {
			out = append(out, TermCount{terms[o], int(c.counts[o])})
		}
		return topTerms(out, size), missing
	}
	for _, o := range c.touched {
		if int(o) >= n && int(fields[o]) == f {
			all[terms[o]] += int(c.counts[o])
		}
	}
	out := make([]TermCount, 0, len(all))
	for t, n := range all {
		out = append(out, TermCount{t, n})
	}
	return topTerms(out, size), missing
}

// floor returns the size-th largest count of the values numbered nums,
// size being at least one and at most len(nums).
func (c *FacetCount) floor(nums []uint32, size int) int32 {
	top := make([]int32, 0, size) // largest first
	for _, o := range nums {
		v := c.counts[o]
		if len(top) == size && v <= top[size-1] {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return top[i] < v })
		if len(top) < size {
			top = append(top, 0)
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = v
	}
	return top[len(top)-1]
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
		slices.SortFunc(counts, func(a, b TermCount) int {
			if a.Count != b.Count {
				return cmp.Compare(b.Count, a.Count)
			}
			return strings.Compare(a.Term, b.Term)
		})
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
	for _, o := range c.touched {
		c.counts[o] = 0
	}
	if c.counts != nil {
		kept := &countScratch{counts: c.counts, touched: c.touched[:0], byField: c.byField, nums: c.nums[:0]}
		c.fv.mu.Lock()
		c.fv.free = append(c.fv.free, kept)
		c.fv.mu.Unlock()
	}
	c.countScratch = countScratch{}
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

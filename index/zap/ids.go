package zap

import (
	"hash/maphash"
	"math/bits"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// Before Bleve writes a batch, it asks every segment of the index which of
// the batch's document IDs it holds (DocNumbers), so that the new
// documents replace the old. zap answers by looking each ID up in the
// segment's dictionary of IDs. A batch of quotation documents holds
// 10,000 IDs, nearly always new, and there are dozens of segments of
// quotations: over AllSides those lookups were 2 CPU-seconds, 4% of
// indexing. The segments this plugin hands Bleve keep a Bloom filter of
// their IDs and look up only the IDs it lets through: the answer is the
// same, since the filter never turns away an ID the segment holds.

// idFilter is a Bloom filter of a segment's document IDs, made when first
// asked.
type idFilter struct {
	once sync.Once
	make func() []string // the segment's IDs, for a filter made late
	bits []uint64        // a power of two of them
	// docs is how many documents the filter's segment holds, when made
	// with it: a filter left for a file (see persisted) goes only to a
	// segment of as many.
	docs uint64
}

// filterOf returns a filter of the ids of a segment of docs documents,
// made now.
func filterOf(ids []string, docs uint64) *idFilter {
	f := &idFilter{docs: docs}
	f.once.Do(func() { f.fill(ids) })
	return f
}

// idHashes is the filter's number of bits an ID sets: with 16 bits an ID,
// about one ID in 400 not in the segment is looked up all the same.
const (
	idHashes    = 4
	idBitsPerID = 16
)

var idSeed = maphash.MakeSeed()

func (f *idFilter) fill(ids []string) {
	n := max(1, len(ids)*idBitsPerID/64) // 64-bit words
	f.bits = make([]uint64, 1<<bits.Len(uint(n-1)))
	mask := uint32(len(f.bits)*64 - 1)
	for _, id := range ids {
		h1, h2 := idHash(id)
		for i := uint32(0); i < idHashes; i++ {
			b := (h1 + i*h2) & mask
			f.bits[b/64] |= 1 << (b % 64)
		}
	}
}

// idHash returns the two hashes of an ID whose combinations give the
// bits it sets (h1 + i·h2, i < idHashes).
func idHash(id string) (h1, h2 uint32) {
	h := maphash.String(idSeed, id)
	return uint32(h), uint32(h>>32) | 1
}

// mayHold reports whether the segment may hold id: false means it does not.
func (f *idFilter) mayHold(id string) bool {
	f.once.Do(func() {
		if f.make != nil {
			f.fill(f.make())
			f.make = nil
		}
	})
	h1, h2 := idHash(id)
	mask := uint32(len(f.bits)*64 - 1)
	for i := uint32(0); i < idHashes; i++ {
		if b := (h1 + i*h2) & mask; f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// docNumbers answers DocNumbers for seg, looking up only the IDs the
// filter lets through.
func (f *idFilter) docNumbers(seg *zapv17.SegmentBase, ids []string) (*roaring.Bitmap, error) {
	var maybe []string
	for _, id := range ids {
		if f.mayHold(id) {
			maybe = append(maybe, id)
		}
	}
	if len(maybe) == 0 {
		return roaring.New(), nil
	}
	return seg.DocNumbers(maybe)
}

// idsOf lists every document ID of a segment, from its dictionary of IDs.
func idsOf(seg segment.Segment) func() []string {
	return func() []string {
		var out []string
		dict, err := seg.Dictionary(idField)
		if err != nil {
			return nil
		}
		it := dict.AutomatonIterator(&vellum.AlwaysMatch{}, nil, nil)
		for {
			entry, err := it.Next()
			if entry == nil || err != nil {
				return out
			}
			out = append(out, entry.Term)
		}
	}
}

// builtSegment is a segment this plugin built, not yet written to disk.
type builtSegment struct {
	*zapv17.SegmentBase
	ids *idFilter
}

func (s *builtSegment) DocNumbers(ids []string) (*roaring.Bitmap, error) {
	return s.ids.docNumbers(s.SegmentBase, ids)
}

// Persist writes the segment to a file, and leaves its filter for the
// plugin to give the segment when Bleve opens the file, as it does next.
func (s *builtSegment) Persist(path string) error {
	if err := s.SegmentBase.Persist(path); err != nil {
		return err
	}
	persisted.Store(path, s.ids)
	return nil
}

// persisted holds the filters of segments just written, by path.
var persisted sync.Map

// openedSegment is a segment file, opened.
type openedSegment struct {
	*zapv17.Segment
	ids *idFilter
}

func (s *openedSegment) DocNumbers(ids []string) (*roaring.Bitmap, error) {
	return s.ids.docNumbers(&s.Segment.SegmentBase, ids)
}

// withIDFilter gives a segment zap opened or built a filter of its IDs:
// ids when it is not nil, else one made from the segment's dictionary the
// first time it is asked.
func withIDFilter(seg segment.Segment, ids *idFilter) segment.Segment {
	if ids == nil {
		ids = &idFilter{make: idsOf(seg)}
	}
	switch s := seg.(type) {
	case *zapv17.Segment:
		return &openedSegment{Segment: s, ids: ids}
	case *zapv17.SegmentBase:
		return &builtSegment{SegmentBase: s, ids: ids}
	}
	return seg
}

// openedWithFilter gives a segment file just opened the filter it had
// when written, if this process wrote it.
func openedWithFilter(path string, seg segment.Segment, err error) (segment.Segment, error) {
	if err != nil {
		return nil, err
	}
	var ids *idFilter
	// A filter left by a Persist whose file was never opened must not
	// go to another segment written later at the same path.
	if f, ok := persisted.LoadAndDelete(path); ok && f.(*idFilter).docs == seg.Count() {
		ids = f.(*idFilter)
	}
	return withIDFilter(seg, ids), nil
}

// unwrap returns the segments as zap made them, which its merges take.
func unwrap(segments []segment.Segment) []segment.Segment {
	out := make([]segment.Segment, len(segments))
	for i, seg := range segments {
		switch s := seg.(type) {
		case *openedSegment:
			out[i] = s.Segment
		case *builtSegment:
			out[i] = s.SegmentBase
		default:
			out[i] = seg
		}
	}
	return out
}

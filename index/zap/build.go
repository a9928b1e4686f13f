package zap

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"strings"
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
	zapv17 "github.com/blevesearch/zapx/v17"
	"github.com/golang/snappy"
)

// The layout below follows zapx v17's builder (new.go, write.go,
// section_inverted_text_index.go, intcoder.go, contentcoder.go): the
// same stored fields, dictionaries, postings, doc values and fields index,
// in the same encodings. zap_test.go reads segments built both ways and
// checks that they hold the same.

// Sections of a zap v17 segment, as zapx numbers them. A build without
// the "vectors" tag registers three: the inverted text index (written
// here), the synonym index and the geo shape index, which canBuild keeps
// away from this builder. Each field records an address for every
// registered section; 0 means none.
var sections = []uint16{0, 2, 3}

const sectionInvertedText = 0

// noDocValues marks a field without doc values (zapx's fieldNotUninverted).
const noDocValues = math.MaxUint64

// idField is the field of every document's ID, always field 0.
const idField = "_id"

// docValueChunk is how many documents share a doc values chunk (zapx's
// LegacyChunkMode, which doc values still use).
const docValueChunk = 1024

// vellumOptions are zapx's options for term dictionaries.
var vellumOptions = &vellum.BuilderOpts{Encoder: 1, RegistryTableSize: 0, RegistryMRUSize: 1}

// maxFields bounds the fields of one segment; Parley's documents have
// about twenty.
const maxFields = 256

// field is what a segment holds of one field.
type field struct {
	name      string
	options   index.FieldIndexingOptions
	docValues bool
	ids       map[string]uint32 // term → its number among all the segment's terms
	terms     []uint32          // the field's terms, by that number, in order of first use
}

// occurrence is one term in one document: one entry of a postings list.
// A segment holds a million of them, so they are kept small.
type occurrence struct {
	term uint32 // the term's number among all the segment's terms
	doc  uint32
	freq uint32
	at   uint32 // where its positions start in builder.positions, or noPositions
}

const noPositions = math.MaxUint32

// builder holds a segment between reading its documents and writing it.
type builder struct {
	docs      []index.Document
	fields    []*field
	byName    map[string]uint16
	occ       []occurrence
	positions []uint32
	arena     []byte
	terms     []string // by number
	termField []uint16 // each term's field
	// lengths holds each field's length in each document (zap keeps it as
	// the "norm"): lengths[doc*len(fields)+field].
	lengths []uint32
	stored  int // bytes of stored values, before compression

	// Every document's fields, read once (see defineFields): document
	// num's are docFields[docStart[num]:docStart[num+1]], and their
	// numbers are in docIDs at the same places. A quote batch is ten
	// thousand documents of eighteen fields, and reading each document's
	// fields again for its terms and again for its stored values, asking
	// each field its name, was a fifth of building its segment.
	docFields []index.Field
	docIDs    []uint16
	docStart  []int
	// collect and occurrence are made once (see newBuilder): a closure
	// made for each field of each document was most of what building a
	// segment allocated.
	collect    func(index.Field)
	occurrence func(term []byte, freq int, positions []uint32)
	curField   uint16
	curDoc     uint32
}

func newBuilder(docs []index.Document) *builder {
	b := &builder{docs: docs, byName: map[string]uint16{}}
	b.collect = func(f index.Field) { b.docFields = append(b.docFields, f) }
	b.occurrence = func(term []byte, freq int, positions []uint32) {
		b.addOccurrence(b.curField, term, b.curDoc, uint32(freq), positions)
	}
	return b
}

// fieldsOf returns document num's fields and their numbers.
func (b *builder) fieldsOf(num int) ([]index.Field, []uint16) {
	from, to := b.docStart[num], b.docStart[num+1]
	return b.docFields[from:to], b.docIDs[from:to]
}

func build(docs []index.Document, config map[string]any) (segment.Segment, uint64, error) {
	b := newBuilder(docs)
	if err := b.defineFields(); err != nil {
		return nil, 0, err
	}
	b.lengths = make([]uint32, len(docs)*len(b.fields))
	for num, d := range docs {
		b.add(uint32(num), d)
		// The document's terms are in the builder now: let its fields
		// drop theirs, so that a batch is never held twice in memory.
		fields, _ := b.fieldsOf(num)
		for _, f := range fields {
			if r, ok := f.(Releaser); ok {
				r.ReleaseTerms()
			}
		}
		if num == 31 && len(docs) > 64 { // room for the rest, as the first documents suggest
			b.occ = slices.Grow(b.occ, len(b.occ)*(len(docs)-32)/32*11/10)
			b.positions = slices.Grow(b.positions, len(b.positions)*(len(docs)-32)/32*11/10)
		}
	}
	var out bytes.Buffer
	out.Grow(b.sizeEstimate())
	w := &countWriter{w: &out}
	storedIndex, err := b.writeStored(w)
	if err != nil {
		return nil, 0, err
	}
	addrs, err := b.writeInverted(w)
	if err != nil {
		return nil, 0, err
	}
	sectionsIndex := b.writeFieldsIndex(w, addrs)
	stats, _ := config[segment.StatsKey].(*segment.Stats)
	if stats == nil {
		stats = new(segment.Stats)
	}
	sb, err := zapv17.InitSegmentBase(out.Bytes(), crc32.ChecksumIEEE(out.Bytes()), zapv17.DefaultChunkMode, uint64(len(docs)),
		storedIndex, sectionsIndex, config, stats)
	if err != nil {
		return nil, 0, fmt.Errorf("open the segment just built: %w", err)
	}
	ids := make([]string, len(b.fields[0].terms))
	for i, t := range b.fields[0].terms {
		ids[i] = b.terms[t]
	}
	return withIDFilter(sb, filterOf(ids, uint64(len(docs)))), uint64(out.Len()), nil
}

// defineFields reads every document's fields and numbers them as zapx
// does: _id first, then the rest by name, each with every option any
// document gives it.
func (b *builder) defineFields() error {
	// Fields are numbered first in the order they are met, then renumbered
	// once all are known. Documents of a kind have the same fields in the
	// same order, so the field at the same place in the document before is
	// tried before the map of names.
	met := map[string]uint16{idField: 0}
	names := []string{idField}
	options := []index.FieldIndexingOptions{index.IndexField | index.StoreField}
	var before []uint16
	b.docStart = make([]int, 0, len(b.docs)+1)
	for _, d := range b.docs {
		from := len(b.docFields)
		b.docStart = append(b.docStart, from)
		d.VisitFields(b.collect)
		if from == 0 { // room for the rest, as the first document suggests
			b.docFields = slices.Grow(b.docFields, len(b.docFields)*len(b.docs)*11/10)
			b.docIDs = make([]uint16, 0, cap(b.docFields))
		}
		for k, f := range b.docFields[from:] {
			name := f.Name()
			var id uint16
			if k < len(before) && names[before[k]] == name {
				id = before[k]
			} else {
				n, ok := met[name]
				if !ok {
					if len(names) == maxFields {
						return fmt.Errorf("build segment: more than %d fields", maxFields)
					}
					n = uint16(len(names))
					met[name] = n
					names = append(names, name)
					options = append(options, 0)
				}
				id = n
			}
			options[id] |= f.Options()
			b.docIDs = append(b.docIDs, id)
		}
		before = b.docIDs[from:]
	}
	b.docStart = append(b.docStart, len(b.docFields))
	order := make([]uint16, len(names)) // fields by final number, as met
	for i := range order {
		order[i] = uint16(i)
	}
	slices.SortFunc(order[1:], func(x, y uint16) int { return strings.Compare(names[x], names[y]) })
	final := make([]uint16, len(names))
	for i, n := range order {
		final[n] = uint16(i)
		b.fields = append(b.fields, &field{name: names[n], options: options[n], ids: map[string]uint32{}})
		b.byName[names[n]] = uint16(i)
	}
	for k, n := range b.docIDs {
		b.docIDs[k] = final[n]
	}
	return nil
}

// add reads one document's terms.
func (b *builder) add(doc uint32, d index.Document) {
	// A field may come more than once in a document, with several values:
	// its length is then the sum, and its terms are merged, as zap does.
	lengths := b.lengths[int(doc)*len(b.fields) : int(doc+1)*len(b.fields)]
	var values [maxFields]uint8 // indexed values, up to 2
	repeated := false
	fields, ids := b.fieldsOf(int(doc))
	for k, f := range fields {
		id := ids[k]
		if f.Options().IsStored() {
			b.stored += len(f.Value())
		}
		lengths[id] += uint32(f.AnalyzedLength())
		if f.Options().IncludeDocValues() {
			b.fields[id].docValues = true
		}
		if f.Options().IsIndexed() {
			if values[id]++; values[id] > 1 {
				repeated = true
			}
		}
	}
	if repeated {
		b.addMerged(doc, d)
		return
	}
	for k, f := range fields {
		b.addField(ids[k], doc, f)
	}
}

// addField reads the terms of one value of a field.
func (b *builder) addField(id uint16, doc uint32, f index.Field) {
	if tf, ok := f.(TermsField); ok {
		b.curField, b.curDoc = id, doc
		tf.VisitTerms(b.occurrence)
		return
	}
	for _, t := range f.AnalyzedTokenFrequencies() {
		b.addOccurrence(id, t.Term, doc, uint32(t.Frequency()), nil)
	}
}

// addMerged reads a document in which a field has several values, merging
// each field's values term by term: frequencies add up, and positions
// follow one another in the order of the values.
func (b *builder) addMerged(doc uint32, d index.Document) {
	type merged struct {
		freq      int
		positions []uint32
	}
	terms := make([]map[string]*merged, len(b.fields))
	orders := make([][]string, len(b.fields))
	var fieldOrder []uint16
	d.VisitFields(func(f index.Field) {
		id := b.byName[f.Name()]
		if terms[id] == nil {
			terms[id] = map[string]*merged{}
			fieldOrder = append(fieldOrder, id)
		}
		visit := func(term []byte, freq int, positions []uint32) {
			m := terms[id][string(term)]
			if m == nil {
				m = &merged{}
				terms[id][string(term)] = m
				orders[id] = append(orders[id], string(term))
			}
			m.freq += freq
			m.positions = append(m.positions, positions...)
		}
		if tf, ok := f.(TermsField); ok {
			tf.VisitTerms(visit)
			return
		}
		for _, t := range f.AnalyzedTokenFrequencies() {
			visit(t.Term, t.Frequency(), nil)
		}
	})
	for _, id := range fieldOrder {
		for _, term := range orders[id] {
			m := terms[id][term]
			b.addOccurrence(id, []byte(term), doc, uint32(m.freq), m.positions)
		}
	}
}

func (b *builder) addOccurrence(id uint16, term []byte, doc, freq uint32, positions []uint32) {
	fd := b.fields[id]
	t, ok := fd.ids[string(term)]
	if !ok {
		s := b.keep(term)
		t = uint32(len(b.terms))
		b.terms = append(b.terms, s)
		b.termField = append(b.termField, id)
		fd.ids[s] = t
		fd.terms = append(fd.terms, t)
	}
	o := occurrence{term: t, doc: doc, freq: freq, at: noPositions}
	if len(positions) > 0 {
		o.at = uint32(len(b.positions))
		b.positions = append(b.positions, positions...)
	}
	b.occ = append(b.occ, o)
}

// keep copies a term into the builder's arena, so that the segment's
// terms cost a few large allocations rather than one each.
func (b *builder) keep(term []byte) string {
	if len(b.arena)+len(term) > cap(b.arena) {
		b.arena = make([]byte, 0, max(64<<10, len(term)))
	}
	start := len(b.arena)
	b.arena = append(b.arena, term...)
	t := b.arena[start:len(b.arena):len(b.arena)]
	return unsafe.String(unsafe.SliceData(t), len(t))
}

// sizeEstimate is about what the segment will take, a little more, so
// that its buffer is allocated once: growing it by doubling, from a guess
// a third of the size, copied each segment twice and left twice its size
// of garbage. The weights were read off segments of AllSides articles and
// of their quotations: snappy shrinks an article's stored fields to about
// 65% and a quotation's to 95%, a position takes about 7 bytes, a posting
// 6 and a term 26 (its dictionary entry, postings header and doc values),
// and a tenth more is slack. A wrong estimate costs only a copy.
func (b *builder) sizeEstimate() int {
	return (b.stored*17/20+7*len(b.positions)+6*len(b.occ)+26*len(b.terms))*11/10 + 4096
}

// writeStored writes each document's stored fields, then the index of
// where each document's start, and returns where that index starts.
func (b *builder) writeStored(w *countWriter) (uint64, error) {
	offsets := make([]uint64, len(b.docs))
	var meta, data, compressed, combined []byte
	var stored []int // places of a document's stored fields
	for num := range b.docs {
		fields, ids := b.fieldsOf(num)
		stored = stored[:0]
		for k, f := range fields {
			if f.Options().IsStored() {
				stored = append(stored, k)
			}
		}
		// zapx writes a document's stored values field by field, in the
		// order of their numbers, and a field's values in the order given.
		slices.SortStableFunc(stored, func(x, y int) int { return cmp.Compare(ids[x], ids[y]) })
		if len(stored) == 0 || ids[stored[0]] != 0 {
			return 0, fmt.Errorf("build segment: document %d has no stored %s", num, idField)
		}
		id := fields[stored[0]].Value()
		meta = binary.AppendUvarint(meta[:0], uint64(len(id)))
		data = data[:0]
		for _, k := range stored {
			if ids[k] == 0 {
				continue // the ID is written apart, uncompressed
			}
			f := fields[k]
			v, positions := f.Value(), f.ArrayPositions()
			meta = binary.AppendUvarint(meta, uint64(ids[k]))
			meta = binary.AppendUvarint(meta, uint64(f.EncodedFieldType()))
			meta = binary.AppendUvarint(meta, uint64(len(data)))
			meta = binary.AppendUvarint(meta, uint64(len(v)))
			meta = binary.AppendUvarint(meta, uint64(len(positions)))
			for _, p := range positions {
				meta = binary.AppendUvarint(meta, p)
			}
			data = append(data, v...)
		}
		compressed = snappy.Encode(compressed[:cap(compressed)], data)
		offsets[num] = uint64(w.n)
		combined = append(append(combined[:0], id...), compressed...)
		w.uvarint(uint64(len(meta)))
		w.uvarint(uint64(len(combined)))
		w.Write(meta)
		w.Write(combined)
	}
	storedIndex := uint64(w.n)
	for _, off := range offsets {
		w.uint64(off)
	}
	w.uvarint(0) // no nested documents: an empty child → parent list
	return storedIndex, nil
}

// writeInverted writes each field's postings, term dictionary and doc
// values, and returns where each field's record of them starts.
func (b *builder) writeInverted(w *countWriter) ([]uint64, error) {
	numDocs := uint64(len(b.docs))
	// List each term's occurrences together, in the order read, which is
	// document order.
	total := len(b.terms)
	starts := make([]uint32, total+1)
	for _, o := range b.occ {
		starts[o.term+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	// Moved, not indexed: the writing below then reads them in order.
	grouped := make([]occurrence, len(b.occ))
	fill := slices.Clone(starts[:total])
	for _, o := range b.occ {
		grouped[fill[o.term]] = o
		fill[o.term]++
	}
	b.occ = grouped

	var (
		addrs   = make([]uint64, len(b.fields))
		freqs   intCoder
		locs    intCoder
		docs    []uint32
		dvTerms = make([][]byte, numDocs)
		fstBuf  bytes.Buffer
		rbuf    []byte
	)
	fst, err := vellum.New(&fstBuf, vellumOptions)
	if err != nil {
		return nil, err
	}
	for id, fd := range b.fields {
		if fd.docValues {
			for i := range dvTerms {
				dvTerms[i] = dvTerms[i][:0]
			}
		}
		sorted := slices.Clone(fd.terms)
		slices.SortFunc(sorted, func(x, y uint32) int { return strings.Compare(b.terms[x], b.terms[y]) })
		nf := len(b.fields)
		for _, t := range sorted {
			list := b.occ[starts[t]:starts[t+1]]
			if hit, ok := b.oneHit(list, id); ok {
				// A term once in one document, without positions (every
				// _id, and most rare words of a stemmed field): its
				// document and norm fit in the dictionary's value, as
				// zapx's merges write it, with no postings to write.
				if fd.docValues {
					doc := list[0].doc
					dvTerms[doc] = append(append(dvTerms[doc], b.terms[t]...), index.DocValueTermSeparator)
				}
				if err := insertTerm(fst, fd.name, b.terms[t], hit); err != nil {
					return nil, err
				}
				continue
			}
			chunk := numDocs / (uint64(len(list))/1024 + 1) // zapx's DefaultChunkMode
			freqs.reset(chunk, numDocs)
			locs.reset(chunk, numDocs)
			docs = docs[:0]
			for i := range list {
				o := &list[i]
				doc := uint64(o.doc)
				docs = append(docs, o.doc)
				hasLocs := o.at != noPositions
				freqHasLocs := uint64(o.freq) << 1
				if hasLocs {
					freqHasLocs |= 1
				}
				if o.freq > 0 {
					freqs.add(doc, freqHasLocs, uint64(b.lengths[int(doc)*nf+id]))
				} else {
					freqs.add(doc, freqHasLocs)
				}
				if hasLocs {
					positions := b.positions[o.at : o.at+o.freq]
					// Each location is field, position, start, end and
					// the number of array positions; Parley's are only
					// positions, the rest zero.
					n := 0
					for _, p := range positions {
						n += uvarintLen(uint64(id)) + uvarintLen(uint64(p)) + 3
					}
					locs.add(doc, uint64(n))
					for _, p := range positions {
						locs.add(doc, uint64(id), uint64(p), 0, 0, 0)
					}
				}
				if fd.docValues {
					dvTerms[doc] = append(append(dvTerms[doc], b.terms[t]...), index.DocValueTermSeparator)
				}
			}
			freqs.close()
			locs.close()
			freqsAt := freqs.write(w)
			locsAt := locs.write(w)
			postingsAt := uint64(w.n)
			w.uvarint(freqsAt)
			w.uvarint(locsAt)
			raw, err := roaringBytes(rbuf[:0], docs)
			if err != nil {
				return nil, err
			}
			rbuf = raw
			w.uvarint(uint64(len(raw)))
			w.Write(raw)
			if err := insertTerm(fst, fd.name, b.terms[t], postingsAt); err != nil {
				return nil, err
			}
		}
		if err := fst.Close(); err != nil {
			return nil, err
		}
		dictAt := uint64(w.n)
		w.uvarint(uint64(fstBuf.Len()))
		w.Write(fstBuf.Bytes())
		fstBuf.Reset()
		if err := fst.Reset(&fstBuf); err != nil {
			return nil, err
		}

		dvStart, dvEnd := uint64(noDocValues), uint64(noDocValues)
		if fd.docValues {
			size := uint64(docValueChunk)
			if fd.options.SkipDVChunking() {
				size = 1
			}
			dv := newContentCoder(size, numDocs, !fd.options.SkipDVCompression())
			for doc, terms := range dvTerms {
				if len(terms) > 0 {
					dv.add(uint64(doc), terms)
				}
			}
			dv.close()
			dvStart = uint64(w.n)
			dv.write(w)
			dvEnd = uint64(w.n)
		}
		addrs[id] = uint64(w.n)
		w.uvarint(dvStart)
		w.uvarint(dvEnd)
		w.uvarint(dictAt)
	}
	return addrs, nil
}

// insertTerm adds a term of a field to the field's dictionary.
func insertTerm(fst *vellum.Builder, field, term string, val uint64) error {
	if err := fst.Insert(unsafe.Slice(unsafe.StringData(term), len(term)), val); err != nil {
		return fmt.Errorf("build segment: term dictionary of %s: %w", field, err)
	}
	return nil
}

// oneHit returns the dictionary value of a term of field id with the
// occurrences list, when they are one, in a "1-hit" value: a single
// occurrence, without positions, whose document number and norm (the
// field's length) fit in 31 bits each.
func (b *builder) oneHit(list []occurrence, id int) (uint64, bool) {
	if len(list) != 1 || list[0].freq != 1 || list[0].at != noPositions {
		return 0, false
	}
	doc := uint64(list[0].doc)
	norm := uint64(b.lengths[int(doc)*len(b.fields)+id])
	if norm == 0 || norm > 1<<31-1 || doc > 1<<31-1 {
		return 0, false
	}
	return zapv17.FSTValEncode1Hit(doc, norm), true
}

// writeFieldsIndex writes each field's name, options and section
// addresses, then where each of those records starts, and returns where
// that list starts.
func (b *builder) writeFieldsIndex(w *countWriter, addrs []uint64) uint64 {
	starts := make([]uint64, len(b.fields))
	for id, fd := range b.fields {
		starts[id] = uint64(w.n)
		w.uvarint(uint64(len(fd.name)))
		w.Write([]byte(fd.name))
		w.uvarint(uint64(fd.options))
		w.uvarint(uint64(len(sections)))
		for _, s := range sections {
			w.uint16(s)
			if s == sectionInvertedText {
				w.uint64(addrs[id])
			} else {
				w.uint64(0)
			}
		}
	}
	at := uint64(w.n)
	w.uvarint(uint64(len(b.fields)))
	for _, s := range starts {
		w.uint64(s)
	}
	return at
}

// intCoder packs unsigned integers as varints in chunks of documents, as
// zapx's chunkedIntCoder does, so that a reader can jump to a chunk.
type intCoder struct {
	size  uint64   // documents per chunk
	lens  []uint64 // bytes of each chunk
	data  []byte
	curr  uint64 // the chunk being written
	begin int    // where it starts in data
}

func (c *intCoder) reset(size, numDocs uint64) {
	c.size, c.curr, c.begin, c.data = size, 0, 0, c.data[:0]
	n := int((numDocs-1)/size + 1)
	c.lens = slices.Grow(c.lens[:0], n)[:n]
	clear(c.lens)
}

func (c *intCoder) add(doc uint64, vals ...uint64) {
	if chunk := doc / c.size; chunk != c.curr {
		c.close()
		c.curr = chunk
	}
	for _, v := range vals {
		c.data = binary.AppendUvarint(c.data, v)
	}
}

// close ends the chunk being written.
func (c *intCoder) close() {
	c.lens[c.curr] = uint64(len(c.data) - c.begin)
	c.begin = len(c.data)
}

// write writes the chunks' end offsets and the chunks, and returns where
// they start, or 0 when there is nothing to write.
func (c *intCoder) write(w *countWriter) uint64 {
	if len(c.data) == 0 {
		return 0
	}
	at := uint64(w.n)
	w.uvarint(uint64(len(c.lens)))
	var end uint64
	for _, n := range c.lens {
		end += n
		w.uvarint(end)
	}
	w.Write(c.data)
	return at
}

// contentCoder packs byte strings in chunks of documents, each chunk
// compressed, as zapx's chunkedContentCoder does for doc values.
type contentCoder struct {
	size     uint64
	compress bool
	lens     []uint64
	final    []byte
	curr     uint64
	chunk    []byte
	meta     [][2]uint64 // document, end offset within the chunk
}

func newContentCoder(size, numDocs uint64, compress bool) *contentCoder {
	return &contentCoder{size: size, compress: compress, lens: make([]uint64, (numDocs-1)/size+1)}
}

func (c *contentCoder) add(doc uint64, val []byte) {
	if chunk := doc / c.size; chunk != c.curr {
		c.flush()
		c.chunk, c.meta = c.chunk[:0], c.meta[:0]
		c.curr = chunk
	}
	c.chunk = append(c.chunk, val...)
	c.meta = append(c.meta, [2]uint64{doc, uint64(len(c.chunk))})
}

func (c *contentCoder) flush() {
	start := len(c.final)
	if c.size != 1 {
		c.final = binary.AppendUvarint(c.final, uint64(len(c.meta)))
		for _, m := range c.meta {
			c.final = binary.AppendUvarint(c.final, m[0])
			c.final = binary.AppendUvarint(c.final, m[1])
		}
	}
	if c.compress {
		c.final = append(c.final, snappy.Encode(nil, c.chunk)...)
	} else {
		c.final = append(c.final, c.chunk...)
	}
	c.lens[c.curr] = uint64(len(c.final) - start)
}

func (c *contentCoder) close() { c.flush() }

func (c *contentCoder) write(w *countWriter) {
	w.Write(c.final)
	begin := w.n
	var end uint64
	for _, n := range c.lens {
		end += n
		w.uvarint(end)
	}
	w.uint64(uint64(w.n - begin))
	w.uint64(uint64(len(c.lens)))
}

// countWriter counts what it writes. zapx's CountHashWriter also
// checksums it as it goes; build checksums the segment once it is all
// written: a checksum updated a few bytes at a time, too few for the
// processor's CRC instructions, was 5% of building a quote segment.
type countWriter struct {
	w   *bytes.Buffer
	n   int
	buf [binary.MaxVarintLen64]byte
}

func (c *countWriter) Write(p []byte) {
	c.w.Write(p)
	c.n += len(p)
}

func (c *countWriter) uvarint(v uint64) {
	c.Write(binary.AppendUvarint(c.buf[:0], v))
}

func (c *countWriter) uint64(v uint64) {
	c.Write(binary.BigEndian.AppendUint64(c.buf[:0], v))
}

func (c *countWriter) uint16(v uint16) {
	c.Write(binary.BigEndian.AppendUint16(c.buf[:0], v))
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// roaringBytes appends to dst the serialised roaring bitmap of docs, which
// are increasing. Most terms of a segment are in a handful of documents,
// and for those the bytes are written directly, in the roaring format's
// layout for one array container; larger sets go through the roaring
// package.
func roaringBytes(dst []byte, docs []uint32) ([]byte, error) {
	const noRunContainers = 12346 // the format's cookie
	if len(docs) == 0 || len(docs) > 4096 || docs[len(docs)-1] > 0xFFFF {
		bm := roaring.New()
		bm.AddMany(docs)
		b, err := bm.ToBytes()
		return append(dst, b...), err
	}
	dst = binary.LittleEndian.AppendUint32(dst, noRunContainers)
	dst = binary.LittleEndian.AppendUint32(dst, 1) // containers
	dst = binary.LittleEndian.AppendUint16(dst, 0) // the container's key: the high 16 bits
	dst = binary.LittleEndian.AppendUint16(dst, uint16(len(docs)-1))
	dst = binary.LittleEndian.AppendUint32(dst, 4+4+4+4) // where the container starts
	for _, d := range docs {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(d))
	}
	return dst, nil
}

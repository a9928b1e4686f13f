package zap

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// positionsField is a TermsField for tests: a text cut at spaces, whose
// terms it gives both ways, directly and as Bleve's TokenFrequencies (with
// positions only), so that both builders can read it.
type positionsField struct {
	*document.TextField
	words    []string
	analyzed bool
}

func newPositionsField(name, text string, opts index.FieldIndexingOptions) *positionsField {
	return &positionsField{TextField: document.NewTextFieldWithIndexingOptions(name, nil, []byte(text), opts), words: strings.Fields(text)}
}

func (f *positionsField) Analyze()            { f.analyzed = true }
func (f *positionsField) AnalyzedLength() int { return len(f.words) * btoi(f.analyzed) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (f *positionsField) VisitTerms(fn func(term []byte, freq int, positions []uint32)) {
	if !f.analyzed {
		return
	}
	at := map[string][]uint32{}
	var order []string
	for i, w := range f.words {
		if at[w] == nil {
			order = append(order, w)
		}
		at[w] = append(at[w], uint32(i+1))
	}
	for _, w := range order {
		var ps []uint32
		if f.Options().IncludeTermVectors() {
			ps = at[w]
		}
		fn([]byte(w), len(at[w]), ps)
	}
}

func (f *positionsField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	if !f.analyzed {
		return nil
	}
	out := index.TokenFrequencies{}
	f.VisitTerms(func(term []byte, freq int, positions []uint32) {
		tf := &index.TokenFreq{Term: []byte(string(term))}
		tf.SetFrequency(freq)
		for _, p := range positions {
			tf.Locations = append(tf.Locations, &index.TokenLocation{Position: int(p)})
		}
		out[string(term)] = tf
	})
	return out
}

var vocabulary = strings.Fields("ceasefire talks in Varkesh broke down on Monday as envoys from Trevanna and " +
	"Mirel said they will not sign the draft we will never surrender said the minister of the interior aid convoy " +
	"crossed the pass at dawn with flour insulin and winter clothing for the highlands Ölçek Ərzan Жовтень")

// randomDocuments makes analysed documents of every kind of field
// Parley writes: text with positions, text without, keywords with and
// without doc values, several values of one field, dates, numbers,
// stored-only values.
func randomDocuments(r *rand.Rand, n int) []index.Document {
	text := func(words int) string {
		var b strings.Builder
		for i := 0; i < words; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocabulary[r.IntN(len(vocabulary))])
		}
		return b.String()
	}
	var docs []index.Document
	for i := 0; i < n; i++ {
		d := document.NewDocument(fmt.Sprintf("doc-%04d-%d", i, r.IntN(1000)))
		d.AddField(newPositionsField("body_exact", text(r.IntN(300)), index.IndexField|index.IncludeTermVectors))
		d.AddField(newPositionsField("body", text(r.IntN(200)), index.IndexField|index.StoreField))
		// Stored-only values beside the indexed one, as Parley stores
		// each body paragraph.
		d.AddField(document.NewTextFieldWithIndexingOptions("body", []uint64{1}, []byte(text(4)), index.StoreField))
		if r.IntN(3) > 0 {
			d.AddField(newPositionsField("title_exact", text(1+r.IntN(12)), index.IndexField|index.IncludeTermVectors))
		}
		d.AddField(document.NewTextFieldWithIndexingOptions("kind", nil, []byte("article"), index.IndexField))
		d.AddField(document.NewTextFieldWithIndexingOptions("source", nil, []byte(vocabulary[r.IntN(8)]), index.IndexField|index.DocValues))
		for j := r.IntN(4); j > 0; j-- { // several values of one keyword field
			d.AddField(document.NewTextFieldWithIndexingOptions("person", nil, []byte(vocabulary[r.IntN(20)]), index.IndexField|index.DocValues))
		}
		if r.IntN(2) == 0 { // several values of one text field, and a stored-only one
			d.AddField(newPositionsField("comments", text(r.IntN(30)), index.IndexField|index.IncludeTermVectors|index.StoreField))
			d.AddField(newPositionsField("comments", text(r.IntN(30)), index.IndexField|index.IncludeTermVectors|index.StoreField))
		}
		d.AddField(document.NewTextFieldWithIndexingOptions("furniture", []uint64{uint64(r.IntN(3))}, []byte(text(5)), index.StoreField))
		if r.IntN(4) > 0 {
			when := time.Date(2012+r.IntN(9), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
			f, err := document.NewDateTimeFieldWithIndexingOptions("published", nil, when, time.RFC3339, index.IndexField|index.DocValues)
			if err != nil {
				panic(err)
			}
			d.AddField(f)
		}
		d.AddField(document.NewNumericFieldWithIndexingOptions("words", nil, float64(r.IntN(5000)), index.IndexField|index.StoreField|index.DocValues))
		d.AddField(document.NewTextFieldWithIndexingOptions("meta", nil, []byte(`{"path":"`+text(3)+`"}`), index.StoreField))
		d.AddIDField()
		d.VisitFields(func(f index.Field) {
			if f.Options().IsIndexed() {
				f.Analyze()
			}
		})
		docs = append(docs, d)
	}
	return docs
}

// TestSameSegmentAsBleve builds segments from the same documents with
// Bleve's builder and with this one, and checks that they hold exactly
// the same: fields, terms, postings with frequencies, norms and
// locations, stored fields and doc values, in memory and once written to
// disk and opened again.
func TestSameSegmentAsBleve(t *testing.T) {
	for _, n := range []int{1, 2, 17, 700, 2100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// Each builder gets its own copy: Bleve's merges a field's
			// values into the first value's frequencies, changing them.
			docs := randomDocuments(rand.New(rand.NewPCG(uint64(n), 7)), n)
			if !canBuild(docs) {
				t.Fatal("canBuild refused Parley's kinds of field")
			}
			stock, _, err := (&zapv17.ZapPlugin{}).New(randomDocuments(rand.New(rand.NewPCG(uint64(n), 7)), n))
			if err != nil {
				t.Fatal(err)
			}
			ours, size, err := (&Plugin{}).New(docs)
			if err != nil {
				t.Fatal(err)
			}
			if size == 0 {
				t.Error("size 0")
			}
			sameSegments(t, stock, ours)

			dir := t.TempDir()
			path := filepath.Join(dir, "ours.zap")
			if err := ours.(segment.UnpersistedSegment).Persist(path); err != nil {
				t.Fatal(err)
			}
			opened, err := (&Plugin{}).Open(path)
			if err != nil {
				t.Fatalf("open the written segment: %v", err)
			}
			defer opened.Close()
			sameSegments(t, stock, opened)
			// The footer's checksum is of all the file before it (the
			// builder's, carried on by zapx's footer).
			file := opened.(*openedSegment).Data()
			if got, want := opened.(*openedSegment).CRC(), crc32.ChecksumIEEE(file[:len(file)-4]); got != want {
				t.Errorf("checksum in the footer %08x, of the file %08x", got, want)
			}
		})
	}
}

// TestMergesWithBleve merges a segment of ours with one of Bleve's, as
// Bleve's merger will (through the plugin, which hands zap its segments
// as zap made them), and checks the result against Bleve's own segments.
func TestMergesWithBleve(t *testing.T) {
	docs := func(seed uint64, n int) []index.Document { return randomDocuments(rand.New(rand.NewPCG(seed, 3)), n) }
	first, second := docs(1, 300), docs(2, 200)
	stock := &zapv17.ZapPlugin{}
	a, _, err := (&Plugin{}).New(first)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := stock.New(second)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, _, err := (&Plugin{}).Merge([]segment.Segment{a, b}, make([]*roaring.Bitmap, 2), filepath.Join(dir, "merged.zap"), nil, nil); err != nil {
		t.Fatal(err)
	}
	merged, err := stock.Open(filepath.Join(dir, "merged.zap"))
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	want, _, err := stock.New(append(docs(1, 300), docs(2, 200)...))
	if err != nil {
		t.Fatal(err)
	}
	sameSegments(t, want, merged)
}

func TestCanBuild(t *testing.T) {
	plain := randomDocuments(rand.New(rand.NewPCG(1, 1)), 3)
	if !canBuild(plain) {
		t.Error("plain documents: want true")
	}
	if canBuild(nil) {
		t.Error("no documents: want false")
	}
	withOffsets := document.NewDocument("x")
	withOffsets.AddField(document.NewTextFieldWithIndexingOptions("body", nil, []byte("a b"), index.IndexField|index.IncludeTermVectors))
	withOffsets.AddIDField()
	withOffsets.VisitFields(func(f index.Field) { f.Analyze() })
	if canBuild([]index.Document{withOffsets}) {
		t.Error("a text field with offsets: want false (Bleve's builder writes it)")
	}
}

// sameSegments compares two segments through zap's reader.
func sameSegments(t *testing.T, want, got segment.Segment) {
	t.Helper()
	if w, g := want.Count(), got.Count(); w != g {
		t.Fatalf("count: got %d, want %d", g, w)
	}
	wantFields, gotFields := slices.Sorted(slices.Values(want.Fields())), slices.Sorted(slices.Values(got.Fields()))
	if !slices.Equal(wantFields, gotFields) {
		t.Fatalf("fields: got %v, want %v", gotFields, wantFields)
	}
	for _, f := range wantFields {
		if w, g := dump(t, want, f), dump(t, got, f); !reflect.DeepEqual(w, g) {
			t.Errorf("field %s: postings differ\ngot  %.600v\nwant %.600v", f, g, w)
		}
	}
	for num := uint64(0); num < want.Count(); num++ {
		if w, g := storedOf(t, want, num), storedOf(t, got, num); !reflect.DeepEqual(w, g) {
			t.Errorf("document %d: stored fields differ\ngot  %v\nwant %v", num, g, w)
		}
	}
	wv, gv := want.(segment.DocValueVisitable), got.(segment.DocValueVisitable)
	wf, _ := wv.VisitableDocValueFields()
	gf, _ := gv.VisitableDocValueFields()
	slices.Sort(wf)
	slices.Sort(gf)
	if !slices.Equal(wf, gf) {
		t.Errorf("doc value fields: got %v, want %v", gf, wf)
	}
	for num := uint64(0); num < want.Count(); num++ {
		if w, g := docValuesOf(t, wv, num, wf), docValuesOf(t, gv, num, wf); !slices.Equal(w, g) {
			t.Errorf("document %d: doc values differ\ngot  %v\nwant %v", num, g, w)
		}
	}
}

// dump lists every term of a field with every posting.
func dump(t *testing.T, s segment.Segment, field string) []string {
	t.Helper()
	dict, err := s.Dictionary(field)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	it := dict.AutomatonIterator(&vellum.AlwaysMatch{}, nil, nil)
	for {
		entry, err := it.Next()
		if err != nil && err != vellum.ErrIteratorDone {
			t.Fatal(err)
		}
		if entry == nil {
			break
		}
		pl, err := dict.PostingsList([]byte(entry.Term), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var line strings.Builder
		fmt.Fprintf(&line, "%q count=%d:", entry.Term, pl.Count())
		pi := pl.Iterator(true, true, true, nil)
		for {
			p, err := pi.Next()
			if err != nil {
				t.Fatal(err)
			}
			if p == nil {
				break
			}
			fmt.Fprintf(&line, " d%d f%d n%g", p.Number(), p.Frequency(), p.Norm())
			for _, l := range p.Locations() {
				fmt.Fprintf(&line, " [%s %d %d %d %v]", l.Field(), l.Pos(), l.Start(), l.End(), l.ArrayPositions())
			}
		}
		out = append(out, line.String())
	}
	return out
}

func storedOf(t *testing.T, s segment.Segment, num uint64) []string {
	t.Helper()
	var out []string
	err := s.VisitStoredFields(num, func(field string, typ byte, value []byte, pos []uint64) bool {
		out = append(out, fmt.Sprintf("%s %c %q %v", field, typ, value, pos))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func docValuesOf(t *testing.T, s segment.DocValueVisitable, num uint64, fields []string) []string {
	t.Helper()
	var out []string
	_, err := s.VisitDocValues(num, fields, func(field string, term []byte) {
		out = append(out, field+"="+string(term))
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkNew compares building a segment of 1,000 documents with
// Bleve's builder and with this one.
func BenchmarkNew(b *testing.B) {
	for _, builder := range []struct {
		name   string
		plugin interface {
			New([]index.Document) (segment.Segment, uint64, error)
		}
	}{{"bleve", &zapv17.ZapPlugin{}}, {"parley", &Plugin{}}} {
		b.Run(builder.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				docs := randomDocuments(rand.New(rand.NewPCG(9, 9)), 1000)
				b.StartTimer()
				if _, _, err := builder.plugin.New(docs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRoaringBytes checks the bitmaps written directly against the
// roaring package's own serialisation.
func TestRoaringBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for _, n := range []int{1, 2, 3, 100, 4095, 4096, 4097, 9000} {
		for _, limit := range []int{70000, 65536, 5000} {
			seen := map[uint32]bool{}
			for len(seen) < min(n, limit) {
				seen[uint32(r.IntN(limit))] = true
			}
			docs := slices.Sorted(maps.Keys(seen))
			got, err := roaringBytes(nil, docs)
			if err != nil {
				t.Fatal(err)
			}
			bm := roaring.New()
			bm.AddMany(docs)
			want, _ := bm.ToBytes()
			if !bytes.Equal(got, want) {
				t.Errorf("%d documents below %d: bytes differ", n, limit)
			}
		}
	}
}

// TestDocNumbersFiltered checks that a segment of this plugin, built or
// opened from its file, finds the same documents by ID as Bleve's own:
// every ID it holds, among many it does not, whatever order they come in.
func TestDocNumbersFiltered(t *testing.T) {
	docs := randomDocuments(rand.New(rand.NewPCG(5, 5)), 2000)
	stock, _, err := (&zapv17.ZapPlugin{}).New(randomDocuments(rand.New(rand.NewPCG(5, 5)), 2000))
	if err != nil {
		t.Fatal(err)
	}
	built, _, err := (&Plugin{}).New(docs)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := built.(*builtSegment); !ok {
		t.Fatalf("built a %T, want one with a filter of its IDs", built)
	}
	path := filepath.Join(t.TempDir(), "ids.zap")
	if err := built.(segment.UnpersistedSegment).Persist(path); err != nil {
		t.Fatal(err)
	}
	// Opened just after it was written, the segment keeps the filter it
	// was built with; opened again, it makes one from its dictionary.
	opened, err := (&Plugin{}).Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	reopened, err := (&Plugin{}).Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if opened.(*openedSegment).ids != built.(*builtSegment).ids || reopened.(*openedSegment).ids == built.(*builtSegment).ids {
		t.Error("want the filter built with the segment when first opened, and a new one after")
	}
	// A filter left for the path by another segment is not taken.
	stale := filterOf([]string{"doc-0000-0"}, 1)
	persisted.Store(path, stale)
	third, err := (&Plugin{}).Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if third.(*openedSegment).ids == stale {
		t.Error("a segment of 2,000 documents took a filter left by one of 1")
	}
	var ids []string
	for i := range docs {
		ids = append(ids, docs[i].ID())
	}
	r := rand.New(rand.NewPCG(9, 9))
	for _, ask := range [][]string{
		nil,
		ids[:1],
		ids[len(ids)-1:],
		{"doc-9999-1", "zzz", "", "a"},
		append(slices.Clone(ids[100:300]), "doc-0100-x", "doc-2000-1"),
		func() []string { // all of them and as many others, shuffled
			all := slices.Clone(ids)
			for range ids {
				all = append(all, fmt.Sprintf("doc-%04d-%d", r.IntN(4000), 1000+r.IntN(1000)))
			}
			r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
			return all
		}(),
	} {
		want, err := stock.DocNumbers(ask)
		if err != nil {
			t.Fatal(err)
		}
		for name, seg := range map[string]segment.Segment{"built": built, "opened": opened, "reopened": reopened} {
			got, err := seg.DocNumbers(ask)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equals(want) {
				t.Errorf("%s, %d IDs: found %d documents %v, want %d", name, len(ask), got.GetCardinality(), got.ToArray(), want.GetCardinality())
			}
		}
	}
}

package index

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/extract"
)

// TestPairPositions checks the pairs field against the exact field: pair
// "a b" stands at p exactly where the exact field has a at p and b at
// p+1, both common words, and never across two body parts. An index made
// with LegacyPairs has the same pairs without positions, and says it is
// schema 5.
func TestPairPositions(t *testing.T) {
	parts := []string{
		"We will not sign, we will not. Will we? The envoy said it would not be the last time.",
		"Advertisement", // set aside: the parts either side must not pair up
		"not we will, one of the two said; we will see. It is what it is",
		"is it? we", // "is is" would run across parts
	}
	text := strings.Join(parts, "\n\n")
	a := &corpus.Article{ID: "pairs-1", Title: "Pairs", Text: text, From: corpus.Provenance{Path: "pairs.jsonl", Line: 1, Record: 1}}
	at := 0
	for i, p := range parts {
		kind := corpus.Body
		if i == 1 {
			kind = corpus.Furniture
		}
		a.Parts = append(a.Parts, corpus.Part{Kind: kind, Start: at, End: at + len(p)})
		at += len(p) + 2
	}
	for _, c := range []struct {
		name   string
		legacy bool
		schema int
	}{{"positions", false, schemaVersion}, {"legacy", true, pairsWithoutPositions}} {
		t.Run(c.name, func(t *testing.T) {
			ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{LegacyPairs: c.legacy})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			w := ix.NewWriter(10, 1)
			if err := w.Put(&extract.Analysis{Article: a}, "hash", nil); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			r, err := ix.Reader()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()

			// Where the exact field says each pair is.
			word := map[uint64]string{}
			for _, term := range fieldTerms(t, r, FieldBodyExact) {
				for _, p := range termPositions(t, r, FieldBodyExact, term) {
					word[p] = term
				}
			}
			want := map[string][]uint64{}
			for p, first := range word {
				if pair, ok := ix.analyzer.CommonPair([]byte(first), []byte(word[p+1])); ok && word[p+1] != "" {
					want[pair] = append(want[pair], p)
				}
			}
			got := map[string][]uint64{}
			for _, pair := range fieldTerms(t, r, FieldBodyPairs) {
				got[pair] = termPositions(t, r, FieldBodyPairs, pair)
			}
			for _, pair := range []string{"we will", "will not", "it is", "one of", "of the"} {
				if len(want[pair]) == 0 {
					t.Errorf("the fixture has no %q", pair)
				}
			}
			for pair, ps := range want {
				slices.Sort(ps)
				if c.legacy {
					ps = nil
				}
				if g := got[pair]; !slices.Equal(g, ps) {
					t.Errorf("%q at %v, want %v", pair, g, ps)
				}
			}
			for pair := range got {
				if _, ok := want[pair]; !ok {
					t.Errorf("%q indexed, but the exact field does not have it", pair)
				}
			}
			st, err := ix.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Schema != c.schema {
				t.Errorf("schema %d, want %d", st.Schema, c.schema)
			}
		})
	}
}

// fieldTerms lists the terms of a field.
func fieldTerms(t *testing.T, r index.IndexReader, field string) []string {
	t.Helper()
	d, err := r.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var out []string
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Term)
	}
	return out
}

// termPositions returns the positions of a term in the index's only
// document, in order; none when the field keeps no positions.
func termPositions(t *testing.T, r index.IndexReader, field, term string) []uint64 {
	t.Helper()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	var out []uint64
	for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
		if err != nil {
			t.Fatal(fmt.Errorf("%s %q: %w", field, term, err))
		}
		if d.Freq == 0 {
			t.Errorf("%s %q: no occurrences", field, term)
		}
		for _, v := range d.Vectors {
			out = append(out, v.Pos)
		}
	}
	slices.Sort(out)
	return out
}

// TestTermsField checks a keyword field of many values against what Bleve
// makes of the values one a line: each distinct value once, in the order
// first given, with how often it came; the length, every value; the
// plain text, the values joined. Past termsScanLimit distinct values the
// field looks values up in a map, so lists run past it.
func TestTermsField(t *testing.T) {
	for _, n := range []int{1, 2, 5, termsScanLimit, termsScanLimit + 1, 200} {
		var values []string
		for i := 0; i < n; i++ {
			values = append(values, fmt.Sprintf("value %d", i*7%(n/2+1)))
		}
		f := newTermsField("f", index.IndexField, 0)
		for _, v := range values {
			f.add(v)
		}
		f.Analyze()
		var gotTerms []string
		var gotCounts []int
		f.VisitTerms(func(term []byte, freq int, positions []uint32) {
			gotTerms = append(gotTerms, string(term))
			gotCounts = append(gotCounts, freq)
		})
		var wantTerms []string
		var wantCounts []int
		for _, v := range values {
			if i := slices.Index(wantTerms, v); i >= 0 {
				wantCounts[i]++
			} else {
				wantTerms, wantCounts = append(wantTerms, v), append(wantCounts, 1)
			}
		}
		if !slices.Equal(gotTerms, wantTerms) || !slices.Equal(gotCounts, wantCounts) {
			t.Errorf("%d values: terms %q %v, want %q %v", n, gotTerms, gotCounts, wantTerms, wantCounts)
		}
		joined := strings.Join(values, "\n")
		if f.AnalyzedLength() != n || f.NumPlainTextBytes() != uint64(len(joined)) {
			t.Errorf("%d values: length %d, plain text %d bytes; want %d, %d", n, f.AnalyzedLength(), f.NumPlainTextBytes(), n, len(joined))
		}
		if n > 1 {
			// The values in the order of their terms: the order of values
			// Bleve is given does not change what it indexes.
			sorted := slices.Sorted(slices.Values(values))
			got := slices.Sorted(slices.Values(strings.Split(string(f.Value()), "\n")))
			if !slices.Equal(got, sorted) {
				t.Errorf("%d values: value holds %q, want %q", n, got, sorted)
			}
		}
	}
	d := document.NewDocument("a")
	addKeyword(d, "source", "Fictional Times", index.StoreField|index.IndexField)
	addKeyword(d, "empty", "", index.IndexField)
	if len(d.Fields) != 1 || string(d.Fields[0].Value()) != "Fictional Times" || d.Fields[0].AnalyzedLength() != 0 {
		t.Errorf("a keyword: %d fields, value %q", len(d.Fields), d.Fields[0].Value())
	}
}

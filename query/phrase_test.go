package query

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/index"
)

// TestPhrasesOnPairs checks phrase searches on the fictional articles of
// testdata/pairs, made to trip up a check on pairs: runs of common words
// repeated, overlapping, in the title only, and cut by text set aside
// (q2 has "we will" and "not" either side of an advertisement). Each
// phrase must find what it finds when checked on words, as indexes
// without pair positions are (schema 5), on this index and on one made
// without pair positions, whose searches check on words by themselves
// and, forced to check on pairs, fall back to words for every article.
func TestPhrasesOnPairs(t *testing.T) {
	ix := testIndex(t, "pairs", "query/testdata/pairs")
	legacy := legacyIndex(t, "query/testdata/pairs")
	for _, c := range []struct {
		query string
		want  []string
	}{
		{`"we will not"`, []string{"q1", "q4"}},
		{`"will not"`, []string{"q1", "q3", "q4", "q5", "q6"}},
		{`"we will"`, []string{"q1", "q2", "q4"}},
		{`"we will not go"`, nil},
		{`"we will not sign"`, []string{"q1"}},
		{`"we will not leave"`, []string{"q1"}},
		{`"it is what it is"`, []string{"q1"}},
		{`"is it"`, []string{"q5"}},
		{`"one of the"`, []string{"q1"}},
		{`"will never surrender"`, []string{"q3"}},
		{`"will not surrender"`, []string{"q3"}},
		{`"the envoy of"`, []string{"q1"}},
		{`"not not"`, []string{"q5"}},
		{`"will will"`, []string{"q5"}},
		{`"that that is is that that is not is not"`, []string{"q5"}},
		{`"not will we"`, []string{"q6"}},
		{`"we will"~1`, []string{"q1", "q2", "q4", "q6"}},
		{`"we will not" OR "will never surrender"`, []string{"q1", "q3", "q4"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			for _, run := range []struct {
				name    string
				ix      *index.Index
				onWords bool
			}{{"pairs", ix, false}, {"words", ix, true}, {"legacy", legacy, true}, {"legacy forced on pairs", legacy, false}} {
				got := keysOf(t, run.ix, bleveHits(t, run.ix, c.query, &run.onWords))
				if !slices.Equal(got, c.want) {
					t.Errorf("%s: got %v, want %v", run.name, got, c.want)
				}
			}
			// And as Search runs it, which reads the index's schema.
			for name, ix := range map[string]*index.Index{"search": ix, "search legacy": legacy} {
				if got := recordIDs(t, ix, run(t, ix, Request{Query: c.query, Limit: 100})); !slices.Equal(got, c.want) {
					t.Errorf("%s: got %v, want %v", name, got, c.want)
				}
			}
		})
	}
}

// TestPhrasesOnPairsAllSides checks phrases of common words, alone and
// with rarer words, on the first AllSides articles: checked on pairs, they
// find exactly the articles they find checked on words, in the same
// number.
func TestPhrasesOnPairsAllSides(t *testing.T) {
	ix, _ := allsidesIndex(t)
	for _, phrase := range []string{"we will not", "will not", "one of the", "it is what it is", "we will not allow",
		"there is no", "as well as", "at the end of the day", "i do not think", "he said he would", "in the united states",
		"the president said", "we are not going to", "not only", "will not be able to", "said it would", "is it", "that that"} {
		q := `"` + phrase + `"`
		words := bleveHits(t, ix, q, new(true))
		pairs := bleveHits(t, ix, q, new(false))
		t.Logf("%-24q %5d", phrase, len(pairs))
		if !slices.Equal(pairs, words) {
			t.Errorf("%q: %d hits checked on pairs, %d on words; first differences %v", phrase, len(pairs), len(words), firstDifferences(pairs, words))
		}
		if len(words) == 0 {
			t.Errorf("%q: no hits; choose a phrase the slice has", phrase)
		}
	}
}

// bleveHits runs a query straight on Bleve and returns the IDs of every
// hit, sorted: with onWords set, every phrase is checked on words or on
// pairs as it says, whatever the index holds.
func bleveHits(t *testing.T, ix *index.Index, query string, onWords *bool) []string {
	t.Helper()
	n, err := Parse(query)
	if err != nil {
		t.Fatal(err)
	}
	c, err := compile(ix, n, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if onWords != nil {
		phrases := 0
		forPhrases(c.query, func(p *phraseQuery) {
			p.OnWords = *onWords
			phrases++
		})
		if phrases == 0 {
			t.Fatalf("%s: no phrase in %T", query, c.query)
		}
	}
	res, err := ix.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequestOptions(c.query, 100000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != len(res.Hits) {
		t.Fatalf("%s: %d hits of %d", query, len(res.Hits), res.Total)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// keysOf returns the fixture records' own keys ("q1") of articles, sorted.
func keysOf(t *testing.T, ix *index.Index, ids []string) []string {
	t.Helper()
	var keys []string
	for _, id := range ids {
		a, err := ix.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, strings.TrimPrefix(a.Key, "id "))
	}
	slices.Sort(keys)
	return keys
}

// forPhrases calls fn for each phrase query in q.
func forPhrases(q bquery.Query, fn func(*phraseQuery)) {
	switch q := q.(type) {
	case *phraseQuery:
		fn(q)
	case *bquery.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			forPhrases(c, fn)
		}
	case *bquery.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			forPhrases(c, fn)
		}
	}
}

// legacyIndex indexes paths (relative to the module root) the way schema
// 5 did, with pairs without positions.
func legacyIndex(t *testing.T, paths ...string) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{LegacyPairs: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for i, p := range paths {
		paths[i] = filepath.Join(corpustest.ModuleRoot(t), p)
	}
	if sum, err := ix.Update(context.Background(), paths, index.UpdateOptions{}); err != nil || sum.Failed > 0 {
		t.Fatalf("index %v: %v, %+v", paths, err, sum)
	}
	if ix.PairPositions() {
		t.Fatal("a legacy index says its pairs have positions")
	}
	return ix
}

// firstDifferences lists up to three IDs in one list and not the other.
func firstDifferences(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) && len(out) < 3 {
			out = append(out, "+"+x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) && len(out) < 6 {
			out = append(out, "-"+x)
		}
	}
	return out
}

package query

import (
	"context"
	"testing"
)

// BenchmarkPhrases runs phrases of common words, alone and with rarer
// words, against the index named by PARLEY_BENCH_INDEX (see
// BenchmarkFacetQueries). On an index made before pairs had positions
// (schema 5), it measures the phrases checked on words:
//
//	PARLEY_BENCH_INDEX=/tmp/ix go test ./query -run - -bench Phrases -count 5
func BenchmarkPhrases(b *testing.B) {
	ix := benchIndex(b)
	for _, q := range []string{`"we will not"`, `"will not"`, `"one of the"`, `"we will not" Iran`, `"the president said"`, `"chemical weapons"`} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := Search(context.Background(), ix, Request{Query: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package query

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parleysearch/parley/index"
)

// BenchmarkFacetQueries runs the benchmark queries against the index named
// by PARLEY_BENCH_INDEX (made with `parley bench --keep --index DIR`), with
// and without facets, so that the cost of facets is measured on real data,
// once the facet values are numbered (as a server numbers them at start):
//
//	PARLEY_BENCH_INDEX=/tmp/ix go test ./query -run - -bench FacetQueries
func BenchmarkFacetQueries(b *testing.B) {
	ix := benchIndex(b)
	queries := benchQueries(b)
	for _, facets := range []bool{false, true} {
		name := "plain"
		if facets {
			name = "facets"
		}
		b.Run(name, func(b *testing.B) {
			if facets {
				if err := ix.PrepareFacets(); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
			}
			for i := 0; i < b.N; i++ {
				for _, q := range queries {
					if _, err := Search(context.Background(), ix, Request{Query: q, Facets: facets}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// benchIndex opens, read-only, the index named by PARLEY_BENCH_INDEX,
// and skips the benchmark when there is none.
func benchIndex(b *testing.B) *index.Index {
	b.Helper()
	dir := os.Getenv("PARLEY_BENCH_INDEX")
	if dir == "" {
		b.Skip("PARLEY_BENCH_INDEX names no index")
	}
	ix, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// benchQueries reads the shared benchmark queries.
func benchQueries(b *testing.B) []string {
	b.Helper()
	f, err := os.Open("../../shared/bench/queries.txt")
	if err != nil {
		b.Skip("no ../shared/bench/queries.txt")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// A bench over a query file with one query and one run, or none, must
// summarise its latencies rather than index out of range.
func TestLatencySummariesOfFewRuns(t *testing.T) {
	if got := median(nil); got != 0 {
		t.Errorf("median of no runs = %v, want 0", got)
	}
	if got := p99(nil); got != 0 {
		t.Errorf("p99 of no runs = %v, want 0", got)
	}
	if got := p99([]float64{7}); got != 7 {
		t.Errorf("p99 of one run = %v, want 7", got)
	}
	runs := make([]float64, 200)
	for i := range runs {
		runs[i] = float64(i)
	}
	// As the SQLite peer computes it: lat[int(len*0.99)-1].
	if got := p99(runs); got != 197 {
		t.Errorf("p99 of 0..199 = %v, want 197", got)
	}
}

// TestBenchKeep checks that bench --keep says where it kept the index it
// made in a temporary folder, and that the index there opens.
func TestBenchKeep(t *testing.T) {
	queries := filepath.Join(t.TempDir(), "queries.txt")
	if err := os.WriteFile(queries, []byte("# fictional\nceasefire\n\"we will not\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo", "articles")
	out := mustCLI(t, nil, "bench", "--plain", "--who", "0", "--repeat", "1", "--keep", demo, queries)
	_, dir, ok := strings.Cut(out, "index kept: ")
	if !ok {
		t.Fatalf("bench --keep printed no folder:\n%s", out)
	}
	dir = strings.TrimSpace(dir)
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(dir)) })
	if stats := mustCLI(t, map[string]string{"PARLEY_INDEX": dir}, "stats"); !strings.Contains(stats, "Articles: 8 from 8 files") {
		t.Errorf("parley stats on the kept index:\n%s", stats)
	}
}

package index

import (
	"context"
	"maps"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// segmentedDemo indexes the demo corpus into several segments: under a
// plan that merges nothing (no segment is under half of one document),
// each part makes a segment or more.
func segmentedDemo(t *testing.T) (*Index, string) {
	t.Helper()
	saved := mergePlan
	t.Cleanup(func() { mergePlan = saved })
	mergePlan = maps.Clone(mergePlan)
	mergePlan["MaxSegmentSize"] = 1
	ix, dir := openTemp(t)
	demo := copyDemo(t)
	for _, part := range []string{"articles", "regional.csv", "wire.jsonl"} {
		update(t, ix, UpdateOptions{}, filepath.Join(demo, part))
	}
	return ix, dir
}

func TestCompactMergesIntoOneSegment(t *testing.T) {
	ix, dir := segmentedDemo(t)
	before, err := ix.Segments()
	if err != nil {
		t.Fatal(err)
	}
	if before < 2 {
		t.Fatalf("segments before compacting: got %d, want several", before)
	}
	articles := articleCount(t, ix)

	done, err := ix.Compact(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if done.Before != before || done.After != 1 {
		t.Errorf("compacted %d -> %d segments, want %d -> 1", done.Before, done.After, before)
	}
	if got := articleCount(t, ix); got != articles {
		t.Errorf("articles after compacting: got %d, want %d", got, articles)
	}

	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n, err := again.Segments(); err != nil || n != 1 {
		t.Errorf("segments after reopening: got %d (%v), want 1", n, err)
	}
	if got := articleCount(t, again); got != articles {
		t.Errorf("articles after reopening: got %d, want %d", got, articles)
	}
}

func TestCompactNeedsWritableIndex(t *testing.T) {
	ix, dir := openTemp(t)
	update(t, ix, UpdateOptions{}, copyDemo(t))
	ix.Close()
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Compact(context.Background()); err == nil {
		t.Error("compacting a read-only index: got no error")
	}
}

// TestCompactBoundsSegments checks that compacting makes no segment over
// the plan's bound: with a bound under half the index, one segment is
// out of reach, and compacting still leaves fewer segments than before.
func TestCompactBoundsSegments(t *testing.T) {
	ix, _ := segmentedDemo(t)
	docs, err := ix.bleve.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	defer func(p mergeplan.MergePlanOptions) { compactPlan = p }(compactPlan)
	compactPlan.MaxSegmentSize = int64(docs)/2 - 1
	done, err := ix.Compact(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if done.After < 2 || done.After >= done.Before {
		t.Errorf("compacted %d -> %d segments under a bound of %d of %d documents, want fewer, and more than one",
			done.Before, done.After, compactPlan.MaxSegmentSize, docs)
	}
}

package index

import "testing"

// TestBackgroundStats checks that the Bleve statistics settle reads are
// there: were one renamed, settle would read it as 0 and could stop
// waiting too soon or, for the epochs, never notice a change.
func TestBackgroundStats(t *testing.T) {
	ix, _ := openTemp(t)
	update(t, ix, UpdateOptions{BatchSize: 2}, copyDemo(t))
	b, busy := ix.background()
	if b.root == 0 || b.persisted == 0 || b.merged == 0 {
		t.Errorf("after indexing: epochs root %d, persisted %d, merged %d; want all set", b.root, b.persisted, b.merged)
	}
	if busy {
		t.Errorf("after indexing, which settles: Bleve still busy (%+v)", b)
	}
	if _, ok := ix.bleve.StatsMap()["index"].(map[string]any)["TotFileMergeZapBeg"].(uint64); !ok {
		t.Error("Bleve's statistics have no TotFileMergeZapBeg")
	}
	if _, ok := ix.bleve.StatsMap()["index"].(map[string]any)["TotFileMergeZapEnd"].(uint64); !ok {
		t.Error("Bleve's statistics have no TotFileMergeZapEnd")
	}
}

package index

import (
	"context"
	"time"
)

// settle waits until Bleve has merged the segments that writing left
// behind, so that the index a run hands over is as compact and as quick
// to search as it will get. Bleve merges in the background while batches
// are written; when writing outpaces merging, a run would otherwise end
// with dozens of small segments, and every search would pay for them
// until some later writer merged them.
//
// Bleve's own signal, that its merger has planned at the latest snapshot,
// can stay unset with nothing left to do: after a forced merge, under
// load, both its merger and persister were seen idle for minutes while it
// said busy, and `parley compact` hung. So settle also stops once no
// merge is writing and nothing has moved for settleQuiet.
func (ix *Index) settle(ctx context.Context) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var last background
	moved := time.Now()
	for {
		now, busy := ix.background()
		if !busy {
			return nil
		}
		if now != last {
			last, moved = now, time.Now()
		} else if now.mergesStarted == now.mergesEnded && time.Since(moved) >= settleQuiet {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// settleQuiet is how long settle waits for Bleve's background work to
// move before it takes it as done. Planning a merge or persisting a batch
// takes milliseconds; a merge that writes for longer is seen running.
const settleQuiet = 2 * time.Second

// background is where Bleve's background work stands: its snapshot
// epochs and how many merges it has begun and ended writing.
type background struct {
	root, merged, persisted    uint64
	mergesStarted, mergesEnded uint64
}

// background returns where Bleve's background work stands, and whether it
// says it is still persisting or merging.
func (ix *Index) background() (background, bool) {
	m, _ := ix.bleve.StatsMap()["index"].(map[string]any)
	n := func(key string) uint64 { v, _ := m[key].(uint64); return v }
	active, _ := m["index_bgthreads_active"].(bool)
	return background{root: n("CurRootEpoch"), merged: n("LastMergedEpoch"), persisted: n("LastPersistedEpoch"),
		mergesStarted: n("TotFileMergeZapBeg"), mergesEnded: n("TotFileMergeZapEnd")}, active
}

// LiveBytes returns the disk space the index's current segments take:
// less than the folder holds while Bleve has yet to remove segments that
// merges replaced.
func (ix *Index) LiveBytes() int64 {
	n, _ := ix.bleve.StatsMap()["index"].(map[string]any)["num_bytes_used_disk_by_root"].(uint64)
	return int64(n)
}

// MergedBytes returns how many bytes Bleve's merges have written since the
// index was opened: the work merging cost, for benchmarks.
func (ix *Index) MergedBytes() uint64 {
	n, _ := ix.bleve.StatsMap()["index"].(map[string]any)["total_compaction_written_bytes"].(uint64)
	return n
}

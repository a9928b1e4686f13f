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
func (ix *Index) settle(ctx context.Context) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for ix.busy() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	return nil
}

// busy reports whether Bleve is still persisting or merging.
func (ix *Index) busy() bool {
	active, _ := ix.bleve.StatsMap()["index"].(map[string]any)["index_bgthreads_active"].(bool)
	return active
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

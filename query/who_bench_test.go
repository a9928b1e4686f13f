package query

import (
	"context"
	"slices"
	"testing"
	"time"
)

// BenchmarkWho checks claims made from 100 quotations of the index named
// by PARLEY_BENCH_INDEX (made with `parley bench --keep --index DIR`),
// altered as Alterations say, and reports the share answered right and
// the median and 99th percentile time of an answer:
//
//	PARLEY_BENCH_INDEX=/tmp/ix go test ./query -run - -bench Who
func BenchmarkWho(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	trials, err := WhoTrials(ctx, ix, 100)
	if err != nil || len(trials) == 0 {
		b.Fatalf("%d trials: %v", len(trials), err)
	}
	b.ResetTimer()
	right := 0
	took := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		t := trials[i%len(trials)]
		start := time.Now()
		ans, err := Who(ctx, ix, WhoRequest{Claim: t.Claim})
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if t.Right(ans) {
			right++
		}
	}
	b.ReportMetric(float64(right)/float64(b.N), "right/claim")
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

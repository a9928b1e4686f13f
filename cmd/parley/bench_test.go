package main

import "testing"

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

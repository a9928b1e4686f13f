package web

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestTurns checks that a search waits while all turns are taken, runs
// once one is free, and gives up when its deadline passes first.
func TestTurns(t *testing.T) {
	tu := make(turns, 1)
	release, started := make(chan struct{}), make(chan struct{})
	go inTurn(context.Background(), tu, func() (*int, error) {
		close(started)
		<-release
		return nil, nil
	})
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	ran := false
	if _, err := inTurn(ctx, tu, func() (*int, error) { ran = true; return nil, nil }); !errors.Is(err, context.DeadlineExceeded) || ran {
		t.Errorf("with every turn taken: err %v, ran %v; want the deadline's error and no run", err, ran)
	}
	close(release)
	n := 7
	got, err := inTurn(context.Background(), tu, func() (*int, error) { return &n, nil })
	if err != nil || got == nil || *got != 7 {
		t.Errorf("once the turn is free: %v, %v; want 7", got, err)
	}
}

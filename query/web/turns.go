package web

import (
	"context"
	"runtime"
)

// turns lets as many searches run at once as the machine has CPUs and
// makes the others wait their turn, in order of arrival (Go queues the
// goroutines blocked on a channel first come, first served).
//
// Without it, every request in flight shares the CPUs: under 32
// connections on two cores a search that needs 5 ms of CPU took 80 ms or
// more, and the p99 was four times the time an answer waited in line.
// Taking turns, each search runs at full speed once started, and the
// wait is about the same for everyone.
type turns chan struct{}

// newTurns lets n searches run at once; n <= 0 means GOMAXPROCS.
func newTurns(n int) turns {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return make(turns, n)
}

// inTurn runs ask once it is its turn, or gives up with ctx's error when
// the request's deadline passes first.
func inTurn[T any](ctx context.Context, t turns, ask func() (*T, error)) (*T, error) {
	select {
	case t <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-t }()
	return ask()
}

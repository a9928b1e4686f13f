// Command parley indexes folders of news articles and exports and searches
// them: who said what, when, and where it first appeared.
//
// Run `parley help` for the commands; the README has the query syntax and
// the JSON and CSV shapes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args, os.Stdout, os.Stderr)
	if err != nil {
		var ec exitCoder
		code := 1
		if errors.As(err, &ec) {
			code = ec.ExitCode()
		}
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(os.Stderr, "parley:", msg)
		}
		os.Exit(code)
	}
}

type exitCoder interface{ ExitCode() int }

// run runs the command line args (args[0] is the program name), writing
// results to stdout and messages to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return newApp(stdout, stderr, os.Getenv).RunContext(ctx, args)
}

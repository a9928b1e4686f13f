package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

func compactCommand(stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:  "compact",
		Usage: "merge the index into a few large segments, so that searches run faster",
		Description: `Merges the index's segments into as few as it can (none over 200,000
documents: AllSides with quotations becomes two). Indexing leaves a large index in
many segments, and every search looks each of its words up in every one.
It needs room on disk for a second copy of the index while it runs.
parley serve does it by itself when it starts on an index of many segments.`,
		Flags: []cli.Flag{indexFlag()},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			ix, err := openIndex(c, getenv, false)
			if err != nil {
				return err
			}
			done, err := ix.Compact(c.Context)
			if cerr := ix.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "Compacted %s: %d segments -> %d in %.1f s\n", ix.Path(), done.Before, done.After, done.Elapsed.Seconds())
			return nil
		},
	}
}

package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

func statsCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count what the index holds: articles, quotations, sources, dates, size",
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON"},
			&cli.IntFlag{Name: "sources", Value: 10, Usage: "how many sources to list (0 for all)"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			st, err := rd.Stats(c.Context)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(stdout, st)
			}
			s := newStyle(c, stdout, getenv)
			fmt.Fprintf(stdout, "%s %s (%s)\n", s.dim("Index:   "), st.Path, megabytes(st.Bytes))
			fmt.Fprintf(stdout, "%s %s from %s\n", s.dim("Articles:"), count(st.Articles), plural(int(st.Files), "file", "files"))
			fmt.Fprintf(stdout, "%s %s\n", s.dim("Quotes:  "), count(st.Quotes))
			if !st.First.IsZero() {
				fmt.Fprintf(stdout, "%s %s to %s", s.dim("Dates:   "), st.First, st.Last)
			} else {
				fmt.Fprintf(stdout, "%s none", s.dim("Dates:   "))
			}
			fmt.Fprintf(stdout, " (%s undated)\n", count(st.Undated))
			fmt.Fprintf(stdout, "%s %s\n", s.dim("Sources: "), count(len(st.Sources)))
			n := c.Int("sources")
			for i, src := range st.Sources {
				if n > 0 && i >= n {
					fmt.Fprintf(stdout, "  … and %s more (--sources 0 lists all)\n", count(len(st.Sources)-n))
					break
				}
				fmt.Fprintf(stdout, "  %8s  %s\n", count(src.Count), clean(orDash(src.Value, "(no source)")))
			}
			return nil
		},
	}
}

func megabytes(b int64) string {
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
)

// maxProblemsShown bounds the problems printed one by one; the rest are
// counted in the summary, so one broken export cannot flood the screen.
const maxProblemsShown = 50

// indexMemoryLimit is the heap size the garbage collector aims to stay
// under while indexing (unless GOMEMLIMIT says otherwise): without it the
// heap of an AllSides-sized run doubles past a gigabyte on garbage alone;
// with it, heap and mapped index files together stay near 900 MB.
const indexMemoryLimit = 520 << 20

// indexGCPercent is the garbage collector's GOGC while indexing (unless
// GOGC says otherwise). Indexing makes garbage fast, and at Go's default
// of 100 the collector ran so often that it, and the preemptions it needs,
// took a fifth of the CPU; at 200 the same runs took about 13% less CPU
// (8,000 AllSides articles, alternating runs). The memory limit above
// still bounds the heap, so a large run ends no bigger than before.
const indexGCPercent = 200

// tuneGCForIndexing sets the garbage collector for a run of indexing and
// returns what puts it back, and gives the heap indexing used back to the
// system: a server that indexed its PATHs first would otherwise keep
// hundreds of megabytes it no longer needs. GOMEMLIMIT and GOGC, when
// set, win.
func tuneGCForIndexing(getenv env) (restore func()) {
	limit, percent := int64(-1), -1
	if getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(indexMemoryLimit)
	}
	if getenv("GOGC") == "" {
		percent = debug.SetGCPercent(indexGCPercent)
	}
	return func() {
		debug.FreeOSMemory()
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
		if percent >= 0 {
			debug.SetGCPercent(percent)
		}
	}
}

func indexCommand(stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "index",
		Usage:     "read articles from files and folders into the index",
		ArgsUsage: "PATH...",
		Description: `Reads .txt and .md articles (the first non-empty line is the title; a
metadata.jsonl or metadata.csv in the folder describes them), JSON Lines
(.jsonl, .ndjson, gzipped or not) and CSV (.csv, gzipped or not), walking
folders recursively. Indexing the same files again changes nothing; a changed
file replaces its articles. Problems with the input are reported with file
and line, and the rest is indexed. The exit status is 1 if anything failed.`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.BoolFlag{Name: "prune", Usage: "also remove articles whose files no longer exist"},
			&cli.Int64Flag{Name: "max-size", Value: corpus.DefaultMaxFileSize >> 20, Usage: "largest plain text file to read, in `MB`"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems and the summary"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return exitError{errors.New("nothing to index: give one or more files or folders, as in parley index ~/articles"), 2}
			}
			defer tuneGCForIndexing(getenv)()
			ix, err := openIndex(c, getenv, false)
			if err != nil {
				return err
			}
			var bar *progressBar
			if isTerminal(stderr) && !c.Bool("quiet") {
				bar = newProgressBar(stderr)
			}
			shown := 0
			sum, runErr := ix.Update(c.Context, c.Args().Slice(), index.UpdateOptions{
				Prune: c.Bool("prune"),
				Read:  corpus.Options{MaxFileSize: c.Int64("max-size") << 20},
				Problem: func(p corpus.Problem) {
					if p.Severity == corpus.Skipped && c.Bool("quiet") {
						return
					}
					if shown++; shown <= maxProblemsShown {
						bar.clear()
						fmt.Fprintf(stderr, "%s: %s\n", p.Severity, clean(p.Error()))
					}
				},
				Progress: func(p index.Progress) { bar.draw(p) },
			})
			bar.clear()
			if closeErr := ix.Close(); runErr == nil {
				runErr = closeErr
			}
			if shown > maxProblemsShown {
				fmt.Fprintf(stderr, "… and %s more problems (counted below)\n", count(shown-maxProblemsShown))
			}
			fmt.Fprintln(stderr, summaryLine(sum, ix.Path()))
			if runErr != nil {
				if errors.Is(runErr, c.Context.Err()) && c.Context.Err() != nil {
					return fmt.Errorf("interrupted; everything written so far is kept, and running the same command again completes it")
				}
				return runErr
			}
			if sum.Failed > 0 {
				return exitError{fmt.Errorf("%s failed (see above); the rest is indexed", plural(sum.Failed, "file or record", "files or records")), 1}
			}
			return nil
		},
	}
}

// summaryLine says what an index run did, in one paragraph.
func summaryLine(s index.Summary, path string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Indexed %s in %s into %s: %s added, %s updated, %s unchanged, %s removed",
		plural(s.Files, "file", "files"), s.Elapsed.Round(10*time.Millisecond), path,
		count(s.Added), count(s.Updated), count(s.Unchanged), count(s.Removed))
	if s.FilesUnchanged > 0 {
		fmt.Fprintf(&b, " (%s unchanged, not read again)", plural(s.FilesUnchanged, "file", "files"))
	}
	fmt.Fprintf(&b, "; %s skipped, %s failed", count(s.Skipped), count(s.Failed))
	if s.Warnings > 0 {
		fmt.Fprintf(&b, ", %s", plural(s.Warnings, "warning", "warnings"))
	}
	b.WriteString(".")
	if len(s.Reasons) > 0 {
		reasons := make([]string, 0, len(s.Reasons))
		for r, n := range s.Reasons {
			reasons = append(reasons, fmt.Sprintf("%s: %s", r, count(n)))
		}
		sort.Strings(reasons)
		b.WriteString("\n  " + strings.Join(reasons, "\n  "))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return count(n) + " " + many
}

package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/query"
)

func quotesCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "quotes",
		Usage:     "find quotations: who said what, where and when",
		ArgsUsage: "[QUERY]",
		Description: `Searches the quotations found in the indexed articles, one card each: the
quoted words, the speaker and the words that named them, the article and the
byte offsets of the quotation in it. QUERY searches the quoted words (bare
words, "phrases", speaker:, source:, after:, before:); with none, every
quotation, newest first. parley quotes --speaker Lavrov '"will not"'`,
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.StringFlag{Name: "speaker", Usage: "only quotations attributed to `NAME` (any spelling the index knows)"},
			&cli.StringFlag{Name: "from", Usage: "only quotations from articles published on or after `DATE`"},
			&cli.StringFlag{Name: "to", Usage: "only quotations from articles published on or before `DATE`"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "only quotations found with at least this confidence `X` (0 to 1)"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: query.DefaultLimit, Usage: "quotations per page"},
			&cli.IntFlag{Name: "page", Value: 1, Usage: "page of results, from 1"},
			&cli.BoolFlag{Name: "facets", Usage: "also count matches by speaker, source and month"},
			&cli.BoolFlag{Name: "exact", Usage: "names mean only themselves: no other spellings"},
			&cli.BoolFlag{Name: "explain", Usage: "show how the query was read"},
			&cli.BoolFlag{Name: "json", Usage: "print results as JSON"},
			&cli.BoolFlag{Name: "csv", Usage: "print results as CSV, one quotation a row"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.Bool("json") && c.Bool("csv") {
				return exitError{errors.New("choose one of --json and --csv"), 2}
			}
			if err := countFlags(c, "limit", "page"); err != nil {
				return err
			}
			req := query.QuoteRequest{
				Query:         strings.TrimSpace(strings.Join(c.Args().Slice(), " ")),
				Speaker:       c.String("speaker"),
				MinConfidence: c.Float64("min-confidence"),
				Limit:         c.Int("limit"),
				Page:          c.Int("page"),
				Exact:         c.Bool("exact"),
				Facets:        c.Bool("facets"),
				FacetSize:     20,
			}
			var err error
			if req.From, err = dateFlag(c, "from"); err != nil {
				return err
			}
			if req.To, err = dateFlag(c, "to"); err != nil {
				return err
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			res, err := rd.Quotes(c.Context, req, c.Bool("explain"))
			if err != nil {
				return searchError(err)
			}
			switch {
			case c.Bool("json"):
				if !c.Bool("explain") {
					res.Explain = nil
				}
				return writeJSON(stdout, res)
			case c.Bool("csv"):
				return query.WriteQuotesCSV(stdout, res)
			}
			writeQuotes(stdout, newStyle(c, stdout, getenv), res, c.Bool("explain"))
			return nil
		},
	}
}

// writeQuotes prints quotation cards for a person to read.
func writeQuotes(w io.Writer, st style, res *query.QuoteResults, explain bool) {
	if explain {
		for _, e := range res.Explain {
			fmt.Fprintf(w, "%s %s\n", st.dim("explain:"), clean(e))
		}
		fmt.Fprintln(w)
	}
	what := clean(res.Query)
	if what == "" {
		what = "the search"
	}
	first := (res.Page-1)*res.Limit + 1
	switch {
	case res.Total == 0:
		fmt.Fprintf(w, "No quotations match %s.\n", what)
	case len(res.Hits) == 0:
		fmt.Fprintf(w, "%s %s; page %d is past the end.\n", plural(int(res.Total), "quotation matches", "quotations match"), what, res.Page)
	default:
		fmt.Fprintf(w, "%s %s (showing %d–%d, %s)\n", plural(int(res.Total), "quotation matches", "quotations match"), what,
			first, first+len(res.Hits)-1, time.Duration(res.TookMS*float64(time.Millisecond)).Round(10*time.Microsecond))
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. “%s”\n", first+i, st.marked(h.Snippet))
		who := orDash(clean(h.Speaker), "speaker unknown")
		if h.SpeakerText != "" && h.SpeakerText != h.Speaker {
			who += fmt.Sprintf(" (named as %q)", clean(h.SpeakerText))
		}
		if h.Cue != "" {
			who += " · " + clean(h.Cue)
		}
		fmt.Fprintf(w, "   — %s\n", st.bold(who))
		title := orDash(clean(h.Article.Title), "(no title)")
		fmt.Fprintf(w, "   %s\n", st.dim(strings.Join([]string{orDash(clean(h.Article.Source), "source unknown"),
			orDash(h.Article.Published, "undated"), title}, " · ")))
		where := orDash(clean(h.Article.URL), clean(h.Article.Path))
		fmt.Fprintf(w, "   %s\n", st.dim(fmt.Sprintf("%s · article %s bytes %d–%d · %s, confidence %.2f", where, h.Article.ID, h.Start, h.End, h.Kind, h.Confidence)))
	}
	if f := res.Facets; f != nil {
		writeCounts(w, st, "Speakers", f.Speaker)
		writeCounts(w, st, "Sources", f.Source)
		writeCounts(w, st, "Months", f.Month)
	}
}

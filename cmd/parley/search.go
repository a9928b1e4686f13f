package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/query"
)

func searchCommand(stdout, stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "find articles: ranked, with highlighted snippets",
		ArgsUsage: "QUERY",
		Description: `Bare words are all required and match any form of the word; "quoted words"
match exactly those words in that order. AND, OR, NOT, parentheses, -word,
title:, body:, comments:, source:, "words"~N, prefix*, word~, after:, before:
and date: are described in the README. Put flags before the query, and quote
the query for your shell: parley search --limit 5 '"we will not" Lavrov'.
A query that starts with - needs -- first: parley search -- -Moscow ceasefire`,
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: query.DefaultLimit, Usage: "hits per page"},
			&cli.IntFlag{Name: "page", Value: 1, Usage: "page of results, from 1"},
			&cli.StringFlag{Name: "sort", Value: "relevance", Usage: "relevance, newest or oldest"},
			&cli.StringFlag{Name: "from", Usage: "only articles published on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)"},
			&cli.StringFlag{Name: "to", Usage: "only articles published on or before `DATE` (to the end of a month or year)"},
			&cli.StringSliceFlag{Name: "source", Usage: "only articles from `SOURCE` (repeat for several)"},
			&cli.BoolFlag{Name: "facets", Usage: "also count matches by source, person, organisation, place and speaker (top 20 each), and by month"},
			&cli.BoolFlag{Name: "comments", Usage: "also search reader comments"},
			&cli.BoolFlag{Name: "exact", Usage: "every word means only itself: no other spellings of names"},
			&cli.BoolFlag{Name: "explain", Usage: "show how the query was read"},
			&cli.BoolFlag{Name: "json", Usage: "print results as JSON"},
			&cli.BoolFlag{Name: "csv", Usage: "print results as CSV, one hit a row"},
			&cli.DurationFlag{Name: "timeout", Value: query.DefaultTimeout, Usage: "give up on a search after this long"},
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
			req := query.Request{
				Query:     strings.Join(c.Args().Slice(), " "),
				Limit:     c.Int("limit"),
				Page:      c.Int("page"),
				Sort:      c.String("sort"),
				Sources:   c.StringSlice("source"),
				Comments:  c.Bool("comments"),
				Exact:     c.Bool("exact"),
				Facets:    c.Bool("facets"),
				Timeout:   c.Duration("timeout"),
				FacetSize: 20,
			}
			if strings.TrimSpace(req.Query) == "" {
				return exitError{errors.New("nothing to search for: give a query, as in parley search ceasefire"), 2}
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
			res, err := rd.Search(c.Context, req, c.Bool("explain"))
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
				return query.WriteCSV(stdout, res)
			}
			writeResults(stdout, newStyle(c, stdout, getenv), res, c.Bool("explain"))
			return nil
		},
	}
}

// maxCountLabel bounds the column of values writeCounts prints: the
// longest value shown sets it, up to this, and longer ones are cut with
// an ellipsis, so that one long name cannot push every count off a
// terminal's line.
const maxCountLabel = 60

// writeCounts prints a heading and values with their counts as bars.
func writeCounts(w io.Writer, st style, heading string, values []query.FacetValue) {
	fmt.Fprintf(w, "\n%s\n", st.bold(heading))
	labels := make([]string, len(values))
	most, width := 0, 0
	for i, v := range values {
		labels[i] = truncate(orDash(clean(v.Value), "(none)"), maxCountLabel)
		most = max(most, v.Count)
		width = max(width, utf8.RuneCountInString(labels[i]))
	}
	for i, v := range values {
		fmt.Fprintf(w, "  %s %6s  %s\n", pad(labels[i], width), count(v.Count), bar(v.Count, most, 30))
	}
}

// truncate cuts s to at most width characters, the last an ellipsis when
// it cut anything.
func truncate(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	return string([]rune(s)[:width-1]) + "…"
}

// dateFlag reads a --from or --to date.
func dateFlag(c *cli.Context, name string) (corpus.Date, error) {
	v := c.String(name)
	if v == "" {
		return corpus.Date{}, nil
	}
	d, err := corpus.ParseDate(v)
	if err != nil || d.Precision > corpus.Day {
		return d, exitError{fmt.Errorf("--%s %q: want a date written YYYY, YYYY-MM or YYYY-MM-DD", name, v), 2}
	}
	return d, nil
}

// countFlags refuses a count flag (--limit, --page) below 1: the search
// would read 0 as "the default" and carry on, and the user meant neither.
func countFlags(c *cli.Context, names ...string) error {
	for _, name := range names {
		if n := c.Int(name); n < 1 {
			return exitError{fmt.Errorf("--%s %d: want a whole number from 1 up", name, n), 2}
		}
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeResults prints results for a person to read.
func writeResults(w io.Writer, st style, res *query.Results, explain bool) {
	if explain {
		for _, e := range res.Explain {
			fmt.Fprintf(w, "%s %s\n", st.dim("explain:"), clean(e))
		}
		fmt.Fprintln(w)
	}
	first := (res.Page-1)*res.Limit + 1
	switch {
	case res.Total == 0:
		fmt.Fprintf(w, "No articles match %s.\n", clean(res.Query))
	case len(res.Hits) == 0:
		fmt.Fprintf(w, "%s %s; page %d is past the end.\n", plural(int(res.Total), "article matches", "articles match"), clean(res.Query), res.Page)
	default:
		fmt.Fprintf(w, "%s %s (showing %d–%d, %s)\n", plural(int(res.Total), "article matches", "articles match"), clean(res.Query),
			first, first+len(res.Hits)-1, time.Duration(res.TookMS*float64(time.Millisecond)).Round(10*time.Microsecond))
	}
	for i, h := range res.Hits {
		fmt.Fprintln(w)
		title := h.Title
		if title == "" {
			title = "(no title)"
		}
		if len(h.Snippets.Title) > 0 {
			title = st.marked(h.Snippets.Title[0])
		} else {
			title = clean(title)
		}
		fmt.Fprintf(w, "%d. %s\n", first+i, st.bold(title))
		var meta []string
		meta = append(meta, orDash(clean(h.Source), "source unknown"), orDash(h.Published, "undated"))
		where := h.URL
		if where == "" {
			where = h.Path
			if h.Line > 0 {
				where += ":" + strconv.Itoa(h.Line)
			}
		}
		meta = append(meta, clean(where))
		fmt.Fprintf(w, "   %s\n", st.dim(strings.Join(meta, " · ")))
		for _, sn := range h.Snippets.Body {
			fmt.Fprintf(w, "   %s\n", snippetLine(st, sn))
		}
		for _, sn := range h.Snippets.Comments {
			fmt.Fprintf(w, "   %s %s\n", st.dim("comment:"), snippetLine(st, sn))
		}
		fmt.Fprintf(w, "   %s\n", st.dim(fmt.Sprintf("id %s · score %.3f", h.ID, h.Score)))
	}
	if res.Facets != nil {
		writeFacets(w, st, res.Facets)
	}
}

func snippetLine(st style, sn query.Snippet) string {
	at := ""
	if sn.Start != nil {
		at = st.dim(fmt.Sprintf(" [bytes %d–%d]", *sn.Start, *sn.End))
	}
	return st.marked(sn) + at
}

func orDash(s, missing string) string {
	if s == "" {
		return missing
	}
	return s
}

func writeFacets(w io.Writer, st style, f *query.Facets) {
	for _, group := range []struct {
		heading string
		values  []query.FacetValue
	}{{"Sources", f.Source}, {"People", f.Person}, {"Organisations", f.Org}, {"Places", f.Place}, {"Speakers", f.Speaker}} {
		if len(group.values) > 0 {
			writeCounts(w, st, group.heading, group.values)
		}
	}
	fmt.Fprintf(w, "\n%s\n", st.bold("Months"))
	max := 0
	for _, v := range f.Month {
		if v.Count > max {
			max = v.Count
		}
	}
	label := 7 // "2020-10"
	if f.MonthUnknown > 0 {
		label = len("month unknown")
	}
	for _, v := range f.Month {
		fmt.Fprintf(w, "  %s %6s  %s\n", pad(v.Value, label), count(v.Count), bar(v.Count, max, 30))
	}
	if f.MonthUnknown > 0 {
		fmt.Fprintf(w, "  %s %6s\n", pad("month unknown", label), count(f.MonthUnknown))
	}
	if f.Undated > 0 {
		fmt.Fprintf(w, "  %s %6s\n", pad("undated", label), count(f.Undated))
	}
}

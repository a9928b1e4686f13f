package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/query"
)

func showCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print one article: its metadata, clean text and what was set aside",
		ArgsUsage: "ID",
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the article as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return exitError{errors.New("give one article ID, as printed by parley search"), 2}
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			doc, err := rd.Document(c.Context, c.Args().First())
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(stdout, doc)
			}
			writeArticle(stdout, newStyle(c, stdout, getenv), doc)
			return nil
		},
	}
}

func writeArticle(w io.Writer, st style, a *query.Document) {
	fmt.Fprintln(w, st.bold(clean(orDash(a.Title, "(no title)"))))
	fmt.Fprintln(w)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%s %s\n", st.dim(pad(label+":", 11)), clean(value))
		}
	}
	row("ID", a.ID)
	row("Source", orDash(a.Source, "unknown"))
	date := "undated"
	if !a.Published.IsZero() {
		date = fmt.Sprintf("%s (%s, from %s)", a.Published, a.Published.Precision, a.DateMethod)
	}
	row("Published", date)
	row("URL", a.URL)
	file := a.Path
	if a.Line > 0 {
		file = fmt.Sprintf("%s, line %d (record %d)", a.Path, a.Line, a.Record)
	}
	row("File", file)
	row("Authors", strings.Join(a.Authors, "; "))
	row("Language", a.Language)
	keys := make([]string, 0, len(a.Extra))
	for k := range a.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		row(k, a.Extra[k])
	}
	fmt.Fprintln(w)
	body := a.PartsOf(corpus.Body)
	for _, p := range body {
		if len(body) > 1 {
			fmt.Fprintln(w, st.dim(fmt.Sprintf("[bytes %d–%d]", p.Start, p.End)))
		}
		for _, para := range strings.Split(p.Text, "\n") {
			if para = clean(para); para != "" {
				fmt.Fprintf(w, "%s\n\n", para)
			}
		}
	}
	aside := func(kind corpus.PartKind, heading string) {
		parts := a.PartsOf(kind)
		if len(parts) == 0 {
			return
		}
		fmt.Fprintln(w, st.bold(heading))
		for _, p := range parts {
			where := fmt.Sprintf("[%s, bytes %d–%d] ", p.Why, p.Start, p.End)
			fmt.Fprintf(w, "  %s%s\n", st.dim(where), clean(p.Text))
		}
		fmt.Fprintln(w)
	}
	aside(corpus.Furniture, "Set aside as site furniture (never searched):")
	aside(corpus.Comments, "Reader comments (searched only with --comments):")
}

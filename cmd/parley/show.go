package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
)

func showCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print one article: its metadata, clean text and what was set aside",
		ArgsUsage: "ID",
		Flags: []cli.Flag{
			indexFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the article as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return exitError{errors.New("give one article ID, as printed by parley search"), 2}
			}
			ix, err := openIndex(c, getenv, true)
			if err != nil {
				return err
			}
			defer ix.Close()
			a, err := ix.Article(c.Context, c.Args().First())
			if err != nil {
				return err
			}
			if c.Bool("json") {
				return writeJSON(stdout, storedJSON(a))
			}
			writeArticle(stdout, newStyle(c, stdout, getenv), a)
			return nil
		},
	}
}

// storedJSON is the shape `parley show --json` prints.
func storedJSON(a index.Stored) any {
	type part struct {
		corpus.Part
		Text string `json:"text"`
	}
	var parts []part
	texts := map[corpus.PartKind][]string{corpus.Body: a.Body, corpus.Comments: a.Comments, corpus.Furniture: a.Furniture}
	seen := map[corpus.PartKind]int{}
	for _, p := range a.Parts {
		text := ""
		if p.Kind == corpus.TitleLine {
			text = a.Title
		} else if ts := texts[p.Kind]; seen[p.Kind] < len(ts) {
			text = ts[seen[p.Kind]]
		}
		seen[p.Kind]++
		parts = append(parts, part{p, text})
	}
	return struct {
		ID         string            `json:"id"`
		Title      string            `json:"title"`
		Source     string            `json:"source"`
		Published  corpus.Date       `json:"published"`
		Precision  corpus.Precision  `json:"precision"`
		DateMethod string            `json:"date_method"`
		URL        string            `json:"url,omitempty"`
		Path       string            `json:"path"`
		Line       int               `json:"line,omitempty"`
		Record     int               `json:"record,omitempty"`
		Authors    []string          `json:"authors,omitempty"`
		Language   string            `json:"language,omitempty"`
		Extra      map[string]string `json:"extra,omitempty"`
		Parts      []part            `json:"parts"`
	}{a.ID, a.Title, a.Source, a.Published, a.Published.Precision, a.DateMethod, a.URL, a.Path, a.Line, a.Record,
		a.Authors, a.Language, a.Extra, parts}
}

func writeArticle(w io.Writer, st style, a index.Stored) {
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
	bodyParts := a.PartsOf(corpus.Body)
	for i, text := range a.Body {
		if i < len(bodyParts) && len(a.Body) > 1 {
			fmt.Fprintln(w, st.dim(fmt.Sprintf("[bytes %d–%d]", bodyParts[i].Start, bodyParts[i].End)))
		}
		for _, para := range strings.Split(text, "\n") {
			if para = clean(para); para != "" {
				fmt.Fprintf(w, "%s\n\n", para)
			}
		}
	}
	aside := func(kind corpus.PartKind, heading string, texts []string) {
		parts := a.PartsOf(kind)
		if len(texts) == 0 {
			return
		}
		fmt.Fprintln(w, st.bold(heading))
		for i, text := range texts {
			where := ""
			if i < len(parts) {
				where = fmt.Sprintf("[%s, bytes %d–%d] ", parts[i].Why, parts[i].Start, parts[i].End)
			}
			fmt.Fprintf(w, "  %s%s\n", st.dim(where), clean(text))
		}
		fmt.Fprintln(w)
	}
	aside(corpus.Furniture, "Set aside as site furniture (never searched):", a.Furniture)
	aside(corpus.Comments, "Reader comments (searched only with --comments):", a.Comments)
}

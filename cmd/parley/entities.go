package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/query"
)

func extractCommand(stdout, stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print what Parley finds in articles, without indexing them",
		ArgsUsage: "PATH...",
		Description: `Reads the files and folders as parley index does and prints, for each article,
its publication date and how it was found, the people, organisations and
places it names and the dates it mentions, each with byte offsets into the
original text. --json prints one JSON object per line (see the README),
with the quotations each article reports and who said them.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print one JSON object per article per line"},
			&cli.BoolFlag{Name: "indirect", Usage: "also report indirect speech (\"she said that …\") among the quotes"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return exitError{errors.New("give one or more files or folders, as in parley extract --json ~/articles"), 2}
			}
			x, err := extractor(c, getenv)
			if err != nil {
				return err
			}
			if c.Bool("indirect") {
				x = x.WithIndirect()
			}
			files, problems := corpus.FindFiles(c.Args().Slice())
			failed := 0
			report := func(p corpus.Problem) {
				if p.Severity == corpus.Failed {
					failed++
				}
				fmt.Fprintf(stderr, "%s: %s\n", p.Severity, clean(p.Error()))
			}
			for _, p := range problems {
				report(p)
			}
			out := bufio.NewWriter(stdout)
			defer out.Flush()
			st := newStyle(c, stdout, getenv)
			reader := corpus.NewReader(corpus.Options{})
			for _, f := range files {
				err := reader.Read(f, func(a *corpus.Article) error {
					an := x.Analyze(a)
					if c.Bool("json") {
						b, err := json.Marshal(an)
						if err != nil {
							return err
						}
						out.Write(append(b, '\n'))
						return c.Context.Err()
					}
					writeAnalysis(out, st, an)
					return c.Context.Err()
				}, report)
				if err != nil {
					return err
				}
			}
			if failed > 0 {
				return exitError{fmt.Errorf("%s failed (see above)", plural(failed, "file or record", "files or records")), 1}
			}
			return nil
		},
	}
}

// writeAnalysis prints what extract found in one article, for a person.
func writeAnalysis(w io.Writer, st style, an *extract.Analysis) {
	a := an.Article
	where := a.From.Path
	if a.From.Line > 0 {
		where = fmt.Sprintf("%s:%d", a.From.Path, a.From.Line)
	}
	fmt.Fprintf(w, "%s\n%s\n", st.bold(clean(orDash(a.Title, "(no title)"))), st.dim(fmt.Sprintf("%s · %s", a.ID, clean(where))))
	date := "undated"
	if !a.Published.IsZero() {
		date = fmt.Sprintf("%s (%s, from %s)", a.Published, a.Published.Precision, a.Published.Method)
	}
	fmt.Fprintf(w, "  published: %s\n", date)
	for _, typ := range []string{entity.Person, entity.Org, entity.Place} {
		var names []string
		seen := map[string]int{}
		for _, m := range an.Entities {
			if m.Type != typ {
				continue
			}
			if seen[m.Name] == 0 {
				names = append(names, m.Name)
			}
			seen[m.Name]++
		}
		if len(names) == 0 {
			continue
		}
		for i, n := range names {
			if seen[n] > 1 {
				names[i] = fmt.Sprintf("%s (%d)", n, seen[n])
			}
		}
		fmt.Fprintf(w, "  %s: %s\n", typeHeading[typ], clean(strings.Join(names, "; ")))
	}
	if len(an.Dates) > 0 {
		var ds []string
		for _, d := range an.Dates {
			ds = append(ds, fmt.Sprintf("%s → %s", d.Text, orDash(d.Value, "?")))
		}
		fmt.Fprintf(w, "  dates: %s\n", clean(strings.Join(ds, "; ")))
	}
	if len(an.Quotes) > 0 {
		fmt.Fprintf(w, "  quotes:\n")
	}
	for _, q := range an.Quotes {
		speaker := "speaker unknown"
		if q.Speaker != "" {
			speaker = q.Speaker
			if q.SpeakerText != "" && q.SpeakerText != q.Speaker {
				speaker += fmt.Sprintf(" (as %q)", q.SpeakerText)
			}
		}
		fmt.Fprintf(w, "    “%s” — %s, %s %s [bytes %d–%d]\n", clean(q.Text), clean(speaker), q.Kind, orDash(q.Cue, "continued"), q.Start, q.End)
	}
	fmt.Fprintln(w)
}

var typeHeading = map[string]string{entity.Person: "people", entity.Org: "organisations", entity.Place: "places"}

func entitiesCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "entities",
		Usage:     "list the people, organisations and places the articles name",
		ArgsUsage: "[QUERY]",
		Description: `Lists, for the articles matching QUERY (all articles without one), each
person, organisation and place they name: its canonical name, type, how many
articles name it and how often, the spellings seen and the roles given.`,
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.StringFlag{Name: "type", Usage: "only person, org or place"},
			&cli.StringSliceFlag{Name: "source", Usage: "only articles from `SOURCE` (repeat for several)"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 50, Usage: "how many to list"},
			&cli.BoolFlag{Name: "exact", Usage: "words in the query mean only themselves"},
			&cli.BoolFlag{Name: "json", Usage: "print the list as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if err := countFlags(c, "limit"); err != nil {
				return err
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			list, err := rd.Entities(c.Context, query.EntitiesRequest{Query: strings.Join(c.Args().Slice(), " "),
				Type: c.String("type"), Sources: c.StringSlice("source"), Limit: c.Int("limit"), Exact: c.Bool("exact")})
			if err != nil {
				return searchError(err)
			}
			if c.Bool("json") {
				return writeJSON(stdout, list)
			}
			st := newStyle(c, stdout, getenv)
			fmt.Fprintf(stdout, "%s name %s", plural(int(list.Articles), "article", "articles"), plural(list.Total, "entity", "entities"))
			if list.Query != "" {
				fmt.Fprintf(stdout, " (matching %s)", clean(list.Query))
			}
			if len(list.Entities) < list.Total {
				fmt.Fprintf(stdout, ", the first %d shown", len(list.Entities))
			}
			fmt.Fprintln(stdout, "")
			for _, e := range list.Entities {
				fmt.Fprintf(stdout, "\n%s %s\n", st.bold(clean(e.Name)), st.dim(fmt.Sprintf("%s · %s · %s", e.Type,
					plural(e.Articles, "article", "articles"), plural(e.Mentions, "mention", "mentions"))))
				if line := spellingLine(e.Spellings, e.Name); line != "" {
					fmt.Fprintf(stdout, "  written: %s\n", clean(line))
				}
				if line := spellingLine(e.Roles, ""); line != "" {
					fmt.Fprintf(stdout, "  roles:   %s\n", clean(line))
				}
			}
			return nil
		},
	}
}

// spellingLine lists spellings with their article counts, leaving out the
// one that is just the name when it is the only one.
func spellingLine(ss []query.Spelling, name string) string {
	if len(ss) == 1 && ss[0].Text == name {
		return ""
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = fmt.Sprintf("%s (%d)", s.Text, s.Articles)
	}
	return strings.Join(parts, "; ")
}

func entityCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "entity",
		Usage:     "show one person, organisation or place: spellings, roles, sources, articles over time",
		ArgsUsage: "NAME",
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.StringFlag{Name: "type", Usage: "person, org, place or speaker, when the name could be several"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return exitError{errors.New("give a name, as in parley entity \"Sergei Lavrov\""), 2}
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			rep, err := rd.Entity(c.Context, strings.Join(c.Args().Slice(), " "), c.String("type"))
			if err != nil {
				return searchError(err)
			}
			if c.Bool("json") {
				return writeJSON(stdout, rep)
			}
			writeEntity(stdout, newStyle(c, stdout, getenv), rep)
			return nil
		},
	}
}

func writeEntity(w io.Writer, st style, rep *query.EntityReport) {
	mentions := plural(rep.Mentions, "mention", "mentions")
	if rep.Type == query.Speaker {
		mentions = plural(rep.Mentions, "quotation", "quotations")
	}
	fmt.Fprintf(w, "%s %s\n", st.bold(clean(rep.Name)), st.dim(fmt.Sprintf("%s · %s · %s", rep.Type,
		plural(rep.Articles, "article", "articles"), mentions)))
	if k := rep.Known; k != nil {
		fmt.Fprintf(w, "  known as: %s\n", clean(strings.Join(k.Spellings(), "; ")))
		if len(k.Roles) > 0 {
			fmt.Fprintf(w, "  roles:    %s\n", clean(strings.Join(k.Roles, "; ")))
		}
		if k.Affiliation != "" || k.Country != "" {
			fmt.Fprintf(w, "  of:       %s\n", clean(orDash(k.Affiliation, k.Country)))
		}
	} else if rep.Type == query.Speaker {
		fmt.Fprintln(w, "  known only as the speaker of quotations, not found as a person or organisation (parley quotes --speaker for them)")
	} else {
		fmt.Fprintln(w, "  not in the gazetteer: named as the articles name it")
	}
	if line := spellingLine(rep.Spellings, ""); line != "" {
		fmt.Fprintf(w, "  written:  %s\n", clean(line))
	}
	if line := spellingLine(rep.Roles, ""); line != "" {
		fmt.Fprintf(w, "  given as: %s\n", clean(line))
	}
	if rep.Articles == 0 {
		fmt.Fprintln(w, "\nNo article in the index names it.")
		return
	}
	writeCounts(w, st, "Sources", rep.Sources)
	writeFacets(w, st, &query.Facets{Month: rep.Months, MonthUnknown: rep.MonthUnknown, Undated: rep.Undated})
	fmt.Fprintf(w, "\n%s\n", st.bold("Latest articles"))
	for _, h := range rep.Recent {
		fmt.Fprintf(w, "  %s  %s  %s %s\n", pad(orDash(h.Published, "undated"), 10), clean(h.Title), st.dim(clean(orDash(h.Source, ""))), st.dim(h.ID))
	}
}

// searchError marks errors the user can fix as usage errors (status 2).
func searchError(err error) error {
	var se *query.SyntaxError
	var re *query.RequestError
	switch {
	case errors.As(err, &se):
		return exitError{fmt.Errorf("query %s", se.Describe()), 2}
	case errors.As(err, &re):
		return exitError{err, 2}
	}
	return err
}

func aliasesCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "aliases",
		Usage:     "show the names Parley knows, and how to add your own",
		ArgsUsage: "[NAME]",
		Description: `Lists the gazetteer: the built-in people, organisations and places, and those of
your own --aliases file, with every spelling Parley treats as the same name.
With NAME, only the entries it names. Add your own in a YAML file:

  - name: Sergey Lavrov
    type: person            # person, org or place
    aliases: [Sergei Lavrov, Lavrov]
    roles: [Foreign Minister]
    affiliation: Russia

or a CSV file with the header name,type,aliases,roles,affiliation (values
within a cell separated by |), and pass it to every command with --aliases
FILE or $PARLEY_ALIASES. An entry whose name Parley knows adds its spellings
to it. Index your articles again after changing the file.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "type", Usage: "only person, org or place"},
			&cli.BoolFlag{Name: "json", Usage: "print the entries as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			x, err := extractor(c, getenv)
			if err != nil {
				return err
			}
			g := x.Gazetteer()
			var entries []*entity.Entry
			if name := strings.Join(c.Args().Slice(), " "); name != "" {
				for _, typ := range []string{entity.Person, entity.Org, entity.Place} {
					if e, ok := g.Lookup(name, typ); ok {
						entries = append(entries, e)
					}
				}
				if len(entries) == 0 {
					return fmt.Errorf("%q is not in the gazetteer; an article naming someone Parley does not know still names them as the article does", name)
				}
			} else {
				entries = g.Entries()
			}
			if t := c.String("type"); t != "" {
				var kept []*entity.Entry
				for _, e := range entries {
					if e.Type == t {
						kept = append(kept, e)
					}
				}
				entries = kept
			}
			if c.Bool("json") {
				return writeJSON(stdout, entries)
			}
			st := newStyle(c, stdout, getenv)
			for _, e := range entries {
				fmt.Fprintf(stdout, "%s %s\n", st.bold(clean(e.Name)), st.dim(strings.TrimSpace(e.Type+" "+e.Kind+" · "+e.From)))
				if len(e.Aliases) > 0 {
					fmt.Fprintf(stdout, "  also: %s\n", clean(strings.Join(e.Aliases, "; ")))
				}
				if len(e.Roles) > 0 {
					fmt.Fprintf(stdout, "  roles: %s\n", clean(strings.Join(e.Roles, "; ")))
				}
				if of := orDash(e.Affiliation, e.Country); of != "" {
					fmt.Fprintf(stdout, "  of: %s\n", clean(of))
				}
			}
			return nil
		},
	}
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/query"
)

func whoCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "who",
		Usage:     "check a claimed quotation: was it said, by whom, in which words, first where",
		ArgsUsage: `"QUOTE"`,
		Description: `Looks for the claimed words among the quotations and article text the index
holds, curly or straight quote marks, a partial line or small wording changes
and all, and gives a verdict: verbatim, partial, altered (with a word diff),
other_speaker (the claim names someone else: --speaker NAME, "Name: words",
'Name said: "words"' or '"words," Name said')
or not_found; then the speaker, the first article that carried the words and
the others that did. parley who --speaker "Sevda Oryan" '"We will not leave"'`,
		Flags: []cli.Flag{
			indexFlag(),
			serverFlag(),
			&cli.StringFlag{Name: "speaker", Usage: "who the claim says said it (`NAME`, any spelling the index knows)"},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 5, Usage: "matches to show"},
			&cli.BoolFlag{Name: "json", Usage: "print the answer as JSON"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			claim := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if claim == "" {
				return exitError{fmt.Errorf("give the quotation to check: parley who %q", "We will not leave"), 2}
			}
			if err := countFlags(c, "limit"); err != nil {
				return err
			}
			rd, err := openReader(c, getenv)
			if err != nil {
				return err
			}
			defer rd.Close()
			res, err := rd.Who(c.Context, query.WhoRequest{Claim: claim, Speaker: c.String("speaker"), Limit: c.Int("limit")})
			if err != nil {
				return searchError(err)
			}
			if c.Bool("json") {
				return writeJSON(stdout, res)
			}
			writeWho(stdout, newStyle(c, stdout, getenv), res)
			return nil
		},
	}
}

// verdictText says a verdict in words.
var verdictText = map[string]string{
	query.Verbatim:     "verbatim: these are the words as reported",
	query.Partial:      "partial: these words are part of a longer quotation",
	query.Altered:      "altered: the reported words differ",
	query.OtherSpeaker: "attributed to someone else",
	query.NotFound:     "not found in the index",
}

// writeWho prints the answer to a claimed quotation for a person to read.
func writeWho(w io.Writer, st style, res *query.WhoResult) {
	fmt.Fprintf(w, "Claim:   “%s”\n", clean(res.Claim))
	if res.Speaker != "" {
		unconfirmed := ""
		if res.SpeakerCheck == query.SpeakerUnknown {
			// The verdict is on the words only: a source that names
			// nobody neither confirms nor denies the claimed speaker.
			unconfirmed = " (not confirmed: no source with these words names who said them)"
		}
		fmt.Fprintf(w, "Claimed: %s%s\n", clean(res.Speaker), unconfirmed)
	}
	fmt.Fprintf(w, "Verdict: %s\n", st.bold(verdictText[res.Verdict]))
	if len(res.Matches) == 0 {
		return
	}
	best := res.Matches[0]
	fmt.Fprintf(w, "Speaker: %s\n", speakerLine(best))
	fmt.Fprintf(w, "Source:  “%s”\n", clean(best.Quote))
	if best.Verdict == query.Altered || best.Verdict == query.OtherSpeaker && best.Similarity < 1 {
		fmt.Fprintf(w, "Diff:    %s\n", st.diff(best.Diff))
	}
	fmt.Fprintf(w, "         %s\n", st.dim(fmt.Sprintf("similarity %.2f · %s · article %s bytes %d–%d", best.Similarity, articleLine(best.Article), best.Article.ID, best.Start, best.End)))
	if f := res.FirstAppearance; f != nil {
		fmt.Fprintf(w, "First:   %s\n", articleLine(*f))
	}
	if len(res.Reprints) > 0 {
		fmt.Fprintf(w, "Also in: %s\n", plural(len(res.Reprints), "other article", "other articles"))
		for _, a := range res.Reprints {
			fmt.Fprintf(w, "  %s\n", articleLine(a))
		}
	}
	if len(res.Matches) > 1 {
		fmt.Fprintf(w, "\nOther matches:\n")
		for _, m := range res.Matches[1:] {
			fmt.Fprintf(w, "  %.2f %s — %s · %s\n", m.Similarity, m.Verdict, speakerLine(m), articleLine(m.Article))
		}
	}
}

func speakerLine(m query.WhoMatch) string {
	switch {
	case m.In == "article":
		return "none found (the words are in the article text, not in a quotation Parley attributed)"
	case m.Speaker == "":
		return "unknown" + namedAs(m)
	}
	return clean(m.Speaker) + namedAs(m)
}

func namedAs(m query.WhoMatch) string {
	if m.SpeakerText == "" || m.SpeakerText == m.Speaker {
		return ""
	}
	return fmt.Sprintf(" (named as %q)", clean(m.SpeakerText))
}

func articleLine(a query.QuoteOf) string {
	return strings.Join([]string{orDash(clean(a.Source), "source unknown"), orDash(a.Published, "undated"),
		orDash(clean(a.Title), "(no title)")}, " · ")
}

// diff writes a word diff: on a terminal deleted words red and struck
// through and inserted words green; plain, [-deleted-] and {+inserted+}
// as git's word diff does.
func (s style) diff(ops []query.DiffOp) string {
	var parts []string
	for _, op := range ops {
		text := clean(op.Text)
		switch {
		case op.Op == "delete" && s.color:
			text = s.wrap("9;31", text)
		case op.Op == "delete":
			text = "[-" + text + "-]"
		case op.Op == "insert" && s.color:
			text = s.wrap("32", text)
		case op.Op == "insert":
			text = "{+" + text + "+}"
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, " ")
}

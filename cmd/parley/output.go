package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/query"
)

// style writes text for a terminal: with colour when the output is a
// terminal that takes it, plain otherwise. Document text always passes
// through clean first, so nothing an article holds can drive the terminal.
type style struct{ color bool }

// newStyle decides colour for w from --color: "always", "never", or by
// default only on a terminal, and never with NO_COLOR set
// (https://no-color.org) or TERM=dumb.
func newStyle(c *cli.Context, w io.Writer, getenv env) style {
	switch colorChoice(c) {
	case "always":
		return style{color: true}
	case "never":
		return style{}
	}
	return style{color: isTerminal(w) && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"}
}

func colorChoice(c *cli.Context) string {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("color") {
			return ctx.String("color")
		}
	}
	return "auto"
}

func (s style) wrap(code, text string) string {
	if !s.color || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string { return s.wrap("1", t) }
func (s style) dim(t string) string  { return s.wrap("2", t) }

// clean makes document text safe and tidy for a terminal (see
// query.Segments): nothing an article holds can drive the terminal.
func clean(s string) string { return query.CleanText(s) }

// render writes text cleaned as clean does, with the byte ranges marks
// (sorted, not overlapping) highlighted.
func (s style) render(text string, marks [][2]int) string {
	var b strings.Builder
	for _, seg := range query.Segments(text, marks) {
		if seg.Mark {
			b.WriteString(s.startMark() + seg.Text + s.endMark())
		} else {
			b.WriteString(seg.Text)
		}
	}
	return b.String()
}

func (s style) startMark() string {
	if s.color {
		return "\x1b[1;33m"
	}
	return ""
}

func (s style) endMark() string {
	if s.color {
		return "\x1b[0m"
	}
	return ""
}

// marked writes a snippet with its highlights, cleaned.
func (s style) marked(sn query.Snippet) string {
	return s.render(sn.Text, sn.Highlights)
}

// count writes a number with thousands separators: 37,554.
func count[N ~int | ~uint64 | ~int64](n N) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// bar draws a bar of width cells for n out of max.
func bar(n, max, width int) string {
	if max <= 0 || n <= 0 {
		return ""
	}
	cells := n * width / max
	if cells == 0 {
		cells = 1
	}
	return strings.Repeat("█", cells)
}

// pad pads s with spaces to width display cells (runes).
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
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

// clean makes document text safe and tidy for a terminal: control
// characters (escape sequences included) and bidirectional overrides are
// dropped, runs of white space become one space, and bytes that are not
// UTF-8 show as U+FFFD.
func clean(s string) string {
	return plainStyle.render(s, nil)
}

var plainStyle = style{}

// render writes text cleaned as clean does, with the byte ranges marks
// (sorted, not overlapping) highlighted.
func (s style) render(text string, marks [][2]int) string {
	var b strings.Builder
	space, inMark := false, false
	next := 0 // the next mark
	for i, r := range text {
		for next < len(marks) && i >= marks[next][1] {
			if inMark {
				b.WriteString(s.endMark())
				inMark = false
			}
			next++
		}
		startMark := next < len(marks) && i >= marks[next][0] && !inMark
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
				r = '\uFFFD'
			}
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || isFormatting(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if startMark {
			b.WriteString(s.startMark())
			inMark = true
		}
		b.WriteRune(r)
	}
	if inMark {
		b.WriteString(s.endMark())
	}
	return b.String()
}

// isFormatting reports invisible characters that can disguise text:
// zero-width spaces and bidirectional controls.
func isFormatting(r rune) bool {
	switch r {
	case '\u200b', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff':
		return true
	}
	return false
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

// plain writes a snippet's text without highlights, cleaned.
func plain(sn query.Snippet) string { return clean(sn.Text) }

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

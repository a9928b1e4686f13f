package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a run of article text ready for display, highlighted or not.
type Segment struct {
	Text string
	Mark bool
}

// Segments makes article text safe and tidy for display, in a terminal or
// on a page, and splits it where highlights (byte ranges of text, sorted,
// not overlapping) start and end. Control characters (escape sequences
// included) and invisible characters that can disguise text are dropped,
// runs of white space become one space, and bytes that are not UTF-8 show
// as U+FFFD. Article text is data: what it holds must never drive the
// device that shows it.
func Segments(text string, marks [][2]int) []Segment {
	var out []Segment
	var b strings.Builder
	flush := func(mark bool) {
		if b.Len() > 0 {
			out = append(out, Segment{Text: b.String(), Mark: mark})
			b.Reset()
		}
	}
	space, inMark, wrote := false, false, false
	next := 0 // the next mark
	for i, r := range text {
		for next < len(marks) && i >= marks[next][1] {
			if inMark {
				flush(true)
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
		if space && wrote {
			b.WriteByte(' ')
		}
		space = false
		if startMark {
			flush(false)
			inMark = true
		}
		b.WriteRune(r)
		wrote = true
	}
	flush(inMark)
	return out
}

// CleanText is text as Segments shows it, without highlights.
func CleanText(s string) string {
	var b strings.Builder
	for _, seg := range Segments(s, nil) {
		b.WriteString(seg.Text)
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

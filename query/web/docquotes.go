package web

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

// textSpan is a stretch of an article's original text that the document
// page sets off: a quotation, or the words that name its speaker.
type textSpan struct {
	Start, End int
	Quote      *docQuote // set for a quotation
	Speaker    bool      // the words naming a speaker
}

// docQuote is a quotation as the document page shows it in the text.
type docQuote struct {
	ID          string // the anchor of its first piece
	Start, End  int
	Speakers    []speakerLink
	SpeakerText string
	Kind        string
	Cue         string
}

// piece is a run of a paragraph: plain text, a quotation's words or a
// speaker's.
type piece struct {
	Segments []query.Segment
	// Lead is set when white space divides the piece from the one before.
	Lead    bool
	Quote   *docQuote
	Speaker bool
	// First marks the piece a quotation starts in, Last the one it ends
	// in, which the speaker's name follows.
	First, Last bool
}

// quoteSpans are the stretches of text the quotations cover and their
// speakers' words, in order and not overlapping: where two overlap, the
// one that starts first (a quotation, at the same start) is kept.
func quoteSpans(quotes []index.StoredQuote) []textSpan {
	var spans []textSpan
	for _, q := range quotes {
		if q.End <= q.Start {
			continue
		}
		dq := &docQuote{ID: "quote-" + strconv.Itoa(q.Start) + "-" + strconv.Itoa(q.End), Start: q.Start, End: q.End, Speakers: speakerLinks(q.Speaker), SpeakerText: q.SpeakerText, Kind: q.Kind, Cue: q.Cue}
		spans = append(spans, textSpan{Start: q.Start, End: q.End, Quote: dq})
		if q.SpeakerEnd > q.SpeakerStart {
			spans = append(spans, textSpan{Start: q.SpeakerStart, End: q.SpeakerEnd, Speaker: true})
		}
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].Quote != nil && spans[j].Quote == nil
	})
	var out []textSpan
	for _, sp := range spans {
		if len(out) > 0 && sp.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// paragraphs splits a part at its line breaks, setting off the spans in
// it and marking the stretch of the original text mark covers.
func paragraphs(part query.DocumentPart, mark *[2]int, spans []textSpan) []paragraph {
	var out []paragraph
	off := 0
	for _, line := range strings.SplitAfter(part.Text, "\n") {
		start := part.Start + off
		off += len(line)
		p := paragraph{Start: start}
		var cuts []textSpan // the spans in this line, cut to it
		for _, sp := range spans {
			s, e := runeStart(line, sp.Start-start), runeStart(line, sp.End-start)
			if s < e {
				c := sp
				c.Start, c.End = s, e
				cuts = append(cuts, c)
			}
		}
		var b pieceBuilder
		pos := 0
		for _, c := range cuts {
			b.add(line, pos, c.Start, textSpan{}, start, mark)
			if q := c.Quote; b.add(line, c.Start, c.End, c, start, mark) && q != nil {
				last := &b.pieces[len(b.pieces)-1]
				last.First = start+c.Start <= q.Start
				last.Last = start+c.End >= q.End
			}
			pos = c.End
		}
		b.add(line, pos, len(line), textSpan{}, start, mark)
		if len(b.pieces) == 0 {
			continue
		}
		p.Pieces, p.Marked = b.pieces, b.marked
		out = append(out, p)
	}
	return out
}

// pieceBuilder collects a line's pieces, keeping the white space between
// them that query.Segments, cleaning each on its own, would drop.
type pieceBuilder struct {
	pieces  []piece
	pending bool // white space seen since the last piece written
	marked  bool
}

// add adds line[s:e] (line starting at byte base of the original) as a
// piece of span's kind, marking what mark covers. It reports whether
// the stretch had anything to show.
func (b *pieceBuilder) add(line string, s, e int, span textSpan, base int, mark *[2]int) bool {
	if s >= e {
		return false
	}
	text := line[s:e]
	var marks [][2]int
	if mark != nil {
		ms, me := max(mark[0]-base-s, 0), min(mark[1]-base-s, len(text))
		if ms < me {
			marks = [][2]int{{ms, me}}
			b.marked = true
		}
	}
	lead, trail := startsWithSpace(text), endsWithSpace(text)
	segs := query.Segments(text, marks)
	if len(segs) == 0 {
		b.pending = b.pending || lead || trail
		return false
	}
	b.pieces = append(b.pieces, piece{Segments: segs, Lead: len(b.pieces) > 0 && (b.pending || lead), Quote: span.Quote, Speaker: span.Speaker})
	b.pending = trail
	return true
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// runeStart clamps i to line and moves it back to the start of a rune, so
// that no cut splits a character.
func runeStart(line string, i int) int {
	i = min(max(i, 0), len(line))
	for i > 0 && i < len(line) && !utf8.RuneStart(line[i]) {
		i--
	}
	return i
}

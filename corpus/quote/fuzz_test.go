package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics, that every quotation and
// speaker is the text at its offsets, inside the body parts, and that
// kinds and confidences are those documented.
func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("testdata/find/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), uint8(0))
	}
	for _, s := range []string{
		"“", "”", `"`, "'", "‘’", "«»", "„“", "“a\n\n“b", "“a,” he said. “b”", `"a," said`, ", said", "According to",
		"“x,” said a spokesman for the", "Ferrin: “", "Halden continued:\n\n“", "the statement said.", "\xff“\xfe”",
		"“We stay,” Halden, who", "He said: ‘a ’n’ b’", "5'10\"", "“” ” “", ".\u201d", "said Halden, ,",
	} {
		f.Add(s, uint8(1))
	}
	g := fixtureGazetteer(f)
	finders := []*Finder{New(g, Options{}), New(g, Options{Indirect: true})}
	f.Fuzz(func(t *testing.T, text string, cut uint8) {
		// A body part that leaves out a stretch, as furniture would.
		parts := [][2]int{{0, len(text)}}
		if c := int(cut) % (len(text) + 1); c > 0 && c < len(text) {
			parts = [][2]int{{0, c / 2}, {c, len(text)}}
		}
		mentions := g.Find(text, parts)
		for _, finder := range finders {
			for _, x := range finder.Find(text, parts, mentions) {
				checkQuote(t, text, parts, x)
			}
		}
	})
}

func checkQuote(t *testing.T, text string, parts [][2]int, x Quote) {
	t.Helper()
	if x.Start < 0 || x.End <= x.Start || x.End > len(text) || text[x.Start:x.End] != x.Text {
		t.Fatalf("quotation %q at [%d, %d) is not the text there (len %d)", x.Text, x.Start, x.End, len(text))
	}
	if !inParts(parts, x.Start, x.End) && x.Kind != Direct {
		t.Fatalf("quotation %q at [%d, %d) is outside the body parts %v", x.Text, x.Start, x.End, parts)
	}
	if !inParts(parts, x.Start, x.Start+1) {
		t.Fatalf("quotation %q at [%d, %d) starts outside the body parts %v", x.Text, x.Start, x.End, parts)
	}
	if x.SpeakerText != "" {
		if x.SpeakerStart < 0 || x.SpeakerEnd <= x.SpeakerStart || x.SpeakerEnd > len(text) || text[x.SpeakerStart:x.SpeakerEnd] != x.SpeakerText {
			t.Fatalf("speaker %q at [%d, %d) is not the text there", x.SpeakerText, x.SpeakerStart, x.SpeakerEnd)
		}
	} else if x.SpeakerStart != 0 || x.SpeakerEnd != 0 {
		t.Fatalf("no speaker text but offsets [%d, %d)", x.SpeakerStart, x.SpeakerEnd)
	}
	switch x.Kind {
	case Direct, Partial, Indirect:
	default:
		t.Fatalf("kind %q", x.Kind)
	}
	if x.Confidence <= 0 || x.Confidence > 1 {
		t.Fatalf("confidence %v", x.Confidence)
	}
	if utf8.ValidString(text) && (strings.TrimSpace(x.Text) != x.Text) {
		t.Fatalf("quotation %q has space around it", x.Text)
	}
}

func inParts(parts [][2]int, from, to int) bool {
	for _, p := range parts {
		if from >= p[0] && to <= p[1] {
			return true
		}
	}
	return false
}

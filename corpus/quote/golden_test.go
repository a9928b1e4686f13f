package quote

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

var update = flag.Bool("update", false, "update golden files")

// TestFindGolden finds the quotations of the fixture articles, read as
// plain text files are, and compares them with testdata/find.golden.
func TestFindGolden(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	files, err := filepath.Glob("testdata/find/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var out bytes.Buffer
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		var parts [][2]int
		for _, p := range corpus.SeparateTitled(text) {
			if p.Kind == corpus.Body {
				parts = append(parts, [2]int{p.Start, p.End})
			}
		}
		fmt.Fprintf(&out, "== %s\n", filepath.Base(file))
		for _, x := range f.Find(text, parts, g.Find(text, parts)) {
			if text[x.Start:x.End] != x.Text {
				t.Errorf("%s: %q is not the text at its offsets", file, x.Text)
			}
			speaker := x.Speaker
			if speaker == "" {
				speaker = "?"
			}
			if x.SpeakerOrg != "" {
				speaker += " [" + x.SpeakerOrg + "]"
			}
			fmt.Fprintf(&out, "%d-%d %s %.2f %s (%q, %q): %q\n", x.Start, x.End, x.Kind, x.Confidence, speaker, x.SpeakerText, x.Cue, x.Text)
		}
	}
	golden := "testdata/find.golden"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", golden, out.Bytes(), want)
	}
}

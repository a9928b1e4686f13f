package corpus

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// describeParts writes parts one a line, for golden files.
func describeParts(text string, parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		why := p.Why
		if why == "" {
			why = "-"
		}
		fmt.Fprintf(&b, "%-9s %-18s [%d,%d) %q\n", p.Kind, why, p.Start, p.End, text[p.Start:p.End])
	}
	return b.String()
}

func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestSeparateGolden runs the cleaner over fictional scraped pages, each
// built to exercise its rules, and compares every part with a golden file.
func TestSeparateGolden(t *testing.T) {
	fixtures, err := filepath.Glob("testdata/clean/*.txt")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range fixtures {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			parts := SeparateTitled(text)
			checkPartsWellFormed(t, text, parts)
			checkGolden(t, strings.TrimSuffix(path, ".txt")+".golden", []byte(describeParts(text, parts)))
		})
	}
}

// checkPartsWellFormed checks what every caller relies on: parts in order,
// not overlapping, inside the text, and trimmed.
func checkPartsWellFormed(t *testing.T, text string, parts []Part) {
	t.Helper()
	prev := 0
	for i, p := range parts {
		if p.Start < prev || p.End < p.Start || p.End > len(text) {
			t.Fatalf("part %d [%d,%d) out of order or out of range (previous end %d, text %d bytes)", i, p.Start, p.End, prev, len(text))
		}
		if s := text[p.Start:p.End]; strings.TrimSpace(s) != s || s == "" {
			t.Errorf("part %d %q is empty or not trimmed", i, s)
		}
		prev = p.End
	}
}

// TestSeparateKeepsProse checks lines that look a little like furniture but
// are the article: a quotation introduced by "said:", a crosshead, prose
// that mentions a newsletter or support, a long line ending in a slash.
func TestSeparateKeepsProse(t *testing.T) {
	lines := []string{
		"The interior minister said:",
		"Here's what he said at Arizona State in 2009:",
		"What the talks achieved",
		"Support the launch of joint research projects funded by both public and private resources",
		"Donating Fetal Tissue Is Legal With Consent Of Donor",
		"Subscribers to the newsletter learned of the offer on Friday, a day before the ministry confirmed it to parliament in a statement.",
		"The ministry's figures, published on Monday, show 40 per cent more crossings than in March.",
		"By the time the monitors arrived, the shelling had stopped.",
		"Comments made by the envoy on Tuesday angered the delegation.",
	}
	for _, l := range lines {
		text := "Title of the article\n\nThe first paragraph of the article is long enough to count as prose and starts the body.\n\n" + l +
			"\n\nThe last paragraph of the article closes it with enough words to be prose as well."
		parts := SeparateTitled(text)
		for _, p := range parts {
			if strings.Contains(text[p.Start:p.End], l) && p.Kind != Body {
				t.Errorf("%q: got %s (%s), want body", l, p.Kind, p.Why)
			}
		}
	}
}

// TestFurnitureLines checks the line rules one by one, with lines of the
// kinds scraped news sites leave in their text.
func TestFurnitureLines(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Advertisement", "advertising"},
		{"ADVERTISEMENT", "advertising"},
		{"Advertisement Advertisement", "advertising"},
		{"Story continues below advertisement", "advertising"},
		{"Story Continued Below", "advertising"},
		{"Continue reading the main story", "advertising"},
		{"Sign up for Daily Newsletters Manage Newsletters", "newsletter"},
		{"Subscribe to our evening newsletter to stay informed during these challenging times!!", "newsletter"},
		{"CLICK HERE TO GET THE FOX NEWS APP", "app prompt"},
		{"Follow @politico", "follow prompt"},
		{"Follow us on Twitter @CNNOpinion.", "follow prompt"},
		{"Image copyright Getty Images", "image credit"},
		{"Photo of author", "image credit"},
		{"Image by", "image credit"},
		{"prev Image 2 of 12", "image credit"},
		{"Enlarge this image toggle caption Evan Vucci/AP Evan Vucci/AP", "caption"},
		{"A monitor looks across the line near Tarnow. Photo: Mira Holt / AMSEL PRESS", "caption"},
		{"The envoy arrives in Veshta. Foreign Ministry / TASS", "caption"},
		{"By admin", "byline"},
		{"BY MICHAEL SCHERER", "byline"},
		{"Updated at 11:35 a.m. ET", "byline"},
		{"This article is more than 2 years old", "byline"},
		{"READ MORE: Lirenian farmers return to the valley", "related link"},
		{"Copyright © 2019 The Amsel Daily. All rights reserved.", "copyright"},
		{"Support The Moscow Times!", "appeal"},
		{"Support Vox’s explanatory journalism", "appeal"},
		{"SHARE THIS ARTICLE Share Tweet Post Email", "share buttons"},
		{"WhatsApp", "share buttons"},
		// Not furniture:
		{"What the talks achieved", ""},
		{"Photos released by the ministry on Monday show the damage", ""},
		{"Donating Fetal Tissue Is Legal With Consent Of Donor", ""},
		{"By the time the monitors arrived, the shelling had stopped.", ""},
		{"On this", ""},
	}
	for _, tt := range tests {
		l := line{text: tt.line, words: countWords(tt.line)}
		if got := furnitureLine(&l); got != tt.want {
			t.Errorf("furnitureLine(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestCommentAuthors checks which lines open a reader's comment outside a
// comment thread (user-name shaped) and inside one (any short name).
func TestCommentAuthors(t *testing.T) {
	tests := []struct {
		line             string
		outside, further bool
	}{
		{"1. petrakian said:", true, true},
		{"kestrel_77 said:", true, true},
		{"Nadia K. says:", false, true},
		{"The minister said:", false, true},
		{"Here's what he said at Arizona State in 2009:", false, true},
		{"Jo wrote on March 3, 2019 at 5:12 pm:", false, true},
		{"Peskov said", false, false},
	}
	for _, tt := range tests {
		l := line{text: tt.line, words: countWords(tt.line)}
		if got := isCommentAuthor(&l, false); got != tt.outside {
			t.Errorf("isCommentAuthor(%q, outside thread) = %v, want %v", tt.line, got, tt.outside)
		}
		if got := isCommentAuthor(&l, true); got != tt.further {
			t.Errorf("isCommentAuthor(%q, in thread) = %v, want %v", tt.line, got, tt.further)
		}
	}
}

// TestSeparateRecord checks an export's text, whose title is known apart:
// a copy of the title at the top is furniture, the rest is body.
func TestSeparateRecord(t *testing.T) {
	text := "Envoys meet in Port Amsel\n\nEnlarge this image toggle caption Ilse Varga/AMSEL PRESS Ilse Varga/AMSEL PRESS\n\nEnvoys from Ostmark and Lirenia met for five hours on Thursday in Port Amsel."
	parts := Separate(text, "Envoys Meet In Port Amsel")
	got := describeParts(text, parts)
	want := `furniture repeated headline  [0,25) "Envoys meet in Port Amsel"
furniture caption            [27,106) "Enlarge this image toggle caption Ilse Varga/AMSEL PRESS Ilse Varga/AMSEL PRESS"
body      -                  [108,185) "Envoys from Ostmark and Lirenia met for five hours on Thursday in Port Amsel."
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestSeparateEdges checks texts with nothing or only one line.
func TestSeparateEdges(t *testing.T) {
	for _, text := range []string{"", "\n\n  \n", "Only a title", "Advertisement\n\nAdvertisement", "\ufeffTitle with a byte order mark\r\n\r\nBody line with Windows line endings that is long enough to be prose.\r\n"} {
		parts := SeparateTitled(text)
		checkPartsWellFormed(t, text, parts)
		parts = Separate(text, "")
		checkPartsWellFormed(t, text, parts)
	}
	parts := SeparateTitled("Advertisement\n\nAdvertisement")
	if len(parts) == 0 || parts[0].Kind != TitleLine {
		t.Errorf("a text of nothing but furniture still needs a title line, got %+v", parts)
	}
}

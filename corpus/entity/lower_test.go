package entity

import (
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// foldSamples are names, roles and words written every way the helpers of
// lower.go tell apart.
var foldSamples = []string{"", " ", "a", "A", "Donald Trump", "donald trump", "DONALD TRUMP", "Donald  Trump", " Donald Trump",
	"Donald Trump ", "Donald\tTrump", "Donald\nTrump", "Donald\u00a0Trump", "Foreign Minister", "foreign minister",
	"Secretary-General", "Sen.", "Jonas P. Kell", "O'Neil", "O`Neil", "O’Neil", "Erdoğan", "Əliyev", "Trump's", "Trump’s",
	"F-16", "F16", "U.S.", "al-Assad", "Abu Bakr al Baghdadi", "1,000", "x\x00y", "Łódź", "Pashinyan", "PASHINYAN"}

// TestFoldHelpers checks foldEqual and appendFold against corpus.Fold,
// and appendNameKey against tokenKey, over the samples and every name and
// alias of the built-in gazetteer.
func TestFoldHelpers(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	names := append([]string(nil), foldSamples...)
	for _, e := range g.Entries() {
		names = append(names, e.Spellings()...)
		names = append(names, e.Roles...)
	}
	for _, s := range names {
		if got, want := string(appendFold([]byte("x"), s)), "x"+corpus.Fold(s); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendNameKey([]byte("x"), s)), "x"+tokenKey(s); got != want {
			t.Errorf("appendNameKey(%q) = %q, want %q", s, got, want)
		}
	}
	for _, a := range foldSamples {
		for _, b := range foldSamples {
			if got, want := foldEqual(a, b), corpus.Fold(a) == corpus.Fold(b); got != want {
				t.Errorf("foldEqual(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestIsLowerCase checks isLowerCase against strings.ToLower on ASCII.
func TestIsLowerCase(t *testing.T) {
	for _, s := range foldSamples {
		for _, lower := range foldSamples {
			want := corpus.IsASCII(s) && strings.ToLower(s) == lower
			if got := isLowerCase(lower, s); got != want && corpus.IsASCII(s) {
				t.Errorf("isLowerCase(%q, %q) = %v, want %v", lower, s, got, want)
			}
		}
	}
	if !isLowerCase("trump", "Trump") || isLowerCase("trump", "Trumps") || isLowerCase("Trump", "trump") {
		t.Errorf("isLowerCase gets Trump wrong")
	}
}

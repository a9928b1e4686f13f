package entity

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWordFacts checks that a word's facts say what the maps and word
// sets they stand for say, after Load and after AddAliasFile.
func TestWordFacts(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, words []string) {
		t.Helper()
		sets := map[wordKind]map[string]bool{givenName: g.givenNames, notName: notNames, connector: connectors,
			orgConnector: orgConnectors, orgHead: orgHeads, workHead: workHeads, placeHead: placeHeads, genericWord: genericWords}
		for _, w := range words {
			wf := g.wordFacts(w)
			if got, want := wf.aliasLens, g.aliasLens.of(w); !slices.Equal(got, want) {
				t.Errorf("%q: got aliasLens %v, want %v", w, got, want)
			}
			if got, want := wf.titleLens, g.titleLens.of(w); !slices.Equal(got, want) {
				t.Errorf("%q: got titleLens %v, want %v", w, got, want)
			}
			if got, want := wf.spelling, g.spellings[w]; got != want {
				t.Errorf("%q: got spelling %v, want %v", w, got, want)
			}
			if got, want := wf.demonym, g.demonyms[w]; got != want {
				t.Errorf("%q: got demonym %v, want %v", w, got, want)
			}
			for kind, set := range sets {
				if got, want := wf.kinds&kind != 0, set[w]; got != want {
					t.Errorf("%q: got kind %b %v, want %v", w, kind, got, want)
				}
			}
		}
	}
	words := []string{"", "zzyzx", "the", "sergey", "lavrov", "foreign", "minister", "ministry", "armenian", "de", "of"}
	for w := range g.facts {
		words = append(words, w)
	}
	for key := range g.spellings {
		if !strings.Contains(key, " ") {
			words = append(words, key)
		}
	}
	check(t, words)

	aliases := filepath.Join(t.TempDir(), "aliases.csv")
	if err := os.WriteFile(aliases, []byte("name,type,aliases\nQuorvath Inc,org,Quorvath Holdings|Zzyzx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile(aliases); err != nil {
		t.Fatal(err)
	}
	if len(g.wordFacts("quorvath").aliasLens) == 0 || len(g.wordFacts("zzyzx").aliasLens) == 0 || g.wordFacts("zzyzx").spelling == nil {
		t.Errorf("the facts of an alias file's words are missing")
	}
	check(t, append(words, "quorvath"))
}

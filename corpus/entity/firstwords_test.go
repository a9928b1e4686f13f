package entity

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestFirstWords(t *testing.T) {
	fw := newFirstWords()
	for _, key := range []string{"foreign minister", "foreign ministry spokesperson", "ostmark", "çelik group", "u.s. army"} {
		fw.add(key)
	}
	for word, want := range map[string][]int{
		"foreign": {3, 2},
		"ostmark": {1},
		"çelik":   {2}, // not lower-case ASCII at its start: the map answers
		"u.s.":    {2}, // ends with a dot
		"foreigb": nil, // same letters at its ends and length, not added
		"fireign": nil, // likewise
		"oatmeal": nil, // same first letter and length
		"the":     nil, // a shape no first word has
		"çelikx":  nil, // no shape, not in the map
		"":        nil,
	} {
		if got := fw.of(word); !slices.Equal(got, want) {
			t.Errorf("of(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestMayPair checks that the first two words of every name and title of
// the built-in gazetteer may start one, and that most other pairs may not.
func TestMayPair(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fw   *firstWords
		keys []string
	}{{g.aliasLens, slices.Collect(maps.Keys(g.spellings))}, {g.titleLens, slices.Collect(maps.Keys(g.titles))}} {
		for _, key := range c.keys {
			words := strings.Split(key, " ")
			if len(words) >= 2 && !c.fw.mayPair(words[0], words[1]) {
				t.Errorf("mayPair(%q, %q) = false for the key %q", words[0], words[1], key)
			}
		}
	}
	passed := 0
	for i := 0; i < 1000; i++ {
		if g.aliasLens.mayPair(fmt.Sprint("word", i), "zzyzx") {
			passed++
		}
	}
	t.Logf("%d of 1,000 pairs no name starts may start one", passed)
	if passed > 200 {
		t.Errorf("%d of 1,000 pairs no name starts may start one", passed)
	}
}

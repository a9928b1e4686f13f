package entity

import (
	"slices"
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

package entity

import (
	"slices"
	"sort"
	"strings"
)

// firstWords lists, for each first word of a name or title, the numbers
// of words its names or titles have, longest first. Most words of a text
// start none: shapes answers that for most of them without a map lookup.
type firstWords struct {
	lens map[string][]int
	// shapes has bit n of [a][z] set when some first word of n bytes
	// (n < 64) starts with the letter a and ends with z. A word of that
	// shape whose bit is clear is no first word.
	shapes [26][26]uint64
	// words filters the first words after shapes: of the 67 lower-case
	// words an average AllSides article has in the shapes of titles'
	// first words, 54 are none, and the map was asked of each.
	words wordFilter
	// pairs is a one-hash Bloom filter of the first two words of the
	// keys of two words or more (see mayPair).
	pairs [1 << 10]uint64
}

func newFirstWords() *firstWords { return &firstWords{lens: map[string][]int{}} }

// add records the first word of key, words separated by single spaces,
// how many words key has, and its first two words.
func (fw *firstWords) add(key string) {
	first, rest, more := strings.Cut(key, " ")
	n := strings.Count(key, " ") + 1
	if a, z, ok := shapeOf(first); ok {
		fw.shapes[a][z] |= 1 << len(first)
	}
	fw.words.add(first)
	if more {
		second, _, _ := strings.Cut(rest, " ")
		h := pairHash(first, second)
		fw.pairs[h>>6] |= 1 << (h & 63)
	}
	if slices.Contains(fw.lens[first], n) {
		return
	}
	fw.lens[first] = append(fw.lens[first], n)
	sort.Sort(sort.Reverse(sort.IntSlice(fw.lens[first])))
}

// of returns the numbers of words of the names or titles that word
// starts, longest first, or nil.
func (fw *firstWords) of(word string) []int {
	if !fw.mayStart(word) || !fw.words.mayHold(word) {
		return nil
	}
	return fw.lens[word]
}

// mayStart reports whether word may be a first word: when it is false,
// of(word) is nil. It is small enough to be inlined, which spares the
// callers of most words a call.
func (fw *firstWords) mayStart(word string) bool {
	a, z, ok := shapeOf(word)
	return !ok || fw.shapes[a][z]&(1<<len(word)) != 0
}

// shapeOf returns the first and last letters of a word of lower-case
// ASCII letters at both ends and fewer than 64 bytes; ok is false for any
// other word, which shapes says nothing about.
func shapeOf(w string) (a, z byte, ok bool) {
	if len(w) == 0 || len(w) >= 64 {
		return 0, 0, false
	}
	a, z = w[0]-'a', w[len(w)-1]-'a'
	return a, z, a < 26 && z < 26
}

// mayPair reports whether some key of two words or more starts with the
// words first and second; false is certain. Most runs of words that a
// first word may start begin no name or title, and the finder tried
// each of its lengths in turn, building the key of each: a capitalised
// word starts 70 such tries an average article, 5 of which find a name.
func (fw *firstWords) mayPair(first, second string) bool {
	h := pairHash(first, second)
	return fw.pairs[h>>6]&(1<<(h&63)) != 0
}

// pairHash hashes the key "first second" to the 16 bits of an index of
// firstWords.pairs, without the key.
func pairHash(first, second string) uint32 {
	h := hashWord(2166136261, first)
	h = (h ^ ' ') * 16777619
	return hashWord(h, second) >> 16
}

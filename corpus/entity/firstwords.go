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
}

func newFirstWords() *firstWords { return &firstWords{lens: map[string][]int{}} }

// add records the first word of key, words separated by single spaces,
// and how many words key has.
func (fw *firstWords) add(key string) {
	first, _, _ := strings.Cut(key, " ")
	n := strings.Count(key, " ") + 1
	if a, z, ok := shapeOf(first); ok {
		fw.shapes[a][z] |= 1 << len(first)
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
	if !fw.mayStart(word) {
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

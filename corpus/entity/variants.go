package entity

import (
	"sort"
	"strings"

	"github.com/parleysearch/parley/corpus"
)

// Variants returns the other spellings of a word that the gazetteer says
// name the same thing, folded: for "kiev", "kyiv"; for "sergei",
// "sergey" and "serguei"; for "artsakh", "karabakh", "nkr" and
// "nagorno-karabakh". A search for the word can then find every spelling.
//
// Variants come from the gazetteer only, and cautiously: the one-word
// spellings of one entry are variants of each other; within spellings of
// one entry that have the same number of words, words in the same place
// are variants when they are spelled alike (Aliyev and Aliev, but not
// Nagorno and Mountainous); given names are variants within their group
// of transliterations. Words of fewer than three letters have none, so
// that "us" stays a pronoun.
func (g *Gazetteer) Variants(word string) []string {
	g.variantsOnce.Do(g.buildVariants)
	key := corpus.Fold(word)
	if len([]rune(key)) < 3 {
		return nil
	}
	group, ok := g.variantGroup[key]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range g.groups[group] {
		if v != key {
			out = append(out, v)
		}
	}
	return out
}

// buildVariants joins spellings into groups with union-find.
func (g *Gazetteer) buildVariants() {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			root := find(p)
			parent[x] = root
			return root
		}
		parent[x] = x
		return x
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[rb] = ra
		}
	}
	for _, e := range g.entries {
		var single []string
		byLen := map[int][][]string{}
		for _, s := range e.Spellings() {
			words := strings.Fields(corpus.Fold(s))
			if len(words) == 1 {
				single = append(single, words[0])
			}
			byLen[len(words)] = append(byLen[len(words)], words)
		}
		for i := 1; i < len(single); i++ {
			union(single[0], single[i])
		}
		for n, spellings := range byLen {
			if n < 2 {
				continue
			}
			for _, other := range spellings[1:] {
				for i := range other {
					a, b := spellings[0][i], other[i]
					if a != b && spelledAlike(a, b) {
						union(a, b)
					}
				}
			}
		}
	}
	for v, first := range g.variantOf {
		union(first, v)
	}
	g.variantGroup = map[string]string{}
	g.groups = map[string][]string{}
	for w := range parent {
		root := find(w)
		g.variantGroup[w] = root
		g.groups[root] = append(g.groups[root], w)
	}
	for root, ws := range g.groups {
		if len(ws) < 2 {
			delete(g.groups, root)
			for _, w := range ws {
				delete(g.variantGroup, w)
			}
			continue
		}
		sort.Strings(ws)
	}
}

// spelledAlike reports whether two words are transliterations of one
// another: the same once y and i and doubled letters are folded, or a few
// edits apart (a third of the shorter word: Warga and Varga, Mamedyarov and
// Mammadyarov, but not Nagorno and Mountainous, which is a translation).
func spelledAlike(a, b string) bool {
	if translitKey(a) == translitKey(b) {
		return true
	}
	shorter := min(len([]rune(a)), len([]rune(b)))
	return shorter >= 4 && editDistance(a, b) <= max(1, shorter/3)
}

// editDistance is the Levenshtein distance between two words.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

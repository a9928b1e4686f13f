package index

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Names (sources, people, organisations, places, speakers) are indexed
// once, as written, in fields with doc values for facets. Filters match
// them regardless of case and accents (source:"le monde" is Le Monde),
// so they look up the ways a name is written in the field's dictionary.
// A folded copy of every name, in fields of their own, cost 13% of what
// entities and dates add to indexing 10,000 AllSides articles (see
// README, "Performance").

// Spellings returns the values of field that are value regardless of
// case, accents and spacing (FoldKey(v) == FoldKey(value)), in
// dictionary order; none when the index has no such value.
func (ix *Index) Spellings(field, value string) ([]string, error) {
	folded := FoldKey(value)
	if folded == "" {
		return nil, nil
	}
	return ix.foldedValues(field, mayFoldTo(folded), func(f string) bool { return f == folded }, 0)
}

// FoldedValues returns, in dictionary order, the values of field whose
// folded form (FoldKey) match accepts, reading all of them. With limit
// above 0 it stops after limit+1 values, so that a caller can tell there
// are more.
func (ix *Index) FoldedValues(field string, match func(folded string) bool, limit int) ([]string, error) {
	return ix.foldedValues(field, nil, match, limit)
}

// foldedValues is FoldedValues, reading the values may accepts (nil: all
// of them).
//
// Each segment's dictionary is read on its own, through may: Bleve's
// dictionary of the whole index merges the segments' a value at a time,
// about 3 µs a value (4 ms for one letter of the people of 10,000
// articles), and its regular expressions took 20-50 ms to compile one
// that allows for accents.
func (ix *Index) foldedValues(field string, may segment.Automaton, match func(folded string) bool, limit int) ([]string, error) {
	r, err := ix.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	seen := map[string]bool{}
	var out []string
	// add reports whether to go on.
	add := func(term string) bool {
		if seen[term] {
			return true
		}
		seen[term] = true
		if match(FoldKey(term)) {
			out = append(out, term)
		}
		return limit <= 0 || len(out) <= limit
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		if err := readValues(r, field, add); err != nil {
			return nil, err
		}
		slices.Sort(out)
		return out, nil
	}
	if may == nil {
		may = anyValue{}
	}
	for _, ss := range snap.Segments() {
		dict, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, fmt.Errorf("read the values of %s: %w", field, err)
		}
		it := dict.AutomatonIterator(may, nil, nil)
		for e, err := it.Next(); e != nil || err != nil; e, err = it.Next() {
			if err != nil {
				return nil, fmt.Errorf("read the values of %s: %w", field, err)
			}
			if !add(e.Term) {
				slices.Sort(out)
				return out, nil
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// readValues gives every value of field to add, through a reader that is
// not scorch's.
func readValues(r index.IndexReader, field string, add func(string) bool) error {
	d, err := r.FieldDict(field)
	if err != nil {
		return err
	}
	defer d.Close()
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			return fmt.Errorf("read the values of %s: %w", field, err)
		}
		if !add(e.Term) {
			break
		}
	}
	return nil
}

// WildcardValues returns, in dictionary order, the values of field whose
// folded form (FoldKey) matches pattern, folded, where * stands for any
// characters and ? for one. With limit above 0 it stops after limit+1
// values, so that a caller can tell there are more.
func (ix *Index) WildcardValues(field, pattern string, limit int) ([]string, error) {
	p := []byte(pattern)
	var may segment.Automaton = anyValue{}
	if len(p) < 63 {
		may = globAutomaton(p)
	}
	return ix.foldedValues(field, may, func(f string) bool { return globMatch(p, f) }, limit)
}

// globMatch reports whether s matches the pattern p, where * stands for
// any characters and ? for one character.
func globMatch(p []byte, s string) bool {
	// The usual walk: on a mismatch, go back to the last * and let it
	// take one more character.
	pi, si := 0, 0
	star, from := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, from = pi, si
			pi++
		case pi < len(p) && p[pi] == '?':
			_, n := utf8.DecodeRuneInString(s[si:])
			pi, si = pi+1, si+n
		case pi < len(p) && p[pi] == s[si]:
			pi, si = pi+1, si+1
		case star >= 0:
			_, n := utf8.DecodeRuneInString(s[from:])
			from += n
			pi, si = star+1, from
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// globAutomaton accepts every value whose folded form can match a glob
// pattern of fewer than 63 bytes, and some more: it reads a value's ASCII
// as the pattern's characters, in either case, and lets a byte outside
// ASCII (of a letter that folds to one, two or no ASCII letters) stand
// for any of the pattern's characters from there on. Its states are sets
// of positions in the pattern, as bits; 0 is dead.
type globAutomaton []byte

func (g globAutomaton) Start() int { return g.closure(1) }

func (g globAutomaton) IsMatch(s int) bool       { return s&(1<<len(g)) != 0 }
func (g globAutomaton) CanMatch(s int) bool      { return s != 0 }
func (g globAutomaton) WillAlwaysMatch(int) bool { return false }

// closure adds the positions past each * of s: a * may stand for nothing.
func (g globAutomaton) closure(s int) int {
	for i, c := range g {
		if c == '*' && s&(1<<i) != 0 {
			s |= 1 << (i + 1)
		}
	}
	return s
}

func (g globAutomaton) Accept(s int, b byte) int {
	if s == 0 {
		return 0
	}
	if b >= utf8Start {
		// Anything from the first position s holds on.
		low := s & -s
		return g.closure(s | ^(low-1)&(1<<(len(g)+1)-1))
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	next := 0
	if isSpace(b) {
		next = s // folding drops white space at either end, and repeats
	}
	for i, c := range g {
		if s&(1<<i) == 0 {
			continue
		}
		switch {
		case c == '*':
			next |= 1 << i
		case c == '?' || c == b || c == ' ' && isSpace(b):
			next |= 1 << (i + 1)
		}
	}
	return g.closure(next)
}

// mayFoldTo is an automaton that accepts every value folding to folded,
// and a few more: those whose ASCII letters, digits and marks, in either
// case, are some of folded's, in its order, with anything else (white
// space, letters outside ASCII, which fold to one, two or no ASCII
// letters) anywhere. The few that do not fold to it are read and
// dropped.
func mayFoldTo(folded string) foldAutomaton {
	var a foldAutomaton
	for i := 0; i < len(folded); i++ {
		if c := folded[i]; c < utf8Start && !isSpace(c) {
			a.ascii = append(a.ascii, c)
		}
	}
	return a
}

// utf8Start is the first byte of every character outside ASCII.
const utf8Start = 0x80

// foldAutomaton is mayFoldTo's automaton. Its states are 0, dead, and
// i+1 once the value's ASCII so far is a subsequence of ascii[:i], the
// shortest such i: the earliest match leaves the most room for the rest.
type foldAutomaton struct{ ascii []byte }

func (a foldAutomaton) Start() int               { return 1 }
func (a foldAutomaton) IsMatch(s int) bool       { return s > 0 }
func (a foldAutomaton) CanMatch(s int) bool      { return s > 0 }
func (a foldAutomaton) WillAlwaysMatch(int) bool { return false }

func (a foldAutomaton) Accept(s int, b byte) int {
	if s == 0 || b >= utf8Start || isSpace(b) {
		return s
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if j := bytes.IndexByte(a.ascii[s-1:], b); j >= 0 {
		return s + j + 1
	}
	return 0
}

// anyValue accepts every value.
type anyValue struct{}

func (anyValue) Start() int               { return 1 }
func (anyValue) IsMatch(int) bool         { return true }
func (anyValue) CanMatch(int) bool        { return true }
func (anyValue) WillAlwaysMatch(int) bool { return true }
func (anyValue) Accept(int, byte) int     { return 1 }

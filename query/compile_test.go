package query

import (
	"strings"
	"testing"
)

// compileNotes compiles q over the fictional fixtures and returns what
// --explain would say about it.
func compileNotes(t *testing.T, q string) string {
	t.Helper()
	ix := testIndex(t, "fixtures", "query/testdata/articles")
	node, err := Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	c, err := compile(ix, node, false, false)
	if err != nil {
		t.Fatalf("compile %q: %v", q, err)
	}
	return strings.Join(c.notes, "\n")
}

// TestFuzzyShortWords checks that word~ on a word of one or two letters
// stands for that word alone, as README promises, and not for every word
// it begins (an~ is not answer or anything).
func TestFuzzyShortWords(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"an~", "an: 1 words: an"},
		{"to~", "to: 1 words: to"},
		{"a~", "a: 1 words: a"},
		{"no~", "no: 0 words: "}, // not, noon and note are in the fixtures; no is not
		{"Amsl~", "Amsl: 1 words: amsel"},
	} {
		if got := compileNotes(t, tc.query); got != tc.want {
			t.Errorf("%s: got notes %q, want %q", tc.query, got, tc.want)
		}
	}
}

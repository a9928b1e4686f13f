package query

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleysearch/parley/index"
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
		{"an~", "an: 1 word: an"},
		{"to~", "to: 1 word: to"},
		{"a~", "a: 1 word: a"},
		{"no~", "no: no words"}, // not, noon and note are in the fixtures; no is not
		{"Amsl~", "Amsl: 1 word: amsel"},
	} {
		if got := compileNotes(t, tc.query); got != tc.want {
			t.Errorf("%s: got notes %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestExplainExpansionWording checks that --explain counts what a pattern
// stands for in good English: words in text, values in keyword fields
// such as source:, one or several.
func TestExplainExpansionWording(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"no*", "no*: 3 words: noon, not, note"},
		{"noo*", "noo*: 1 word: noon"},
		{"zzq*", "zzq*: no words"},
		{"source:veshta*", "source:veshta*: 1 value: Veshta Post"},
		{"source:*a*", "source:*a*: 3 values: Amsel Daily, Lirenian Courier, Veshta Post"},
		{"source:zzq*", "source:zzq*: no values"},
	} {
		if got := compileNotes(t, tc.query); got != tc.want {
			t.Errorf("%s: got notes %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestKeywordWildcards checks that a wildcard in a keyword field goes
// through the same bounded expansion as one in text: --explain lists the
// values it stands for, and past MaxExpansion of them the query is
// refused with its position.
func TestKeywordWildcards(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range MaxExpansion + 1 {
		fmt.Fprintf(&b, `{"id": "z%d", "title": "Fictional bulletin %d", "source": "Zqv Wire %04d", "text": "Ferries ran to Orvel."}`+"\n", i, i, i)
	}
	// One wire as other feeds write it: a filter matches them all.
	b.WriteString(`{"id": "z-upper", "title": "Fictional bulletin", "source": "ZQV WIRE 0417", "text": "Ferries ran to Orvel."}` + "\n")
	b.WriteString(`{"id": "z-accent", "title": "Fictional bulletin", "source": "Zqv Wíre 0417", "text": "Ferries ran to Orvel."}` + "\n")
	file := filepath.Join(dir, "wires.jsonl")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	wires, err := index.Open(filepath.Join(dir, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { wires.Close() })
	if _, err := wires.Update(context.Background(), []string{file}, index.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	fixtures := testIndex(t, "fixtures", "query/testdata/articles")

	for _, tc := range []struct {
		name      string
		ix        *index.Index
		query     string
		wantNote  string
		wantTotal uint64
		wantErr   string
		wantCol   int
	}{
		{"infix", fixtures, "source:*a*", "source:*a*: 3 values: Amsel Daily, Lirenian Courier, Veshta Post", 6, "", 0},
		{"prefix", fixtures, "source:veshta*", "source:veshta*: 1 value: Veshta Post", 2, "", 0},
		{"none", fixtures, "person:zz*", "person:zz*: no values", 0, "", 0},
		{"one of many", wires, "source:*0417", "source:*0417: 3 values: ZQV WIRE 0417, Zqv Wire 0417, Zqv Wíre 0417", 3, "", 0},
		{"prefix in capitals", wires, "source:ZQV*0417", "source:ZQV*0417: 3 values: ZQV WIRE 0417, Zqv Wire 0417, Zqv Wíre 0417", 3, "", 0},
		{"however written", wires, `source:"zqv wire 0417"`, "", 3, "", 0},
		{"written otherwise", wires, `source:"ZQV Wire 0418"`, "", 1, "", 0},
		{"too many", wires, "ferries source:zqv*", "", 0, "matches more than 1000 different values", 9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Search(context.Background(), tc.ix, Request{Query: tc.query})
			if tc.wantErr != "" {
				var se *SyntaxError
				if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.wantErr) || se.Column() != tc.wantCol {
					t.Fatalf("got error %v, want a syntax error at column %d saying %q", err, tc.wantCol, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if explain := strings.Join(res.Explain, "\n"); !strings.Contains(explain, tc.wantNote) {
				t.Errorf("got explain %q, want it to say %q", explain, tc.wantNote)
			}
			if res.Total != tc.wantTotal {
				t.Errorf("got %d hits, want %d", res.Total, tc.wantTotal)
			}
		})
	}
}

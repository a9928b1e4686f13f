package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/quote"
)

// TestSeedQuotes checks the seeds against the evaluation's gold quotes:
// every one found at its exact offsets with the right speaker, and none of
// the quoted names and boilerplate the evaluation lists reported as
// speech. It runs with and without indirect speech, which must not turn
// those into quotes either.
func TestSeedQuotes(t *testing.T) {
	seeds := corpustest.Shared(t, "corpus/seeds")
	type gold struct {
		File, Quote, Text, Speaker string
		Start, End                 int
	}
	readGold := func(rel string) []gold {
		f, err := os.Open(corpustest.Shared(t, rel))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var out []gold
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var g gold
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			out = append(out, g)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	quotes := readGold("eval/seeds-quotes.jsonl")
	notQuotes := readGold("eval/seeds-not-quotes.jsonl")
	if len(quotes) == 0 || len(notQuotes) == 0 {
		t.Fatal("the evaluation lists no quotes")
	}

	base := embedded(t)
	for name, x := range map[string]*Extractor{"direct and partial": base, "with indirect": base.WithIndirect()} {
		t.Run(name, func(t *testing.T) {
			analyses := analyzeAll(t, x, seeds)
			found := func(file string) []quote.Quote {
				an := analyses[file+"#"]
				if an == nil {
					t.Fatalf("seed %s not read", file)
				}
				return an.Quotes
			}
			for _, g := range quotes {
				var match *quote.Quote
				for i, q := range found(g.File) {
					if q.Start == g.Start && q.End == g.End {
						match = &found(g.File)[i]
					}
				}
				if match == nil {
					t.Errorf("%s %d:%d: quote %.40q… not found", g.File, g.Start, g.End, g.Quote)
					continue
				}
				if match.Text != g.Quote {
					t.Errorf("%s %d:%d: text %q, want %q", g.File, g.Start, g.End, match.Text, g.Quote)
				}
				if got, want := speakers(match.Speaker), speakers(g.Speaker); got != want {
					t.Errorf("%s %d:%d: speaker %q, want %q", g.File, g.Start, g.End, got, want)
				}
			}
			for _, n := range notQuotes {
				for _, q := range found(n.File) {
					if q.Start < n.End && n.Start < q.End {
						t.Errorf("%s %d:%d: %q reported as speech (%s %q at %d:%d)", n.File, n.Start, n.End, n.Text, q.Kind, q.Text, q.Start, q.End)
					}
				}
			}
		})
	}
}

// speakers puts a group's names ("A; B") in one order, so that a group is
// compared as a set.
func speakers(s string) string {
	names := strings.Split(s, "; ")
	sort.Strings(names)
	return strings.Join(names, "; ")
}

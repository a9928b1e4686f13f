package query

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
)

// whoAccuracySlice is how many AllSides articles the accuracy test indexes:
// a few thousand quotations, so that a claim's candidates compete with
// many others sharing its words.
const whoAccuracySlice = 1000

// TestWhoAccuracy makes claims from real quotations Parley indexed from the
// seeds and from AllSides, altered the ways quotations change as they
// circulate (Alterations: as reported, other quote marks, cut short, a
// word dropped, words swapped, a word changed), and checks that Who gives
// the verdict the alteration calls for and finds the article the quotation
// came from. It reports top-1 accuracy; it fails below 95%, or on any
// wrong answer about the seeds.
func TestWhoAccuracy(t *testing.T) {
	seeds := corpustest.Shared(t, "corpus/seeds")
	allsides := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	slice := filepath.Join(t.TempDir(), "allsides-who.jsonl")
	copyLines(t, allsides, slice, whoAccuracySlice)
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		name, path string
		quotations int
		atLeast    float64
	}{
		{"seeds", seeds, 1000, 1},
		{"allsides", slice, 80, 0.95},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := testIndexWith(t, "who-"+c.name, extract.New(g), c.path)
			trials, err := WhoTrials(ctx, ix, c.quotations)
			if err != nil {
				t.Fatal(err)
			}
			if len(trials) < 5*len(Alterations) {
				t.Fatalf("only %d claims made from the %s' quotations", len(trials), c.name)
			}
			right := 0
			byAlteration := map[string][2]int{}
			for _, tr := range trials {
				ans, err := Who(ctx, ix, WhoRequest{Claim: tr.Claim})
				if err != nil {
					t.Fatalf("who %q: %v", tr.Claim, err)
				}
				n := byAlteration[tr.Alteration.Name]
				n[1]++
				if tr.Right(ans) {
					right++
					n[0]++
				} else {
					t.Logf("%s of %q (article %s): verdict %s, first %v, %d matches", tr.Alteration.Name, tr.Claim, tr.Quote.Article, ans.Verdict, ans.FirstAppearance, len(ans.Matches))
				}
				byAlteration[tr.Alteration.Name] = n
			}
			share := float64(right) / float64(len(trials))
			t.Logf("%s: top-1 right %d of %d claims (%.1f%%); by alteration %v", c.name, right, len(trials), 100*share, byAlteration)
			if share < c.atLeast {
				t.Errorf("%s: top-1 accuracy %.3f, want at least %.2f", c.name, share, c.atLeast)
			}
		})
	}
}

package query

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
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
// came from. Claims also name the speaker as people do: by last name alone,
// in other spellings, or wrongly, as someone else the index quotes
// (speakerTrials). It reports top-1 accuracy; it fails below 95%, or on any
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
			trials = append(trials, speakerTrials(g, trials)...)
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

// speakerTrials makes claims that name the speaker of each quotation the
// trials were made from as people write them, not as Parley files them:
// by last name ("Karasin: …"), by another spelling of the last name
// ("Velizadeh: …") or of the whole name ("Grigori Karasin: …"): the
// words are right, so the answer is verbatim. And by the last name of
// another person the index quotes, which must stay other_speaker: a
// last name matches loosely, and a wrong name is the worst answer.
// Organisations and groups have no last name and are left out.
func speakerTrials(g *entity.Gazetteer, trials []WhoTrial) []WhoTrial {
	type person struct {
		name  string
		quote index.StoredQuote
		words []string
	}
	var people []person
	for _, tr := range trials {
		names := index.Speakers(tr.Quote.Speaker)
		if tr.Alteration.Name != "as reported" || len(names) != 1 || len(strings.Fields(names[0])) < 2 {
			continue
		}
		if _, org := g.Lookup(names[0], entity.Org); org {
			continue
		}
		people = append(people, person{names[0], tr.Quote, strings.Fields(tr.Claim)})
	}
	named := func(name, verdict string) Alteration {
		return Alteration{Name: name, Verdict: verdict}
	}
	var out []WhoTrial
	for i, p := range people {
		words := strings.Join(p.words, " ")
		last := lastName(p.name)
		claims := []struct {
			alt  Alteration
			name string
		}{
			{named("speaker's last name", Verbatim), last},
			{named("speaker's last name respelled", Verbatim), respell(g, last)},
			{named("speaker's name respelled", Verbatim), respell(g, p.name)},
		}
		for j := 1; j < len(people); j++ {
			other := people[(i+j)%len(people)].name
			if !sameLastName(g, other, p.name) {
				claims = append(claims, struct {
					alt  Alteration
					name string
				}{named("another speaker's last name", OtherSpeaker), lastName(other)})
				break
			}
		}
		for _, c := range claims {
			if c.name != "" {
				out = append(out, WhoTrial{Claim: c.name + ": " + words, Alteration: c.alt, Quote: p.quote})
			}
		}
	}
	return out
}

func lastName(name string) string {
	words := strings.Fields(name)
	return words[len(words)-1]
}

// sameLastName reports whether two people's last names are one name,
// however spelled.
func sameLastName(g *entity.Gazetteer, a, b string) bool {
	la, lb := corpus.Fold(lastName(a)), corpus.Fold(lastName(b))
	return la == lb || slices.Contains(g.Variants(la), lb)
}

// respell writes a name with each of its words in another spelling the
// gazetteer gives it, or is "" when it knows none. A spelling with
// another first letter is left out: Holland and Netherlands are one
// place, but nobody writes Rick Holland's name so.
func respell(g *entity.Gazetteer, name string) string {
	words := strings.Fields(name)
	changed := false
	for i, w := range words {
		for _, v := range g.Variants(w) {
			if v[0] == corpus.Fold(strings.ToLower(w))[0] {
				words[i] = strings.ToUpper(v[:1]) + v[1:]
				changed = true
				break
			}
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

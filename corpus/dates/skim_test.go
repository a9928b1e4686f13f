package dates

import (
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
)

// findAll is Find over every token of the text, as it was before
// appendDateTokens: what skimming must not change.
func findAll(text string, published corpus.Date) []Mention {
	return newFinder(text, nil).find(published)
}

func TestSkimFindsAlike(t *testing.T) {
	pub := mustDate(t, "2020-10-21")
	texts := []string{
		"", "\n\n", "October", "the\n\nlast month", "October 9\n\n- 10 and more words here to skim",
		"He will go next\n\nto the border, as they said and said again and again",
		"In 2014,\n\n2016 was the year, when nothing at all happened here",
		"Bloody\n\nSunday is a film about a day and a time and a place",
		"one two three four five six\n\nseven eight nine ten\n\n\u00a0\n\nOctober 10",
		"word\u00a0\n\u2028more words and more words\u2028\u2028and yet more \u00a0 words",
		"a b\n\nc\n\nd e f g h i j k l m n o p\n\n10 October",
	}
	for _, fx := range readFixtures(t) {
		texts = append(texts, fx.text)
	}
	for _, text := range texts {
		if got, want := Find(text, pub), findAll(text, pub); !reflect.DeepEqual(got, want) {
			t.Errorf("Find(%q):\ngot  %+v\nwant %+v", text, got, want)
		}
	}
}

// TestSkimFindsAlikeAllSides checks skimming over the articles of AllSides,
// by default the first 3,000; PARLEY_SKIM_ARTICLES=0 reads them all.
func TestSkimFindsAlikeAllSides(t *testing.T) {
	if testing.Short() {
		t.Skip("reads AllSides")
	}
	limit := 3000
	if n, err := strconv.Atoi(os.Getenv("PARLEY_SKIM_ARTICLES")); err == nil {
		limit = n
	}
	for _, rel := range []string{"corpus/allsides.jsonl.gz", "corpus/fakes-syria.csv"} {
		files, _ := corpus.FindFiles([]string{corpustest.Shared(t, rel)})
		n := 0
		corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
			n++
			if limit > 0 && n > limit {
				return errEnough
			}
			for _, p := range a.PartsOf(corpus.Body) {
				text := a.Text[p.Start:p.End]
				if got, want := Find(text, a.Published.Date), findAll(text, a.Published.Date); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: article %s:\ngot  %+v\nwant %+v", rel, a.ID, got, want)
				}
			}
			return nil
		}, func(corpus.Problem) {})
	}
}

var errEnough = os.ErrDeadlineExceeded // any error stops Read

func TestVocabTable(t *testing.T) {
	words := []string{"", "a", "x", "octobe", "octobers", "sixteenlettersxx", "the", "thi"}
	for w := range vocab {
		words = append(words, w, w+"s", w[:len(w)-1])
	}
	for _, w := range words {
		if len(w) == 0 || len(w) > maxWord {
			continue
		}
		var buf [maxWord]byte
		copy(buf[:], w)
		got, gotOK := lookup(&buf, len(w))
		want, wantOK := vocab[w]
		if got != want || gotOK != wantOK {
			t.Errorf("lookup(%q) = %v, %v; want %v, %v", w, got, gotOK, want, wantOK)
		}
	}
}

package dates

import (
	"os"
	"reflect"
	"strconv"
	"strings"
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
		// Cuts at the end of sentences, and places that look like one.
		"Talks went on and on for hours and hours. They met on October 10. Then they all went home for good.",
		"Words and words and more words here; they will meet on Tuesday; and more words and words here!",
		"He asked why at all, and for how long? Next Tuesday, he said, and then words, words and words.",
		"Many words go before the date here. “They will meet on Tuesday.” More words come after the date.",
		"Many words go before the date here.” They met on Oct. 10 in the city, with more words after it.",
		"The talks in the U.S. Army base went on. A b c d e f g h. Mr. Kelmarin will arrive Tues. 10 Oct.",
		"One two three four five six seven. 2020 was a year of words. Eight nine ten eleven twelve thirteen.",
		"One two three four five six seven eight.\nOctober 10\n2020 was when it was, with more words.",
		"Xa xb xc xd xe xf xg xh xi they will still not\n\nheld talks on Tuesday, words and words.",
		// No key tokens: days without a month, weekday abbreviations,
		// weeks, numbers of four digits that are no year.
		"On the 10th they met at 9 and 10 and 11, over 2200 people and 1799 cars. Wed and Sun. Last week.",
		"Wed 05 Apr 2017 they met, and on 10/20/1850 too, and this weekend and next week and 12-13 May.",
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

func TestSentenceEnds(t *testing.T) {
	tests := []struct {
		text string // the mark is the first of . ! ? ;
		want bool
	}{
		{"talks. They met", true},
		{"talks! they met", true},
		{"talks? “they met", true},
		{"talks;they met", true},
		{"talks. 2020 was", true},
		{"talks.” They met", true},
		{"talks.) They met", true},
		{"talks. “They met", true},
		{"talks. — They met", true},
		{"talks. Ölçer met", true},
		{"in 2020. They met", true},
		{"talks. they met", false},      // a lower-case word starts no sentence
		{"talks.They met", false},       // nor a word glued to the mark
		{"talks.5 percent", false},      // a decimal
		{"talks. ölçer met", false},     // a lower-case letter past ASCII
		{"talks.\nThey met", false},     // a line break is whiteAround's to read
		{"talks.\u00a0They met", false}, // white space past ASCII: not sure
		{"on Oct. 10", false},           // a month's abbreviation
		{"Mr. Kelmarin", false},         // an abbreviation
		{"the U.S. Army", false},        // a single letter
		{"on Tues. October", false},     // a weekday's abbreviation
		{"Ljubičić. They met", true},    // a word past ASCII is in no vocab
		{"’Ab. They met", false},        // a word that may run on past ASCII
		{"talks.", false},
	}
	for _, tt := range tests {
		at := strings.IndexAny(tt.text, ".!?;")
		if got := sentenceEnds(tt.text, at); got != tt.want {
			t.Errorf("sentenceEnds(%q, %d) = %v, want %v", tt.text, at, got, tt.want)
		}
	}
}

// TestKeyTokens checks what skimming rests on: every date Find reports
// holds a key token as skim tells them.
func TestKeyTokens(t *testing.T) {
	check := func(name, text string, pub corpus.Date) {
		t.Helper()
		f := newFinder(text, nil)
		f.find(pub)
		for _, r := range f.raws {
			// A later day of a list ("October 9 and 10") was read with
			// the first.
			ti := r.ti
			if r.head >= 0 {
				ti = f.raws[r.head].ti
			}
			if start, end := f.from(ti), f.to(r.tj-1); !holdsKey(text, start, end) {
				t.Errorf("%s: %q at %d holds no key token", name, text[start:end], start)
			}
		}
	}
	pub := mustDate(t, "2020-10-21")
	for _, fx := range readFixtures(t) {
		check(fx.name, fx.text, pub)
	}
	if testing.Short() {
		return
	}
	files, _ := corpus.FindFiles([]string{corpustest.Shared(t, "corpus/allsides.jsonl.gz")})
	n := 0
	corpus.NewReader(corpus.Options{}).Read(files[0], func(a *corpus.Article) error {
		if n++; n > 3000 {
			return errEnough
		}
		for _, p := range a.PartsOf(corpus.Body) {
			check(a.ID, a.Text[p.Start:p.End], a.Published.Date)
		}
		return nil
	}, func(corpus.Problem) {})
}

// holdsKey reports whether s[start:end] holds a word or a number that skim
// takes for a key token.
func holdsKey(s string, start, end int) bool {
	for i := start; i < end; i++ {
		switch {
		case byteKinds[s[i]] == bDigit && (i == 0 || byteKinds[s[i-1]] != bDigit):
			if yearAt(s, i) {
				return true
			}
		case byteKinds[s[i]] == bLetter && (i == 0 || byteKinds[s[i-1]] != bLetter):
			j := i
			for j < len(s) && byteKinds[s[j]] == bLetter {
				j++
			}
			if keyAt(s, j) {
				return true
			}
		}
	}
	return false
}

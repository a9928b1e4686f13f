package quote

import (
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// TestSpeakerWords checks that the words read as a quotation's speaker
// name or describe someone: no article, conjunction or lone adjective,
// no noun taken for a cue, and the attribution the sentence gives.
func TestSpeakerWords(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	tests := []struct {
		name, text string
		want       q
	}{
		{"a noun after an article is no cue",
			`Halden said: "We will never leave the river, not one step." The remarks drew criticism.`,
			q{"We will never leave the river, not one step.", "Viktor Halden", "Halden", "said", Direct}},
		{"the words before a colon introduce the quotation",
			"Kessling said: “We go home tomorrow.” Halden said the talks had failed.",
			q{"We go home tomorrow.", "Marta Kessling", "Kessling", "said", Direct}},
		{"a party's adjective describes the name after it",
			"“The border is closed,” said Conservative state deputy Otto Grell.",
			q{"The border is closed,", "Otto Grell", "Conservative state deputy Otto Grell", "said", Direct}},
		{"a participle that opens the sentence",
			"After saying the road was “closed to everyone,” Halden left Lindgrad.",
			q{"closed to everyone,", "Viktor Halden", "Halden", "saying", Partial}},
		{"a phrase before the subject",
			"Reached by phone, Halden worried that the road was “closed to everyone until spring”.",
			q{"closed to everyone until spring", "Viktor Halden", "Halden", "", Partial}},
		{"a cue after and",
			"Ferrin called on Halden to resign and said, “His time is over.”",
			q{"His time is over.", "Tomas Ferrin", "Ferrin", "said", Direct}},
		{"a question and a short attribution",
			"“Who will pay for this?” Kessling asked during a visit to the Orsk Valley on Monday.",
			q{"Who will pay for this?", "Marta Kessling", "Kessling", "asked", Direct}},
		{"a party's adjective is no name",
			"Other Conservative proposals include disclosing Halden’s “personal wealth stored abroad.”",
			q{}}, // no quotation: a partial one needs a speaker named
		{"a people is not its country",
			"“We want the road open,” said a German.",
			q{"We want the road open,", "", "a German", "said", Direct}},
		{"a post from someone",
			"A letter from Anna Vesk said: “The road is open.”",
			q{"The road is open.", "Anna Vesk", "A letter from Anna Vesk", "said", Direct}},
		{"a dateline is no subject",
			"LINDGRAD — Foreign Minister Marta Kessling on Sunday rejected the plan, saying it would “trade the valley for a photograph.”",
			q{"trade the valley for a photograph.", "Marta Kessling", "Foreign Minister Marta Kessling", "saying", Partial}},
		{"a cue whose speaker is no one named",
			"The ad drew criticism for saying that the plan was “a cure for every ill.”",
			q{"a cure for every ill.", "", "", "saying", Partial}},

		// The words around the speaker's.
		{"an adverb before",
			"“We will answer in due course,” later the Norvalian Foreign Ministry said.",
			q{"We will answer in due course,", "Norvalian Foreign Ministry", "the Norvalian Foreign Ministry", "said", Direct}},
		{"a conjunction before",
			"But Halden, pressed by reporters, toned down his words, saying the ministry was “ready to listen”.",
			q{"ready to listen", "Viktor Halden", "Halden", "saying", Partial}},
		{"a time after",
			"Halden earlier Thursday said: “We will answer in due course.”",
			q{"We will answer in due course.", "Viktor Halden", "Halden", "said", Direct}},
		{"a negated auxiliary after",
			"Ferrin spokesman Ilya Brodsen wouldn’t say when talks resume. “I have no news yet,” he said.",
			q{"I have no news yet,", "Ilya Brodsen", "he", "said", Direct}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(f, g, tt.text)
			if tt.want == (q{}) {
				if len(got) != 0 {
					t.Errorf("%q: got %+v, want no quotation", tt.text, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%q: got %d quotations, want 1: %+v", tt.text, len(got), got)
			}
			x := got[0]
			if g := (q{x.Text, x.Speaker, x.SpeakerText, x.Cue, x.Kind}); g != tt.want {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.text, g, tt.want)
			}
		})
	}
}

// TestNamesSomeone checks which words alone may be a speaker's.
func TestNamesSomeone(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	// The article writes "Will" with a capital where no sentence starts.
	const text = "Columnist George Will wrote about it. Will said the rest."
	tests := []struct {
		words string
		want  bool
	}{
		{"The", false},
		{"But", false},
		{"After", false},
		{"Later", false},
		{"Democratic", false},
		{"You'll", false},
		{"Y.", false},
		{"Others", true},
		{"the two", true},
		{"Halden", true},
		{"Will", true},
		{"the Republican", true},
	}
	for _, tt := range tests {
		a := newArticle(f, text, [][2]int{{0, len(text)}}, nil)
		toks := tokenize(nil, tt.words, corpus.LowerASCII(tt.words), 0, len(tt.words))
		if got := a.namesSomeone(toks); got != tt.want {
			t.Errorf("namesSomeone(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

package quote

import (
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/entity"
)

// fixtureGazetteer is the built-in gazetteer with the fictional names of
// testdata/gazetteer.yaml.
func fixtureGazetteer(t testing.TB) *entity.Gazetteer {
	t.Helper()
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile("testdata/gazetteer.yaml"); err != nil {
		t.Fatal(err)
	}
	return g
}

// findAll finds the quotations of a text that is all body.
func findAll(f *Finder, g *entity.Gazetteer, text string) []Quote {
	parts := [][2]int{{0, len(text)}}
	return f.Find(text, parts, g.Find(text, parts))
}

// q is a quotation expected: its words, speaker, the words that name the
// speaker, cue and kind.
type q struct {
	text, speaker, speakerText, cue string
	kind                            Kind
}

func TestFind(t *testing.T) {
	g := fixtureGazetteer(t)
	tests := []struct {
		name     string
		text     string
		indirect bool
		want     []q
	}{
		// Quotation marks.
		{"curly", "“We will not leave,” Halden said.",
			false, []q{{"We will not leave,", "Viktor Halden", "Halden", "said", Direct}}},
		{"straight, inverted cue", `"We will not leave," said Marta Kessling.`,
			false, []q{{"We will not leave,", "Marta Kessling", "Marta Kessling", "said", Direct}}},
		{"single", "‘We will not leave,’ Kessling told reporters.",
			false, []q{{"We will not leave,", "Marta Kessling", "Kessling", "told", Direct}}},
		{"guillemets", "«We stay in Port Sava», Halden said.",
			false, []q{{"We stay in Port Sava", "Viktor Halden", "Halden", "said", Direct}}},
		{"low-high", "„We stay in Port Sava“, Halden said.",
			false, []q{{"We stay in Port Sava", "Viktor Halden", "Halden", "said", Direct}}},
		{"nested", `Kessling said: "They called it “a frozen conflict” for years."`,
			false, []q{{"They called it “a frozen conflict” for years.", "Marta Kessling", "Kessling", "said", Direct}}},
		{"apostrophes are not marks", "Kessling’s aides said the ’90s were ‘different’ and that voters’ anger rose.",
			false, nil},
		{"over two paragraphs", "Halden said: “The talks went on all night.\n\n“We will meet again in Lindgrad.”",
			false, []q{{"The talks went on all night.\n\n“We will meet again in Lindgrad.", "Viktor Halden", "Halden", "said", Direct}}},

		// Attribution, before and after.
		{"split by its attribution", "“We came to talk,” Halden said. “We did not come to be lied to.”",
			false, []q{{"We came to talk,", "Viktor Halden", "Halden", "said", Direct},
				{"We did not come to be lied to.", "Viktor Halden", "Halden", "said", Direct}}},
		{"participle", "Halden welcomed the talks in an interview, saying, “This is a start.”",
			false, []q{{"This is a start.", "Viktor Halden", "Halden", "saying", Direct}}},
		{"apposition", "“The road is open,” Anna Vesk, the ministry’s spokeswoman, told the Sava Courier.",
			false, []q{{"The road is open,", "Anna Vesk", "Anna Vesk", "told", Direct}}},
		{"relative clause", "“The road is open,” Vesk, who visited the valley on Monday, said.",
			false, []q{{"The road is open,", "Anna Vesk", "Vesk", "said", Direct}}},
		{"according to", "“The road is open,” according to Anna Vesk.",
			false, []q{{"The road is open,", "Anna Vesk", "Anna Vesk", "according to", Direct}}},
		{"colon after a name", "Ferrin: “We will rebuild Port Sava.”",
			false, []q{{"We will rebuild Port Sava.", "Tomas Ferrin", "Ferrin", "", Direct}}},
		{"paragraph that introduces", "Ferrin continued:\n\n“We will rebuild Port Sava.”",
			false, []q{{"We will rebuild Port Sava.", "Tomas Ferrin", "Ferrin", "continued", Direct}}},
		{"continuation in the next paragraph", "“The road is open,” Vesk said.\n\n“Trucks will cross on Friday.”",
			false, []q{{"The road is open,", "Anna Vesk", "Vesk", "said", Direct},
				{"Trucks will cross on Friday.", "Anna Vesk", "Vesk", "", Direct}}},

		// Partial quotations.
		{"partial", "Kessling said she was ready to “put an end to the shelling” this winter.",
			false, []q{{"put an end to the shelling", "Marta Kessling", "Kessling", "said", Partial}}},
		{"two partials of one cue", "The ministers agreed to keep calm “during the harvest” and “to let families visit prisoners.”",
			false, []q{{"during the harvest", "", "The ministers", "agreed", Partial},
				{"to let families visit prisoners.", "", "The ministers", "agreed", Partial}}},
		{"trailing attribution", "The envoys discussed “urgent matters of the ceasefire” in Lindgrad, officials said.",
			false, []q{{"urgent matters of the ceasefire", "", "officials", "said", Partial}}},

		// Not speech.
		{"scare quote", "The so-called “frozen conflict” has lasted for decades.", false, nil},
		{"quoted name", "According to Viktor Halden, the head of the “Lindgrad Circle” club, talks are stuck.", false, nil},
		{"quoted title", "Halden’s memoir, “The Long Winter of Kestria,” sold well.", false, nil},
		{"label after a naming verb", "Kessling called the plan a “sham”.", false, nil},

		// Who: pronouns, descriptions, organisations, statements, groups.
		{"pronoun", "Viktor Halden arrived in Lindgrad on Monday. “It is time,” he said.",
			false, []q{{"It is time,", "Viktor Halden", "he", "said", Direct}}},
		{"pronoun by gender", "Viktor Halden met Marta Kessling in Lindgrad on Monday. “Nothing was agreed,” she said.",
			false, []q{{"Nothing was agreed,", "Marta Kessling", "she", "said", Direct}}},
		{"pronoun of two people", "Viktor Halden and Tomas Ferrin met on Monday. “It went well,” he said.",
			false, []q{{"It went well,", "", "he", "said", Direct}}},
		{"description resolved", "Halvik Palace spokesman Ilya Brodsen did not attend. “Work continues,” said a Halvik Palace spokesman.",
			false, []q{{"Work continues,", "Ilya Brodsen", "a Halvik Palace spokesman", "said", Direct}}},
		{"description kept", "“Work continues,” said a Halvik Palace spokesman.",
			false, []q{{"Work continues,", "", "a Halvik Palace spokesman", "said", Direct}}},
		{"organisation", "“The meeting was useful,” the Norvalian Foreign Ministry said in a statement.",
			false, []q{{"The meeting was useful,", "Norvalian Foreign Ministry", "the Norvalian Foreign Ministry", "said", Direct}}},
		{"the statement", "Norvalia's foreign ministry said in a statement that the envoys met twice. They discussed “urgent matters of the ceasefire”, the statement said.",
			false, []q{{"urgent matters of the ceasefire", "Norvalian Foreign Ministry", "the statement", "said", Partial}}},
		{"group by role", "Marta Kessling and Viktor Halden met in Lindgrad. The foreign ministers of Norvalia and Kestria agreed to “keep the line of contact quiet”.",
			false, []q{{"keep the line of contact quiet", "Marta Kessling; Viktor Halden", "The foreign ministers of Norvalia and Kestria", "agreed", Partial}}},
		{"unknown name", "“The river is rising,” said Otto Grell, a farmer near Port Sava.",
			false, []q{{"The river is rising,", "Otto Grell", "Otto Grell", "said", Direct}}},
		{"surname of a name given before", "Lena Marsh runs a shelter in Port Sava. “We are full,” Marsh said.",
			false, []q{{"We are full,", "Lena Marsh", "Marsh", "said", Direct}}},
		{"narrator", "“I saw the convoy,” I said.",
			false, []q{{"I saw the convoy,", "", "I", "said", Direct}}},

		// Indirect speech, when asked for.
		{"indirect with that", "Halden said on Monday that talks would resume in Lindgrad.",
			true, []q{{"talks would resume in Lindgrad", "Viktor Halden", "Halden", "said", Indirect}}},
		{"indirect, trailing", "Talks will resume in Lindgrad next week, officials said.",
			true, []q{{"Talks will resume in Lindgrad next week", "", "officials", "said", Indirect}}},
		{"indirect, according to", "According to Kessling, the convoy reached the valley at dawn.",
			true, []q{{"the convoy reached the valley at dawn", "Marta Kessling", "Kessling", "according to", Indirect}}},
		{"indirect not asked for", "Halden said on Monday that talks would resume in Lindgrad.", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(g, Options{Indirect: tt.indirect})
			var got []q
			for _, x := range findAll(f, g, tt.text) {
				got = append(got, q{x.Text, x.Speaker, x.SpeakerText, x.Cue, x.Kind})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%q:\ngot  %q\nwant %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%q: quotation %d:\ngot  %q\nwant %q", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestFindOffsets checks that every quotation and speaker is the text at
// its offsets, and that only the body parts are read.
func TestFindOffsets(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{Indirect: true})
	body := "“The road is open,” Vesk said. Halden said that talks would resume on Monday."
	comment := "\n\nReader comment: “This is all lies,” said Otto Grell."
	text := body + comment
	parts := [][2]int{{0, len(body)}}
	got := f.Find(text, parts, g.Find(text, parts))
	if len(got) != 2 {
		t.Fatalf("got %d quotations, want 2 (none from the comment): %+v", len(got), got)
	}
	for _, x := range got {
		if text[x.Start:x.End] != x.Text {
			t.Errorf("quotation %q is not the text at [%d, %d)", x.Text, x.Start, x.End)
		}
		if text[x.SpeakerStart:x.SpeakerEnd] != x.SpeakerText {
			t.Errorf("speaker %q is not the text at [%d, %d)", x.SpeakerText, x.SpeakerStart, x.SpeakerEnd)
		}
		if x.Confidence <= 0 || x.Confidence > 1 {
			t.Errorf("%q: confidence %v, want in (0, 1]", x.Text, x.Confidence)
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	for _, tt := range []struct {
		q    Quote
		want string
	}{
		{Quote{Text: "We stay,", Start: 1, End: 9, Speaker: "Viktor Halden", SpeakerText: "he", SpeakerStart: 11, SpeakerEnd: 13, Cue: "said", Kind: Direct, Confidence: 0.8333},
			`{"text":"We stay,","start":1,"end":9,"speaker":"Viktor Halden","speaker_text":"he","speaker_start":11,"speaker_end":13,"cue":"said","kind":"direct","confidence":0.83}`},
		{Quote{Text: "We stay,", Start: 1, End: 9, SpeakerText: "a Halvik Palace spokesman", SpeakerStart: 20, SpeakerEnd: 45, SpeakerOrg: "Halvik Palace", Cue: "said", Kind: Direct, Confidence: 0.9},
			`{"text":"We stay,","start":1,"end":9,"speaker":null,"speaker_text":"a Halvik Palace spokesman","speaker_start":20,"speaker_end":45,"speaker_org":"Halvik Palace","cue":"said","kind":"direct","confidence":0.9}`},
		{Quote{Text: "We stay.", Start: 1, End: 9, Kind: Direct, Confidence: 0.5},
			`{"text":"We stay.","start":1,"end":9,"speaker":null,"speaker_text":null,"speaker_start":null,"speaker_end":null,"cue":null,"kind":"direct","confidence":0.5}`},
	} {
		b, err := tt.q.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestWordShape(t *testing.T) {
	for _, tt := range []struct {
		text  string
		words int
		title bool
	}{
		{"South Caucasus", 2, true},
		{"The Long Winter of Kestria", 5, true},
		{"frozen conflict", 2, false},
		{"We will not leave,", 4, false},
		{"don’t", 1, false},
		{"", 0, false},
	} {
		words, title := wordShape(tt.text, len(tt.text))
		if words != tt.words || title != tt.title {
			t.Errorf("wordShape(%q) = %d, %v; want %d, %v", tt.text, words, title, tt.words, tt.title)
		}
		// Capped, the count still tells which side of the cap it is on.
		if words, title := wordShape(tt.text, 1); (words > 1) != (tt.words > 1) || title != tt.title {
			t.Errorf("wordShape(%q, 1) = %d, %v; want %d, %v", tt.text, words, title, tt.words, tt.title)
		}
	}
}

func TestQuoteSpans(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{`He said "yes" and "no".`, []string{"yes", "no"}},
		{"“Unclosed at the end", []string{"Unclosed at the end"}},
		{"“One.\n\nTwo.”", []string{"One."}}, // the second paragraph does not open again
		{"“One.\n\n“Two.”", []string{"One.\n\n“Two."}},
		{"The 5'10\" man", nil},
		{"‘Little Marco’ he called him", []string{"Little Marco"}},
		{"rock ’n’ roll", nil},
		{`'Well done,' " said Russell.`, []string{"Well done,"}},
	} {
		paras := paragraphs(nil, tt.text, [][2]int{{0, len(tt.text)}})
		var got []string
		for _, s := range quoteSpans(nil, tt.text, paras) {
			got = append(got, tt.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHasStatement(t *testing.T) {
	for _, s := range []string{"", "statement", "statements", "a statement.", "statemen", "tatement", "mstatement",
		"statementm", "mmmm", "ssstatementt", "Statement", "the statemen t", "in a statement"} {
		if got, want := hasStatement(s), strings.Contains(s, "statement"); got != want {
			t.Errorf("hasStatement(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSkipPlain checks skipPlain against a scan a byte at a time, with
// each byte that may start a mark, and one that may not, at each place
// of texts longer and shorter than the eight bytes it reads at once.
func TestSkipPlain(t *testing.T) {
	for _, c := range []string{`"`, "'", "“", "’", "é", "\x7f", "\x80", "\xff", "!", "#", "&", "\x00"} {
		for n := 0; n <= 20; n++ {
			for at := 0; at <= n; at++ {
				text := strings.Repeat("a", at) + c + strings.Repeat("b", n-at)
				for from := 0; from <= len(text); from++ {
					want := from
					for want < len(text) && !markBytes[text[want]] {
						want++
					}
					if got := skipPlain(text, from, len(text)); got != want {
						t.Errorf("skipPlain(%q, %d) = %d, want %d", text, from, got, want)
					}
				}
			}
		}
	}
}

package entity

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unsafe"
)

// testGazetteer loads the fictional gazetteer of testdata/gazetteer.
func testGazetteer(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := Load(os.DirFS("testdata/gazetteer"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// describe writes mentions compactly: type:name "text" [role, affiliation].
func describe(ms []Mention) string {
	var parts []string
	for _, m := range ms {
		s := m.Type + ":" + m.Name
		if m.Text != m.Name {
			s += ` "` + m.Text + `"`
		}
		if m.Role != "" || m.Affiliation != "" {
			s += " [" + m.Role + "/" + m.Affiliation + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, text, want string
	}{
		{"title and demonym give role and affiliation",
			"Ostmarkian Foreign Minister Oskar Brenn arrived in Port Amsel.",
			`place:Ostmark "Ostmarkian"; person:Oskar Brenn [Foreign Minister/Ostmark]; place:Port Amsel`},
		{"a surname alone is the person named before",
			"Oskar Brenn spoke first. Later Brenn said the talks would go on.",
			`person:Oskar Brenn [/Ostmark]; person:Oskar Brenn "Brenn" [/Ostmark]`},
		{"spelling variants share one name",
			"Interior Minister Pavel Edrin visited Tarnów.",
			`person:Paul Edrin "Pavel Edrin" [Interior Minister/Lirenia]; place:Tarnow Valley "Tarnów"`},
		{"an unknown person with a known given name, then by surname",
			"Jonas Kell, a farmer, waited. Kell said nothing had changed.",
			`person:Jonas Kell; person:Jonas Kell "Kell"`},
		{"an unknown person after a title",
			"The spokeswoman Dana Wirth declined to comment.",
			`person:Dana Wirth [spokeswoman/]`},
		{"a show or a prize named after a person is no person",
			"Fans of The Jonas Kell Show met. Greta Holm won the Dana Wirth Prize. Jonas Kell came.",
			`person:Greta Holm; person:Jonas Kell`},
		{"an unknown surname alone names nobody",
			"Smith said the road was closed.",
			``},
		{"a comma parts two names; the surname alone is still the first",
			"Jonas Kell, Greta Holm and the spokeswoman Dana Wirth wrote it. Kell filed first.",
			`person:Jonas Kell; person:Greta Holm; person:Dana Wirth [spokeswoman/]; person:Jonas Kell "Kell"`},
		{"a sentence end parts a surname from the next word",
			"The spokeswoman Dana Wirth spoke. Wirth.\n\nUndaunted, she went on.",
			`person:Dana Wirth [spokeswoman/]; person:Dana Wirth "Wirth"`},
		{"an initial's dot stays inside a name",
			"Jonas P. Kell signed.",
			`person:Jonas P Kell "Jonas P. Kell"`},
		{"a known surname after someone else's given name is someone else",
			"Greta Varga, the mediator's sister, spoke. Varga said little.",
			`person:Greta Varga; person:Greta Varga "Varga"`},
		{"a known surname after the person's own given name is the person",
			"Ilse Varga arrived. Later Varga spoke.",
			`person:Ilse Varga; person:Ilse Varga "Varga"`},
		{"a place's name after a given name is a surname",
			"Greta Ostmark met Oskar Brenn in Ostmark.",
			`person:Greta Ostmark; person:Oskar Brenn [/Ostmark]; place:Ostmark`},
		{"a word before a given name is not part of the name",
			"Councillor Jonas Kell voted no. Kell left.",
			`person:Jonas Kell; person:Jonas Kell "Kell"`},
		{"a demonym after a given name is a surname",
			"Jonas Ostmarkian wrote it.",
			`person:Jonas Ostmarkian`},
		{"the last words of a longer name are its person",
			"Jonas Mira Kell spoke. Then Mira Kell left.",
			`person:Jonas Mira Kell; person:Jonas Mira Kell "Mira Kell"`},
		{"a surname shared by two people of the article is left alone",
			"Jonas Kell and Greta Kell arrived. Kell said they would stay.",
			`person:Jonas Kell; person:Greta Kell`},
		{"demonyms are places, never people",
			"Lirenians and Ostmarkians met in the Tarnow Valley.",
			`place:Lirenia "Lirenians"; place:Ostmark "Ostmarkians"; place:Tarnow Valley`},
		{"a country's ministry, lower case",
			"Lirenia's interior ministry said in a statement that the road was open.",
			`place:Lirenia; org:Lirenian Interior Ministry "interior ministry"`},
		{"a demonym's ministry",
			"The Ostmarkian foreign ministry spokesman said so.",
			`place:Ostmark "Ostmarkian"; org:Ostmark Foreign Ministry "foreign ministry"`},
		{"a person's ministry",
			"Oskar Brenn met the envoys, Brenn's ministry said.",
			`person:Oskar Brenn [/Ostmark]; person:Oskar Brenn "Brenn" [/Ostmark]; org:Ostmark Foreign Ministry "Brenn's ministry"`},
		{"titles and roles alone are nobody",
			"The Foreign Minister and the President met the General.",
			``},
		{"a role the gazetteer contradicts is not given",
			"said the spokesman of the Ostmarkian President Oskar Brenn.",
			`place:Ostmark "Ostmarkian"; person:Oskar Brenn [/Ostmark]`},
		{"transliterated first names fold for unknown people",
			"Sergei Volkov and Sergey Volkov are one man.",
			`person:Sergey Volkov "Sergei Volkov"; person:Sergey Volkov`},
		{"a surname the gazetteer knows alone",
			"Mr Varga said the valley was quiet.",
			`person:Ilse Varga "Varga"`},
		{"organisations by name and by their last word",
			"Amsel Press reported that the Tarnow Farmers Association and the VDF agreed.",
			`org:Amsel Press; place:Tarnow Valley "Tarnow"; org:Tarnow Farmers Association; org:Valley Defence Front "VDF"`},
		{"a possessive does not leak into the name",
			"Ostmark's envoy met Ilse Varga's team.",
			`place:Ostmark; person:Ilse Varga`},
		{"an organisation ends at a sentence's end, before a quotation",
			"said Jonas Kell, an analyst at the Port Amsel Centre for Highland Studies. “The longer it goes on,” Kell warned.",
			`person:Jonas Kell; place:Port Amsel; org:Port Amsel Centre for Highland Studies; person:Jonas Kell "Kell"`},
		{"an organisation named for a place takes the place's spelling",
			"The Ostmarkia Defence Army fired. Later the Ostmark Defence Army denied it.",
			`place:Ostmark "Ostmarkia"; org:Ostmark Defence Army "Ostmarkia Defence Army"; place:Ostmark; org:Ostmark Defence Army`},
		{"and the next organisation is another one",
			"The Harbour Workers Union and the Farmers League signed.",
			`org:Harbour Workers Union; org:Farmers League`},
		{"a hover card repeating a name is read past",
			"said Ilse Varga Ilse Marie VargaTalks stall in Port Amsel Talks resume MORE on Monday.",
			`person:Ilse Varga`},
		{"a hover card ends the name before it",
			"said Jonas Kell Jonas Peter KellTalks stall, she said.",
			`person:Jonas Kell`},
		{"a handle after a name is no hover card",
			"— Jonas Kell (@JonasKellUSA) June 7",
			`person:Jonas Kell`},
		{"a glued name without a repeated name stays as it is",
			"Jonas McKell arrived.",
			`person:Jonas McKell`},
		{"a demonym that is the surname of someone named in full is them when a verb of saying or 's follows",
			"Greta Ostmarkian spoke. Ostmarkian officials left. Ostmarkian added that the port was open. Ostmarkian's office agreed.",
			`person:Greta Ostmarkian; place:Ostmark "Ostmarkian"; person:Greta Ostmarkian "Ostmarkian"; person:Greta Ostmarkian "Ostmarkian"`},
		{"a demonym is a place when no one of that surname was named",
			"Ostmarkian added that the port was open.",
			`place:Ostmark "Ostmarkian"`},
		{"sentence-initial common words are not names",
			"However Ilse Varga left. Meanwhile nothing happened.",
			`person:Ilse Varga`},
	}
	for _, tt := range tests {
		got := describe(g.Find(tt.text, [][2]int{{0, len(tt.text)}}))
		if got != tt.want {
			t.Errorf("%s:\n text %q\n got  %s\n want %s", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestFindOffsets checks that every mention's text is the text at its
// offsets, and that only the given parts are read.
func TestFindOffsets(t *testing.T) {
	g := testGazetteer(t)
	text := "Furniture: Oskar Brenn ad.\n\nIlse Varga met Pavel Edrin in Port Amsel.\n\nComment: Mira Holt said hi."
	body := [2]int{strings.Index(text, "Ilse"), strings.Index(text, "\n\nComment")}
	ms := g.Find(text, [][2]int{body})
	if len(ms) != 3 {
		t.Fatalf("found %s; want the three names of the body only", describe(ms))
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text || m.Start < body[0] || m.End > body[1] {
			t.Errorf("mention %+v does not match the text at its offsets or lies outside the body", m)
		}
	}
}

func TestAliasFiles(t *testing.T) {
	for _, tt := range []struct{ name, data string }{
		{"aliases.yaml", "- name: Ilse Varga\n  type: person\n  aliases: [Ilsa Varga]\n- name: Kasper Lund\n  type: person\n  aliases: [Lund]\n  roles: [Colonel]\n  affiliation: Ostmark\n"},
		{"aliases.csv", "name,type,aliases,roles,affiliation\nIlse Varga,person,Ilsa Varga,,\nKasper Lund,person,Lund,Colonel,Ostmark\n"},
	} {
		g := testGazetteer(t)
		path := filepath.Join(t.TempDir(), tt.name)
		os.WriteFile(path, []byte(tt.data), 0o644)
		before := g.Fingerprint()
		if err := g.AddAliasFile(path); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if g.Fingerprint() == before {
			t.Errorf("%s: the fingerprint did not change", tt.name)
		}
		got := describe(g.Find("Ilsa Varga met Lund.", [][2]int{{0, 19}}))
		if want := `person:Ilse Varga "Ilsa Varga"; person:Kasper Lund "Lund" [/Ostmark]`; got != want {
			t.Errorf("%s: got %s, want %s", tt.name, got, want)
		}
		e, ok := g.Lookup("ilsa varga", Person)
		if !ok || e.Name != "Ilse Varga" || e.From != "built-in" {
			t.Errorf("%s: Lookup = %+v, %v", tt.name, e, ok)
		}
	}
	g := testGazetteer(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("- name: X\n  type: ship\n"), 0o644)
	if err := g.AddAliasFile(bad); err == nil || !strings.Contains(err.Error(), "unknown type") {
		t.Errorf("a bad type: %v", err)
	}
	if err := g.AddAliasFile(filepath.Join(t.TempDir(), "aliases.txt")); err == nil {
		t.Errorf("a missing file with an unknown extension must fail")
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	toks, w := tokenize("Russia’s U.S. envoy, Nagorno-Karabakh and al-Assad's men (don't) 1,000.")
	for _, tok := range toks {
		s := w.written(&tok)
		if tok.possessive {
			s += "+s"
		}
		got = append(got, s)
	}
	want := "Russia+s U.S. envoy Nagorno-Karabakh and al-Assad+s men don't 1 000"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestVariants(t *testing.T) {
	g := testGazetteer(t)
	for word, want := range map[string]string{
		"Sergei":    "sergey serguei", // a group of transliterations
		"Warga":     "varga",          // aligned in "Ilse Warga" and "Ilse Varga"
		"Ostmarkia": "ostmark",        // one-word spellings of one place
		"Pavel":     "",               // Paul and Pavel are not spelled alike
		"us":        "",               // too short to expand
		"Brenn":     "",               // one spelling only
	} {
		got := strings.Join(g.Variants(word), " ")
		if got != want {
			t.Errorf("Variants(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestEmbeddedNames checks rules that depend on the built-in gazetteer:
// its given names and Georgia, the country or the US state.
func TestEmbeddedNames(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, text, want string }{
		{"common given names", "Petar Vosk, Henrike Maal, Fred Tolle and Shawn Pike met.",
			"person:Petar Vosk; person:Henrike Maal; person:Fred Tolle; person:Shawn Pike"},
		{"a US city before Georgia", "He flew to Atlanta, Georgia, on Monday.",
			`place:Georgia (US state) "Georgia"`},
		{"US politics after Georgia", "Georgia voters went to the polls.",
			`place:Georgia (US state) "Georgia"`},
		{"a US title before of Georgia", "Sen. Jonas Tolle of Georgia objected.",
			`person:Jonas Tolle [Sen/]; place:Georgia (US state) "Georgia"`},
		{"a list of US states", "Polls closed in Texas, Georgia and Ohio.",
			`place:Georgia (US state) "Georgia"`},
		{"the country by default", "Georgia and Armenia signed a deal.",
			"place:Georgia; place:Armenia"},
		{"the country when the article says so", "Georgia's leaders met in Tbilisi. Atlanta was not mentioned.",
			"place:Georgia; place:Tbilisi"},
	} {
		got := describe(g.Find(tt.text, [][2]int{{0, len(tt.text)}}))
		if got != tt.want {
			t.Errorf("%s:\n text %q\n got  %s\n want %s", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestAppendTranslitKey checks that the lookup key is translitKey's.
func TestAppendTranslitKey(t *testing.T) {
	for _, s := range append([]string{"", "aliyev", "Aliev", "mammadyarov", "Pashinyan", "llloyd", "\x00abc", "yy", "müller", "Çavuşoğlu", "o'neill", "bad\xffutf8", "Ыы", "Yy", "yY", "a`b", "a  b"}, foldSamples...) {
		if got, want := string(appendTranslitKey(nil, s)), translitKey(s); got != want {
			t.Errorf("appendTranslitKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTokenSize keeps a token to a cache line: the finder reads a
// thousand of them an article, several times.
func TestTokenSize(t *testing.T) {
	if got, want := unsafe.Sizeof(token{}), uintptr(64); got > want {
		t.Errorf("token is %d bytes, want at most %d", got, want)
	}
}

// TestFold checks that a token's folded form is its key without 's.
func TestFold(t *testing.T) {
	for _, tc := range []struct{ text, fold, key string }{
		{"Trump's", "trump", "trump's"}, {"Trump’s", "trump", "trump's"}, {"Müller’s", "muller", "muller's"},
		{"NATO", "nato", "nato"}, {"people's", "people", "people's"}, {"people’s", "people", "people's"},
		{"Gül’s", "gul", "gul's"}, {"don't", "don't", "don't"},
	} {
		toks, w := tokenize(tc.text)
		if len(toks) != 1 {
			t.Fatalf("tokenize(%q) = %d words, want 1", tc.text, len(toks))
		}
		if got := w.foldOf(&toks[0]); got != tc.fold {
			t.Errorf("fold of %q = %q, want %q", tc.text, got, tc.fold)
		}
		if got := w.keyOf(&toks[0]); got != tc.key {
			t.Errorf("key of %q = %q, want %q", tc.text, got, tc.key)
		}
	}
}

// TestSingleSpaced checks that singleSpaced says yes only where Fields and
// Join give the name back as it is.
func TestSingleSpaced(t *testing.T) {
	for _, name := range []string{"", "Trump", "Donald Trump", " Donald Trump", "Donald Trump ", "Donald  Trump",
		"Donald\tTrump", "Donald\nTrump", "Donald\u00a0Trump", "Müller", "Abu Bakr al Baghdadi", " ", "a b"} {
		normal := strings.Join(strings.Fields(name), " ") == name
		if singleSpaced(name) && !normal {
			t.Errorf("singleSpaced(%q) = true, but Fields and Join make %q", name, strings.Join(strings.Fields(name), " "))
		}
	}
	if !singleSpaced("Abu Bakr al Baghdadi") {
		t.Errorf("singleSpaced(%q) = false, want true", "Abu Bakr al Baghdadi")
	}
}

// TestJoinText checks that a run of words read from the text, where it
// has them single-spaced, is the words joined by single spaces.
func TestJoinText(t *testing.T) {
	for _, text := range []string{"Rami Abdel Rahman", "Rami  Abdel\tRahman", "Kell's Party Congress", "Jonas P. Kell",
		"Kell’s men, Varga and\nHolm", "Ted Cruz Rafael (Ted) Edward CruzWarren goes local MORE here", "Müller Őrs"} {
		f := &finder{words: words{text: text}}
		toks, lowered, glued := appendWords(nil, nil, text, 0)
		f.lowered = lowered
		hoverCards(&f.words, toks, glued)
		for i := range toks {
			for j := i + 1; j <= len(toks); j++ {
				var words []string
				for _, tok := range toks[i:j] {
					words = append(words, f.written(&tok))
				}
				if got, want := f.joinText(toks[i:j]), strings.Join(words, " "); got != want {
					t.Errorf("joinText of %q words %d-%d = %q, want %q", text, i, j, got, want)
				}
			}
		}
	}
}

// TestFinderReset checks that a finder readied for the next article holds
// nothing of the last one: Find keeps finders from article to article.
func TestFinderReset(t *testing.T) {
	g := testGazetteer(t)
	text := "Jonas Kell, Greta Holm and the spokeswoman Dana Wirth wrote it. Kell filed first. Rami Abdel Rahman's Ostmarkian men came."
	f := &finder{g: g, words: words{text: text}, surnames: map[string]string{}, ambiguous: map[string]bool{}}
	f.part(text, 0, len(text))
	if len(f.out) == 0 || len(f.surnames) == 0 || len(f.remembered) == 0 || len(f.canonical) == 0 {
		t.Fatalf("the article named no one: %d mentions", len(f.out))
	}
	f.reset()
	if f.text != "" || len(f.lowered) != 0 || len(f.toks) != 0 || len(f.out) != 0 {
		t.Errorf("after reset: text %q, %d folded bytes, %d words, %d mentions", f.text, len(f.lowered), len(f.toks), len(f.out))
	}
	for _, m := range f.out[:cap(f.out)] {
		if m != (Mention{}) {
			t.Errorf("after reset, a mention is %+v", m)
		}
	}
	if n := len(f.surnames) + len(f.ambiguous) + len(f.remembered) + len(f.tails) + len(f.homonymArticle) + len(f.canonical) + len(f.people); n != 0 {
		t.Errorf("after reset, the maps hold %d entries", n)
	}
}

// TestTokenHasNoPointer checks that a word holds no pointer, which the
// finder's speed under a busy garbage collector relies on (see token):
// reset leaves the words it kept as they are.
func TestTokenHasNoPointer(t *testing.T) {
	typ := reflect.TypeFor[token]()
	for i := range typ.NumField() {
		switch field := typ.Field(i); field.Type.Kind() {
		case reflect.Int, reflect.Int32, reflect.Bool:
		default:
			t.Errorf("token.%s is a %s: a word must hold offsets and flags only", field.Name, field.Type)
		}
	}
}

// TestHasDigit checks hasDigit against unicode.IsDigit.
func TestHasDigit(t *testing.T) {
	for _, w := range []string{"", "Trump", "F16", "Erdoğan", "B52", "Ⅻ", "٣rd", "x\xff9", "\xff", "F-16", "１２"} {
		if got, want := hasDigit(w), strings.IndexFunc(w, unicode.IsDigit) >= 0; got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPlainEnd checks that where plainEnd lets appendWords take a run of
// ASCII letters and digits as a word of its own, appendOtherWord, which
// reads every word, reads the same word there.
func TestPlainEnd(t *testing.T) {
	texts := []string{"He said. U.S. and U.K. A. B-52 F-16 well- known 'quoted' don't Trump's Trump’s al-Assad.",
		"x.y x. xy.z e.g. i.e. 1.5 3- -4 a'b a' 'a rock'n'roll end.", "Müller-Lüdenscheid café’s naïve Ωmega x’ x’y",
		"ends with a dot.", "ends with a hyphen-", "ends with an apostrophe'", "A", "Ab.", "ab-\u00e9", "ab'\u00e9t", "ab.\u00e9"}
	for _, text := range texts {
		for start := 0; start < len(text); start++ {
			if asciiWordBytes[text[start]] == 0 || start > 0 && asciiWordBytes[text[start-1]] != 0 {
				continue
			}
			j, caps := asciiRunEnd(text, start)
			if !plainEnd(text, start, j) {
				continue
			}
			// What a word says, its key a string rather than offsets.
			type read struct {
				start, end                               int
				written, key                             string
				capital, allCaps, possessive, descriptor bool
			}
			toks, lowered, next := appendOtherWord(nil, nil, text, 0, start, j, caps)
			w := words{text: text, lowered: lowered}
			want := read{start: start, end: j, written: text[start:j], key: strings.ToLower(text[start:j]),
				capital: asciiWordBytes[text[start]] == 3, allCaps: isAllCaps(text[start:j])}
			var got []read
			for _, tok := range toks {
				got = append(got, read{tok.start, tok.end, w.written(&tok), w.keyOf(&tok), tok.capital, tok.allCaps, tok.possessive, tok.descriptor})
			}
			if len(got) != 1 || next != j || got[0] != want {
				t.Errorf("%q at %d: plainEnd, but appendOtherWord reads %+v up to %d, want %+v", text, start, got, next, want)
			}
		}
	}
}

// TestIsWordRune checks isWordRune against the tables on every rune.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

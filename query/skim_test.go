package query

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/index"
)

// skimQueries cover every kind of mark: stems, exact terms (stop words
// alone, prefix*, word~), exact phrases, proximity phrases (which skimming
// leaves to find), and names; and a phrase beside one of its own words,
// whose match across a sentence end swallows the word's.
var skimQueries = []string{
	"ceasefire", `"chemical weapons"`, "Assad regime", `"peace talks" Russia`, `"Islamic State" Mosul`,
	`"we will not"`, "the", "not", "ceasefir*", "Erdogan", "Assad~", `"peace talks"~3`, "Putin OR Lavrov",
	"dying civilians", "happy studies", "U.S.", "Kelmarin", "Trevanna", `"said the"`, `"minister:US"`, "us", "regime*", "stud*",
	"Aliyev", "Əliyev", "don't", "1,000", "news",
	`ceasefire "ceasefire talks"`, `"peace talks" talks peace`, `"we will not" will`, `"Islamic State" state`, "Assad's",
	`"don't"`, "Алиев", `"Kelmarin said"`, `"state" "islamic"`, "Erdoğan's Turkey", `"talks resumed" ceasefire`,
	`"Aliyev"`, `"Erdogan's Turkey"`,
}

// snippetCounts are the numbers of snippets checkSkim asks for: the best
// one, a few, and every sentence that holds a match.
var snippetCounts = []int{1, 2, 3, 1000}

// checkSkim compares the snippets skimming makes with those of reading
// every word (everyWord), and find's matches with everyWord's, for each query over each text and each number of
// snippets: the same sentences, cut the same way, with the same
// highlights.
func checkSkim(t *testing.T, ix *index.Index, texts []string) {
	t.Helper()
	an := ix.Analyzer()
	for _, q := range skimQueries {
		node, err := Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		c, err := compile(ix, node, false, false)
		if err != nil {
			t.Fatal(err)
		}
		differ := 0
		for _, text := range texts {
			sents, hits := sentences(text), everyWord(c.marks, an, text)
			if got := c.marks.find(an, text); !reflect.DeepEqual(got, hits) && !(len(got) == 0 && len(hits) == 0) {
				if differ++; differ <= 3 {
					t.Errorf("%q: find in %.80q…:\ngot  %v\nwant %v", q, text, got, hits)
				}
			}
			for _, n := range snippetCounts {
				want := snippets(text, sents, 7, hits, n)
				got := c.marks.snippetsOf(an, text, 7, n)
				if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
					if differ++; differ <= 3 {
						t.Errorf("%q, %d snippets, in %.80q…:\ngot  %s\nwant %s", q, n, text, showSnippets(got), showSnippets(want))
					}
				}
			}
		}
	}
}

// everyWord is the reading of every word that skimming and find are held
// to: each word cut, folded and looked up as Words gives it.
func everyWord(m *marks, an *index.Analyzer, text string) [][2]int {
	heads := m.stemHeads()
	inPhrase := map[string]bool{}
	for _, p := range m.phrases {
		for _, w := range p.words {
			inPhrase[w] = true
		}
	}
	var found [][2]int
	var words []word
	an.Words([]byte(text), func(w index.Word) {
		term := string(w.Term)
		if m.exact[term] {
			found = append(found, [2]int{w.Start, w.End})
		} else if heads.mayStem(w.Term) {
			if s, ok := an.Stem(w.Term); ok && m.stems[s] {
				found = append(found, [2]int{w.Start, w.End})
			}
		}
		if inPhrase[term] {
			words = append(words, word{term: term, start: w.Start, end: w.End, pos: w.Position})
		}
	})
	for _, p := range m.phrases {
		found = append(found, phraseHits(p, words)...)
	}
	return mergeRanges(found)
}

// showSnippets writes snippets with their offsets and highlights, for
// messages.
func showSnippets(sns []Snippet) string {
	var b strings.Builder
	for _, sn := range sns {
		fmt.Fprintf(&b, "[%d,%d %q %v] ", *sn.Start, *sn.End, sn.Text, sn.Highlights)
	}
	return b.String()
}

// TestSkimFixtures checks skimming on texts written to trip it: curly
// quotes and accents that fold, scripts that do not, combining marks and
// format characters at sentence starts, a broken byte, phrases across
// sentences, sentences without words.
func TestSkimFixtures(t *testing.T) {
	ix := namesIndex(t)
	texts := []string{
		"The ceasefire held. Nobody in Kelmarin said “we will not” again. Then: peace talks resumed.",
		"Islamic. State officials met. ... Islamic State fighters left Mosul! ½. Peace. Talks.",
		"President Erdoğan spoke. Əliyev replied. Алиев не ответил. The U.S. envoy was happy.",
		"Dying civilians. \u0301Combining ceasefire. \u200bZero-width ceasefire. \xffbroken ceasefire.",
		"minister:US said us. We will not. We will\nnot. We\nwill not surrender… “Don’t,” he said.",
		"Trevanna Centre for Highland Studies — happy studies; studying 1,000 ceasefires’ records.",
		"", "   ", ".", "ceasefire", "No match here at all. Or here.",
		// A phrase across a sentence end, beside one of its own words,
		// and across sentences that hold no word at all.
		"The ceasefire. Talks resumed. The ceasefire held; ceasefire talks stalled. Peace.\n...\nTalks. Peace talks. Talks.",
		"Peace. Talks. Peace.\n—\nTalks: peace talks. Islamic.\n\u00a0\nState. We will. Not. We. Will. Not. We will not. We will not.",
		"Kelmarin. Said the envoy. Kelmarin said. Said. The. Kelmarin said the ceasefire talks resumed, ceasefire talks.",
		// Possessives, curly and straight apostrophes, colons, stems.
		"Assad’s regime fell. Assad's regime. Erdoğan’s Turkey and Erdogan's Turkey. Don’t. Don't. don't! minister:US. Minister:us.",
		"Studies of dying civilians; the studied dead. Happiest, happily, happy. Regimes, regime, régime. Stud. Student studies.",
		// Names with diacritics and in other scripts beside sentence ends.
		"Əliyev. Aliyev. Алиев. Алиев сказал. Aliyev said: “Əliyev’s ceasefire.” Erdoğan. Erdogan. ERDOĞAN.",
		"Islamic State. State. Islamic… State! Islamic State? Islamic\u200bState. Islamic \u0301State. Islamic State’s fighters.",
		// Combining marks and format characters at sentence starts,
		// after a space and after a line break.
		"Peace. \u200dTalks resumed.\n\u200dCeasefire talks.\n\u0301Ceasefire. \u00adPeace talks. Peace.\n\ufeffTalks. \u200bPeace\u200b talks.",
		// Ties between sentences, and a long sentence cut around its
		// first match with matches outside the cut.
		"Ceasefire. Ceasefire. Ceasefire, ceasefires. Ceasefire ceasefires. " + strings.Repeat("Peace talks went on and on for weeks without end ", 12) +
			"until the ceasefire talks resumed and the peace talks ended. Peace talks.",
	}
	var demo []string
	reader := corpus.NewReader(corpus.Options{})
	files, _ := corpus.FindFiles([]string{filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo")})
	for _, f := range files {
		reader.Read(f, func(a *corpus.Article) error {
			demo = append(demo, a.Texts(corpus.Body)...)
			return nil
		}, func(corpus.Problem) {})
	}
	if len(demo) == 0 {
		t.Fatal("no demo texts")
	}
	checkSkim(t, ix, append(texts, demo...))
}

// allsidesTexts returns the body texts of the first AllSides articles.
func allsidesTexts(t testing.TB, n int) []string {
	t.Helper()
	src := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	slice := filepath.Join(t.TempDir(), "allsides-slice.jsonl")
	copyLines(t, src, slice, n)
	var texts []string
	reader := corpus.NewReader(corpus.Options{})
	files, _ := corpus.FindFiles([]string{slice})
	for _, f := range files {
		reader.Read(f, func(a *corpus.Article) error {
			texts = append(texts, a.Texts(corpus.Body)...)
			return nil
		}, func(corpus.Problem) {})
	}
	return texts
}

// TestSkimAllSides compares skimming with reading every word on AllSides.
func TestSkimAllSides(t *testing.T) {
	texts := allsidesTexts(t, 2000)
	checkSkim(t, namesIndex(t), texts)
}

// TestStemNeedles checks what skimming assumes of the stemmer (see
// needles): every word that stems to a stem sharing its first two letters
// begins with that stem's needle. It checks every word of the first
// AllSides articles.
func TestStemNeedles(t *testing.T) {
	texts := allsidesTexts(t, 4000)
	an := index.NewAnalyzer()
	seen := map[string]bool{}
	bad := 0
	for _, text := range texts {
		an.Words([]byte(text), func(w index.Word) {
			term := string(w.Term)
			if seen[term] {
				return
			}
			seen[term] = true
			s, ok := an.Stem(w.Term)
			if !ok || len(s) < 2 || len(term) < 2 || term[:2] != s[:2] {
				return
			}
			if !strings.HasPrefix(term, stemNeedle(s)) {
				if bad++; bad <= 10 {
					t.Errorf("%q stems to %q but does not begin with %q", term, s, stemNeedle(s))
				}
			}
		})
	}
	if len(seen) < 10000 {
		t.Fatalf("only %d distinct words", len(seen))
	}
}

// TestSentencesByByte checks that sentences, which reads bytes, cuts as
// the reading of runes it replaced did.
func TestSentencesByByte(t *testing.T) {
	texts := []string{"One. Two! Three? Four… Five…six. “Seven.” Eight.) Nine.\nTen", "Mr. Smith met J. Doe in the U.S. on Jan. 5.",
		"\xe2\x80 broken. \xe2\x80\xa6 ok… \xff. end", "…", ".", "", "a.b. c"}
	if texts2 := allsidesTextsOrNil(t, 500); texts2 != nil {
		texts = append(texts, texts2...)
	}
	for _, text := range texts {
		if got, want := sentences(text), sentencesByRune(text); !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: got %v, want %v", text, got, want)
		}
	}
}

// allsidesTextsOrNil is allsidesTexts, or nil where the shared corpus is
// missing outside CI.
func allsidesTextsOrNil(t *testing.T, n int) []string {
	var texts []string
	t.Run("allsides", func(t *testing.T) { texts = allsidesTexts(t, n) })
	return texts
}

// sentencesByRune is sentences as it was before it read bytes.
func sentencesByRune(text string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\n':
			emit(i)
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i
			for j < len(text) {
				q, qs := utf8.DecodeRuneInString(text[j:])
				if q != '"' && q != '\'' && q != '”' && q != '’' && q != ')' && q != '»' {
					break
				}
				j += qs
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\n') && !abbreviation(text[:i]) {
				emit(j)
				i = j
			}
		}
	}
	emit(len(text))
	return out
}

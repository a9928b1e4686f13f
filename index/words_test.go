package index

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// segmenterWords is the reference: Bleve's segmenter over each stretch of
// valid UTF-8, whole.
func segmenterWords(text []byte) [][2]int {
	var out [][2]int
	segmenterSpans(text, 0, func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

// TestWordsAfterBrokenBytes checks that a byte that is not UTF-8 costs no
// word but itself: Bleve's segmenter alone stops at it.
func TestWordsAfterBrokenBytes(t *testing.T) {
	text := []byte("hello \xff world ag\xc3ain")
	var got []string
	wordSpans(text, func(s, e int) { got = append(got, string(text[s:e])) })
	if want := []string{"hello", "world", "ag", "ain"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func fastWords(text []byte) [][2]int {
	var out [][2]int
	wordSpans(text, func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

func sameWords(t *testing.T, name string, text []byte) {
	t.Helper()
	want, got := segmenterWords(text), fastWords(text)
	if slices.Equal(want, got) {
		return
	}
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			t.Errorf("%s: word %d: got %q at %v, want %q at %v", name, i, text[got[i][0]:got[i][1]], got[i], text[want[i][0]:want[i][1]], want[i])
			return
		}
	}
	t.Errorf("%s: got %d words, want %d", name, len(got), len(want))
}

func TestWordSpansMatchSegmenter(t *testing.T) {
	for _, text := range []string{
		"", " ", "a", "U.S. troops", "1,000.5 km", "don't", "rock'n'roll", "e-mail", "a.b.c", "end.",
		"press@example.org", "https://example.org/a_b?c=1", "#ceasefire", "3:30 pm", "minister:US",
		"tabs\tand\nnew\r\nlines\v\f", "2nd A4 4x4 x2", "snake_case _lead trail_ __", "'quoted' o'",
		"a..b a,,b a::b 1..2 1,,2 1;2 a;b 1:2 a'1 1'a 1'2 a.1 1.a", "a_.b a._b 1_,2 _1_ a_1",
		"Erdoğan met Əliyev", "naïve café", "Сергей Лавров", "東京 と カタカナ", "e\u0301clair",
		"a \u0301b", "a'\u0301b", "x\u200dy", "emoji 🙂 here", "\xff\xfe broken \xc3", "ab\xc3(",
		"שלום עליכם", "Hezbollah’s", "“Quote,” he said.", "a\u00a0b", "1\u00a02", "don’t", "1’000", "a’’b",
		"a’\u0301b", "‘frozen conflict’", "x—y – z … w", "a’", "’a", "a‘b", "1‘2", "a’1", "a\u00a0\u0301b", "“”", "…a",
	} {
		sameWords(t, text, []byte(text))
	}
}

// TestWordSpansOnCorpora compares the two on real text: the demo corpus,
// the seeds, and the first AllSides articles.
func TestWordSpansOnCorpora(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "corpus", "demo", "articles", "*"))
	seeds, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, "corpus/seeds"), "*.txt"))
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameWords(t, filepath.Base(f), b)
	}
	f, err := os.Open(corpustest.Shared(t, "corpus/allsides.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 16<<20)
	for n := 0; n < 2000 && sc.Scan(); n++ {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		sameWords(t, "allsides: "+rec.Title, []byte(rec.Title+"\n\n"+rec.Text))
	}
}

func FuzzWordSpansMatchSegmenter(f *testing.F) {
	for _, s := range []string{"U.S. 1,000.5", "a'\u0301b", "naïve café", "a_.b", "\xff x\u0301", "東京 x", "don’t “so” — a\u00a0b…", "a’\u0301b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		sameWords(t, "fuzz", text)
	})
}

func BenchmarkWordSpans(b *testing.B) {
	path := corpustest.Shared(b, "corpus/allsides.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, _ := gzip.NewReader(f)
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 16<<20)
	var text []byte
	for n := 0; n < 1000 && sc.Scan(); n++ {
		var rec struct{ Text string }
		_ = json.Unmarshal(sc.Bytes(), &rec)
		text = append(append(text, rec.Text...), '\n')
	}
	for _, c := range []struct {
		name  string
		spans func([]byte, func(int, int))
	}{{"segmenter", func(t []byte, fn func(int, int)) { segmenterSpans(t, 0, fn) }}, {"parley", wordSpans}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				c.spans(text, func(int, int) {})
			}
		})
	}
}

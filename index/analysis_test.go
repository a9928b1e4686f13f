package index

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
)

func TestWords(t *testing.T) {
	a := NewAnalyzer()
	text := "Erdoğan met Əliyev in Nagorno-Karabakh; “We don’t agree,” he said. Сергей U.S. 1,000"
	var got []string
	a.Words([]byte(text), func(w Word) {
		if string(w.Term) != strings.ToLower(text[w.Start:w.End]) && w.Position == 1 && string(w.Term) != "erdogan" {
			t.Errorf("word 1 term %q", w.Term)
		}
		got = append(got, string(w.Term)+"@"+text[w.Start:w.End])
	})
	want := []string{"erdogan@Erdoğan", "met@met", "aliyev@Əliyev", "in@in", "nagorno@Nagorno", "karabakh@Karabakh",
		"we@We", "don't@don’t", "agree@agree", "he@he", "said@said", "сергей@Сергей", "u.s@U.S", "1,000@1,000"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestStem(t *testing.T) {
	a := NewAnalyzer()
	tests := []struct {
		exact, want string
		keep        bool
	}{
		{"ceasefires", "ceasefir", true},
		{"ceasefire", "ceasefir", true},
		{"russia's", "russia", true},
		{"the", "", false},
		{"not", "", false},
		{"surrender", "surrend", true},
	}
	for _, tt := range tests {
		got, keep := a.Stem([]byte(tt.exact))
		if got != tt.want || keep != tt.keep {
			t.Errorf("Stem(%q) = %q, %v; want %q, %v", tt.exact, got, keep, tt.want, tt.keep)
		}
	}
}

// TestAnalyzerMatchesMapping checks that the terms Parley indexes are the
// terms the mapping's declared analyzers give, on the demo corpus and, when
// present, the seeds: the mapping must describe the index truthfully.
func TestAnalyzerMatchesMapping(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalyzer()
	root := corpustest.ModuleRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "corpus/demo/articles/*.txt"))
	if dir := os.Getenv("CI"); dir == "true" {
		seeds, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, "corpus/seeds"), "*.txt"))
		files = append(files, seeds...)
	}
	if len(files) == 0 {
		t.Fatal("no texts to compare")
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, pair := range []struct {
			analyzer string
			ours     []string
		}{
			{analyzerExact, a.ExactTerms(string(data))},
			{analyzerStemmed, a.StemmedTerms(string(data))},
		} {
			var theirs []string
			for _, tok := range m.AnalyzerNamed(pair.analyzer).Analyze(data) {
				theirs = append(theirs, string(tok.Term))
			}
			if strings.Join(theirs, " ") != strings.Join(pair.ours, " ") {
				t.Errorf("%s, %s: Parley's terms differ from Bleve's\n ours: %.300v\nBleve: %.300v", filepath.Base(path), pair.analyzer, pair.ours, theirs)
			}
		}
	}
}

func TestWordsSplitAtColons(t *testing.T) {
	a := NewAnalyzer()
	text := "the foreign minister:US talks at 10:30"
	var got []string
	a.Words([]byte(text), func(w Word) { got = append(got, fmt.Sprintf("%s@%d:%s", w.Term, w.Position, text[w.Start:w.End])) })
	want := "the@1:the foreign@2:foreign minister@3:minister us@4:US talks@5:talks at@6:at 10@7:10 30@8:30"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestSpansAgreeWithWords checks that Spans and Fold give what Words
// gives, on texts with colons, folding, broken bytes and other scripts,
// and on the demo corpus.
func TestSpansAgreeWithWords(t *testing.T) {
	texts := []string{"the foreign minister:US talks at 10:30", "::a::b:: c:", "Erdoğan’s Əliyev don’t Алиев",
		"\xff broken \xc3 x\u0301y 東京 🙂", "U.S. 1,000.5 a_b", "", " "}
	files, _ := filepath.Glob(filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo", "articles", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	a := NewAnalyzer()
	for _, text := range texts {
		var want, got []string
		a.Words([]byte(text), func(w Word) { want = append(want, fmt.Sprintf("%s@%d:%d-%d", w.Term, w.Position, w.Start, w.End)) })
		a.Spans([]byte(text), func(start, end, pos int) {
			got = append(got, fmt.Sprintf("%s@%d:%d-%d", Fold(nil, []byte(text[start:end])), pos, start, end))
		})
		if !slices.Equal(got, want) {
			t.Errorf("%.40q…:\ngot  %.300v\nwant %.300v", text, got, want)
		}
	}
}

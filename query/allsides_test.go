package query

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/index"
)

// allsidesSlice is how many AllSides articles the phrase test indexes:
// enough for every test phrase to have many matches and many near misses.
const allsidesSlice = 4000

// TestPhrasePrecisionAllSides indexes the first articles of AllSides and
// checks that every quoted phrase finds exactly the articles a plain,
// case-insensitive scan of their text finds: the words in that order,
// with nothing but spaces or punctuation between them. In particular,
// "we will not" must not match articles that merely hold the three words.
func TestPhrasePrecisionAllSides(t *testing.T) {
	ix, slice := allsidesIndex(t)

	// The texts as Parley reads them: title and body parts, without the
	// furniture and comments that are never searched.
	var articles []*corpus.Article
	reader := corpus.NewReader(corpus.Options{})
	files, _ := corpus.FindFiles([]string{slice})
	for _, f := range files {
		reader.Read(f, func(a *corpus.Article) error { articles = append(articles, a); return nil }, func(corpus.Problem) {})
	}
	if len(articles) != allsidesSlice {
		t.Fatalf("read %d articles, want %d", len(articles), allsidesSlice)
	}

	phrases := []string{"we will not", "will not", "chemical weapons", "peace talks", "Islamic State", "humanitarian aid",
		"foreign minister", "prisoner exchange", "no-fly zone", "war crimes", "the president said", "health care",
		"will never", "not the", "in the"}
	for _, phrase := range phrases {
		words := strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '-' })
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		// A word ends at anything but a letter or digit; an apostrophe
		// belongs to a word only between letters (isn't), not as a quote
		// mark ('not the').
		re := regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}'’]|(^|[^\p{L}\p{N}])['’])` + strings.Join(words, `[^\p{L}\p{N}]+`) +
			`($|[^\p{L}\p{N}'’]|['’]($|[^\p{L}\p{N}]))`)
		scan := map[string]bool{}
		for _, a := range articles {
			for _, text := range append(a.Texts(corpus.Body), a.Title) {
				if re.MatchString(text) {
					scan[a.ID] = true
					break
				}
			}
		}
		found := map[string]bool{}
		for page := 1; ; page++ {
			res := run(t, ix, Request{Query: `"` + phrase + `"`, Limit: 1000, Page: page})
			for _, h := range res.Hits {
				found[h.ID] = true
			}
			if len(res.Hits) < 1000 {
				if uint64(len(found)) != res.Total {
					t.Errorf("%q: %d distinct hits, total says %d", phrase, len(found), res.Total)
				}
				break
			}
		}
		var extra, missed []string
		for id := range found {
			if !scan[id] {
				extra = append(extra, id)
			}
		}
		for id := range scan {
			if !found[id] {
				missed = append(missed, id)
			}
		}
		t.Logf("%-22q parley %5d  scan %5d", phrase, len(found), len(scan))
		if len(extra) > 0 {
			t.Errorf("%q: %d articles found that do not hold the phrase, e.g. %v", phrase, len(extra), extra[:min(3, len(extra))])
		}
		if len(missed) > 0 {
			t.Errorf("%q: %d articles holding the phrase were missed, e.g. %v", phrase, len(missed), missed[:min(3, len(missed))])
		}
		if len(scan) == 0 {
			t.Errorf("%q: no article holds it; choose a phrase the slice has", phrase)
		}
	}
}

// allsidesIndex returns the index of the first allsidesSlice articles of
// AllSides, made once for the package's tests, and those articles as a
// file of the test's own.
func allsidesIndex(t *testing.T) (*index.Index, string) {
	t.Helper()
	src := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	slice := filepath.Join(t.TempDir(), "allsides-slice.jsonl")
	copyLines(t, src, slice, allsidesSlice)
	return testIndex(t, "allsides-slice", slice), slice
}

// copyLines copies the first n lines of a gzipped JSON Lines file.
func copyLines(t testing.TB, src, dst string, n int) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 64<<20)
	w := bufio.NewWriter(out)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// TestSeeds reads the five real seed articles, raw as scraped, and checks
// their metadata against the sidecar and their separation against the
// evaluation's list of text that is not article text.
func TestSeeds(t *testing.T) {
	dir := corpustest.Shared(t, "corpus/seeds")
	entitiesPath := corpustest.Shared(t, "eval/seeds-entities.json")
	articles, problems := readAll(t, Options{}, dir)
	for _, p := range problems {
		t.Errorf("problem: %v", p)
	}
	byFile := map[string]*Article{}
	for _, a := range articles {
		byFile[filepath.Base(a.From.Path)] = a
	}
	if len(byFile) != 5 {
		t.Fatalf("read %d seeds, want 5", len(byFile))
	}

	// The sidecar, read independently of the reader under test.
	sidecar, err := os.ReadFile(filepath.Join(dir, "metadata.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(sidecar)), "\n") {
		var m struct{ File, Source, Published string }
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		a := byFile[m.File]
		if a == nil {
			t.Errorf("%s not read", m.File)
			continue
		}
		if a.Source != m.Source {
			t.Errorf("%s: source %q, want %q", m.File, a.Source, m.Source)
		}
		if a.Published.String() != m.Published {
			t.Errorf("%s: published %q, want %q (with its precision)", m.File, a.Published, m.Published)
		}
		wantPrecision := map[int]Precision{4: Year, 7: Month, 10: Day}[len(m.Published)]
		if a.Published.Precision != wantPrecision {
			t.Errorf("%s: precision %s, want %s", m.File, a.Published.Precision, wantPrecision)
		}
	}
	// The headline is the first line that is not a section label or an
	// appeal: seed 000 opens with "Central Asia", seed 003 with "Support
	// The Moscow Times!".
	titles := map[string]string{
		"000_b0b5855b258448b0.txt": "Russia Says Progress Made In Nagorno-Karabakh ‘Frozen Conflict’ Of The USSR",
		"001_bfa63e976a24a0e6.txt": "Moscow Urges Yerevan and Baku to Intensify Karabakh Talks",
		"003_550d6a345c2c1c3e.txt": "Russia Hosts New Talks in Search of Karabakh Truce",
	}
	for file, want := range titles {
		if got := byFile[file].Title; got != want {
			t.Errorf("%s: title %q, want %q", file, got, want)
		}
	}

	var eval struct {
		NotArticleText map[string][]string `json:"not_article_text"`
	}
	data, err := os.ReadFile(entitiesPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &eval); err != nil {
		t.Fatal(err)
	}
	for file, snippets := range eval.NotArticleText {
		a := byFile[file]
		if a == nil {
			t.Errorf("%s not read", file)
			continue
		}
		body := strings.Join(a.Texts(Body), "\n") + a.Title
		aside := strings.Join(append(a.Texts(Furniture), a.Texts(Comments)...), "\n")
		for _, s := range snippets {
			if strings.Contains(body, s) {
				t.Errorf("%s: %q is in the article body, want it set aside", file, s)
			}
			if !strings.Contains(aside, s) {
				t.Errorf("%s: %q is in neither furniture nor comments: set-aside text must be kept", file, s)
			}
		}
	}
	// The words item 3 of the issue names: only in links and comments.
	for file, word := range map[string]string{
		"000_b0b5855b258448b0.txt": "Chechnya",
		"001_bfa63e976a24a0e6.txt": "Turkey",
	} {
		if strings.Contains(byFile[file].BodyText(), word) {
			t.Errorf("%s: %q found in the body", file, word)
		}
	}
	if strings.Contains(byFile["000_b0b5855b258448b0.txt"].BodyText(), "Kazakhstan") {
		t.Errorf("seed 000: Kazakhstan found in the body")
	}
	// And the body must still hold the article.
	for file, phrase := range map[string]string{
		"000_b0b5855b258448b0.txt": "frozen conflict",
		"001_bfa63e976a24a0e6.txt": "Karasin stressed that Russia",
		"003_550d6a345c2c1c3e.txt": "Lavrov's ministry said in a statement",
		"004_343405ef04f1da03.txt": "said a Kremlin spokesman",
	} {
		if !strings.Contains(byFile[file].BodyText(), phrase) {
			t.Errorf("%s: body lost %q", file, phrase)
		}
	}
}

// TestSharedCSV reads the Wikinews and FA-KES exports: every row is an
// article with a title, text and a day-precision date, and nothing fails.
func TestSharedCSV(t *testing.T) {
	for _, tt := range []struct {
		rel  string
		rows int
	}{
		{"corpus/wikinews/wikinews_2019.csv", 171},
		{"corpus/wikinews/wikinews_2020.csv", 124},
		{"corpus/fakes-syria.csv", 804},
	} {
		path := corpustest.Shared(t, tt.rel)
		articles, problems := readAll(t, Options{}, path)
		for _, p := range problems {
			t.Errorf("%s: %v", tt.rel, p)
		}
		if len(articles) != tt.rows {
			t.Errorf("%s: %d articles, want %d", tt.rel, len(articles), tt.rows)
		}
		ids := map[string]bool{}
		for _, a := range articles {
			if a.Title == "" || a.Text == "" || a.Published.Precision != Day || ids[a.ID] {
				t.Errorf("%s line %d: title %q, %d bytes of text, date %q, duplicate id %v", tt.rel, a.From.Line, a.Title, len(a.Text), a.Published, ids[a.ID])
				break
			}
			ids[a.ID] = true
		}
	}
}

// TestAllSidesRecords reads the first records of the AllSides export and
// checks each article's title, date, source and URL against the record
// itself, decoded here on its own. The first 400 hold ISO dates, an
// M/D/YY date (line 301) and no date at all.
func TestAllSidesRecords(t *testing.T) {
	path := corpustest.Shared(t, "corpus/allsides.jsonl.gz")
	const n = 400
	files, problems := FindFiles([]string{path})
	if len(files) != 1 || len(problems) != 0 {
		t.Fatalf("got files %v, problems %v; want the export alone", files, problems)
	}
	var articles []*Article
	enough := errors.New("enough")
	err := NewReader(Options{}).Read(files[0], func(a *Article) error {
		if articles = append(articles, a); len(articles) == n {
			return enough
		}
		return nil
	}, func(p Problem) { t.Errorf("problem: %v", p) })
	if err != enough {
		t.Fatalf("got %d articles and %v, want %d", len(articles), err, n)
	}

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(zr)
	lines.Buffer(nil, 16<<20)
	var undated, slashed int
	for i, a := range articles {
		if !lines.Scan() {
			t.Fatalf("record %d: %v", i+1, lines.Err())
		}
		var rec struct{ ID, Title, Date, Source, URL string }
		if err := json.Unmarshal(lines.Bytes(), &rec); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		want := rec.Date
		switch {
		case rec.Date == "":
			undated++
		case strings.Contains(rec.Date, "/"):
			slashed++
			d, err := time.Parse("1/2/06", rec.Date)
			if err != nil {
				t.Fatalf("record %d: date %q: %v", i+1, rec.Date, err)
			}
			want = d.Format("2006-01-02")
		}
		got := [...]string{a.Title, a.Published.String(), a.Source, a.URL, a.From.Key}
		// Titles have their runs of white space collapsed.
		wantAll := [...]string{strings.Join(strings.Fields(rec.Title), " "), want, rec.Source, rec.URL, "id " + rec.ID}
		if got != wantAll {
			t.Errorf("line %d: got title, date, source, url, key %q, want %q", i+1, got, wantAll)
		}
		if a.From.Line != i+1 {
			t.Errorf("record %d: got line %d", i+1, a.From.Line)
		}
	}
	if undated == 0 || slashed == 0 {
		t.Errorf("got %d undated and %d M/D/YY records, want some of each among the first %d", undated, slashed, n)
	}
}

package index

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
)

// copyDemo copies the demo corpus into a temporary folder the test may change.
func copyDemo(t *testing.T) string {
	t.Helper()
	src := filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo")
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func openTemp(t *testing.T) (*Index, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, dir
}

func update(t *testing.T, ix *Index, opts UpdateOptions, paths ...string) Summary {
	t.Helper()
	sum, err := ix.Update(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func articleCount(t *testing.T, ix *Index) uint64 {
	t.Helper()
	n, err := ix.count(context.Background(), kindQuery(KindArticle))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestUpdateIsIdempotent(t *testing.T) {
	demo := copyDemo(t)
	ix, _ := openTemp(t)
	first := update(t, ix, UpdateOptions{}, demo)
	if first.Added != 26 || first.Updated != 0 || first.Unchanged != 0 || first.Failed != 0 {
		t.Fatalf("first run: %+v, want 26 added", first)
	}
	if first.Skipped != 2 || first.Reasons["skipped: folder notes (README, LICENSE), not an article"] != 1 ||
		first.Reasons["skipped: alias list, not articles (pass it with --aliases)"] != 1 {
		t.Errorf("README.md should be skipped with its reason: %+v", first.Reasons)
	}
	if n := articleCount(t, ix); n != 26 {
		t.Fatalf("index holds %d articles, want 26", n)
	}
	second := update(t, ix, UpdateOptions{}, demo)
	if second.Added != 0 || second.Updated != 0 || second.Removed != 0 || second.Unchanged != 26 || second.FilesUnchanged != second.Files {
		t.Errorf("second run over the same input: %+v, want all 26 unchanged", second)
	}
	if n := articleCount(t, ix); n != 26 {
		t.Errorf("index holds %d articles after the second run, want 26", n)
	}
	st, err := ix.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 26 || st.Files != 10 || st.First.String() != "2019" || st.Last.String() != "2021-09-27" || st.Undated != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestUpdateReplacesChangedFiles(t *testing.T) {
	demo := copyDemo(t)
	ix, _ := openTemp(t)
	update(t, ix, UpdateOptions{}, demo)

	// Change one article, and drop one record from the JSONL export.
	article := filepath.Join(demo, "articles", "02_shelling_resumes_kelvash.txt")
	data, _ := os.ReadFile(article)
	if err := os.WriteFile(article, append(data, []byte("\nA correction was appended to this article on Tuesday by its editors.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	wire := filepath.Join(demo, "wire.jsonl")
	lines := strings.Split(strings.TrimRight(readString(t, wire), "\n"), "\n")
	if err := os.WriteFile(wire, []byte(strings.Join(lines[1:], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := update(t, ix, UpdateOptions{}, demo)
	// Records keep their IDs because they have their own id field; the 11
	// that moved up a line are rewritten so their line stays true.
	if sum.Updated != 12 || sum.Removed != 1 || sum.Added != 0 || sum.Unchanged != 13 {
		t.Errorf("after changes: %+v, want 12 updated (1 edited, 11 moved), 1 removed, 13 unchanged", sum)
	}
	if n := articleCount(t, ix); n != 25 {
		t.Errorf("index holds %d articles, want 25", n)
	}
	stored, err := ix.Article(context.Background(), corpus.NewID(article, ""))
	if err != nil {
		t.Fatal(err)
	}
	if body := strings.Join(stored.Body, "\n"); !strings.Contains(body, "A correction was appended") {
		t.Errorf("updated article does not hold the new text")
	}
}

func TestUpdatePrune(t *testing.T) {
	demo := copyDemo(t)
	ix, _ := openTemp(t)
	update(t, ix, UpdateOptions{}, demo)
	if err := os.Remove(filepath.Join(demo, "regional.csv")); err != nil {
		t.Fatal(err)
	}
	sum := update(t, ix, UpdateOptions{}, demo)
	if sum.Removed != 0 || articleCount(t, ix) != 26 {
		t.Errorf("without --prune nothing is removed: %+v", sum)
	}
	sum = update(t, ix, UpdateOptions{Prune: true}, demo)
	if sum.Removed != 6 || articleCount(t, ix) != 20 {
		t.Errorf("with prune: %+v, %d articles; want 6 removed, 20 left", sum, articleCount(t, ix))
	}
	paths, err := ix.Paths(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if strings.HasSuffix(p, "regional.csv") {
			t.Errorf("pruned file still known: %s", p)
		}
	}
}

func TestOpenLocked(t *testing.T) {
	ix, dir := openTemp(t)
	_ = ix
	start := time.Now()
	_, err := Open(dir, Options{LockTimeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("message %q should say the index is in use", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("second open took %v: it must give up, not hang", elapsed)
	}
	_, err = Open(dir, Options{ReadOnly: true, LockTimeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("read-only open while a writer holds the index: %v, want ErrLocked", err)
	}
}

func TestOpenRefusesOtherFolders(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "holds other files") {
		t.Errorf("opening a folder of other files: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none"), Options{ReadOnly: true}); !errors.Is(err, ErrNoIndex) {
		t.Errorf("read-only open of nothing: %v, want ErrNoIndex", err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestKillMidRun kills (SIGKILL) a process in the middle of indexing, then
// checks that the index opens and that a second run completes it with no
// article twice, and every article's quotation (written in batches of
// their own) there once.
func TestKillMidRun(t *testing.T) {
	if os.Getenv("PARLEY_CHILD_INDEX") != "" {
		return // the child runs from TestMain
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	const records = 6000
	for i := 0; i < records; i++ {
		fmt.Fprintf(w, `{"id": "r%d", "title": "Report %d from the Tarnow line", "text": "Monitors counted %d shells near Tarnow on day %d.\n\"The talks will go on whatever the weather,\" said Ilse Varga, the envoy."}`+"\n", i, i, i%97, i)
	}
	w.Flush()
	f.Close()
	indexDir := filepath.Join(dir, "index")

	child := exec.Command(os.Args[0], "-test.run=^TestMain$")
	child.Env = append(os.Environ(), "PARLEY_CHILD_INDEX="+indexDir, "PARLEY_CHILD_INPUT="+input)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are on disk, then kill without warning.
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		var written int
		if _, err := fmt.Sscanf(sc.Text(), "written %d", &written); err == nil && written >= 1000 {
			child.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	child.Wait()
	if !killed {
		t.Skip("the child finished before it could be killed; nothing to test on this machine")
	}

	ix, err := Open(indexDir, killOptions(t))
	if err != nil {
		t.Fatalf("index does not open after kill -9: %v", err)
	}
	defer ix.Close()
	before := articleCount(t, ix)
	if before == 0 || before >= records {
		t.Logf("after the kill the index holds %d of %d articles", before, records)
	}
	sum := update(t, ix, UpdateOptions{}, input)
	if got := articleCount(t, ix); got != records {
		t.Errorf("after the rerun the index holds %d articles, want %d (summary %+v)", got, records, sum)
	}
	if sum.Added+sum.Unchanged != records || sum.Updated != 0 {
		t.Errorf("rerun summary %+v: every record should be added or unchanged", sum)
	}
	if got := len(quoteIDs(t, ix)); got != records {
		t.Errorf("after the rerun the index holds %d quotations, want %d, one an article", got, records)
	}
}

// killOptions opens TestKillMidRun's index, finding quotations.
func killOptions(t interface{ Fatal(...any) }) Options {
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Extractor: extract.New(g)}
}

// TestMain lets TestKillMidRun run an indexing child process: the test
// binary itself, told by environment what to index.
func TestMain(m *testing.M) {
	if dir := os.Getenv("PARLEY_CHILD_INDEX"); dir != "" {
		ix, err := Open(dir, killOptions(fatalExit{}))
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(2)
		}
		_, err = ix.Update(context.Background(), []string{os.Getenv("PARLEY_CHILD_INPUT")}, UpdateOptions{
			BatchSize: 100,
			Progress: func(p Progress) {
				fmt.Printf("written %d\n", p.Written)
			},
		})
		if err != nil {
			fmt.Println("update:", err)
			os.Exit(2)
		}
		ix.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fatalExit ends the child process of TestKillMidRun on a fatal error.
type fatalExit struct{}

func (fatalExit) Fatal(args ...any) {
	fmt.Println(args...)
	os.Exit(2)
}

// A second Close, from a deferred close after an explicit one, must not
// panic or fail: the index is closed.
func TestCloseTwice(t *testing.T) {
	ix, _ := openTemp(t)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second close: %v", err)
	}
}

// TestUpdateKeepsWhatFailedToRead checks that a file that fails to read,
// whole or in part, loses none of the articles indexed from it before: a
// truncated gzip export, an article file grown past the size limit, an
// export with one line broken, files now empty, binary or UTF-16, which
// are skipped. The summary must not count them removed.
// A file not read to its end stays unrecorded, so the next run tries it
// again.
func TestUpdateKeepsWhatFailedToRead(t *testing.T) {
	var wire strings.Builder
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&wire, `{"id": "w%d", "title": "Fictional dispatch %d", "text": "Monitors counted %d shells near Tarnow on day %d."}`+"\n", i, i, i*7919%97, i)
	}
	var packed bytes.Buffer
	zw := gzip.NewWriter(&packed)
	zw.Write([]byte(wire.String()))
	zw.Close()
	whole := packed.Bytes()
	story := "Ferry to Orvel resumes\n\nThe ferry to Orvel ran again on Monday, its crew said.\n"
	lines := []string{
		`{"id": "a", "title": "Talks open in Veshta", "text": "Envoys met in Veshta."}`,
		`{"id": "b", "title": "Depot reopens in Tarnow", "text": "The Tarnow depot reopened."}`,
		`{"id": "c", "title": "Convoy reaches Mirel", "text": "Aid reached Mirel."}`,
	}
	broken := []string{lines[0], `{"id": "b", "title": "Depot reopens in Tarnow", "text": `, lines[2]}

	for _, tc := range []struct {
		name          string
		file          string
		before, after []byte
		read          corpus.Options
		key           string // the record key of an article that must stay
		wantArticles  uint64
		wantRecorded  bool
	}{
		{"truncated gzip", "wire.jsonl.gz", whole, whole[:len(whole)/2], corpus.Options{}, "id w2999", 3000, false},
		{"now too large", "ferry.txt", []byte(story), []byte(story + strings.Repeat("The crossing took an hour. ", 100)),
			corpus.Options{MaxFileSize: 1000}, "", 1, false},
		{"one line broken", "wire.jsonl", []byte(strings.Join(lines, "\n") + "\n"), []byte(strings.Join(broken, "\n") + "\n"),
			corpus.Options{}, "id b", 3, true},
		{"now empty", "ferry.txt", []byte(story), []byte("\n \n"), corpus.Options{}, "", 1, false},
		{"now binary", "ferry.txt", []byte(story), append([]byte(story), 0, 0, 0, 1, 2, 0), corpus.Options{}, "", 1, false},
		{"now UTF-16", "ferry.txt", []byte(story), utf16LE(story), corpus.Options{}, "", 1, false},
		{"export now empty", "wire.jsonl", []byte(strings.Join(lines, "\n") + "\n"), []byte("\n"), corpus.Options{}, "id c", 3, false},
		{"CSV now empty", "wire.csv", []byte("id,title,text\nk1,Talks open in Veshta,Envoys met in Veshta.\n"), nil, corpus.Options{}, "id k1", 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, tc.before, 0o644); err != nil {
				t.Fatal(err)
			}
			ix, _ := openTemp(t)
			if sum := update(t, ix, UpdateOptions{}, path); sum.Failed != 0 || uint64(sum.Added) != tc.wantArticles {
				t.Fatalf("first run: got %+v, want %d added", sum, tc.wantArticles)
			}
			if err := os.WriteFile(path, tc.after, 0o644); err != nil {
				t.Fatal(err)
			}
			sum := update(t, ix, UpdateOptions{Read: tc.read}, path)
			if sum.Failed+sum.Skipped == 0 || sum.Removed != 0 {
				t.Errorf("second run: got %d failed, %d skipped, %d removed; want a failure or a skip and nothing removed", sum.Failed, sum.Skipped, sum.Removed)
			}
			if got := articleCount(t, ix); got != tc.wantArticles {
				t.Errorf("got %d articles after the failure, want %d", got, tc.wantArticles)
			}
			if _, err := ix.Article(context.Background(), corpus.NewID(path, tc.key)); err != nil {
				t.Errorf("article %q: got %v, want it kept", tc.key, err)
			}
			sum = update(t, ix, UpdateOptions{Read: tc.read}, path)
			if got := sum.FilesUnchanged == 1; got != tc.wantRecorded {
				t.Errorf("third run: got file recorded %v, want %v (%+v)", got, tc.wantRecorded, sum)
			}
		})
	}
}

// A sidecar describes its folder's articles: correcting it must reach the
// index even though the articles' own files are byte for byte the same.
func TestUpdateFollowsSidecarChanges(t *testing.T) {
	demo := copyDemo(t)
	ix, _ := openTemp(t)
	update(t, ix, UpdateOptions{}, demo)

	articles := filepath.Join(demo, "articles")
	corrected := filepath.Join(articles, "02_shelling_resumes_kelvash.txt")
	dropped := filepath.Join(articles, "07_detainees_swapped_mirel.txt")
	sidecar := filepath.Join(articles, "metadata.jsonl")
	var kept []string
	for _, line := range strings.Split(strings.TrimRight(readString(t, sidecar), "\n"), "\n") {
		switch {
		case strings.Contains(line, `"07_detainees_swapped_mirel.txt"`):
			continue // its source and date go with the line
		case strings.Contains(line, `"02_shelling_resumes_kelvash.txt"`):
			line = strings.Replace(line, `"published": "2020-09-28"`, `"published": "2020-09-27"`, 1)
		}
		kept = append(kept, line)
	}
	if err := os.WriteFile(sidecar, []byte(strings.Join(kept, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	sum := update(t, ix, UpdateOptions{}, demo)
	if sum.Updated != 2 || sum.Added != 0 || sum.Removed != 0 || sum.Unchanged != 24 {
		t.Errorf("after the sidecar changed: %+v, want 2 updated, 24 unchanged", sum)
	}
	tests := []struct {
		path, published, source string
	}{
		{corrected, "2020-09-27", "Meridian Wire"},
		{dropped, "", ""}, // with its line gone, nothing says who published it or when
	}
	for _, tt := range tests {
		stored, err := ix.Article(context.Background(), corpus.NewID(tt.path, ""))
		if err != nil {
			t.Fatal(err)
		}
		if got := stored.Published.String(); got != tt.published && !(tt.published == "" && stored.DateMethod != "metadata") {
			t.Errorf("%s: published %q (%s), want %q", filepath.Base(tt.path), got, stored.DateMethod, tt.published)
		}
		if stored.Source != tt.source {
			t.Errorf("%s: source %q, want %q", filepath.Base(tt.path), stored.Source, tt.source)
		}
	}

	again := update(t, ix, UpdateOptions{}, demo)
	if again.Updated != 0 || again.Unchanged != 26 || again.FilesUnchanged != again.Files {
		t.Errorf("a third run over the same input: %+v, want everything unchanged", again)
	}
}

// An aliases file kept beside the articles is skipped with a hint to pass
// it with --aliases, unless it is the very file the index was opened with:
// then it is in use, and the hint would be wrong.
func TestUpdateAliasFileInUse(t *testing.T) {
	demo := copyDemo(t)
	const hint = "skipped: alias list, not articles (pass it with --aliases)"
	other := filepath.Join(t.TempDir(), "aliases.yaml")
	if err := os.WriteFile(other, []byte("- name: Quillon Varro\n  type: person\n  aliases: [Varro]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		aliases   string // "" for none
		wantHint  int
		wantSkips int
	}{
		{"no aliases", "", 1, 2},
		{"another aliases file", other, 1, 2},
		{"this aliases file", filepath.Join(demo, "aliases.yaml"), 0, 1},
		{"this aliases file, by a relative path", "relative", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := entity.Embedded()
			if err != nil {
				t.Fatal(err)
			}
			aliases := tt.aliases
			if aliases == "relative" {
				wd, _ := os.Getwd()
				if aliases, err = filepath.Rel(wd, filepath.Join(demo, "aliases.yaml")); err != nil {
					t.Skip("no relative path to the temporary folder:", err)
				}
			}
			if aliases != "" {
				if err := g.AddAliasFile(aliases); err != nil {
					t.Fatal(err)
				}
			}
			ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{Extractor: extract.New(g)})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			var problems []string
			sum := update(t, ix, UpdateOptions{Problem: func(p corpus.Problem) { problems = append(problems, p.Error()) }}, demo)
			if got := sum.Reasons[hint]; got != tt.wantHint || sum.Skipped != tt.wantSkips {
				t.Errorf("got %d skipped, %d with the --aliases hint, want %d and %d; problems: %q", sum.Skipped, got, tt.wantSkips, tt.wantHint, problems)
			}
		})
	}
}

// An index records the alias files its articles were analysed with, so
// that a reader without them can be told: person:"Sevda Oryen" finds
// nothing when the names of the demo's aliases.yaml are missing.
func TestMissingAliases(t *testing.T) {
	demo := copyDemo(t)
	aliases := filepath.Join(demo, "aliases.yaml")
	gazetteer := func(t *testing.T, files ...string) *extract.Extractor {
		t.Helper()
		g, err := entity.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := g.AddAliasFile(f); err != nil {
				t.Fatal(err)
			}
		}
		return extract.New(g)
	}
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, Options{Extractor: gazetteer(t, aliases)})
	if err != nil {
		t.Fatal(err)
	}
	update(t, ix, UpdateOptions{}, demo)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	changed := filepath.Join(t.TempDir(), "aliases.yaml")
	if err := os.WriteFile(changed, append([]byte(readString(t, aliases)), "- {name: Quillon Varro, type: person}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		x       *extract.Extractor
		missing []string // paths
	}{
		{"the same aliases", gazetteer(t, aliases), nil},
		{"no aliases", gazetteer(t), []string{aliases}},
		{"other aliases", gazetteer(t, changed), []string{aliases}},
		{"no analyses", nil, nil}, // nothing to compare: no warning
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := Open(dir, Options{ReadOnly: true, Extractor: tt.x})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			missing, err := ix.MissingAliases()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range missing {
				got = append(got, m.Path)
			}
			if strings.Join(got, ",") != strings.Join(tt.missing, ",") {
				t.Errorf("got missing aliases %q, want %q", got, tt.missing)
			}
		})
	}

	// Indexed again without them, the index no longer has their names.
	ix, err = Open(dir, Options{Extractor: gazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	update(t, ix, UpdateOptions{}, demo)
	if missing, err := ix.MissingAliases(); err != nil || len(missing) != 0 {
		t.Errorf("after indexing without aliases: got missing %v (%v), want none", missing, err)
	}
}

// utf16LE returns s as UTF-16, little-endian, with a byte order mark, as
// Windows tools save text.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8)) // the fixtures are ASCII
	}
	return out
}

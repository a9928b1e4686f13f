package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// readAll reads every file under paths and returns the articles and
// problems, as the index command will.
func readAll(t *testing.T, opts Options, paths ...string) ([]*Article, []Problem) {
	t.Helper()
	files, problems := FindFiles(paths)
	r := NewReader(opts)
	var articles []*Article
	for _, f := range files {
		err := r.Read(f, func(a *Article) error {
			articles = append(articles, a)
			return nil
		}, func(p Problem) { problems = append(problems, p) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return articles, problems
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gz(t *testing.T, data string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(data))
	w.Close()
	return b.Bytes()
}

// findProblem returns the problem about path (and line, if not 0) whose
// reason contains reason.
func findProblem(problems []Problem, path string, line int, reason string) (Problem, bool) {
	for _, p := range problems {
		if p.Path == path && (line == 0 || p.Line == line) && strings.Contains(p.Reason, reason) {
			return p, true
		}
	}
	return Problem{}, false
}

func TestReadJSONL(t *testing.T) {
	dir := t.TempDir()
	lines := strings.Join([]string{
		`{"id": "a1", "headline": "Truce holds", "body": "The truce held.", "published": "2020-10", "outlet": "Amsel Daily", "link": "https://example.org/a1", "byline": ["Ilse Varga", "Mira Holt"], "topic": "war"}`,
		``,
		`{"id": "a2", "title": "Talks resume", "text": "Talks resumed.", "date": "7/23/17", "source": "Veshta Post", "authors": "Oskar Brenn"}`,
		`{"title": "broken", "text": "no closing brace"`,
		`["a", "list"]`,
		`{"id": "a3", "source": "nothing to index"}`,
		`{"id": "a1", "title": "Same id again", "text": "A second record with id a1."}`,
		`{"id": 42, "title": "Numeric id", "text": {"not": "text"}}`,
		`{"title": "Bad date", "text": "Still indexed.", "date": "yesterday"}`,
	}, "\n")
	path := write(t, dir, "export.jsonl", []byte(lines))
	write(t, dir, "export.jsonl.gz", gz(t, lines))
	articles, problems := readAll(t, Options{}, dir)

	var plain []*Article
	for _, a := range articles {
		if a.From.Path == path {
			plain = append(plain, a)
		}
	}
	if got, want := len(plain), 4; got != want {
		t.Fatalf("read %d articles from %s, want %d: %+v", got, path, want, problems)
	}
	if got := len(articles); got != 8 {
		t.Errorf("read %d articles from the plain and gzipped files, want 8", got)
	}
	a := plain[0]
	if a.Title != "Truce holds" || a.Text != "The truce held." || a.Source != "Amsel Daily" || a.URL != "https://example.org/a1" ||
		a.Published.String() != "2020-10" || a.Published.Precision != Month || a.Published.Method != "metadata" ||
		strings.Join(a.Authors, ";") != "Ilse Varga;Mira Holt" || a.Extra["topic"] != "war" {
		t.Errorf("first record read as %+v", a)
	}
	if a.From.Line != 1 || a.From.Record != 1 || a.From.Key != "id a1" || a.ID != NewID(path, "id a1") {
		t.Errorf("first record provenance %+v id %s", a.From, a.ID)
	}
	if b := plain[1]; b.Published.String() != "2017-07-23" || b.From.Line != 3 || strings.Join(b.Authors, ";") != "Oskar Brenn" {
		t.Errorf("second record read as %+v", b)
	}
	if c := plain[2]; c.From.Key != "line 7" || c.ID == a.ID {
		t.Errorf("a repeated id must not share the first record's ID: key %q id %s", c.From.Key, c.ID)
	}
	if d := plain[3]; !d.Published.IsZero() || d.Title != "Bad date" {
		t.Errorf("record with a bad date: %+v", d)
	}
	for _, want := range []struct {
		line   int
		reason string
	}{
		{4, "malformed JSON"},
		{5, "malformed JSON"},
		{6, "unusable record"},
		{8, "unusable record"},
		{9, "unrecognised date"},
	} {
		p, ok := findProblem(problems, path, want.line, want.reason)
		if !ok {
			t.Errorf("no %q problem for line %d; got %v", want.reason, want.line, problems)
			continue
		}
		if !strings.Contains(p.Error(), path+":"+strconv.Itoa(want.line)+": ") {
			t.Errorf("problem %q does not name file and line", p.Error())
		}
	}
	if p, _ := findProblem(problems, path, 5, "malformed"); !strings.Contains(p.Detail, "want an object") {
		t.Errorf("a JSON list should be explained, got %q", p.Detail)
	}
}

func TestReadJSONLLongLineAndBrokenGzip(t *testing.T) {
	dir := t.TempDir()
	long := `{"title": "Too long", "text": "` + strings.Repeat("x", 3000) + `"}`
	path := write(t, dir, "long.jsonl", []byte(`{"title": "Before", "text": "ok"}`+"\n"+long+"\n"+`{"title": "After", "text": "ok"}`+"\n"))
	articles, problems := readAll(t, Options{MaxRecordSize: 1000}, path)
	if len(articles) != 2 || articles[0].Title != "Before" || articles[1].Title != "After" {
		t.Errorf("got %d articles around a too-long line, want Before and After", len(articles))
	}
	if p, ok := findProblem(problems, path, 2, "line too long"); !ok {
		t.Errorf("no line-too-long problem on line 2: %v", problems)
	} else if p.Stopped {
		t.Errorf("a line too long stops nothing: the rest of the file is read")
	} else if want := "longer than 1000 bytes"; p.Detail != want {
		t.Errorf("got detail %q, want %q", p.Detail, want)
	}
	row := write(t, dir, "long.csv", []byte("title,text\nBefore,ok\nToo long,"+strings.Repeat("x", 3000)+"\n"))
	_, problems = readAll(t, Options{MaxRecordSize: 2 << 10}, row)
	if p, ok := findProblem(problems, row, 3, "row too long"); !ok {
		t.Errorf("no row-too-long problem on line 3: %v", problems)
	} else if want := "longer than 2 KB"; p.Detail != want {
		t.Errorf("got detail %q, want %q", p.Detail, want)
	}

	var items strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&items, `{"title": "Item %d", "text": "Body %x of item %d."}`+"\n", i, i*7919, i*i)
	}
	whole := gz(t, items.String())
	broken := write(t, dir, "broken.jsonl.gz", whole[:len(whole)/2])
	articles, problems = readAll(t, Options{}, broken)
	if len(articles) == 0 {
		t.Errorf("read nothing before the gzip stream broke")
	}
	if p, ok := findProblem(problems, broken, 0, "cannot read"); !ok {
		t.Errorf("no problem for a truncated gzip file: %v", problems)
	} else if !p.Stopped {
		t.Errorf("a truncated gzip file must say reading stopped: %+v", p)
	}
}

func TestReadCSV(t *testing.T) {
	dir := t.TempDir()
	// FA-KES style headers: article_title, article_content, unit_id.
	data := "unit_id,article_title,article_content,source,date,location\n" +
		"101,Strike on the depot,\"The depot burned, officials said.\nA second paragraph.\",Amsel Daily,4/4/2017,tarnow\n" +
		"102,Too few fields,only three\n" +
		"103,\"Bad \"quote\" here\",text,Amsel Daily,4/5/2017,veshta\n" +
		"104,Second good row,More text.,Veshta Post,12/30/2017,veshta\n"
	path := write(t, dir, "fakes.csv", []byte(data))
	articles, problems := readAll(t, Options{}, path)
	if len(articles) != 2 {
		t.Fatalf("read %d articles, want 2; problems %v", len(articles), problems)
	}
	a := articles[0]
	if a.Title != "Strike on the depot" || !strings.HasPrefix(a.Text, "The depot burned") || a.Published.String() != "2017-04-04" ||
		a.From.Key != "id 101" || a.From.Line != 2 || a.Extra["location"] != "tarnow" {
		t.Errorf("first row read as %+v", a)
	}
	if b := articles[1]; b.Title != "Second good row" || b.From.Line != 6 || b.Published.String() != "2017-12-30" {
		t.Errorf("last row read as %+v (line %d)", b, b.From.Line)
	}
	if p, ok := findProblem(problems, path, 4, "malformed CSV row"); !ok {
		t.Errorf("no problem for row with too few fields on line 4: %v", problems)
	} else if !strings.Contains(p.Detail, "3 fields, header has 6") {
		t.Errorf("detail %q", p.Detail)
	}
	if _, ok := findProblem(problems, path, 5, "malformed CSV row"); !ok {
		t.Errorf("no problem for the bad quote on line 5: %v", problems)
	}
}

// TestReadCSVMalformedFirstField checks that a row whose first field the
// CSV parser rejects is reported with its file and line, and the rows
// after it are still read, in an export and in a folder's sidecar alike.
// encoding/csv has no field positions for such a row, and asking for one
// used to panic.
func TestReadCSVMalformedFirstField(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		extra            map[string]string // more files in the folder
		wantTitles       []string
	}{
		{
			name:       "export",
			file:       "wire.csv",
			data:       "title,text\na\"b,c\nDepot reopens in Tarnow,The depot in Tarnow reopened.\n",
			wantTitles: []string{"Depot reopens in Tarnow"},
		},
		{
			name: "sidecar",
			file: "metadata.csv",
			data: "file,title,source\nx\"y.txt,Lost,Amsel Daily\nb.txt,Talks Resume In Veshta,Veshta Post\n",
			extra: map[string]string{
				"b.txt": "Talks resume\n\nTalks resumed in Veshta on Monday.\n",
			},
			wantTitles: []string{"Talks Resume In Veshta"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := write(t, dir, tc.file, []byte(tc.data))
			for name, data := range tc.extra {
				write(t, dir, name, []byte(data))
			}
			articles, problems := readAll(t, Options{}, dir)
			var got []string
			for _, a := range articles {
				got = append(got, a.Title)
			}
			if strings.Join(got, "|") != strings.Join(tc.wantTitles, "|") {
				t.Errorf("got titles %q, want %q (problems %v)", got, tc.wantTitles, problems)
			}
			p, ok := findProblem(problems, path, 2, "malformed CSV row")
			if !ok {
				t.Fatalf("got problems %v, want a malformed CSV row on line 2", problems)
			}
			if got, want := p.Error(), path+":2: "; !strings.HasPrefix(got, want) {
				t.Errorf("got %q, want it to start with %q", got, want)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("Envoys meet in Port Amsel\n\nEnvoys from Ostmark and Lirenia met for five hours on Thursday in Port Amsel.\n"))
	write(t, dir, "b.md", []byte("Talks resume\n\nTalks resumed in Veshta on Monday after a week of shelling along the Tarnow line.\n"))
	write(t, dir, "metadata.jsonl", []byte(`{"file": "a.txt", "source": "Amsel Daily", "published": "2019-04", "url": "https://example.org/a", "authors": ["Ilse Varga"]}`+"\n"+`{"source": "no file field"}`+"\n"))
	write(t, dir, "metadata.csv", []byte("file,title,published\nb.md,Talks Resume In Veshta,2020\na.txt,Overridden by the jsonl,2018\n"))
	articles, problems := readAll(t, Options{}, dir)
	if len(articles) != 2 {
		t.Fatalf("read %d articles, want 2: %v", len(articles), problems)
	}
	a, b := articles[0], articles[1]
	if a.Title != "Envoys meet in Port Amsel" || a.Source != "Amsel Daily" || a.Published.String() != "2019-04" || a.Published.Precision != Month ||
		a.URL != "https://example.org/a" || a.From.Line != 0 || a.ID != NewID(a.From.Path, "") {
		t.Errorf("a.txt read as %+v", a)
	}
	if b.Title != "Talks Resume In Veshta" || b.Published.String() != "2020" || b.Published.Precision != Year {
		t.Errorf("b.md read as %+v", b)
	}
	if got := a.Texts(Body); len(got) != 1 || !strings.HasPrefix(got[0], "Envoys from Ostmark") {
		t.Errorf("a.txt body %q", got)
	}
	if _, ok := findProblem(problems, filepath.Join(dir, "metadata.jsonl"), 2, "without a file field"); !ok {
		t.Errorf("no problem for sidecar line without file: %v", problems)
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.txt", []byte("  \n\n"))
	binary := write(t, dir, "binary.txt", []byte("PK\x03\x04\x00\x00\x08\x00binary\x00data"))
	utf16 := write(t, dir, "utf16.txt", []byte{0xff, 0xfe, 'H', 0, 'i', 0})
	badUTF8 := write(t, dir, "latin1.txt", []byte("Erdo\xf0an visits Veshta\n\nThe visit to Veshta by the minister Erdo\xf0an lasted two days and ended without a joint statement.\n"))
	huge := write(t, dir, "huge.txt", bytes.Repeat([]byte("Long text. "), 200))
	pdf := write(t, dir, "report.pdf", []byte("%PDF-1.4"))
	hidden := write(t, dir, ".hidden.txt", []byte("Hidden\n\nNot read."))
	readme := write(t, dir, "README.md", []byte("# About this folder"))
	emptyCSV := write(t, dir, "empty.csv", nil)
	dangling := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "no-such-folder")
	good := write(t, dir, "good.txt", []byte("A good article\n\nThis one is fine and must be read despite everything around it being broken.\n"))

	articles, problems := readAll(t, Options{MaxFileSize: 1000}, dir, missing)
	var titles []string
	for _, a := range articles {
		titles = append(titles, filepath.Base(a.From.Path))
	}
	if strings.Join(titles, ",") != "good.txt,latin1.txt" {
		t.Errorf("read %v, want good.txt and latin1.txt", titles)
	}
	for _, want := range []struct {
		path     string
		severity Severity
		reason   string
	}{
		{empty, Skipped, "empty file"},
		{binary, Skipped, "binary file"},
		{utf16, Skipped, "binary file"},
		{badUTF8, Warning, "invalid UTF-8"},
		{huge, Failed, "file too large"},
		{pdf, Skipped, "unsupported format .pdf"},
		{hidden, Skipped, "hidden file"},
		{readme, Skipped, "folder notes"},
		{emptyCSV, Skipped, "empty file"},
		{dangling, Failed, "cannot read"},
		{missing, Failed, "cannot read"},
	} {
		p, ok := findProblem(problems, want.path, 0, want.reason)
		if !ok {
			t.Errorf("no %q problem for %s; got %v", want.reason, filepath.Base(want.path), problems)
			continue
		}
		if p.Severity != want.severity {
			t.Errorf("%s: severity %s, want %s", filepath.Base(want.path), p.Severity, want.severity)
		}
	}
	if p, _ := findProblem(problems, huge, 0, "too large"); !strings.HasPrefix(p.Detail, "2200 bytes, limit 1000 bytes") {
		t.Errorf("got detail %q, want the sizes in bytes", p.Detail)
	}
	if p, _ := findProblem(problems, utf16, 0, "binary"); !strings.Contains(p.Detail, "UTF-16") {
		t.Errorf("UTF-16 file should be explained, got %q", p.Detail)
	}
	if p, _ := findProblem(problems, badUTF8, 0, "invalid UTF-8"); p.Line != 1 {
		t.Errorf("invalid UTF-8 reported on line %d, want 1", p.Line)
	}
	for _, a := range articles {
		if filepath.Base(a.From.Path) == "latin1.txt" && !strings.Contains(a.Text, "\xf0") {
			t.Errorf("bytes that are not UTF-8 must be kept as they are, so offsets stay true")
		}
	}
	_ = good
}

func TestFindFilesOrderAndDedup(t *testing.T) {
	dir := t.TempDir()
	b := write(t, dir, "sub/b.jsonl", []byte(`{"title":"b","text":"b"}`))
	a := write(t, dir, "a.csv", []byte("title,text\na,a\n"))
	files, problems := FindFiles([]string{dir, a, b, filepath.Join(dir, "sub")})
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(files) != 2 || files[0].Path != a || files[1].Path != b || files[0].Format != CSV || files[1].Format != JSONLines {
		t.Errorf("files %+v", files)
	}
}

// TestImplausiblePublicationDates checks that a placeholder date and a
// date in the future are read as undated, each with a warning naming the
// file and line, while a plausible old date and today's stay.
func TestImplausiblePublicationDates(t *testing.T) {
	defer func(now func() time.Time) { timeNow = now }(timeNow)
	timeNow = func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC) }
	dir := t.TempDir()
	path := write(t, dir, "dated.jsonl", []byte(strings.Join([]string{
		`{"title": "Zero date", "text": "The Orvel ferry ran.", "date": "0001-11-30"}`,
		`{"title": "Headline date", "text": "Corvane by 2050.", "date": "2050-09-30"}`,
		`{"title": "Old report", "text": "The Orvel gazette, 1789.", "date": "1789-07-14"}`,
		`{"title": "Today", "text": "The ferry runs.", "date": "2026-12-04"}`,
	}, "\n")+"\n"))
	articles, problems := readAll(t, Options{}, path)
	if len(articles) != 4 {
		t.Fatalf("read %d articles, want 4: %v", len(articles), problems)
	}
	for i, want := range []string{"", "", "1789-07-14", "2026-12-04"} {
		if got := articles[i].Published.String(); (want == "" && !articles[i].Published.IsZero()) || (want != "" && got != want) {
			t.Errorf("%s: published %q, want %q", articles[i].Title, got, want)
		}
	}
	for line, why := range map[int]string{1: "before 1600", 2: "in the future"} {
		p, ok := findProblem(problems, path, line, "implausible date")
		if !ok || !strings.Contains(p.Error(), path+":"+strconv.Itoa(line)+": ") || !strings.Contains(p.Error(), why) {
			t.Errorf("line %d: problem %v (found %v), want an implausible date %s naming file and line", line, p, ok, why)
		}
	}
	if len(problems) != 2 {
		t.Errorf("%d problems, want 2: %v", len(problems), problems)
	}
}

// TestReadRecordsInvalidUTF8 checks that bytes that are not UTF-8 in a
// JSON line or CSV row are a warning naming the file and line, as in a
// text file, and the record is still read.
func TestReadRecordsInvalidUTF8(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		wantLine         int
		wantTitles       []string
	}{
		{
			name: "jsonl",
			file: "wire.jsonl",
			data: `{"title": "Talks open in Veshta", "text": "Envoys met."}` + "\n" +
				`{"title": "Minister in Orvel", "text": "The minister Erdo` + "\xf0" + `an reached Orvel."}` + "\n",
			wantLine:   2,
			wantTitles: []string{"Talks open in Veshta", "Minister in Orvel"},
		},
		{
			name: "csv",
			file: "wire.csv",
			data: "title,text\nTalks open in Veshta,Envoys met.\n" +
				"Minister in Orvel,\"The minister arrived.\nErdo\xf0an reached Orvel.\"\n",
			wantLine:   4, // the second line of the quoted field
			wantTitles: []string{"Talks open in Veshta", "Minister in Orvel"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t, t.TempDir(), tc.file, []byte(tc.data))
			articles, problems := readAll(t, Options{}, path)
			var got []string
			for _, a := range articles {
				got = append(got, a.Title)
			}
			if strings.Join(got, "|") != strings.Join(tc.wantTitles, "|") {
				t.Errorf("got titles %q, want %q", got, tc.wantTitles)
			}
			p, ok := findProblem(problems, path, 0, "invalid UTF-8")
			if !ok {
				t.Fatalf("got problems %v, want an invalid UTF-8 warning", problems)
			}
			if p.Severity != Warning || p.Line != tc.wantLine {
				t.Errorf("got %s on line %d, want a warning on line %d", p.Severity, p.Line, tc.wantLine)
			}
			if len(problems) != 1 {
				t.Errorf("got %d problems, want 1: %v", len(problems), problems)
			}
		})
	}
}

// TestLimit checks that a limit reads exactly, in the largest unit that
// holds it whole: "0 MB" said nothing of a limit under a megabyte.
func TestLimit(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{16 << 20, "16 MB"},
		{1 << 20, "1 MB"},
		{512 << 10, "512 KB"},
		{1000, "1000 bytes"},
		{1, "1 byte"},
		{1<<20 + 1<<10, "1025 KB"},
	} {
		if got := limit(tc.n); got != tc.want {
			t.Errorf("limit(%d): got %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestSizes checks that a file too large and its limit never read the
// same: where megabytes would round them together, bytes tell them apart.
func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		size, limit         int64
		wantSize, wantLimit string
	}{
		{33 << 20, 32 << 20, "33 MB", "32 MB"},
		{1<<20 + 100<<10, 1 << 20, "1150976 bytes", "1048576 bytes"},
		{2200, 1000, "2200 bytes", "1000 bytes"},
		{1<<20 + 1, 1 << 20, "1048577 bytes", "1048576 bytes"},
	} {
		gotSize, gotLimit := sizes(tc.size, tc.limit)
		if gotSize != tc.wantSize || gotLimit != tc.wantLimit {
			t.Errorf("sizes(%d, %d): got %q, %q; want %q, %q", tc.size, tc.limit, gotSize, gotLimit, tc.wantSize, tc.wantLimit)
		}
	}
}

package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// readText reads a plain text file as one article.
func (r *Reader) readText(f File, article func(*Article) error, problem func(Problem)) error {
	fail := func(sev Severity, reason, detail string) error {
		problem(Problem{Path: f.Path, Severity: sev, Reason: reason, Detail: detail, Stopped: sev == Failed})
		return nil
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		return fail(Failed, "cannot read", describeFSError(err))
	}
	if info.Size() > r.opts.MaxFileSize {
		size, limit := sizes(info.Size(), r.opts.MaxFileSize)
		return fail(Failed, "file too large", fmt.Sprintf("%s, limit %s (raise it with --max-size)", size, limit))
	}
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return fail(Failed, "cannot read", describeFSError(err))
	}
	r.read.Add(int64(len(data)))
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(Skipped, "empty file", "")
	}
	if why := binaryReason(data); why != "" {
		return fail(Skipped, "binary file", why)
	}
	if line, bad := invalidUTF8(data); bad > 0 {
		problem(Problem{Path: f.Path, Line: line, Severity: Warning, Reason: "invalid UTF-8",
			Detail: fmt.Sprintf("%d bytes are not UTF-8 (the first on this line); they are kept as they are and show as \uFFFD", bad)})
	}
	a := &Article{
		ID:   NewID(f.Path, ""),
		Text: string(data),
		From: Provenance{Path: f.Path},
	}
	a.Parts = SeparateTitled(a.Text)
	for _, p := range a.Parts {
		if p.Kind == TitleLine {
			a.Title = cleanTitle(a.Text[p.Start:p.End])
			break
		}
	}
	meta, err := r.sidecarFor(filepath.Dir(f.Path), problem)
	if err == nil && meta != nil {
		meta.describe(a, filepath.Base(f.Path))
	}
	return article(a)
}

// sizes writes a size and the limit it passed in MB, or in bytes when the
// two would read the same in MB ("1 MB, limit 1 MB" would say nothing).
func sizes(size, limit int64) (string, string) {
	mb := func(n int64) string { return fmt.Sprintf("%d MB", (n+1<<19)>>20) }
	if s, l := mb(size), mb(limit); s != l {
		return s, l
	}
	return fmt.Sprintf("%d bytes", size), fmt.Sprintf("%d bytes", limit)
}

// limit writes a size limit exactly, in the largest unit that holds it
// whole: a limit is set, not measured, and "longer than 0 MB" for one of
// 1000 bytes would say nothing.
func limit(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// binaryReason says why data does not look like text, or "" if it does.
func binaryReason(data []byte) string {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return "it looks like UTF-16 text; convert it to UTF-8"
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "it contains NUL bytes"
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control*10 > len(head) {
		return "more than a tenth of it is control characters"
	}
	return ""
}

// invalidUTF8 returns the line of the first byte that is not UTF-8 and how
// many such bytes there are.
func invalidUTF8(data []byte) (firstLine, bad int) {
	if utf8.Valid(data) {
		return 0, 0
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if bad == 0 {
				firstLine = bytes.Count(data[:i], []byte{'\n'}) + 1
			}
			bad++
		}
		i += size
	}
	return firstLine, bad
}

// sidecar is a folder's description of its plain text articles, keyed by
// file name.
type sidecar struct {
	byFile map[string]*Article
}

// describe fills in what the sidecar knows about the named file.
func (s *sidecar) describe(a *Article, name string) {
	m, ok := s.byFile[name]
	if !ok {
		return
	}
	if m.Title != "" {
		a.Title = m.Title
	}
	if m.Source != "" {
		a.Source = m.Source
	}
	if m.URL != "" {
		a.URL = m.URL
	}
	if len(m.Authors) > 0 {
		a.Authors = m.Authors
	}
	if m.Language != "" {
		a.Language = m.Language
	}
	if !m.Published.IsZero() {
		a.Published = m.Published
	}
	for k, v := range m.Extra {
		if a.Extra == nil {
			a.Extra = map[string]string{}
		}
		a.Extra[k] = v
	}
}

// MetadataDigest returns a digest of what a folder's metadata sidecar says
// about the plain text file f, or "" when no sidecar line describes it (and
// for other formats, which carry their own metadata). A file unchanged on
// disk still needs reading again when its sidecar line changed, was added
// or was removed: the index keeps this digest beside the file's own.
// Problems with the sidecar are reported here, once, as Read would.
func (r *Reader) MetadataDigest(f File, problem func(Problem)) string {
	if f.Format != PlainText {
		return ""
	}
	meta, err := r.sidecarFor(filepath.Dir(f.Path), problem)
	if err != nil || meta == nil {
		return ""
	}
	m, ok := meta.byFile[filepath.Base(f.Path)]
	if !ok {
		return ""
	}
	d := NewDigest()
	d.Add(m.Title, m.Source, m.URL, strings.Join(m.Authors, "\x00"), m.Language, m.Published.String())
	d.AddMap(m.Extra)
	return d.String()
}

// sidecarFor reads (once) the metadata.jsonl and metadata.csv of a folder.
// Where both describe a file, metadata.jsonl wins.
func (r *Reader) sidecarFor(dir string, problem func(Problem)) (*sidecar, error) {
	if s, ok := r.sidecars[dir]; ok {
		return s, nil
	}
	s := &sidecar{byFile: map[string]*Article{}}
	r.sidecars[dir] = s
	for _, name := range []string{"metadata.csv", "metadata.jsonl"} {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		format := JSONLines
		if strings.HasSuffix(name, ".csv") {
			format = CSV
		}
		r.readMetadata(File{Path: path, Format: format}, s, problem)
	}
	return s, nil
}

package corpus

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"
)

// Format is a kind of file Parley reads articles from.
type Format string

// The formats Parley reads.
const (
	// PlainText is a .txt or .md file holding one article, its first
	// non-empty line the title; a metadata.jsonl or metadata.csv sidecar in
	// the same folder may describe it.
	PlainText Format = "text"
	// JSONLines is a .jsonl or .ndjson file (or .gz of one) with one
	// article a line.
	JSONLines Format = "jsonl"
	// CSV is a .csv file (or .csv.gz) with a header row and one article a row.
	CSV Format = "csv"
)

// File is an input file found under the paths given to Parley.
type File struct {
	Path    string // absolute and clean
	Format  Format
	Size    int64
	ModTime time.Time
}

// Limits that keep one bad file from taking the machine down.
const (
	// DefaultMaxFileSize bounds a plain text article file, read whole.
	DefaultMaxFileSize = 32 << 20
	// DefaultMaxRecordSize bounds one JSON line or CSV row.
	DefaultMaxRecordSize = 16 << 20
)

// Options bound what the readers accept.
type Options struct {
	MaxFileSize   int64 // plain text files larger than this fail; 0 means DefaultMaxFileSize
	MaxRecordSize int   // longer JSON lines or CSV rows fail; 0 means DefaultMaxRecordSize
}

// sidecarNames are the files that describe a folder's plain text articles;
// they are metadata, not articles.
var sidecarNames = map[string]bool{"metadata.jsonl": true, "metadata.csv": true}

// isFolderNote reports whether a file describes its folder rather than
// being an article: README.md and LICENSE.txt sit beside articles in the
// folders newsrooms share.
func isFolderNote(name string) bool {
	stem := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch stem {
	case "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE":
		return true
	}
	return false
}

// isAliasList reports whether a file is a list of names and spellings for
// --aliases (aliases.yaml, aliases.csv) kept beside the articles.
func isAliasList(name string) bool {
	switch strings.ToLower(name) {
	case "aliases.yaml", "aliases.yml", "aliases.csv":
		return true
	}
	return false
}

// formatOf tells a file's format from its name, or "" if Parley does not read it.
func formatOf(name string) Format {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".txt", ".md":
		if strings.HasSuffix(strings.ToLower(name), ".gz") {
			return ""
		}
		return PlainText
	case ".jsonl", ".ndjson":
		return JSONLines
	case ".csv":
		return CSV
	}
	return ""
}

// FindFiles returns the article files at the given paths, walking folders
// recursively, sorted by path and each listed once. It reports a Problem
// for every path it passes over (unsupported formats, hidden files) or
// cannot read. Metadata sidecars are read along with their folder's
// articles and are not listed.
func FindFiles(paths []string) ([]File, []Problem) {
	return FindFilesUsing(paths, nil)
}

// FindFilesUsing is FindFiles for a run that reads its names from the
// alias lists at aliases: one of those found among the articles is in use,
// and is passed over in silence, as sidecars are, rather than reported as
// skipped with a hint to pass it with --aliases.
func FindFilesUsing(paths, aliases []string) ([]File, []Problem) {
	var files []File
	var problems []Problem
	seen := map[string]bool{}
	inUse := map[string]bool{}
	for _, a := range aliases {
		if abs, err := filepath.Abs(a); err == nil {
			inUse[abs] = true
		}
	}
	add := func(path string, info fs.FileInfo) {
		if seen[path] {
			return
		}
		seen[path] = true
		base := filepath.Base(path)
		if sidecarNames[strings.ToLower(base)] {
			return
		}
		if isFolderNote(base) {
			problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: "folder notes (README, LICENSE), not an article"})
			return
		}
		if isAliasList(base) {
			if inUse[path] {
				return
			}
			problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: "alias list, not articles (pass it with --aliases)"})
			return
		}
		format := formatOf(base)
		if format == "" {
			reason := "unsupported format"
			if ext := filepath.Ext(base); ext != "" {
				reason += " " + strings.ToLower(ext)
			}
			problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: reason})
			return
		}
		files = append(files, File{Path: path, Format: format, Size: info.Size(), ModTime: info.ModTime()})
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			problems = append(problems, Problem{Path: p, Severity: Failed, Reason: "cannot read", Detail: err.Error(), Stopped: true})
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			problems = append(problems, Problem{Path: abs, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
			continue
		}
		if !info.IsDir() {
			if info.Mode().IsRegular() {
				add(abs, info)
			} else {
				problems = append(problems, Problem{Path: abs, Severity: Skipped, Reason: "not a regular file"})
			}
			continue
		}
		walkErr := filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{Path: path, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != abs && strings.HasPrefix(name, ".") {
				what := "hidden file"
				if d.IsDir() {
					what = "hidden folder"
				}
				problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: what})
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := os.Stat(path) // follows symbolic links to files
			if err != nil {
				problems = append(problems, Problem{Path: path, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
				return nil
			}
			switch {
			case info.Mode().IsRegular():
				add(path, info)
			case info.IsDir():
				problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: "link to a folder (not followed)"})
			default:
				problems = append(problems, Problem{Path: path, Severity: Skipped, Reason: "not a regular file"})
			}
			return nil
		})
		if walkErr != nil {
			problems = append(problems, Problem{Path: abs, Severity: Failed, Reason: "cannot read", Detail: walkErr.Error(), Stopped: true})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, problems
}

// describeFSError shortens an *fs.PathError to its cause: the path is
// already in the Problem.
func describeFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Reader reads articles from files. One Reader reads many files and reads
// each folder's metadata sidecar once.
type Reader struct {
	opts     Options
	sidecars map[string]*sidecar
	read     atomic.Int64
}

// NewReader returns a Reader with the given limits.
func NewReader(opts Options) *Reader {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.MaxRecordSize <= 0 {
		opts.MaxRecordSize = DefaultMaxRecordSize
	}
	return &Reader{opts: opts, sidecars: map[string]*sidecar{}}
}

// BytesRead returns how many bytes of input files the Reader has consumed
// so far (compressed bytes for .gz), for progress reports. It is safe to
// call while another goroutine reads.
func (r *Reader) BytesRead() int64 { return r.read.Load() }

// Read reads the articles of one file, calling article for each and problem
// for everything wrong with the input. A problem with one record does not
// stop the rest. Read returns an error only when article does, and stops there.
func (r *Reader) Read(f File, article func(*Article) error, problem func(Problem)) error {
	switch f.Format {
	case PlainText:
		return r.readText(f, article, problem)
	case JSONLines, CSV:
		return r.readRecords(f, article, problem)
	}
	problem(Problem{Path: f.Path, Severity: Skipped, Reason: "unsupported format"})
	return nil
}

// countingReader counts what passes through it into the Reader's total.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// openStream opens a file for streaming, transparently decompressing gzip
// (recognised by its magic bytes, whatever the name says).
func (r *Reader) openStream(path string) (*bufio.Reader, func() error, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(countingReader{file, &r.read}, 256<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			file.Close()
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		return bufio.NewReaderSize(gz, 256<<10), file.Close, nil
	}
	return br, file.Close, nil
}

// lineReader yields the lines of a stream one at a time, with their 1-based
// numbers, refusing lines longer than max without holding them in memory.
type lineReader struct {
	br   *bufio.Reader
	max  int
	line int
	buf  []byte
}

// next returns the next line without its newline. tooLong is true when the
// line exceeded the limit (its content is then dropped). err is io.EOF at
// the end, or the stream's error.
func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	l.buf = l.buf[:0]
	l.line++
	for {
		frag, err := l.br.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(frag) > l.max+1 {
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || (len(l.buf) == 0 && !tooLong)) {
			return nil, false, err
		}
		out := l.buf
		out = trimNewline(out)
		return out, tooLong, nil
	}
}

func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

package corpus

import (
	"path/filepath"
	"strings"
)

// record is one JSON line or CSV row, with which of its keys supply which
// article field.
type record struct {
	line   int // where the record starts in its file, 1-based
	number int // its position among the file's records, 1-based
	cols   fieldColumns
	values recordValues
}

// eachRecord reads the records of a JSON Lines or CSV file.
func (r *Reader) eachRecord(f File, problem func(Problem), fn func(record) error) error {
	if f.Format == CSV {
		return r.csvRecords(f, problem, fn)
	}
	return r.jsonRecords(f, problem, fn)
}

// readRecords reads an export, one article a record.
func (r *Reader) readRecords(f File, article func(*Article) error, problem func(Problem)) error {
	ids := map[string]bool{}
	err := r.eachRecord(f, problem, func(rec record) error {
		fail := func(detail string) error {
			problem(Problem{Path: f.Path, Line: rec.line, Severity: Failed, Reason: "unusable record", Detail: detail})
			return nil
		}
		if _, ok := rec.cols.byField["text"]; !ok {
			if _, ok := rec.cols.byField["title"]; !ok {
				return fail("no field named text, body or content, nor a title")
			}
		}
		a := &Article{From: Provenance{Path: f.Path, Line: rec.line, Record: rec.number}}
		warn := func(reason, detail string) {
			problem(Problem{Path: f.Path, Line: rec.line, Severity: Warning, Reason: reason, Detail: detail})
		}
		id, err := fillArticle(a, rec.cols, rec.values, warn)
		if err != nil {
			return fail(err.Error())
		}
		if a.isEmpty() {
			return fail(errNoText.Error())
		}
		a.From.Key = recordKey(id, rec.line, ids)
		a.ID = NewID(f.Path, a.From.Key)
		a.Parts = Separate(a.Text, a.Title)
		return article(a)
	})
	return err
}

// readMetadata reads a sidecar's records into s, keyed by their file field.
func (r *Reader) readMetadata(f File, s *sidecar, problem func(Problem)) {
	err := r.eachRecord(f, problem, func(rec record) error {
		key, ok := rec.cols.byField["file"]
		name, present, _ := rec.values.str(key)
		if !ok || !present || strings.TrimSpace(name) == "" {
			problem(Problem{Path: f.Path, Line: rec.line, Severity: Failed, Reason: "metadata without a file field"})
			return nil
		}
		a := &Article{}
		warn := func(reason, detail string) {
			problem(Problem{Path: f.Path, Line: rec.line, Severity: Warning, Reason: reason, Detail: detail})
		}
		if _, err := fillArticle(a, rec.cols, rec.values, warn); err != nil {
			warn("unusable record", err.Error())
		}
		s.byFile[filepath.Clean(strings.TrimSpace(name))] = a
		return nil
	})
	if err != nil {
		problem(Problem{Path: f.Path, Severity: Failed, Reason: "cannot read", Detail: err.Error(), Stopped: true})
	}
}

package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvRecords calls fn for each row after the header of a CSV file. A row
// with the wrong number of fields, or that the CSV parser cannot read,
// fails on its own and the rest of the file is still read.
func (r *Reader) csvRecords(f File, problem func(Problem), fn func(record) error) error {
	stream, closeFile, err := r.openStream(f.Path)
	if err != nil {
		problem(Problem{Path: f.Path, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
		return nil
	}
	defer closeFile()
	cr := csv.NewReader(stream)
	cr.FieldsPerRecord = -1 // counted here, to report the row rather than stop
	header, err := cr.Read()
	if err == io.EOF {
		problem(Problem{Path: f.Path, Severity: Skipped, Reason: "empty file"})
		return nil
	}
	if err != nil {
		problem(Problem{Path: f.Path, Line: 1, Severity: Failed, Reason: "malformed CSV header", Detail: describeCSVError(err), Stopped: true})
		return nil
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // Excel writes a byte order mark
	}
	cols := matchColumns(header)
	index := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	records := 0
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problem(Problem{Path: f.Path, Line: pe.StartLine, Severity: Failed, Reason: "malformed CSV row", Detail: describeCSVError(err)})
				continue
			}
			// FieldPos panics when the row has no fields, as when the
			// stream broke before its first: then the line is unknown.
			line := 0
			if len(row) > 0 {
				line, _ = cr.FieldPos(0)
			}
			problem(Problem{Path: f.Path, Line: line, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
			return nil
		}
		line, _ := cr.FieldPos(0)
		records++
		if len(row) != len(header) {
			problem(Problem{Path: f.Path, Line: line, Severity: Failed, Reason: "malformed CSV row",
				Detail: fmt.Sprintf("row has %d fields, header has %d", len(row), len(header))})
			continue
		}
		size := 0
		for _, v := range row {
			size += len(v)
		}
		if size > r.opts.MaxRecordSize {
			problem(Problem{Path: f.Path, Line: line, Severity: Failed, Reason: "row too long",
				Detail: "longer than " + limit(r.opts.MaxRecordSize)})
			continue
		}
		if at, bad := invalidUTF8Row(cr, row); bad > 0 {
			problem(Problem{Path: f.Path, Line: at, Severity: Warning, Reason: "invalid UTF-8",
				Detail: fmt.Sprintf("%d bytes are not UTF-8 (the first on this line); they are kept as they are and show as \uFFFD", bad)})
		}
		if err := fn(record{line: line, number: records, cols: cols, values: csvValues{index, row}}); err != nil {
			return err
		}
	}
}

// invalidUTF8Row returns the line of a row's first byte that is not UTF-8
// (a quoted field may span lines) and how many such bytes the row holds.
func invalidUTF8Row(cr *csv.Reader, row []string) (firstLine, bad int) {
	for i, v := range row {
		if utf8.ValidString(v) {
			continue // without copying it to bytes
		}
		at, n := invalidUTF8([]byte(v))
		if n > 0 && bad == 0 {
			start, _ := cr.FieldPos(i)
			firstLine = start + at - 1
		}
		bad += n
	}
	return firstLine, bad
}

// describeCSVError drops the line from encoding/csv's message: the Problem
// carries it.
func describeCSVError(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%v (column %d)", pe.Err, pe.Column)
	}
	return err.Error()
}

// csvValues reads a CSV row's values as article fields.
type csvValues struct {
	index map[string]int
	row   []string
}

func (v csvValues) str(key string) (string, bool, error) {
	i, ok := v.index[key]
	if !ok || i >= len(v.row) {
		return "", false, nil
	}
	return v.row[i], v.row[i] != "", nil
}

func (v csvValues) list(key string) ([]string, error) {
	s, ok, _ := v.str(key)
	if !ok {
		return nil, nil
	}
	return []string{s}, nil
}

package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// jsonRecords calls fn for each record of a JSON Lines file. Blank lines
// are allowed; a line that is not a JSON object, or is too long, fails on
// its own and the rest of the file is still read.
func (r *Reader) jsonRecords(f File, problem func(Problem), fn func(record) error) error {
	stream, closeFile, err := r.openStream(f.Path)
	if err != nil {
		problem(Problem{Path: f.Path, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
		return nil
	}
	defer closeFile()
	lines := &lineReader{br: stream, max: r.opts.MaxRecordSize}
	columns := map[string]fieldColumns{} // by the record's key list: exports repeat one shape
	records, long := 0, 0                // lines read as records, and lines too long to read
	for {
		line, tooLong, err := lines.next()
		if err == io.EOF {
			if records == 0 && long == 0 {
				// Nothing but white space, as an empty text file is.
				problem(Problem{Path: f.Path, Severity: Skipped, Reason: "empty file"})
			}
			return nil
		}
		n := lines.line
		if err != nil {
			problem(Problem{Path: f.Path, Line: n, Severity: Failed, Reason: "cannot read", Detail: describeFSError(err), Stopped: true})
			return nil
		}
		if tooLong {
			long++
			problem(Problem{Path: f.Path, Line: n, Severity: Failed, Reason: "line too long",
				Detail: "longer than " + limit(r.opts.MaxRecordSize)})
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		records++
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil {
			problem(Problem{Path: f.Path, Line: n, Severity: Failed, Reason: "malformed JSON", Detail: describeJSONError(line, err)})
			continue
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		shape := strings.Join(keys, "\x00")
		cols, ok := columns[shape]
		if !ok {
			cols = matchColumns(keys)
			columns[shape] = cols
		}
		if _, bad := invalidUTF8(line); bad > 0 {
			// encoding/json has already put U+FFFD in their place.
			problem(Problem{Path: f.Path, Line: n, Severity: Warning, Reason: "invalid UTF-8",
				Detail: fmt.Sprintf("%d bytes are not UTF-8; they are read as \uFFFD", bad)})
		}
		if err := fn(record{line: n, number: records, cols: cols, values: jsonValues(obj)}); err != nil {
			return err
		}
	}
}

// recordKey is what identifies a record within its file: its own id when
// it has one not seen before in the file, else its line.
func recordKey(id string, line int, seen map[string]bool) string {
	if id != "" && !seen[id] {
		seen[id] = true
		return "id " + id
	}
	return "line " + strconv.Itoa(line)
}

// describeJSONError adds the column to encoding/json's message, which gives
// only a byte offset.
func describeJSONError(line []byte, err error) string {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		if e.Value == "array" || e.Value == "string" || e.Value == "number" || e.Value == "bool" {
			return "line is a JSON " + e.Value + ", want an object with a text field"
		}
		off = e.Offset
	}
	if off >= 0 && off <= int64(len(line)) {
		return fmt.Sprintf("%v (column %d)", err, len([]rune(string(line[:off]))))
	}
	return err.Error()
}

// jsonValues reads a JSON object's values as article fields.
type jsonValues map[string]json.RawMessage

func (v jsonValues) str(key string) (string, bool, error) {
	raw, ok := v[key]
	if !ok {
		return "", false, nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", true, err
		}
		return s, true, nil
	case '[', '{':
		return "", true, fmt.Errorf("is a JSON %s, want text", map[byte]string{'[': "list", '{': "object"}[raw[0]])
	}
	return string(raw), true, nil // a number or a boolean, as written
}

func (v jsonValues) list(key string) ([]string, error) {
	raw, ok := v[key]
	if !ok {
		return nil, nil
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var items []any
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		var out []string
		for _, it := range items {
			switch x := it.(type) {
			case string:
				out = append(out, x)
			case nil:
			default:
				return out, fmt.Errorf("list holds a %T, want text", it)
			}
		}
		return out, nil
	}
	s, present, err := v.str(key)
	if err != nil || !present {
		return nil, err
	}
	return []string{s}, nil
}

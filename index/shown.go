package index

import (
	"encoding/json"
	"strconv"

	"github.com/parleysearch/parley/corpus"
)

// ShownFrom reads from an article's stored texts and metadata only what a
// search hit shows: title, body and comments, source, URL, path, line,
// publication date and parts. It leaves out the entities, authors and the
// rest of Stored, which a page of hits does not show and which make up most
// of the stored metadata: decoding all of it took a sixth of a search.
func ShownFrom(id, title string, body, comments []string, rawMeta []byte) Stored {
	s := Stored{ID: id, Title: title, Body: body, Comments: comments}
	var published string
	// The metadata ends with the entities, most of its bytes: stop as soon
	// as everything shown is read.
	left := 6
	_ = objectFields(rawMeta, func(key string, value []byte) bool {
		left--
		switch key {
		case "source":
			s.Source = jsonString(value)
		case "url":
			s.URL = jsonString(value)
		case "path":
			s.Path = jsonString(value)
		case "published":
			published = jsonString(value)
		case "line":
			s.Line, _ = strconv.Atoi(string(value))
		case "parts":
			_ = json.Unmarshal(value, &s.Parts)
		default:
			left++
		}
		return left > 0
	})
	s.Published, _ = corpus.ParseDate(published)
	return s
}

// jsonString decodes a JSON string value, without encoding/json when it
// holds no escapes.
func jsonString(value []byte) string {
	if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
		inner := value[1 : len(value)-1]
		plain := true
		for _, c := range inner {
			if c == '\\' || c < ' ' {
				plain = false
				break
			}
		}
		if plain {
			return string(inner)
		}
	}
	var out string
	_ = json.Unmarshal(value, &out)
	return out
}

// objectFields calls fn with each key of a JSON object and the raw bytes of
// its value, until fn returns false. It checks only as much syntax as it
// needs to find where each value ends; the metadata it reads is written by
// encoding/json. It returns false for input that is not an object.
func objectFields(data []byte, fn func(key string, value []byte) bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i++
	for {
		i = skipSpace(data, i)
		if i < len(data) && data[i] == '}' {
			return true
		}
		keyEnd := valueEnd(data, i)
		if keyEnd < 0 || data[i] != '"' {
			return false
		}
		key := jsonString(data[i:keyEnd])
		i = skipSpace(data, keyEnd)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		end := valueEnd(data, i)
		if end < 0 {
			return false
		}
		if !fn(key, data[i:end]) {
			return true
		}
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i++
			continue
		}
		return i < len(data) && data[i] == '}'
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns where the JSON value starting at data[i] ends, or -1.
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		for j := i + 1; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return -1
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			case '"':
				end := valueEnd(data, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			}
		}
		return -1
	default: // a number, true, false or null
		j := i
		for j < len(data) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ' ' && data[j] != '\n' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

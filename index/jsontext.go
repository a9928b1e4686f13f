package index

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The stored JSON of a quotation and of an article is written by hand:
// encoding/json walks the struct by reflection for each of the hundreds of
// thousands of quotations a corpus holds, and for each article's parts and
// entities. These functions write what encoding/json writes for the same
// values, byte for byte (TestQuoteMetaJSON, TestArticleMetaJSON and their
// fuzz tests), so that readers decode it with encoding/json as before.

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as encoding/json writes a string: quoted,
// with <, > and & escaped, invalid UTF-8 replaced by U+FFFD, and U+2028
// and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONFloat appends a finite f as encoding/json writes a float64.
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// jsonObject appends the members of a JSON object one by one, as
// encoding/json writes them.
type jsonObject struct {
	b    []byte
	from int // where the object starts in b: b may hold what comes before it
}

func (o *jsonObject) key(name string) {
	if len(o.b) == o.from {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonObject) str(name, v string) {
	o.key(name)
	o.b = appendJSONString(o.b, v)
}

// strOmitEmpty is str for a field tagged omitempty.
func (o *jsonObject) strOmitEmpty(name, v string) {
	if v != "" {
		o.str(name, v)
	}
}

func (o *jsonObject) int(name string, v int) {
	o.key(name)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

// intOmitEmpty is int for a field tagged omitempty.
func (o *jsonObject) intOmitEmpty(name string, v int) {
	if v != 0 {
		o.int(name, v)
	}
}

func (o *jsonObject) float(name string, v float64) {
	o.key(name)
	o.b = appendJSONFloat(o.b, v)
}

// bytes closes the object and returns it.
func (o *jsonObject) bytes() []byte {
	if len(o.b) == o.from {
		return append(o.b, '{', '}')
	}
	return append(o.b, '}')
}

// appendJSONStrings appends ss as encoding/json writes a []string.
func appendJSONStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// strsOmitEmpty writes a []string field tagged omitempty.
func (o *jsonObject) strsOmitEmpty(name string, v []string) {
	if len(v) > 0 {
		o.key(name)
		o.b = appendJSONStrings(o.b, v)
	}
}

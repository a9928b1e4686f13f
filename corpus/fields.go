package corpus

import (
	"fmt"
	"strings"
)

// recordFields lists, for each article field, the names exports use for it,
// in order of preference: the first a record has wins. A name that matches
// none of these exactly may still match by suffix: "article_title" and
// "news_title" are titles, "unit_id" is an id (FA-KES writes its columns so).
var recordFields = []struct {
	field string
	names []string
}{
	{"id", []string{"id"}},
	{"title", []string{"title", "headline"}},
	{"text", []string{"text", "body", "content"}},
	{"published", []string{"date", "published", "publish_date", "datetime"}},
	{"source", []string{"source", "publisher", "outlet"}},
	{"url", []string{"url", "link"}},
	{"authors", []string{"authors", "author", "byline"}},
	{"language", []string{"language"}},
	// file keys a folder's metadata sidecar; it is not an article field.
	{"file", []string{"file"}},
}

// fieldColumns maps the article fields to the keys of a record that supply
// them; keys that supply none are listed in extra, in the order given.
type fieldColumns struct {
	byField map[string]string // article field → record key
	extra   []string
}

// matchColumns decides which of a record's keys supply which article field.
func matchColumns(keys []string) fieldColumns {
	cols := fieldColumns{byField: map[string]string{}}
	used := map[string]bool{}
	lower := make(map[string]string, len(keys)) // lowercased → as given
	for _, k := range keys {
		l := strings.ToLower(strings.TrimSpace(k))
		if _, dup := lower[l]; !dup {
			lower[l] = k
		}
	}
	// Exact names first, for every field, so that a suffix match never
	// takes a key that another field names exactly.
	for _, rf := range recordFields {
		for _, name := range rf.names {
			if k, ok := lower[name]; ok && !used[k] {
				cols.byField[rf.field] = k
				used[k] = true
				break
			}
		}
	}
	for _, rf := range recordFields {
		if _, done := cols.byField[rf.field]; done {
			continue
		}
	suffix:
		for _, name := range rf.names {
			for _, k := range keys {
				l := strings.ToLower(strings.TrimSpace(k))
				if !used[k] && strings.HasSuffix(l, "_"+name) {
					cols.byField[rf.field] = k
					used[k] = true
					break suffix
				}
			}
		}
	}
	for _, k := range keys {
		if !used[k] {
			cols.extra = append(cols.extra, k)
		}
	}
	return cols
}

// recordValues is one record's values by key, whatever the format.
type recordValues interface {
	// str returns the value of key as text and whether the record has it
	// at all; ok with an error means the value is there but unusable.
	str(key string) (string, bool, error)
	// list returns the value of key as a list of strings (a lone string is
	// a list of one).
	list(key string) ([]string, error)
}

// fillArticle sets an article's fields from a record, reporting values it
// could not use through warn. It returns the record's id ("" when it has
// none); an error means the text field is there but unusable.
func fillArticle(a *Article, cols fieldColumns, rec recordValues, warn func(reason, detail string)) (id string, err error) {
	get := func(field string) string {
		key, ok := cols.byField[field]
		if !ok {
			return ""
		}
		s, present, err := rec.str(key)
		if err != nil {
			warn("unusable field "+key, err.Error())
			return ""
		}
		if !present {
			return ""
		}
		return s
	}
	textKey, hasText := cols.byField["text"]
	if hasText {
		s, _, err := rec.str(textKey)
		if err != nil {
			return "", &fieldError{field: textKey, err: err}
		}
		a.Text = s
	}
	id = strings.TrimSpace(get("id"))
	a.Title = cleanTitle(get("title"))
	a.Source = strings.TrimSpace(get("source"))
	a.URL = strings.TrimSpace(get("url"))
	a.Language = strings.TrimSpace(get("language"))
	if key, ok := cols.byField["authors"]; ok {
		authors, err := rec.list(key)
		if err != nil {
			warn("unusable field "+key, err.Error())
		}
		for _, au := range authors {
			if au = strings.TrimSpace(au); au != "" {
				a.Authors = append(a.Authors, au)
			}
		}
	}
	if raw := get("published"); raw != "" {
		d, err := ParseDate(raw)
		why := ""
		if err == nil && !d.IsZero() {
			why = implausibility(d, timeNow())
		}
		switch {
		case err != nil:
			warn("unrecognised date", err.Error())
		case why != "":
			// Exports carry placeholders (0001-11-30 is a zero date shifted
			// by a time zone) and dates lifted from headlines ("…by 2050"):
			// a fact-checker shown such a date would be misled, and the
			// month histogram would span two thousand years. The article
			// is read as undated, and a dateline in its text may still
			// give its date.
			warn("implausible date", fmt.Sprintf("publication date %q is %s; the article is read as undated", raw, why))
		default:
			a.Published = Published{Date: d, Method: "metadata"}
		}
	}
	for _, key := range cols.extra {
		s, present, err := rec.str(key)
		if err != nil || !present || s == "" {
			continue
		}
		if a.Extra == nil {
			a.Extra = map[string]string{}
		}
		a.Extra[key] = s
	}
	return id, nil
}

// isEmpty reports whether an article has nothing to index.
func (a *Article) isEmpty() bool {
	return strings.TrimSpace(a.Text) == "" && a.Title == ""
}

// cleanTitle collapses the whitespace of a title to single spaces.
func cleanTitle(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return "field " + e.field + ": " + e.err.Error() }

type recordError string

func (e recordError) Error() string { return string(e) }

const errNoText = recordError("no text and no title (want a field named text, body or content)")

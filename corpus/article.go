package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one news article as Parley read it: its text exactly as it was
// in the source, what is known about it, and where it came from.
type Article struct {
	// ID is stable: the same article read from the same place always gets
	// the same ID (see NewID).
	ID    string
	Title string
	// Text is the article's text exactly as read: the whole file for .txt
	// and .md, the record's text field for JSON Lines and CSV. Every offset
	// Parley reports is a byte offset into Text.
	Text      string
	Source    string
	URL       string
	Authors   []string
	Language  string
	Published Published
	From      Provenance
	// Parts divide Text into the title line, the article body, site
	// furniture and reader comments. They are in order and do not overlap;
	// whitespace between them belongs to none.
	Parts []Part
	// Extra holds the record's other fields (topic, bias, labels…), kept
	// for display and never searched.
	Extra map[string]string
}

// Published is when an article was published and how Parley knows.
type Published struct {
	Date
	// Method is "metadata" when the date came from the source's metadata,
	// or "unknown". Later analysis adds "dateline" and "text".
	Method string
}

// Provenance says where an article was read from.
type Provenance struct {
	// Path is the absolute path of the file.
	Path string
	// Line is the line of the file where the article's record starts
	// (1-based); 0 for an article that is a whole file.
	Line int
	// Record is the article's position among the file's records (1-based);
	// 0 for an article that is a whole file.
	Record int
	// Key identifies the article within its file: the record's own id, or
	// "line N" when it has none; "" for a whole file.
	Key string
}

// PartKind names what a stretch of an article's text is.
type PartKind string

// The kinds of text in a scraped article.
const (
	// TitleLine is the headline line of a plain text file.
	TitleLine PartKind = "title"
	// Body is the article itself: what is searched and highlighted.
	Body PartKind = "body"
	// Furniture is the site around the article: related links, captions
	// repeated from the page, bylines such as "By admin", newsletter and
	// donation appeals, share buttons, advertising markers.
	Furniture PartKind = "furniture"
	// Comments are readers' comments under the article.
	Comments PartKind = "comments"
)

// Part is a stretch of an article's text: Text[Start:End].
type Part struct {
	Kind  PartKind `json:"kind"`
	Start int      `json:"start"`
	End   int      `json:"end"`
	// Why says which rule put non-body text aside, such as "related links"
	// or "reader comments", so a person can judge the decision.
	Why string `json:"why,omitempty"`
}

// Texts returns the text of every part of the given kind, in order.
func (a *Article) Texts(kind PartKind) []string {
	var out []string
	for _, p := range a.Parts {
		if p.Kind == kind {
			out = append(out, a.Text[p.Start:p.End])
		}
	}
	return out
}

// PartsOf returns the parts of the given kind, in order.
func (a *Article) PartsOf(kind PartKind) []Part {
	var out []Part
	for _, p := range a.Parts {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// BodyText returns the article body as one string, its parts separated by
// blank lines. Offsets into it are not offsets into Text: use Parts for those.
func (a *Article) BodyText() string {
	return strings.Join(a.Texts(Body), "\n\n")
}

// NewID returns the stable ID of the article at key within the file at path:
// 16 hex digits of a SHA-256, so that indexing the same input twice gives
// the same IDs, and a record keeps its ID when lines around it change as
// long as it has its own id field.
func NewID(path, key string) string {
	h := sha256.New()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

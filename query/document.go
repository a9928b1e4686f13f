package query

import (
	"context"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
)

// Document is one article as the index holds it, with every part of its
// text: the shape `parley show --json` prints and the HTTP API returns.
type Document struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Source    string      `json:"source"`
	Published corpus.Date `json:"published"`
	// Precision is the published date's ("day", "month"…); DateMethod says
	// how it was found ("metadata", "dateline", "text" or "unknown").
	Precision  string            `json:"precision"`
	DateMethod string            `json:"date_method"`
	URL        string            `json:"url,omitempty"`
	Path       string            `json:"path"`
	Line       int               `json:"line,omitempty"`
	Record     int               `json:"record,omitempty"`
	Authors    []string          `json:"authors,omitempty"`
	Language   string            `json:"language,omitempty"`
	Extra      map[string]string `json:"extra,omitempty"`
	// Parts are the title line, body, furniture and comments in the order
	// they come in the original, each with its byte offsets and text.
	Parts []DocumentPart `json:"parts"`
	// Entities are the people, organisations and places the body names, in
	// order of first mention.
	Entities []DocumentEntity `json:"entities"`
}

// DocumentPart is a stretch of a document's text.
type DocumentPart struct {
	corpus.Part
	Text string `json:"text"`
}

// DocumentEntity is a person, organisation or place a document names.
type DocumentEntity struct {
	Type      string   `json:"type"`
	Name      string   `json:"name"`
	Mentions  int      `json:"mentions"`
	Spellings []string `json:"spellings,omitempty"`
	Roles     []string `json:"roles,omitempty"`
}

// ReadDocument returns the article with the given ID. An unknown ID gives
// an error wrapping index.ErrNotFound.
func ReadDocument(ctx context.Context, ix *index.Index, id string) (*Document, error) {
	a, err := ix.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	return NewDocument(a), nil
}

// NewDocument makes a Document of a stored article.
func NewDocument(a index.Stored) *Document {
	d := &Document{ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published,
		Precision: a.Published.Precision.String(), DateMethod: a.DateMethod, URL: a.URL, Path: a.Path,
		Line: a.Line, Record: a.Record, Authors: a.Authors, Language: a.Language, Extra: a.Extra,
		Parts: []DocumentPart{}, Entities: []DocumentEntity{}}
	texts := map[corpus.PartKind][]string{corpus.Body: a.Body, corpus.Comments: a.Comments, corpus.Furniture: a.Furniture}
	seen := map[corpus.PartKind]int{}
	for _, p := range a.Parts {
		text := ""
		if p.Kind == corpus.TitleLine {
			text = a.Title
		} else if ts := texts[p.Kind]; seen[p.Kind] < len(ts) {
			text = ts[seen[p.Kind]]
		}
		seen[p.Kind]++
		d.Parts = append(d.Parts, DocumentPart{p, text})
	}
	for _, e := range a.Entities {
		d.Entities = append(d.Entities, DocumentEntity{Type: e.Type, Name: e.Name, Mentions: e.Mentions, Spellings: e.Spellings, Roles: e.Roles})
	}
	return d
}

// PartsOf returns the parts of one kind, in order.
func (d *Document) PartsOf(kind corpus.PartKind) []DocumentPart {
	var out []DocumentPart
	for _, p := range d.Parts {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

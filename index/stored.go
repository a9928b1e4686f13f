package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
)

// Stored is an article as the index holds it: what search results and
// `parley show` display. Body, Comments and Furniture hold the text of each
// part, in the order of Parts.
type Stored struct {
	ID         string
	Title      string
	Source     string
	URL        string
	Path       string
	Line       int
	Record     int
	Key        string
	Authors    []string
	Language   string
	Published  corpus.Date
	DateMethod string
	Body       []string
	Comments   []string
	Furniture  []string
	Parts      []corpus.Part
	Extra      map[string]string
	Hash       string
	// Entities sums up who and what the article names.
	Entities []EntitySummary
	// QuoteIDs are the IDs of the article's quote documents.
	QuoteIDs []string
}

// StoredFields lists the stored fields a Stored is read from.
var StoredFields = []string{FieldTitle, FieldBody, FieldComments, FieldFurniture, FieldMeta}

// StoredFrom reads a Stored from the fields of a search hit.
func StoredFrom(id string, fields map[string]any) Stored {
	s := Stored{ID: id}
	s.Title, _ = fields[FieldTitle].(string)
	s.Body = strs(fields[FieldBody])
	s.Comments = strs(fields[FieldComments])
	s.Furniture = strs(fields[FieldFurniture])
	var m meta
	if raw, _ := fields[FieldMeta].(string); raw != "" {
		_ = json.Unmarshal([]byte(raw), &m)
	}
	s.Source, s.URL, s.Path, s.Line, s.Record, s.Key = m.Source, m.URL, m.Path, m.Line, m.Record, m.Key
	s.Authors, s.Language, s.DateMethod, s.Parts, s.Extra, s.Hash = m.Authors, m.Language, m.DateMethod, m.Parts, m.Extra, m.Hash
	s.Entities = m.Entities
	for _, span := range m.Quotes {
		s.QuoteIDs = append(s.QuoteIDs, spanID(id, span))
	}
	s.Published, _ = corpus.ParseDate(m.Published)
	return s
}

// strs reads a stored field that may hold one value or several.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// PartsOf returns the parts of one kind, in order: the i-th is where the
// i-th stored text of that kind sits in the original.
func (s *Stored) PartsOf(kind corpus.PartKind) []corpus.Part {
	var out []corpus.Part
	for _, p := range s.Parts {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// ErrNotFound means no article has the ID.
var ErrNotFound = errors.New("no article with this ID")

// Article returns the stored article with the given ID.
func (ix *Index) Article(ctx context.Context, id string) (Stored, error) {
	q := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery([]string{id}), kindQuery(KindArticle)})
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = StoredFields
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Stored{}, fmt.Errorf("look up article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return Stored{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return StoredFrom(res.Hits[0].ID, res.Hits[0].Fields), nil
}

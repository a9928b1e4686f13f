package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

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
}

// StoredFields lists the stored fields a Stored is read from.
var StoredFields = []string{FieldTitle, FieldSource, FieldURL, FieldPath, FieldLine, FieldRecord, FieldKey, FieldAuthors,
	FieldLanguage, FieldPublishedText, FieldDateMethod, FieldBody, FieldComments, FieldFurniture, FieldParts, FieldExtra, FieldHash}

// StoredFrom reads a Stored from the fields of a search hit.
func StoredFrom(id string, fields map[string]any) Stored {
	s := Stored{ID: id}
	str := func(name string) string {
		v, _ := fields[name].(string)
		return v
	}
	s.Title = str(FieldTitle)
	s.Source = str(FieldSource)
	s.URL = str(FieldURL)
	s.Path = str(FieldPath)
	s.Line, _ = strconv.Atoi(str(FieldLine))
	s.Record, _ = strconv.Atoi(str(FieldRecord))
	s.Key = str(FieldKey)
	s.Authors = strs(fields[FieldAuthors])
	s.Language = str(FieldLanguage)
	s.Published, _ = corpus.ParseDate(str(FieldPublishedText))
	s.DateMethod = str(FieldDateMethod)
	s.Body = strs(fields[FieldBody])
	s.Comments = strs(fields[FieldComments])
	s.Furniture = strs(fields[FieldFurniture])
	if p := str(FieldParts); p != "" {
		_ = json.Unmarshal([]byte(p), &s.Parts)
	}
	if e := str(FieldExtra); e != "" {
		_ = json.Unmarshal([]byte(e), &s.Extra)
	}
	s.Hash = str(FieldHash)
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

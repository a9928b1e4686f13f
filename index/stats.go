package index

import (
	"context"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/parleysearch/parley/corpus"
)

// Stats describe what an index holds.
type Stats struct {
	Path     string `json:"path"`
	Articles uint64 `json:"articles"`
	Files    uint64 `json:"files"`
	// Quotes counts quote documents: the quotations found in the articles.
	Quotes uint64 `json:"quotes"`
	// Sources counts articles by source, most first; articles without a
	// source are counted under "".
	Sources []Count `json:"sources"`
	Undated uint64  `json:"undated"`
	// First and Last are the earliest and latest publication dates.
	First corpus.Date `json:"first"`
	Last  corpus.Date `json:"last"`
	// Bytes is the size of the index on disk.
	Bytes  int64 `json:"bytes"`
	Schema int   `json:"schema"`
}

// Count is a value with the number of articles that have it.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Stats counts what the index holds.
func (ix *Index) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: ix.path, Schema: ix.schema}
	req := bleve.NewSearchRequestOptions(kindQuery(KindArticle), 0, 0, false)
	req.AddFacet("source", bleve.NewFacetRequest(FieldSource, 1000))
	req.AddFacet("year", bleve.NewFacetRequest(FieldYear, 1000))
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return st, err
	}
	st.Articles = res.Total
	if f := res.Facets["source"]; f != nil {
		for _, t := range f.Terms.Terms() {
			st.Sources = append(st.Sources, Count{Value: t.Term, Count: t.Count})
		}
		if f.Missing > 0 {
			st.Sources = append(st.Sources, Count{Value: "", Count: f.Missing})
		}
		sort.SliceStable(st.Sources, func(i, j int) bool { return st.Sources[i].Count > st.Sources[j].Count })
	}
	if f := res.Facets["year"]; f != nil {
		st.Undated = uint64(f.Missing)
	}
	if st.Files, err = ix.count(ctx, kindQuery(KindFile)); err != nil {
		return st, err
	}
	if st.Quotes, err = ix.count(ctx, kindQuery(KindQuote)); err != nil {
		return st, err
	}
	for _, desc := range []bool{false, true} {
		req := bleve.NewSearchRequestOptions(kindQuery(KindArticle), 1, 0, false)
		req.SortByCustom(search.SortOrder{&search.SortField{Field: FieldPublished, Desc: desc, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast}})
		req.Fields = []string{FieldMeta}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return st, err
		}
		if len(res.Hits) > 0 {
			d := StoredFrom(res.Hits[0].ID, res.Hits[0].Fields).Published
			if desc {
				st.Last = d
			} else {
				st.First = d
			}
		}
	}
	_ = filepath.WalkDir(ix.path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				st.Bytes += info.Size()
			}
		}
		return nil
	})
	return st, nil
}

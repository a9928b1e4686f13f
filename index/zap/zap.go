// Package zap builds Bleve's segments (the zap format, version 17) for
// Parley's documents several times faster than Bleve's general-purpose
// builder, and hands everything else — opening, merging, searching — to
// Bleve's own zap.
//
// Bleve turns each batch of analysed documents into a segment. Its builder
// takes every field's terms as a map of term to frequency and locations,
// one small object per word, and walks those maps twice with a lookup for
// every term of every document; on news text it costs more than reading,
// cleaning and analysing the articles together, and most of the garbage
// collector's work. Parley's text fields already know their terms in a
// compact form (see TermsField): this package reads them from there, keeps
// a segment's postings in a few flat arrays, and writes the same bytes
// Bleve's builder would write for the same fields, so the index stays a
// plain Bleve index that any Bleve program reads.
//
// A batch holding anything this builder does not write (nested documents,
// composite fields, vectors, geo shapes, synonyms, term locations with
// offsets or array positions) is built by Bleve's own builder instead.
//
// Every segment the plugin hands Bleve, built or opened, also keeps a
// Bloom filter of its document IDs, which answers most of Bleve's "which
// of these IDs do you hold?" without the dictionary (see ids.go); merges
// get the segments as zap made them.
package zap

import (
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// TermsField is a field that gives its terms directly, without building
// Bleve's TokenFrequencies.
type TermsField interface {
	index.Field
	// VisitTerms calls fn once for each distinct term of the field with
	// how often it occurs and, when the field keeps term vectors, the
	// position of each occurrence (counting from 1, increasing). Term and
	// positions are only valid during the call. The frequencies add up to
	// the field's AnalyzedLength.
	VisitTerms(fn func(term []byte, freq int, positions []uint32))
}

// Releaser is a field that can drop its terms once the builder has read
// them: a batch's terms then never take memory twice.
type Releaser interface {
	ReleaseTerms()
}

// Plugin is a scorch segment plugin: Bleve's zap version 17 with a faster
// builder. Segments it writes are zap version 17 segments.
type Plugin struct {
	stock zapv17.ZapPlugin
}

var register sync.Once

// Register makes Plugin the zap version 17 plugin and the default segment
// plugin of every Bleve index the process opens. Segments keep their type
// and version, so indexes written with it open with Bleve's own zap, and
// the other way round. Bleve keeps segment plugins in a registry of its
// own; this is the one change Parley makes to it, once.
func Register() {
	register.Do(func() { scorch.RegisterSegmentPlugin(&Plugin{}, true) })
}

// Type returns the segment type: "zap".
func (p *Plugin) Type() string { return p.stock.Type() }

// Version returns the zap version the plugin writes: 17.
func (p *Plugin) Version() uint32 { return p.stock.Version() }

// New builds a segment from analysed documents.
func (p *Plugin) New(docs []index.Document) (segment.Segment, uint64, error) {
	return p.NewUsing(docs, nil)
}

// NewUsing builds a segment from analysed documents, with Bleve's
// per-index settings.
func (p *Plugin) NewUsing(docs []index.Document, config map[string]any) (segment.Segment, uint64, error) {
	if canBuild(docs) {
		return build(docs, config)
	}
	seg, size, err := p.stock.NewUsing(docs, config)
	if err != nil {
		return nil, 0, err
	}
	return withIDFilter(seg, nil), size, nil
}

// Open opens a segment file.
func (p *Plugin) Open(path string) (segment.Segment, error) {
	seg, err := p.stock.Open(path)
	return openedWithFilter(path, seg, err)
}

// OpenUsing opens a segment file with Bleve's per-index settings.
func (p *Plugin) OpenUsing(path string, config map[string]any) (segment.Segment, error) {
	seg, err := p.stock.OpenUsing(path, config)
	return openedWithFilter(path, seg, err)
}

// Merge merges segments into a new segment file.
func (p *Plugin) Merge(segments []segment.Segment, drops []*roaring.Bitmap, path string,
	closeCh chan struct{}, s segment.StatsReporter) ([][]uint64, uint64, error) {
	return p.stock.Merge(unwrap(segments), drops, path, closeCh, s)
}

// MergeUsing merges segments into a new segment file with Bleve's
// per-index settings.
func (p *Plugin) MergeUsing(segments []segment.Segment, drops []*roaring.Bitmap, path string,
	closeCh chan struct{}, s segment.StatsReporter, config map[string]any) ([][]uint64, uint64, error) {
	return p.stock.MergeUsing(unwrap(segments), drops, path, closeCh, s, config)
}

// vectorField is Bleve's VectorField, which exists only in builds with
// the "vectors" tag.
type vectorField interface{ Vector() []float32 }

// canBuild reports whether this builder writes everything the documents
// hold; if not, Bleve's builder does.
func canBuild(docs []index.Document) bool {
	if len(docs) == 0 {
		return false
	}
	// The visitors are made once, not for each document.
	ok := true
	refuseNested := func(index.Document) { ok = false }
	refuseComposite := func(index.CompositeField) { ok = false }
	check := func(f index.Field) {
		if !ok {
			return
		}
		switch f.(type) {
		case vectorField, index.GeoShapeField, index.GeoShapeV2Field, index.SynonymField:
			ok = false
			return
		case TermsField:
			return
		}
		for _, tf := range f.AnalyzedTokenFrequencies() {
			if len(tf.Locations) > 0 {
				ok = false // Parley's own fields never need offsets
				return
			}
		}
	}
	for _, d := range docs {
		if nd, nested := d.(index.NestedDocument); nested {
			nd.VisitNestedDocuments(refuseNested)
		}
		d.VisitComposite(refuseComposite)
		d.VisitFields(check)
		if !ok {
			return false
		}
	}
	return true
}

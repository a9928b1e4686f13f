package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index/zap"
)

// Index is Parley's index on local disk: one Bleve index holding a
// document per article and, per input file, a record of what was indexed
// from it. One process may write it at a time; readers may share it.
type Index struct {
	bleve     bleve.Index
	path      string
	analyzer  *Analyzer
	extractor *extract.Extractor
	readOnly  bool
	// legacyPairs writes the pairs field without positions, as schema 5
	// did (see Options.LegacyPairs).
	legacyPairs bool
	schema      int       // the schema the index was built with
	closing     sync.Once // Bleve panics when closed twice
	closed      error
	// facets numbers the values facets count, segment by segment, as
	// searches need them.
	facets *FacetValues
}

// FacetFields are the fields whose values facets count: FacetValues
// numbers them in this order. FieldSpeaker is last of the names: an
// article quotes fewer people than it names, so it adds little to what a
// count reads for each match.
var FacetFields = []string{FieldSource, FieldMonth, FieldPerson, FieldOrg, FieldPlace, FieldSpeaker, FieldYear}

// FacetValues returns the index's numbered facet values.
func (ix *Index) FacetValues() *FacetValues { return ix.facets }

// PrepareFacets numbers the facet values of the index as it stands, and of
// its later segments as soon as searches meet them (see
// FacetValues.Prepare), for a process that will count facets in many
// searches.
func (ix *Index) PrepareFacets() error {
	r, err := ix.Reader()
	if err != nil {
		return fmt.Errorf("prepare facets of %s: %w", ix.path, err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil // not scorch: searches count with Bleve's facets
	}
	if err := ix.facets.Prepare(snap); err != nil {
		return fmt.Errorf("prepare facets of %s: %w", ix.path, err)
	}
	return nil
}

// Options say how to open an index.
type Options struct {
	// ReadOnly opens an existing index for searching only; it can be
	// shared with other readers, not with a writer.
	ReadOnly bool
	// LockTimeout is how long to wait for another process to let go of
	// the index; 0 means DefaultLockTimeout.
	LockTimeout time.Duration
	// Extractor analyses articles as they are indexed (entities, dates) and
	// tells searches which names are one; nil indexes text and metadata
	// only.
	Extractor *extract.Extractor
	// Scoring is the ranking model of a new index: "" for DefaultScoring
	// default, or "tf-idf" or "bm25". An existing index keeps its own.
	Scoring string
	// LegacyPairs makes a new index the way schema 5 made them, with the
	// pairs field (FieldBodyPairs) without positions. It is for tests
	// that check searches still read such indexes right.
	LegacyPairs bool
}

// DefaultScoring is the ranking model of new indexes. TF-IDF ranked our
// relevance set (query/testdata/relevance) as well as BM25 did, and
// Bleve's BM25 takes its average document length from each segment, so
// that scores shift as segments merge: see query/relevance_test.go.
const DefaultScoring = "tf-idf"

// DefaultLockTimeout bounds the wait for another process's lock: long
// enough to ride out a reader's brief open, short enough that nobody
// mistakes it for a hang. A command must give up within 2 seconds, and
// at 2 s of waiting alone it took 2.02-2.05 s; the half second left
// covers starting up and loading the gazetteer on a busy machine.
const DefaultLockTimeout = 1500 * time.Millisecond

// mergePlan is Bleve's default merge plan, changed so that merging costs
// less than writing. A merge rewrites every term and posting of the
// segments it reads, and Bleve's default tiers merge small segments into
// medium ones and those again: on AllSides, merges wrote 1.2 to 1.7 times
// the index's size and took 28% of indexing's CPU, much of it at the end
// of a run, with one core idle. Here small segments (one a batch) wait
// until there are MaxSegmentsPerTier of them, then up to
// SegmentsPerMergeTask of them become one full-size segment, which is no
// longer merged (Bleve merges only segments under half of
// MaxSegmentSize): a document is rewritten at most once. The floor keeps
// a run's last, tiny batch from shrinking the tiers (Bleve sizes them
// from the smallest segment). Searches pay a little for the extra
// segments (AllSides without quotations ends in about 40: search median
// 1.1 -> 1.3 ms, still a third of SQLite FTS5's; see README).
//
// No segment grows past maxSegmentArticles documents: a merge maps every
// segment it reads into memory, and uncapped, the last merges of a large
// index map nearly all of it, so the process's resident memory would
// grow with the corpus.
var mergePlan = map[string]any{
	"MaxSegmentSize":       maxSegmentArticles,
	"MaxSegmentsPerTier":   40,
	"TierGrowth":           10.0,
	"SegmentsPerMergeTask": 20,
	"FloorSegmentSize":     100,
	"ReclaimDeletesWeight": 2.0,
	"MaxSegmentFileSize":   4 << 30,
}

// maxSegmentArticles bounds the segments merges make (see mergePlan).
const maxSegmentArticles = 20000

// ErrLocked means another process has the index open.
var ErrLocked = errors.New("the index is in use by another process")

// ErrNoIndex means there is no index at the path.
var ErrNoIndex = errors.New("no index here yet")

// schemaKey is the internal key under which an index records the schema
// version it was built with.
var schemaKey = []byte("parley_schema")

// pairsWithoutPositions is the last schema whose pairs field had no
// positions; its indexes differ from schema 6's in nothing else. Parley
// still opens them, and writes into them, rather than make everyone index
// again: phrase searches notice the articles whose pairs have no
// positions and check those on the exact field instead (see the query
// package's phrase search), and re-indexing a file replaces its articles
// with ones that have them, since the schema is part of ContentHash.
const pairsWithoutPositions = 5

// withNameKeys is the last schema that kept a folded copy of every name
// for filters. Its indexes hold everything schema 7 reads: Parley opens
// them as they are, and writing into one records it as schema 7.
const withNameKeys = 6

// Open opens the index at path, creating it (and the folder) when there is
// none and opts.ReadOnly is false.
func Open(path string, opts Options) (*Index, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	zap.Register()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	ix := &Index{path: abs, analyzer: NewAnalyzer(), extractor: opts.Extractor, readOnly: opts.ReadOnly, facets: NewFacetValues(FacetFields),
		legacyPairs: opts.LegacyPairs}
	config := map[string]any{"bolt_timeout": opts.LockTimeout.String(), "scorchMergePlanOptions": mergePlan}
	exists, err := isIndex(abs)
	if err != nil {
		return nil, err
	}
	if !exists {
		if opts.ReadOnly {
			return nil, fmt.Errorf("open index %s: %w (run parley index first)", abs, ErrNoIndex)
		}
		m, err := NewMapping()
		if err != nil {
			return nil, fmt.Errorf("build mapping: %w", err)
		}
		if opts.LegacyPairs {
			pairsField(m).IncludeTermVectors = false
		}
		m.ScoringModel = DefaultScoring
		if opts.Scoring != "" {
			m.ScoringModel = opts.Scoring
		}
		if err := m.Validate(); err != nil {
			return nil, fmt.Errorf("create index %s: %w", abs, err)
		}
		ix.bleve, err = bleve.NewUsing(abs, m, scorch.Name, scorch.Name, config)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", abs, describeOpenError(err))
		}
		schema := schemaVersion
		if opts.LegacyPairs {
			schema = pairsWithoutPositions
		}
		if err := ix.bleve.SetInternal(schemaKey, []byte(strconv.Itoa(schema))); err != nil {
			ix.bleve.Close()
			return nil, fmt.Errorf("create index %s: %w", abs, err)
		}
		ix.schema = schema
		return ix, nil
	}
	if opts.ReadOnly {
		config["read_only"] = true
	}
	ix.bleve, err = bleve.OpenUsing(abs, config)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", abs, describeOpenError(err))
	}
	schema, err := ix.bleve.GetInternal(schemaKey)
	if err != nil || len(schema) == 0 {
		ix.bleve.Close()
		return nil, fmt.Errorf("open index %s: it is a Bleve index but not one Parley made", abs)
	}
	ix.schema, _ = strconv.Atoi(string(schema))
	switch ix.schema {
	case schemaVersion, pairsWithoutPositions:
	case withNameKeys:
		if !opts.ReadOnly {
			// What this Parley adds has no folded copies of names, which
			// a Parley of schema 6 would filter on and miss: make it
			// refuse the index rather than answer wrong.
			if err := ix.bleve.SetInternal(schemaKey, []byte(strconv.Itoa(schemaVersion))); err != nil {
				ix.bleve.Close()
				return nil, fmt.Errorf("open index %s: %w", abs, err)
			}
			ix.schema = schemaVersion
		}
	default:
		ix.bleve.Close()
		return nil, fmt.Errorf("open index %s: it was built by another version of Parley (schema %s, this one reads %d); index your files again into a new folder", abs, schema, schemaVersion)
	}
	return ix, nil
}

// isIndex reports whether path holds a Bleve index, and fails when it holds
// something else that Parley must not write over.
func isIndex(path string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !info.IsDir() {
		return false, fmt.Errorf("open index %s: it is a file, not an index folder", path)
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err == nil {
		return true, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("open index %s: the folder holds other files and no index; choose an empty or new folder", path)
	}
	return false, nil
}

// describeOpenError turns Bleve's lock timeout into ErrLocked.
func describeOpenError(err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) || strings.Contains(err.Error(), "timeout") {
		return ErrLocked
	}
	return err
}

// Close closes the index. After a write, Close returns once everything
// written is on disk.
// Close closes the index; closing it again does nothing.
func (ix *Index) Close() error {
	ix.closing.Do(func() { ix.closed = ix.bleve.Close() })
	return ix.closed
}

// PairPositions reports whether the pairs field (FieldBodyPairs) keeps
// positions, which indexes made before schema 6 do not.
func (ix *Index) PairPositions() bool { return ix.schema != pairsWithoutPositions }

// Path returns the index folder.
func (ix *Index) Path() string { return ix.path }

// Bleve returns the underlying Bleve index, for searching.
func (ix *Index) Bleve() bleve.Index { return ix.bleve }

// Reader reads the index as it stands, its dictionaries and postings, for
// what Bleve's searches do not offer; the caller closes it.
func (ix *Index) Reader() (index.IndexReader, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// Analyzer returns the analyzer the index was built with, for queries.
func (ix *Index) Analyzer() *Analyzer { return ix.analyzer }

// Extractor returns the analyses the index was opened with, or nil.
func (ix *Index) Extractor() *extract.Extractor { return ix.extractor }

// analysisFingerprint identifies the analyses articles are indexed with.
func (ix *Index) analysisFingerprint() string {
	if ix.extractor == nil {
		return "none"
	}
	return ix.extractor.Fingerprint()
}

// aliasFiles returns the user's alias files the analyses read names
// from, if any.
func (ix *Index) aliasFiles() []entity.AliasFile {
	if ix.extractor == nil {
		return nil
	}
	return ix.extractor.Gazetteer().AliasFiles()
}

// aliasesKey is the internal key under which an index records the alias
// files its articles were last analysed with: one small value, read
// once when a command opens the index.
var aliasesKey = []byte("parley_aliases")

// recordAliases records the alias files the analyses read, when they
// differ from those recorded.
func (ix *Index) recordAliases() error {
	if ix.extractor == nil {
		return nil // nothing analysed, nothing to say about names
	}
	files := ix.aliasFiles()
	if files == nil {
		files = []entity.AliasFile{}
	}
	data, err := json.Marshal(files)
	if err != nil {
		return err
	}
	if old, err := ix.bleve.GetInternal(aliasesKey); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := ix.bleve.SetInternal(aliasesKey, data); err != nil {
		return fmt.Errorf("record the aliases of %s: %w", ix.path, err)
	}
	return nil
}

// MissingAliases returns the alias files the index's articles were last
// analysed with that the index's own analyses did not read (by content:
// a file changed since counts as missing): names only they give are then
// not the names the index holds, and person:"…" may find nothing. It
// returns nothing for an index opened without analyses, or one that
// records no aliases (built before Parley recorded them).
func (ix *Index) MissingAliases() ([]entity.AliasFile, error) {
	if ix.extractor == nil {
		return nil, nil
	}
	data, err := ix.bleve.GetInternal(aliasesKey)
	if err != nil {
		return nil, fmt.Errorf("read the aliases of %s: %w", ix.path, err)
	}
	if len(data) == 0 {
		return nil, nil
	}
	var built []entity.AliasFile
	if err := json.Unmarshal(data, &built); err != nil {
		return nil, fmt.Errorf("read the aliases of %s: %w", ix.path, err)
	}
	have := map[string]bool{}
	for _, f := range ix.aliasFiles() {
		have[f.Fingerprint] = true
	}
	var missing []entity.AliasFile
	for _, f := range built {
		if !have[f.Fingerprint] {
			missing = append(missing, f)
		}
	}
	return missing, nil
}

// kindQuery matches the documents of one kind.
func kindQuery(kind string) query.Query {
	q := query.NewTermQuery(kind)
	q.SetField(FieldKind)
	return q
}

// count returns how many documents match q.
func (ix *Index) count(ctx context.Context, q query.Query) (uint64, error) {
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/extract"
)

// UpdateOptions say how Update reads and writes.
type UpdateOptions struct {
	// Prune removes the articles of files that no longer exist.
	Prune bool
	// Read bounds what the readers accept.
	Read corpus.Options
	// BatchSize and Writers tune writing; zero takes the defaults.
	BatchSize, Writers int
	// Problem is called for each problem with the input as it is found.
	Problem func(corpus.Problem)
	// Progress is called every so often while Update runs.
	Progress func(Progress)
}

// Progress is how far an Update has got.
type Progress struct {
	Files, FilesDone int
	// Bytes counts input bytes (compressed bytes for .gz files).
	Bytes, BytesDone int64
	// Articles counts articles read so far; Written those on disk.
	Articles, Written int
	// Merging says that everything is written and Bleve is merging the
	// segments writing left, before the run ends.
	Merging bool
	Elapsed time.Duration
}

// Summary says what an Update did.
type Summary struct {
	Files          int // input files found
	FilesUnchanged int // skipped whole because they had not changed
	Added          int // articles new to the index
	Updated        int // articles whose content changed
	Unchanged      int // articles already indexed as they are
	Removed        int // articles deleted: gone from their file, or their file gone (with Prune)
	Skipped        int // files passed over: unsupported, empty, binary
	Failed         int // files or records that could not be read
	Warnings       int // articles read with a caveat
	// Reasons counts skipped and failed items by reason.
	Reasons map[string]int
	Elapsed time.Duration
}

// Update brings the index up to date with the files at paths (folders are
// read recursively). Indexing the same input twice changes nothing; a file
// that changed has its articles replaced; with Prune, articles of files
// that are gone are removed. Problems with the input are reported and
// counted, and the rest is indexed. If ctx is cancelled, Update stops
// reading, writes what it has read, and returns ctx's error.
func (ix *Index) Update(ctx context.Context, paths []string, opts UpdateOptions) (Summary, error) {
	start := time.Now()
	sum := Summary{Reasons: map[string]int{}}
	report := func(p corpus.Problem) {
		switch p.Severity {
		case corpus.Skipped:
			sum.Skipped++
			sum.Reasons[p.Severity.String()+": "+p.Reason]++
		case corpus.Failed:
			sum.Failed++
			sum.Reasons[p.Severity.String()+": "+p.Reason]++
		case corpus.Warning:
			sum.Warnings++
		}
		if opts.Problem != nil {
			opts.Problem(p)
		}
	}
	var inUse []string
	for _, f := range ix.aliasFiles() {
		inUse = append(inUse, f.Path)
	}
	files, problems := corpus.FindFilesUsing(paths, inUse)
	for _, p := range problems {
		report(p)
	}
	sum.Files = len(files)
	var total int64
	for _, f := range files {
		total += f.Size
	}

	// Recorded before anything is written with them: every file read
	// from here on is analysed with these aliases (the analysis
	// fingerprint in its record makes sure of it).
	if err := ix.recordAliases(); err != nil {
		return sum, err
	}
	reader := corpus.NewReader(opts.Read)
	w := ix.NewWriter(opts.BatchSize, opts.Writers)
	var skippedBytes int64
	articles := 0
	lastProgress := time.Time{}
	merging := false
	progress := func(filesDone int, force bool) {
		if opts.Progress == nil || (!force && time.Since(lastProgress) < 100*time.Millisecond) {
			return
		}
		lastProgress = time.Now()
		opts.Progress(Progress{Files: len(files), FilesDone: filesDone, Bytes: total, BytesDone: reader.BytesRead() + skippedBytes,
			Articles: articles, Written: w.Written(), Merging: merging, Elapsed: time.Since(start)})
	}

	var runErr error
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			runErr = err
			break
		}
		done, err := ix.updateFile(ctx, f, reader, w, &sum, report, func() { articles++; progress(i, false) })
		if err != nil {
			runErr = err
			break
		}
		if done {
			sum.FilesUnchanged++
			skippedBytes += f.Size
		}
		progress(i+1, false)
	}
	if runErr == nil && opts.Prune {
		removed, err := ix.prune(ctx, w)
		sum.Removed += removed
		runErr = err
	}
	if err := w.Close(); err != nil && runErr == nil {
		runErr = err
	}
	progress(len(files), true)
	if runErr == nil && w.Written() > 0 {
		merging = true
		progress(len(files), true)
		runErr = ix.settle(ctx)
	}
	sum.Elapsed = time.Since(start)
	return sum, runErr
}

// updateFile indexes one file. It reports unchanged=true when the file was
// skipped whole because its record shows it unchanged. Articles indexed
// from the file before and not read from it now are removed only when the
// whole file read without failures: nothing already indexed is lost to a
// truncated file, one now too large or skipped whole (empty, binary), or a
// record that broke.
func (ix *Index) updateFile(ctx context.Context, f corpus.File, reader *corpus.Reader, w *Writer, sum *Summary,
	report func(corpus.Problem), onArticle func()) (unchanged bool, err error) {
	digest, err := fileDigest(f.Path)
	if err != nil {
		report(corpus.Problem{Path: f.Path, Severity: corpus.Failed, Reason: "cannot read", Detail: describePathError(err), Stopped: true})
		return false, nil
	}
	rec, found, err := ix.fileRecord(ctx, f.Path)
	if err != nil {
		return false, err
	}
	fingerprint := ix.analysisFingerprint()
	// A corrected date or source in the folder's sidecar changes the
	// article as much as an edit to its file does.
	metadata := reader.MetadataDigest(f, report)
	if found && rec.SHA256 == digest && rec.Schema == schemaVersion && rec.Analysis == fingerprint && rec.Metadata == metadata {
		sum.Unchanged += rec.Articles
		return true, nil
	}
	existing, err := ix.hashesFrom(ctx, f.Path)
	if err != nil {
		return false, err
	}
	incomplete, err := ix.missingQuotes(ctx, existing)
	if err != nil {
		return false, err
	}
	count := 0
	seen := make(map[string]bool, len(existing))
	// Articles are analysed a chunk at a time, on every core, and then
	// written in order: analysis costs about as much as Bleve's own work.
	var chunk []*corpus.Article
	flush := func() error {
		for _, an := range ix.analyze(chunk) {
			hash := ContentHash(an.Article, fingerprint)
			old, had := existing[an.Article.ID]
			switch {
			case had && old.Hash == hash && !incomplete[an.Article.ID]:
				sum.Unchanged++
				continue
			case had && old.Hash == hash:
				// Its quotations never reached the disk: to the user the
				// article was not yet all there.
				sum.Added++
			case had:
				sum.Updated++
			default:
				sum.Added++
			}
			if err := w.Put(an, hash, old.QuoteIDs); err != nil {
				return err
			}
		}
		chunk = chunk[:0]
		return nil
	}
	// stopped: the file could not be read to its end; recordFailed: some
	// record of it could not be read; passedOver: it was skipped whole
	// (empty, binary, UTF-16). Either way an article not seen this time is
	// not known to be gone from the file.
	stopped, recordFailed, passedOver := false, false, false
	readErr := reader.Read(f, func(a *corpus.Article) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if seen[a.ID] {
			return nil // the reader gives each record its own ID; this cannot happen, but never index twice
		}
		seen[a.ID] = true
		count++
		onArticle()
		if chunk = append(chunk, a); len(chunk) == analysisChunk {
			return flush()
		}
		return nil
	}, func(p corpus.Problem) {
		if p.Path == f.Path {
			switch {
			case p.Severity == corpus.Failed && p.Stopped:
				stopped = true
			case p.Severity == corpus.Failed:
				recordFailed = true
			case p.Severity == corpus.Skipped:
				passedOver = true
			}
		}
		report(p)
	})
	if readErr == nil {
		readErr = flush()
	}
	if readErr != nil {
		return false, readErr // cancelled, or the writer failed: the file stays unrecorded and is read again next time
	}
	if stopped || passedOver {
		// Keep what was indexed from it before, and leave the file
		// unrecorded so that the next run reads it again. A file emptied
		// or overwritten with binary is more often a failed download than
		// articles withdrawn; deleting the file and --prune remove them.
		if passedOver && len(existing) > 0 {
			report(corpus.Problem{Path: f.Path, Severity: corpus.Warning, Reason: "kept what was indexed before",
				Detail: fmt.Sprintf("%d articles indexed from this file before stay searchable; delete the file and use --prune to remove them", len(existing))})
		}
		return false, nil
	}
	// A record that failed may be one indexed before, which the reader
	// could not name: keep them all until the file reads clean.
	if !recordFailed {
		for id, old := range existing {
			if !seen[id] {
				if err := w.Delete(id, old.QuoteIDs...); err != nil {
					return false, err
				}
				sum.Removed++
			}
		}
	}
	return false, w.FileDone(FileRecord{Path: f.Path, Size: f.Size, ModTime: f.ModTime, SHA256: digest,
		Articles: count, Schema: schemaVersion, Analysis: fingerprint, Metadata: metadata, Indexed: time.Now().UTC()})
}

// analysisChunk is how many articles are analysed together, in parallel.
const analysisChunk = 256

// analyze analyses articles on every core, keeping their order.
func (ix *Index) analyze(articles []*corpus.Article) []*extract.Analysis {
	out := make([]*extract.Analysis, len(articles))
	if ix.extractor == nil {
		for i, a := range articles {
			out[i] = &extract.Analysis{Article: a}
		}
		return out
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = ix.extractor.Analyze(articles[i])
			}
		}()
	}
	for i := range articles {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// prune removes the articles and records of files that no longer exist.
func (ix *Index) prune(ctx context.Context, w *Writer) (int, error) {
	paths, err := ix.Paths(ctx)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, path := range paths {
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		hashes, err := ix.hashesFrom(ctx, path)
		if err != nil {
			return removed, err
		}
		for id, old := range hashes {
			if err := w.Delete(id, old.QuoteIDs...); err != nil {
				return removed, err
			}
			removed++
		}
		if err := w.ForgetFile(path); err != nil {
			return removed, err
		}
	}
	return removed, nil
}

// Paths returns every input file the index holds documents from.
func (ix *Index) Paths(ctx context.Context) ([]string, error) {
	dict, err := ix.bleve.FieldDict(FieldPath)
	if err != nil {
		return nil, err
	}
	var terms []string
	for {
		entry, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, err
		}
		if entry == nil {
			break
		}
		terms = append(terms, entry.Term)
	}
	dict.Close()
	// The dictionary keeps the terms of deleted documents until Bleve
	// merges their segments away: keep only paths with live documents.
	var paths []string
	for _, term := range terms {
		q := query.NewTermQuery(term)
		q.SetField(FieldPath)
		n, err := ix.count(ctx, q)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			paths = append(paths, term)
		}
	}
	return paths, nil
}

// fileDigest returns the SHA-256 of a file's bytes.
func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func describePathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileRecord returns what the index remembers of a file.
func (ix *Index) fileRecord(ctx context.Context, path string) (FileRecord, bool, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{fileDocID(path)}), 1, 0, false)
	req.Fields = []string{fieldFileRecord}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return FileRecord{}, false, fmt.Errorf("look up %s in the index: %w", path, err)
	}
	if len(res.Hits) == 0 {
		return FileRecord{}, false, nil
	}
	var rec FileRecord
	raw, _ := res.Hits[0].Fields[fieldFileRecord].(string)
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return FileRecord{}, false, nil // unreadable: treat the file as new
	}
	return rec, true, nil
}

// indexedArticle is what re-indexing needs to know of an article already
// in the index: its content hash, and its quote documents.
type indexedArticle struct {
	Hash     string
	QuoteIDs []string
}

// hashesFrom returns the content hash and quote documents of every article
// indexed from path, by ID, reading them a page at a time.
func (ix *Index) hashesFrom(ctx context.Context, path string) (map[string]indexedArticle, error) {
	pathQuery := query.NewTermQuery(path)
	pathQuery.SetField(FieldPath)
	q := query.NewConjunctionQuery([]query.Query{pathQuery, kindQuery(KindArticle)})
	out := map[string]indexedArticle{}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
		req.Fields = []string{FieldMeta}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("list articles from %s: %w", path, err)
		}
		for _, h := range res.Hits {
			s := StoredFrom(h.ID, h.Fields)
			out[h.ID] = indexedArticle{Hash: s.Hash, QuoteIDs: s.QuoteIDs}
		}
		if len(res.Hits) < 10000 {
			return out, nil
		}
		after = lastSort(res.Hits)
	}
}

// missingQuotes returns the articles of existing some of whose quote
// documents are not in the index. Quote documents are written in batches
// of their own (see Writer), so a run killed between an article's batch
// and its quotations' leaves the article with its hash but without them;
// the file's record is missing then, and the next run reads the file
// again and comes here.
func (ix *Index) missingQuotes(ctx context.Context, existing map[string]indexedArticle) (map[string]bool, error) {
	var ids []string
	for _, a := range existing {
		ids = append(ids, a.QuoteIDs...)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	present := make(map[string]bool, len(ids))
	const page = 10000
	for from := 0; from < len(ids); from += page {
		part := ids[from:min(from+page, len(ids))]
		req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(part), len(part), 0, false)
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("look up quotations: %w", err)
		}
		for _, h := range res.Hits {
			present[h.ID] = true
		}
	}
	out := map[string]bool{}
	for id, a := range existing {
		for _, q := range a.QuoteIDs {
			if !present[q] {
				out[id] = true
				break
			}
		}
	}
	return out, nil
}

func lastSort(hits search.DocumentMatchCollection) []string {
	return hits[len(hits)-1].Sort
}

package index

import (
	"fmt"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/parleysearch/parley/corpus/extract"
)

// Writer writes documents to the index in batches. Two batches are written
// at once, so that one is analysed and converted while Bleve persists the
// other: Bleve's Batch returns only once its batch is safely on disk, and
// a single writer would leave a core idle while it waits.
//
// Quote documents go in batches of their own (see flushQuotes).
//
// A file's record (which lets the next run skip an unchanged file) is
// written only after every batch holding that file's articles or their
// quotations has been written, so a run killed at any point leaves an
// index that opens, and that the next run completes without duplicates.
type Writer struct {
	ix        *Index
	batchSize int
	batch     *index.Batch // articles, file records, deletions
	quotes    *index.Batch // quote documents
	queue     chan submitted
	workers   sync.WaitGroup

	mu       sync.Mutex
	next     int          // number of the next batch begun
	seq      int          // number of the article batch being filled
	quoteSeq int          // number of the quote batch being filled
	finished map[int]bool // batches written
	through  int          // every batch up to this one is written
	files    []pendingFile
	err      error
	written  int // article documents written
	inBatch  int // article documents in the batch being filled
	// deletes counts the deletions of the batch being filled that came
	// without an article (see maybeFlush).
	deletes int
}

type submitted struct {
	seq      int
	batch    *index.Batch
	articles int
}

// pendingFile is a file record waiting for its articles' batches.
type pendingFile struct {
	rec   FileRecord
	after int // the last batch that may hold the file's articles
}

// Defaults for writing: measured on AllSides on two cores (see README).
// Each batch becomes a segment, and larger segments leave merges less to
// do: 1,000 articles a batch indexed in 14% less time than 500, and 2,000
// took more memory than the heap limit while indexing allows (see
// cmd/parley). More than two writers only queue for the same cores.
const (
	DefaultBatchSize = 1000
	DefaultWriters   = 2
	// quoteBatchArticles is a quote batch's size in documents, in article
	// batches' worth (see flushQuotes).
	quoteBatchArticles = 10
)

// NewWriter returns a Writer; zero arguments take the defaults.
func (ix *Index) NewWriter(batchSize, writers int) *Writer {
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	if writers <= 0 {
		writers = DefaultWriters
	}
	w := &Writer{
		ix:        ix,
		batchSize: batchSize,
		batch:     index.NewBatch(),
		quotes:    index.NewBatch(),
		// One batch may wait while all writers are busy, so that reading
		// the next one overlaps with writing instead of taking turns.
		queue:    make(chan submitted, 1),
		finished: map[int]bool{},
		seq:      1,
		quoteSeq: 2,
		next:     3,
	}
	for i := 0; i < writers; i++ {
		w.workers.Add(1)
		go w.work()
	}
	return w
}

func (w *Writer) work() {
	defer w.workers.Done()
	for s := range w.queue {
		err := w.ix.write(s.batch)
		w.mu.Lock()
		if err != nil && w.err == nil {
			w.err = fmt.Errorf("write batch: %w", err)
		}
		if err == nil {
			w.written += s.articles
			w.finished[s.seq] = true
			for w.finished[w.through+1] {
				delete(w.finished, w.through+1)
				w.through++
			}
		}
		w.mu.Unlock()
	}
}

// Put adds an analysed article and a document for each of its quotations,
// replacing any document with its ID and removing the quote documents
// oldQuotes names that the article no longer has. The removals go with the
// article, so that no run, however it ends, leaves a quotation the article
// no longer holds; the quotations go in the quote batch, and a run that
// ends before they are written leaves the article without them, which the
// next run sees and mends (see missingQuotes). A deletion and a document
// of the same ID never go in different batches: in two batches written at
// once, either could land last.
func (w *Writer) Put(an *extract.Analysis, hash string, oldQuotes []string) error {
	if err := w.Err(); err != nil {
		return err
	}
	if an.Article.ID == "" {
		return fmt.Errorf("index an article of %s: no ID", an.Article.From.Path)
	}
	article, body := w.ix.articleDocument(an, hash)
	w.batch.Update(article)
	kept := make(map[string]bool, len(an.Quotes))
	for _, d := range w.ix.quoteDocuments(an, body) {
		kept[d.ID()] = true
		w.quotes.Update(d)
	}
	for _, id := range oldQuotes {
		if !kept[id] {
			w.batch.Delete(id)
		}
	}
	w.inBatch++
	return w.maybeFlush()
}

// Delete removes a document, and the quote documents quotes names.
func (w *Writer) Delete(id string, quotes ...string) error {
	if err := w.Err(); err != nil {
		return err
	}
	w.batch.Delete(id)
	for _, q := range quotes {
		w.batch.Delete(q)
	}
	w.deletes++
	return w.maybeFlush()
}

// FileDone records that every article of a file has been put; the record
// is written once they, and their quotations, are all on disk.
func (w *Writer) FileDone(rec FileRecord) error {
	w.mu.Lock()
	w.files = append(w.files, pendingFile{rec: rec, after: max(w.seq, w.quoteSeq)})
	w.mu.Unlock()
	return w.Err()
}

// ForgetFile removes a file's record, for a file that is gone.
func (w *Writer) ForgetFile(path string) error {
	return w.Delete(fileDocID(path))
}

// maybeFlush writes the article batch once it holds batchSize articles
// (or deletions), and the quote batch once it holds quoteBatchArticles
// times as many documents.
func (w *Writer) maybeFlush() error {
	if len(w.quotes.IndexOps) >= quoteBatchArticles*w.batchSize {
		if err := w.flushQuotes(); err != nil {
			return err
		}
	}
	if w.inBatch+w.deletes < w.batchSize {
		return nil
	}
	return w.flush()
}

// flush hands the current article batch to a writing goroutine, first
// adding the records of files whose articles are all written.
func (w *Writer) flush() error {
	w.mu.Lock()
	var keep []pendingFile
	for _, f := range w.files {
		if f.after <= w.through {
			w.batch.Update(fileDocument(f.rec))
		} else {
			keep = append(keep, f)
		}
	}
	w.files = keep
	s := submitted{seq: w.seq, batch: w.batch, articles: w.inBatch}
	w.seq = w.next
	w.next++
	w.mu.Unlock()
	w.submit(s)
	w.batch = index.NewBatch()
	w.inBatch, w.deletes = 0, 0
	return w.Err()
}

// flushQuotes hands the current quote batch to a writing goroutine.
//
// Quote documents are many (ten an article on AllSides) and small. Riding
// in their articles' batches, they made each batch's segment either too
// big for memory or, capped at 2,000 documents, small: nearly every word
// of the articles' vocabulary in each of five times as many segments,
// which Bleve then merged, writing the quotations twice (indexing with
// quotations took 2.2 times as long as without). In batches of their own
// 10,000 documents make about 1.5 MB of text, and segments big enough that
// Bleve never merges them (see mergePlan).
func (w *Writer) flushQuotes() error {
	w.mu.Lock()
	s := submitted{seq: w.quoteSeq, batch: w.quotes}
	w.quoteSeq = w.next
	w.next++
	w.mu.Unlock()
	w.submit(s)
	w.quotes = index.NewBatch()
	return w.Err()
}

func (w *Writer) submit(s submitted) {
	if len(s.batch.IndexOps)+len(s.batch.InternalOps) > 0 {
		w.queue <- s
	} else {
		w.markEmpty(s.seq)
	}
}

func (w *Writer) markEmpty(seq int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.finished[seq] = true
	for w.finished[w.through+1] {
		delete(w.finished, w.through+1)
		w.through++
	}
}

// Err returns the first error a batch met, if any.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Written returns how many articles are on disk so far.
func (w *Writer) Written() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written
}

// Close writes what is left, waits for every batch, then writes the
// remaining file records. It returns the first error met.
func (w *Writer) Close() error {
	err := w.flushQuotes()
	if err == nil {
		err = w.flush()
	}
	close(w.queue)
	w.workers.Wait()
	if err == nil {
		err = w.Err()
	}
	if err != nil {
		return err
	}
	// Every article batch is written: the remaining records may follow.
	if len(w.files) == 0 {
		return nil
	}
	b := index.NewBatch()
	for _, f := range w.files {
		b.Update(fileDocument(f.rec))
	}
	w.files = nil
	if err := w.ix.write(b); err != nil {
		return fmt.Errorf("write file records: %w", err)
	}
	return nil
}

// write writes a batch to Bleve's index underneath: Parley's batches hold
// documents of its own making (see quoteDocument), which Bleve's Batch
// does not take.
func (ix *Index) write(b *index.Batch) error {
	store, err := ix.bleve.Advanced()
	if err != nil {
		return err
	}
	return store.Batch(b)
}

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
)

func benchCommand(stdout, stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "bench",
		Usage:     "measure indexing and searching on a corpus, beside SQLite FTS5",
		ArgsUsage: "CORPUS QUERIES",
		Description: `Indexes CORPUS into a new index (in a temporary folder unless --index is
given, which must not exist yet), then runs every query of QUERIES (one a
line, # for comments) --repeat times with snippets, as the peer does. Prints
index seconds, articles per second, index bytes, peak memory (resident set)
and query median and 99th percentile. With --peer SCRIPT it then runs the
SQLite FTS5 peer on the same files and prints both, with ratios.`,
		Subcommands: []*cli.Command{loadCommand(stdout, getenv)},
		Flags: []cli.Flag{
			indexFlag(),
			&cli.IntFlag{Name: "repeat", Value: 20, Usage: "runs of each query"},
			&cli.IntFlag{Name: "batch", Value: index.DefaultBatchSize, Usage: "articles per batch written"},
			&cli.BoolFlag{Name: "facets", Usage: "ask for facets with every query"},
			&cli.BoolFlag{Name: "plain", Usage: "index text and metadata only, without entities, dates and quotes (for comparison)"},
			&cli.BoolFlag{Name: "no-quotes", Usage: "find entities and dates but not quotations (for comparison)"},
			&cli.StringFlag{Name: "peer", Usage: "the SQLite FTS5 peer `SCRIPT` (bench/peer_sqlite_fts5.py)"},
			&cli.StringFlag{Name: "python", Value: "/usr/bin/python3", Usage: "the Python that runs the peer (it needs SQLite with FTS5)"},
			&cli.IntFlag{Name: "who", Value: 100, Usage: "time parley who on claims made from `N` indexed quotations (0: none)"},
			&cli.BoolFlag{Name: "keep", Usage: "keep the index afterwards"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of indexing to `FILE` (go tool pprof reads it)"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() != 2 {
				return exitError{errors.New("give a corpus and a query file, as in parley bench allsides.jsonl.gz queries.txt"), 2}
			}
			corpusPath, queriesPath := c.Args().Get(0), c.Args().Get(1)
			queries, err := readQueries(queriesPath)
			if err != nil {
				return err
			}
			dir := ""
			for _, ctx := range c.Lineage() {
				if ctx.IsSet("index") {
					dir = ctx.String("index")
				}
			}
			if dir == "" {
				tmp, err := os.MkdirTemp("", "parley-bench-")
				if err != nil {
					return err
				}
				dir = filepath.Join(tmp, "index")
				if !c.Bool("keep") {
					defer os.RemoveAll(tmp)
				}
			} else if _, err := os.Stat(dir); err == nil {
				return exitError{fmt.Errorf("--index %s exists; bench measures a new index", dir), 2}
			}
			defer tuneGCForIndexing(getenv)()
			o := benchOptions{repeat: c.Int("repeat"), facets: c.Bool("facets"), cpuprofile: c.String("cpuprofile"), batch: c.Int("batch"), whoQuotes: c.Int("who")}
			if !c.Bool("plain") {
				if o.extractor, err = extractor(c, getenv); err != nil {
					return err
				}
				if c.Bool("no-quotes") {
					o.extractor = o.extractor.WithoutQuotes()
				}
			}
			m, err := benchParley(c.Context, stderr, dir, corpusPath, queries, o)
			if err != nil {
				return err
			}
			what := "with entities, dates and quotes"
			switch {
			case c.Bool("plain"):
				what = "text and metadata only"
			case c.Bool("no-quotes"):
				what = "with entities and dates, no quotes"
			}
			if c.Bool("facets") {
				what += ", facets on every query"
			}
			fmt.Fprintf(stdout, "engine: parley (Bleve %s), %s\n", bleveVersion(), what)
			m.print(stdout)
			if c.Bool("keep") {
				// The index was made in a temporary folder: say where.
				fmt.Fprintf(stdout, "index kept: %s\n", dir)
			}
			if script := c.String("peer"); script != "" {
				fmt.Fprintln(stderr, "running the SQLite FTS5 peer…")
				peer, err := runPeer(c.Context, c.String("python"), script, corpusPath, queriesPath)
				if err != nil {
					return err
				}
				fmt.Fprintf(stdout, "\nengine: %s\n", peer.engine)
				peer.print(stdout)
				fmt.Fprintf(stdout, "\nparley / sqlite: index time %.2f×, index size %.2f×, query median %.2f×, query p99 %.2f×\n",
					m.indexSeconds/peer.indexSeconds, float64(m.indexBytes)/float64(peer.indexBytes), m.median/peer.median, m.p99/peer.p99)
				fmt.Fprintf(stdout, "hits per query (parley, sqlite) and parley's median ms:\n")
				for _, q := range queries {
					fmt.Fprintf(stdout, "  %6d %6d %8.2f  %s\n", m.hits[q], peer.hits[q], m.slowest[q], q)
				}
			}
			return nil
		},
	}
}

// measures are one engine's figures.
type measures struct {
	engine        string
	docs          int
	indexSeconds  float64
	indexBytes    int64
	liveBytes     int64  // the segments in use, without files Bleve has yet to remove
	mergedBytes   uint64 // written by Bleve's merges while indexing
	segments      int
	rssAfterIndex int64 // kB, the high-water mark once indexing is done
	rssPeak       int64 // kB, at the end
	anonPeak      int64 // kB, the largest anonymous (heap) part seen while indexing
	filePeak      int64 // kB, the largest file-backed (mapped index) part
	median, p99   float64
	facetsMS      float64 // numbering the facet values before the searches
	who           whoMeasures
	queries, runs int
	hits          map[string]int
	slowest       map[string]float64 // median ms by query
}

func (m measures) print(w io.Writer) {
	fmt.Fprintf(w, "docs: %d  index_s: %.2f  docs_per_s: %.0f  index_bytes: %d\n", m.docs, m.indexSeconds, float64(m.docs)/m.indexSeconds, m.indexBytes)
	if m.segments > 0 {
		fmt.Fprintf(w, "segments: %d  merges wrote: %d bytes\n", m.segments, m.mergedBytes)
	}
	if m.liveBytes > 0 && m.liveBytes < m.indexBytes*95/100 {
		fmt.Fprintf(w, "segments in use: %d bytes (the rest: merged-away segments Bleve had yet to remove)\n", m.liveBytes)
	}

	if m.rssPeak > 0 {
		fmt.Fprintf(w, "peak_rss_mb: %.0f (after indexing: %.0f; while indexing, heap up to %.0f, mapped files up to %.0f)\n",
			float64(m.rssPeak)/1024, float64(m.rssAfterIndex)/1024, float64(m.anonPeak)/1024, float64(m.filePeak)/1024)
	}
	fmt.Fprintf(w, "queries: %dx%d  median_ms: %.2f  p99_ms: %.2f\n", m.queries, m.runs, m.median, m.p99)
	if m.facetsMS > 0 {
		fmt.Fprintf(w, "facet values numbered before the searches in %.1f ms\n", m.facetsMS)
	}
	m.who.print(w)
}

// benchOptions say how to run the benchmark.
type benchOptions struct {
	repeat     int
	facets     bool
	cpuprofile string
	batch      int
	extractor  *extract.Extractor // nil indexes text and metadata only
	whoQuotes  int                // quotations `parley who` is timed on
}

func benchParley(ctx context.Context, stderr io.Writer, dir, corpusPath string, queries []string, o benchOptions) (measures, error) {
	m := measures{hits: map[string]int{}, slowest: map[string]float64{}, queries: len(queries), runs: o.repeat}
	stopProfile := func() {}
	if o.cpuprofile != "" {
		stop, err := startCPUProfile(o.cpuprofile)
		if err != nil {
			return m, err
		}
		stopProfile = stop
	}
	ix, err := index.Open(dir, index.Options{Extractor: o.extractor})
	if err != nil {
		return m, err
	}
	var bar *progressBar
	if isTerminal(stderr) {
		bar = newProgressBar(stderr)
	}
	sampler := startRSSSampler()
	start := time.Now()
	sum, err := ix.Update(ctx, []string{corpusPath}, index.UpdateOptions{BatchSize: o.batch, Progress: func(p index.Progress) { bar.draw(p) }})
	live, merged := ix.LiveBytes(), ix.MergedBytes()
	if err == nil {
		err = ix.Close() // included: the index is complete only once closed
	}
	m.indexSeconds = time.Since(start).Seconds()
	stopProfile()
	bar.clear()
	if err != nil {
		return m, err
	}
	m.docs = sum.Added
	m.rssAfterIndex = peakRSS()
	m.anonPeak, m.filePeak = sampler.stop()
	// Searching starts, as in a server that indexed first, without the
	// heap indexing left behind (see tuneGCForIndexing).
	debug.FreeOSMemory()
	m.indexBytes = dirSize(dir)
	m.liveBytes = live
	m.mergedBytes = merged
	m.segments = countSegments(dir)

	ix, err = index.Open(dir, index.Options{ReadOnly: true, Extractor: o.extractor})
	if err != nil {
		return m, err
	}
	defer ix.Close()
	if o.facets {
		// As parley serve does before it is ready.
		t := time.Now()
		if err := ix.PrepareFacets(); err != nil {
			return m, err
		}
		m.facetsMS = float64(time.Since(t).Microseconds()) / 1000
	}
	var lat []float64
	for _, q := range queries {
		var mine []float64
		for i := 0; i < o.repeat; i++ {
			t := time.Now()
			res, err := query.Search(ctx, ix, query.Request{Query: q, Limit: 10, Facets: o.facets})
			if err != nil {
				return m, fmt.Errorf("query %q: %w", q, err)
			}
			mine = append(mine, float64(time.Since(t).Microseconds())/1000)
			m.hits[q] = int(res.Total)
		}
		sort.Float64s(mine)
		m.slowest[q] = median(mine)
		lat = append(lat, mine...)
	}
	sort.Float64s(lat)
	m.median = median(lat)
	m.p99 = p99(lat)
	if o.whoQuotes > 0 {
		if m.who, err = benchWho(ctx, ix, o.whoQuotes); err != nil {
			return m, err
		}
	}
	m.rssPeak = peakRSS()
	return m, nil
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// p99 is the 99th percentile of sorted latencies, as the SQLite peer
// computes it (fewer than 100 runs give the slowest but one, or the only).
func p99(sorted []float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[max(0, int(float64(len(sorted))*0.99)-1)]
}

// readQueries reads a query file: one query a line, # starts a comment.
func readQueries(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			qs = append(qs, l)
		}
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s holds no queries", path)
	}
	return qs, sc.Err()
}

// rssSampler watches the resident set's anonymous and file-backed parts.
type rssSampler struct {
	done       chan struct{}
	anon, file int64
	finished   chan struct{}
}

func startRSSSampler() *rssSampler {
	s := &rssSampler{done: make(chan struct{}), finished: make(chan struct{})}
	go func() {
		defer close(s.finished)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			anon, file := rssParts()
			s.anon, s.file = max(s.anon, anon), max(s.file, file)
			select {
			case <-s.done:
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

func (s *rssSampler) stop() (anon, file int64) {
	close(s.done)
	<-s.finished
	return s.anon, s.file
}

// rssParts returns the resident set's anonymous and file-backed parts in
// kB, from Linux's /proc; zeros elsewhere.
func rssParts() (anon, file int64) {
	v := procStatus("RssAnon", "RssFile")
	return v["RssAnon"], v["RssFile"]
}

// peakRSS returns the process's peak resident set in kB, from Linux's
// /proc; 0 elsewhere.
func peakRSS() int64 {
	return procStatus("VmHWM")["VmHWM"]
}

// procStatus reads the named kB figures of /proc/self/status.
func procStatus(names ...string) map[string]int64 {
	out := map[string]int64{}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for _, l := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(l, ":")
		if !ok || !slices.Contains(names, name) {
			continue
		}
		out[name], _ = strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "kB")), 10, 64)
	}
	return out
}

// countSegments counts the segment files of a Bleve index.
func countSegments(dir string) int {
	files, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	return len(files)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func bleveVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/blevesearch/bleve/v2" {
				return d.Version
			}
		}
	}
	return "unknown"
}

var (
	peerEngine  = regexp.MustCompile(`^engine: (.*)$`)
	peerIndex   = regexp.MustCompile(`^docs: (\d+)\s+index_s: ([\d.]+)\s+docs_per_s: \d+\s+db_bytes: (\d+)`)
	peerQueries = regexp.MustCompile(`^queries: (\d+)x(\d+)\s+median_ms: ([\d.]+)\s+p99_ms: ([\d.]+)`)
	peerHits    = regexp.MustCompile(`^\s+hits\s+(\d+)\s+(.*)$`)
)

// runPeer runs the SQLite FTS5 peer script and reads its figures.
func runPeer(ctx context.Context, python, script, corpusPath, queriesPath string) (measures, error) {
	m := measures{hits: map[string]int{}}
	db, err := os.MkdirTemp("", "parley-peer-")
	if err != nil {
		return m, err
	}
	defer os.RemoveAll(db)
	cmd := exec.CommandContext(ctx, python, script, corpusPath, queriesPath, filepath.Join(db, "peer.db"))
	out, err := cmd.Output()
	if err != nil {
		return m, fmt.Errorf("run the peer %s: %w", script, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if g := peerEngine.FindStringSubmatch(l); g != nil {
			m.engine = g[1]
		}
		if g := peerIndex.FindStringSubmatch(l); g != nil {
			m.docs, _ = strconv.Atoi(g[1])
			m.indexSeconds, _ = strconv.ParseFloat(g[2], 64)
			m.indexBytes, _ = strconv.ParseInt(g[3], 10, 64)
		}
		if g := peerQueries.FindStringSubmatch(l); g != nil {
			m.queries, _ = strconv.Atoi(g[1])
			m.runs, _ = strconv.Atoi(g[2])
			m.median, _ = strconv.ParseFloat(g[3], 64)
			m.p99, _ = strconv.ParseFloat(g[4], 64)
		}
		if g := peerHits.FindStringSubmatch(l); g != nil {
			n, _ := strconv.Atoi(g[1])
			m.hits[g[2]] = n
		}
	}
	if m.indexSeconds == 0 || m.median == 0 {
		return m, fmt.Errorf("the peer's output was not understood:\n%s", out)
	}
	return m, nil
}

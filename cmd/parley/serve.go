package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query/web"
)

// shutdownGrace is how long requests in flight may finish after Ctrl-C.
const shutdownGrace = 10 * time.Second

func serveCommand(stderr io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve search pages and the JSON API over HTTP",
		ArgsUsage: "[PATH...]",
		Description: `Indexes the PATHs given, as parley index does, then serves the index: search
pages for a browser and the JSON API (see the README). It binds to loopback
unless --addr says otherwise, and owns the index while it runs: other parley
commands ask it with --server URL. Ctrl-C stops it, letting requests in
flight finish.`,
		Flags: []cli.Flag{
			indexFlag(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT` (:0 picks a free port)"},
			&cli.StringFlag{Name: "assets", Usage: "serve templates/ and static/ from `DIR` instead of the built-in ones (for editing them)"},
			&cli.BoolFlag{Name: "prune", Usage: "also remove articles whose files no longer exist"},
			&cli.DurationFlag{Name: "timeout", Value: web.DefaultRequestTimeout, Usage: "give up on a request after this long"},
			&cli.BoolFlag{Name: "verbose", Usage: "log every refused request too"},
			&cli.IntFlag{Name: "cache", Value: web.DefaultCacheEntries, Usage: "keep the answers of this many recent searches (0: none, to measure searching itself)"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of serving to `FILE` when it stops (go tool pprof reads it)"},
			&cli.BoolFlag{Name: "compact", Value: true, Usage: fmt.Sprintf("merge an index of more than %d segments into a few, in the background, once it is served (--compact=false: leave it as it is)", compactAbove)},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			level := slog.LevelInfo
			if c.Bool("verbose") {
				level = slog.LevelDebug
			}
			log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
			opts := web.Options{Log: log, RequestTimeout: c.Duration("timeout"), CacheEntries: c.Int("cache"), Searches: keepAThreadForTheNetwork()}
			defer runtime.GOMAXPROCS(opts.Searches)
			if opts.CacheEntries <= 0 {
				opts.CacheEntries = -1 // off
			}
			if dir := c.String("assets"); dir != "" {
				if _, err := os.Stat(dir); err != nil {
					return exitError{fmt.Errorf("--assets %s: %w", dir, err), 2}
				}
				opts.Assets = os.DirFS(dir)
			}
			srv, err := web.New(opts)
			if err != nil {
				return err
			}
			if path := c.String("cpuprofile"); path != "" {
				stop, err := startCPUProfile(path)
				if err != nil {
					return err
				}
				defer stop()
			}
			ix, err := openIndex(c, getenv, false)
			if err != nil {
				return err
			}
			defer func() {
				if err := ix.Close(); err != nil {
					log.Error("close the index", "err", err)
				}
			}()
			ln, err := net.Listen("tcp", c.String("addr"))
			if err != nil {
				return exitError{fmt.Errorf("listen on %s: %w", c.String("addr"), err), 1}
			}
			hs := &http.Server{
				Handler:           srv.Handler(),
				ReadHeaderTimeout: 5 * time.Second,
				ReadTimeout:       10 * time.Second,
				WriteTimeout:      c.Duration("timeout") + 5*time.Second,
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    32 << 10,
				ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
			}
			served := make(chan error, 1)
			go func() { served <- hs.Serve(ln) }()
			url := "http://" + ln.Addr().String() + "/"
			defer noteServing(ix.Path(), strings.TrimSuffix(url, "/"))()
			log.Info("serving", "url", url, "index", ix.Path())

			if c.NArg() > 0 {
				if err := indexWhileServing(c, ix, srv, log, getenv); err != nil {
					shutdown(hs, log)
					return err
				}
			}
			// Number the facet values now, so that no search counts them
			// from doc values (about 0.1 s on AllSides; see
			// index.FacetValues). Searches count them either way.
			started := time.Now()
			if err := ix.PrepareFacets(); err != nil {
				log.Error("number facet values", "err", err)
			} else {
				log.Info("facet values numbered", "elapsed", time.Since(started).Round(time.Millisecond).String())
			}
			// After indexing any PATHs: they are analysed with the aliases
			// given, and the index records those.
			if note, err := aliasesNote(ix); err != nil {
				log.Error("read the aliases the index was built with", "err", err)
			} else if note != "" {
				log.Warn(note)
			}
			srv.SetIndex(ix)
			log.Info("ready", "url", url)
			fmt.Fprintf(stderr, "Parley is ready: open %s in your browser (Ctrl-C stops it)\n", url)
			if c.Bool("compact") {
				ctx, cancel := context.WithCancel(c.Context)
				compacted := make(chan struct{})
				go func() { defer close(compacted); compactWhileServing(ctx, ix, log) }()
				defer func() { cancel(); <-compacted }() // before the index closes
			}

			select {
			case err := <-served:
				return fmt.Errorf("serve %s: %w", url, err)
			case <-c.Context.Done():
			}
			log.Info("stopping: letting requests in flight finish")
			shutdown(hs, log)
			return nil
		},
	}
}

// indexWhileServing brings the index up to date with the command's PATHs,
// logging progress, while the server answers 503 for searches.
func indexWhileServing(c *cli.Context, ix *index.Index, srv *web.Server, log *slog.Logger, getenv env) error {
	defer tuneGCForIndexing(getenv)()
	log.Info("indexing", "paths", c.Args().Slice())
	shown := 0
	last := time.Now()
	sum, err := ix.Update(c.Context, c.Args().Slice(), index.UpdateOptions{
		Prune: c.Bool("prune"),
		Problem: func(p corpus.Problem) {
			if shown++; shown <= maxProblemsShown {
				log.Warn("input problem", "severity", p.Severity.String(), "problem", clean(p.Error()))
			}
		},
		Progress: func(p index.Progress) {
			srv.SetProgress(p)
			if time.Since(last) >= 5*time.Second {
				last = time.Now()
				log.Info("indexing", "files", p.FilesDone, "of", p.Files, "articles", p.Written, "elapsed", p.Elapsed.Round(time.Second).String())
			}
		},
	})
	if shown > maxProblemsShown {
		log.Warn("more input problems", "count", shown-maxProblemsShown)
	}
	log.Info("indexed", "summary", summaryLine(sum, ix.Path()))
	if err != nil {
		if c.Context.Err() != nil {
			return errors.New("interrupted while indexing; everything written so far is kept, and running the same command again completes it")
		}
		return err
	}
	if sum.Failed > 0 {
		log.Warn("some input failed; the rest is indexed and served", "failed", sum.Failed)
	}
	return nil
}

// keepAThreadForTheNetwork lets Go run one goroutine more at once than
// there are CPUs (or than GOMAXPROCS said), and returns how many searches
// may run at once: as many as there were. Busy searches otherwise hold
// every thread, and Go looks for requests that have arrived on the
// network only every 10 ms or so and then takes them in a batch, not in
// order: on AllSides (32 connections, cache off, 2 CPUs) the p99 was
// 79-90 ms, with half the time spent before the handler or after it; with
// a thread to spare, the requests wait in turn, in order, and the p99
// was 44-57 ms at the same throughput.
func keepAThreadForTheNetwork() (searches int) {
	searches = runtime.GOMAXPROCS(0)
	runtime.GOMAXPROCS(searches + 1)
	return searches
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile %s: %w", path, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// compactAbove is how many segments an index may have before parley serve
// compacts it. Every search looks its words up in every segment: on
// AllSides with quotations, 60 segments served 584 searches a second and
// one segment 993 (32 connections, result cache off). A few segments cost
// little, and compacting rewrites the whole index, so an index that
// updates have added a few small segments to is left as it is.
const compactAbove = 10

// compactWhileServing merges the index into a few segments when it has more
// than compactAbove, while searches go on.
func compactWhileServing(ctx context.Context, ix *index.Index, log *slog.Logger) {
	n, err := ix.Segments()
	if err != nil {
		log.Error("count segments", "err", err)
		return
	}
	if n <= compactAbove {
		return
	}
	log.Info("compacting the index in the background; searches go on", "segments", n)
	done, err := ix.Compact(ctx)
	switch {
	case ctx.Err() != nil:
		log.Info("compacting stopped", "segments", n)
	case err != nil:
		log.Error("compact", "err", err)
	default:
		log.Info("compacted", "segments", done.Before, "now", done.After, "elapsed", done.Elapsed.Round(100*time.Millisecond).String())
	}
}

func shutdown(hs *http.Server, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		log.Error("shutdown", "err", err)
	}
}

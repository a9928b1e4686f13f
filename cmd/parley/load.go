package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"
)

// loadCommand is `parley bench load`: searches per second and latency of
// a running `parley serve`, from many connections at once.
func loadCommand(stdout io.Writer, getenv env) *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "measure a running parley serve: searches per second and latency under concurrent load",
		ArgsUsage: "QUERIES",
		Description: `Sends GET /api/search for the queries of QUERIES (one a line, # for
comments), round robin, from --conns connections at once for --duration,
after --warmup, and prints searches per second and latency (median, p90,
p99, max, in milliseconds). Every connection waits for its answer before
asking again, so the rate is what the server sustains at that
concurrency. This program runs on the same machine and shares its CPUs:
say so beside the figures.`,
		Flags: []cli.Flag{
			serverFlag(),
			&cli.IntFlag{Name: "conns", Value: 32, Usage: "concurrent connections"},
			&cli.DurationFlag{Name: "duration", Value: 20 * time.Second, Usage: "how long to measure"},
			&cli.DurationFlag{Name: "warmup", Value: 2 * time.Second, Usage: "load to send, unmeasured, before measuring"},
			&cli.IntFlag{Name: "limit", Value: 10, Usage: "hits per search"},
			&cli.BoolFlag{Name: "facets", Usage: "ask for facets with every search"},
			&cli.BoolFlag{Name: "pages", Usage: "ask for pages 1 to 5 in turn, so that fewer answers repeat"},
		},
		Action: func(c *cli.Context) error {
			if err := flagsAfterArgs(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return exitError{errors.New("give a query file, as in parley bench load --server http://127.0.0.1:8080 queries.txt"), 2}
			}
			server := getenv("PARLEY_SERVER")
			if c.IsSet("server") {
				server = c.String("server")
			}
			if server == "" {
				return exitError{errors.New("--server URL: which parley serve to load, such as http://127.0.0.1:8080"), 2}
			}
			if c.Int("conns") < 1 || c.Int("limit") < 1 || c.Duration("duration") <= 0 {
				return exitError{errors.New("--conns, --limit and --duration must be positive"), 2}
			}
			queries, err := readQueries(c.Args().First())
			if err != nil {
				return err
			}
			urls, err := loadURLs(server, queries, c.Int("limit"), c.Bool("facets"), c.Bool("pages"))
			if err != nil {
				return exitError{err, 2}
			}
			gen := loadGen{urls: urls, conns: c.Int("conns")}
			if w := c.Duration("warmup"); w > 0 {
				if _, err := gen.run(c.Context, w); err != nil {
					return err
				}
			}
			r, err := gen.run(c.Context, c.Duration("duration"))
			if err != nil {
				return err
			}
			r.write(stdout, c.Int("conns"))
			if r.failed > 0 {
				return exitError{fmt.Errorf("%d of %d searches failed (first: %s)", r.failed, r.failed+len(r.ms), r.firstFailure), 1}
			}
			return nil
		},
	}
}

// loadURLs writes the search URL of every query (and page).
func loadURLs(server string, queries []string, limit int, facets, pages bool) ([]string, error) {
	base, err := url.Parse(strings.TrimRight(server, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("--server %q: want a URL such as http://127.0.0.1:8080", server)
	}
	last := 1
	if pages {
		last = 5
	}
	var urls []string
	for page := 1; page <= last; page++ {
		for _, q := range queries {
			v := url.Values{"q": {q}, "limit": {strconv.Itoa(limit)}}
			if page > 1 {
				v.Set("page", strconv.Itoa(page))
			}
			if facets {
				v.Set("facets", "true")
			}
			u := *base
			u.Path += "/api/search"
			u.RawQuery = v.Encode()
			urls = append(urls, u.String())
		}
	}
	return urls, nil
}

// loadGen sends searches from a number of connections, each asking again
// as soon as it has its answer (a closed loop).
type loadGen struct {
	urls  []string
	conns int
}

// loadResult is what one run measured.
type loadResult struct {
	elapsed      time.Duration
	ms           []float64 // latency of each search that succeeded, sorted
	failed       int
	firstFailure string
}

func (g loadGen) run(ctx context.Context, d time.Duration) (loadResult, error) {
	tr := &http.Transport{MaxIdleConns: g.conns, MaxIdleConnsPerHost: g.conns, MaxConnsPerHost: g.conns, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()

	type worker struct {
		ms           []float64
		failed       int
		firstFailure string
	}
	workers := make([]worker, g.conns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		wg.Add(1)
		go func(w *worker, next int) {
			defer wg.Done()
			for ctx.Err() == nil {
				u := g.urls[next%len(g.urls)]
				next++
				t := time.Now()
				err := fetch(ctx, client, u)
				if ctx.Err() != nil {
					return // cut off by the end of the run: not counted
				}
				if err != nil {
					if w.failed++; w.firstFailure == "" {
						w.firstFailure = err.Error()
					}
					continue
				}
				w.ms = append(w.ms, float64(time.Since(t).Microseconds())/1000)
			}
		}(&workers[i], i*len(g.urls)/g.conns)
	}
	wg.Wait()
	r := loadResult{elapsed: time.Since(start)}
	for _, w := range workers {
		r.ms = append(r.ms, w.ms...)
		r.failed += w.failed
		if r.firstFailure == "" {
			r.firstFailure = w.firstFailure
		}
	}
	if err := context.Cause(ctx); ctx.Err() != nil && !errors.Is(err, context.DeadlineExceeded) {
		return r, err // interrupted
	}
	slices.Sort(r.ms)
	return r, nil
}

// fetch asks for one search and reads the whole answer, so that the
// connection is used again.
func fetch(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", u, resp.Status)
	}
	return nil
}

func (r loadResult) write(w io.Writer, conns int) {
	fmt.Fprintf(w, "connections: %d  searches: %d  failed: %d  seconds: %.1f  (load generator on this machine's %d CPUs too)\n",
		conns, len(r.ms), r.failed, r.elapsed.Seconds(), runtime.NumCPU())
	if len(r.ms) == 0 {
		return
	}
	fmt.Fprintf(w, "searches_per_s: %.0f  median_ms: %.2f  p90_ms: %.2f  p99_ms: %.2f  max_ms: %.2f\n",
		float64(len(r.ms))/r.elapsed.Seconds(), median(r.ms), quantile(r.ms, 0.90), quantile(r.ms, 0.99), r.ms[len(r.ms)-1])
}

// quantile is the q-th quantile of sorted values, nearest rank.
func quantile(sorted []float64, q float64) float64 {
	i := int(float64(len(sorted))*q+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var loadLine = regexp.MustCompile(`connections: (\d+)  searches: (\d+)  failed: (\d+)`)

// parley bench load measures a server from several connections, and says
// when searches fail.
func TestBenchLoad(t *testing.T) {
	_, url := serveDemo(t)
	queries := filepath.Join(t.TempDir(), "queries.txt")
	if err := os.WriteFile(queries, []byte("# demo\nceasefire\n\"foreign minister\"\nKelmarin talks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, nil, "bench", "load", "--server", url, "--conns", "4", "--duration", "500ms", "--warmup", "100ms", "--pages", queries)
	m := loadLine.FindStringSubmatch(out)
	if m == nil || m[1] != "4" || m[3] != "0" {
		t.Fatalf("output:\n%s\nwant 4 connections and no failures", out)
	}
	if n, _ := strconv.Atoi(m[2]); n < 4 {
		t.Errorf("only %d searches in half a second:\n%s", n, out)
	}
	if !regexp.MustCompile(`searches_per_s: \d+  median_ms: [\d.]+  p90_ms: [\d.]+  p99_ms: [\d.]+  max_ms: [\d.]+`).MatchString(out) {
		t.Errorf("no rate and latency line:\n%s", out)
	}

	// A malformed query is refused by the server: every search fails.
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("\"unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := parley(t, nil, "bench", "load", "--server", url, "--conns", "2", "--duration", "200ms", "--warmup", "0s", bad)
	if exitCode(err) != 1 || !regexp.MustCompile(`\d+ of \d+ searches failed \(first: .*400 Bad Request\)`).MatchString(errText(err)) {
		t.Errorf("bad queries: exit %d, error %v", exitCode(err), err)
	}
	if _, _, err := parley(t, nil, "bench", "load", "--conns", "2", queries); exitCode(err) != 2 {
		t.Errorf("no --server: exit %d, want 2", exitCode(err))
	}
}

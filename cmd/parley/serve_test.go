package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// lockedBuffer is the stderr a running command writes while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// parley serve indexes what it is given, prints the URL to open, and
// while it runs a local command on its index is told that URL.
func TestServeOwnsTheIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	env := map[string]string{"PARLEY_INDEX": dir}
	getenv := func(k string) string { return env[k] }
	ctx, stop := context.WithCancel(context.Background())
	var stdout bytes.Buffer
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- newApp(&stdout, stderr, getenv).RunContext(ctx, []string{"parley", "serve", "--addr", "127.0.0.1:0", filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo")})
	}()
	ready := regexp.MustCompile(`Parley is ready: open (http://127\.0\.0\.1:[0-9]+)/ in your browser`)
	var url string
	for deadline := time.Now().Add(60 * time.Second); url == ""; time.Sleep(50 * time.Millisecond) {
		if m := ready.FindStringSubmatch(stderr.String()); m != nil {
			url = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, stderr)
		default:
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("serve is not ready after a minute:\n%s", stderr)
		}
	}

	_, _, err := parley(t, env, "search", "Kelmarin")
	if err == nil || !strings.Contains(err.Error(), "parley serve is serving it at "+url) || !strings.Contains(err.Error(), "--server "+url) {
		t.Errorf("search while serve owns the index: %v, want the server's URL", err)
	}
	if out := mustCLI(t, env, "search", "--server", url, "Kelmarin"); !strings.Contains(out, "Kelmarin") {
		t.Errorf("search --server %s: %q", url, out)
	}
	// The commands that write the index cannot ask the server: they are
	// told to stop it.
	for _, args := range [][]string{{"index", filepath.Join(corpustest.ModuleRoot(t), "corpus", "demo", "wire.jsonl")}, {"compact"}} {
		_, _, err := parley(t, env, args...)
		if got := errText(err); !strings.Contains(got, "serving it at "+url) || !strings.Contains(got, "stop the server first") || strings.Contains(got, "--server") {
			t.Errorf("parley %s while serve owns the index: got %q, want the URL and to stop the server, not --server", args[0], got)
		}
	}

	stop()
	if err := <-done; err != nil {
		t.Fatalf("serve after Ctrl-C: %v", err)
	}
	if _, err := os.Stat(servingFile(dir)); !os.IsNotExist(err) {
		t.Errorf("serve left its address behind: %v", err)
	}
	if out := mustCLI(t, env, "search", "Kelmarin"); !strings.Contains(out, "Kelmarin") {
		t.Errorf("search after serve stopped: %q", out)
	}
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// An index built with aliases tells a read command that lacks them, once,
// on stderr, how it was built: without the demo's aliases.yaml,
// person:"Sevda Oryen" finds nothing, and nothing else says why.
func TestReadWithoutTheIndexAliases(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	demo := filepath.Join(root, "corpus", "demo")
	aliases := filepath.Join(demo, "aliases.yaml")
	dir := filepath.Join(t.TempDir(), "index")
	built := map[string]string{"PARLEY_INDEX": dir, "NO_COLOR": "1", "PARLEY_ALIASES": aliases}
	if _, errOut, err := parley(t, built, "index", demo); err != nil {
		t.Fatal(err, errOut)
	}
	changed := filepath.Join(t.TempDir(), "aliases.yaml")
	data, err := os.ReadFile(aliases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, append(data, "- {name: Quillon Varro, type: person}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	const hint = "warning: this index was built with aliases from "
	tests := []struct {
		name    string
		aliases string // "" for none
		args    []string
		want    string // in stderr, once; "" for no warning
	}{
		{"the same aliases", aliases, []string{"search", `person:"Sevda Oryen"`}, ""},
		{"no aliases, search", "", []string{"search", `person:"Sevda Oryen"`}, hint + aliases + "; pass --aliases " + aliases + " (or set PARLEY_ALIASES) for the same names"},
		{"no aliases, quotes", "", []string{"quotes", "ceasefire"}, hint + aliases},
		{"no aliases, stats", "", []string{"stats"}, hint + aliases},
		{"other aliases", changed, []string{"who", "We will not leave"}, hint + aliases},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"PARLEY_INDEX": dir, "NO_COLOR": "1", "PARLEY_ALIASES": tt.aliases}
			_, errOut, _ := parley(t, env, tt.args...)
			switch {
			case tt.want == "" && strings.Contains(errOut, "warning"):
				t.Errorf("got %q on stderr, want no warning", errOut)
			case tt.want != "" && strings.Count(errOut, hint) != 1:
				t.Errorf("got %q on stderr, want one warning", errOut)
			case tt.want != "" && !strings.Contains(errOut, tt.want):
				t.Errorf("got %q on stderr, want %q", errOut, tt.want)
			}
		})
	}
}

// parley serve logs the same, once, when it serves an index built with
// aliases it was not given.
func TestServeWithoutTheIndexAliases(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	demo := filepath.Join(root, "corpus", "demo")
	aliases := filepath.Join(demo, "aliases.yaml")
	dir := filepath.Join(t.TempDir(), "index")
	if _, errOut, err := parley(t, map[string]string{"PARLEY_INDEX": dir, "PARLEY_ALIASES": aliases}, "index", filepath.Join(demo, "wire.jsonl")); err != nil {
		t.Fatal(err, errOut)
	}
	env := map[string]string{"PARLEY_INDEX": dir}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- newApp(&lockedBuffer{}, stderr, func(k string) string { return env[k] }).RunContext(ctx, []string{"parley", "serve", "--compact=false", "--addr", "127.0.0.1:0"})
	}()
	ready := regexp.MustCompile(`Parley is ready`)
	for deadline := time.Now().Add(30 * time.Second); !ready.MatchString(stderr.String()); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve is not ready:\n%s", stderr)
		}
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(stderr.String(), "this index was built with aliases from "+aliases); got != 1 {
		t.Errorf("got the warning %d times in the log, want once:\n%s", got, stderr)
	}
}

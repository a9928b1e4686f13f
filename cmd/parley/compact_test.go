package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// parley compact changes how the index is stored, not what searches find.
func TestCompactKeepsAnswers(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	env := map[string]string{"PARLEY_INDEX": filepath.Join(t.TempDir(), "index"), "NO_COLOR": "1"}
	for _, part := range []string{"articles", "regional.csv", "wire.jsonl"} {
		mustCLI(t, env, "index", "--quiet", filepath.Join(root, "corpus", "demo", part))
	}
	searches := [][]string{{"search", "--json", "--facets", "ceasefire Kelmarin"}, {"search", `"we will not"`}, {"stats"}}
	// Timings differ from run to run.
	timing := regexp.MustCompile(`"took_ms": [0-9.]+|[0-9.]+(µs|ms)\)`)
	var before []string
	for _, s := range searches {
		before = append(before, timing.ReplaceAllString(mustCLI(t, env, s...), "TIME"))
	}
	_, errOut, err := parley(t, env, "compact")
	if err != nil || !strings.Contains(errOut, "segments -> 1 in") {
		t.Fatalf("parley compact: %v, %q", err, errOut)
	}
	for i, s := range searches {
		if got := timing.ReplaceAllString(mustCLI(t, env, s...), "TIME"); got != before[i] {
			t.Errorf("parley %s after compacting:\n%s\nwant:\n%s", strings.Join(s, " "), got, before[i])
		}
	}
}

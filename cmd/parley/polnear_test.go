package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// TestPolNeARQuotes scores `parley extract --json` on the PolNeAR dev
// articles with the evaluation's own scorer, as the README reports it, and
// holds the bars of the quotes issue: quote F1 at least 0.95, speaker
// recall at least 0.85, attributed precision at least 0.92. It needs
// python3 for the scorer; in CI a missing python3 fails the test.
func TestPolNeARQuotes(t *testing.T) {
	text := corpustest.Shared(t, "eval/polnear/dev/text")
	gold := corpustest.Shared(t, "eval/polnear/attributions-dev.jsonl")
	scorer := corpustest.Shared(t, "eval/quote_eval.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		corpustest.Missing(t, "python3 not found; the quote scorer needs it")
	}

	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, []byte(mustCLI(t, nil, "extract", "--json", text)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, scorer, gold, pred).CombinedOutput()
	if err != nil {
		t.Fatalf("quote_eval.py: %v\n%s", err, out)
	}
	t.Logf("quote_eval.py on PolNeAR dev:\n%s", out)

	figure := func(name string) float64 {
		m := regexp.MustCompile(`(?m)^` + name + `: ([0-9.]+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("quote_eval.py printed no %s:\n%s", name, out)
		}
		v, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if m := regexp.MustCompile(`(?m)^docs_missing_from_pred: ([0-9]+)`).FindSubmatch(out); m == nil || string(m[1]) != "0" {
		t.Errorf("some dev articles have no line in the output:\n%s", out)
	}
	for _, bar := range []struct {
		name string
		min  float64
	}{{"quote_f1", 0.95}, {"speaker_recall", 0.85}, {"attributed_precision", 0.92}} {
		if got := figure(bar.name); got < bar.min {
			t.Errorf("%s %.3f, below the bar of %.2f", bar.name, got, bar.min)
		}
	}
}

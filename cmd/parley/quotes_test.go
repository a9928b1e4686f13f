package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/query"
)

// TestQuotesDemo checks `parley quotes` on the demo corpus, byte for byte,
// and that its JSON and CSV agree with what they describe.
func TestQuotesDemo(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	ix := filepath.Join(t.TempDir(), "index")
	env := map[string]string{"PARLEY_INDEX": ix, "NO_COLOR": "1", "PARLEY_ALIASES": filepath.Join(root, "corpus", "demo", "aliases.yaml")}
	replace := map[string]string{root: "$ROOT", ix: "$INDEX"}
	if _, errOut, err := parley(t, env, "index", filepath.Join(root, "corpus", "demo")); err != nil {
		t.Fatal(err, errOut)
	}
	golden(t, "quotes.golden", mustCLI(t, env, "quotes", "--speaker", "Aleksandr Kelmarin", "--explain", "--facets", "-n", "3"), replace)
	golden(t, "quotes-words.golden", mustCLI(t, env, "quotes", "--min-confidence", "0.8", "--from", "2020-10", "--to", "2020-11", "ceasefire"), replace)
	golden(t, "quotes.json.golden", mustCLI(t, env, "quotes", "--json", "-n", "2", `"will not"`), replace)
	golden(t, "quotes.csv.golden", mustCLI(t, env, "quotes", "--csv", "-n", "4", `speaker:"Ana Vesk"`), replace)

	var res query.QuoteResults
	if err := json.Unmarshal([]byte(mustCLI(t, env, "quotes", "--json", "--speaker", "Kelmarin", "-n", "100")), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal("no quotations by Kelmarin")
	}
	for _, h := range res.Hits {
		if h.Speaker != "Alexander Kelmarin" {
			t.Errorf("--speaker Kelmarin: quotation %s is by %q", h.ID, h.Speaker)
		}
	}
	// The offsets are where the quotation stands in its article: in the
	// file itself for plain text (an export's are into the record's text).
	var all query.QuoteResults
	if err := json.Unmarshal([]byte(mustCLI(t, env, "quotes", "--json", "-n", "1000")), &all); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, h := range all.Hits {
		if !strings.HasSuffix(h.Article.Path, ".txt") {
			continue
		}
		text, err := os.ReadFile(h.Article.Path)
		if err != nil {
			t.Fatal(err)
		}
		if h.Start < 0 || h.End > len(text) || string(text[h.Start:h.End]) != h.Quote {
			t.Errorf("quotation %s: %s bytes %d-%d do not hold %q", h.ID, h.Article.Path, h.Start, h.End, h.Quote)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no quotation from a plain text article to check the offsets of")
	}
	rows, err := csv.NewReader(strings.NewReader(mustCLI(t, env, "quotes", "--csv", "Kelmarin"))).ReadAll()
	if err != nil || len(rows) < 1 || strings.Join(rows[0], ",") != strings.Join(query.QuoteCSVHeader, ",") {
		t.Errorf("CSV: %v, %v", err, rows)
	}
	if _, _, err := parley(t, env, "quotes", "--min-confidence", "2"); err == nil {
		t.Error("--min-confidence 2: no error")
	}
	if _, _, err := parley(t, env, "quotes", "title:x"); err == nil {
		t.Error("quotes title:x: no error for a field quotations lack")
	}
}

package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
)

func embedded(t *testing.T) *Extractor {
	t.Helper()
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return New(g)
}

// analyzeAll reads and analyses every article under path.
func analyzeAll(t *testing.T, x *Extractor, path string) map[string]*Analysis {
	t.Helper()
	files, problems := corpus.FindFiles([]string{path})
	for _, p := range problems {
		t.Fatalf("problem: %v", p)
	}
	out := map[string]*Analysis{}
	r := corpus.NewReader(corpus.Options{})
	for _, f := range files {
		r.Read(f, func(a *corpus.Article) error {
			out[filepath.Base(a.From.Path)+"#"+a.From.Key] = x.Analyze(a)
			return nil
		}, func(p corpus.Problem) { t.Errorf("problem: %v", p) })
	}
	return out
}

// seedEval reads the evaluation of the seeds' entities.
func seedEval(t *testing.T) (eval struct {
	AliasGroups   [][]string          `json:"alias_groups"`
	PersonsByFile map[string][]string `json:"persons_by_file"`
}) {
	t.Helper()
	data, err := os.ReadFile(corpustest.Shared(t, "eval/seeds-entities.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &eval); err != nil {
		t.Fatal(err)
	}
	return eval
}

// TestSeedEntities checks the seeds against the evaluation: every person
// found under its canonical name, nobody made of a demonym, a title or an
// organisation, and every mention's text at its offsets.
func TestSeedEntities(t *testing.T) {
	seeds := corpustest.Shared(t, "corpus/seeds")
	eval := seedEval(t)
	x := embedded(t)
	analyses := analyzeAll(t, x, seeds)
	for file, want := range eval.PersonsByFile {
		an := analyses[file+"#"]
		if an == nil {
			t.Fatalf("%s not read", file)
		}
		found := map[string]bool{}
		for _, m := range an.Entities {
			if an.Article.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v is not the text at its offsets", file, m)
			}
			if m.Type == entity.Person {
				found[m.Name] = true
				if notAPerson(x.Gazetteer(), m.Name) {
					t.Errorf("%s: %q is not a person", file, m.Name)
				}
			}
		}
		var missing []string
		for _, p := range want {
			if !found[p] {
				missing = append(missing, p)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: persons not found under their canonical names: %v (found %v)", file, missing, keys(found))
		}
		for p := range found {
			if !contains(want, p) {
				t.Errorf("%s: found a person the evaluation does not list: %q", file, p)
			}
		}
	}
}

// notAPerson reports whether a name is a demonym, a title, an
// organisation or a place rather than a person.
func notAPerson(g *entity.Gazetteer, name string) bool {
	for _, typ := range []string{entity.Org, entity.Place} {
		if _, ok := g.Lookup(name, typ); ok {
			return true
		}
	}
	for _, bad := range []string{"Russian", "Foreign Minister", "Kremlin", "President", "Azerbaijani", "Armenian"} {
		if strings.EqualFold(name, bad) {
			return true
		}
	}
	// Written alone in a sentence, a person's name reads as that one
	// person: a demonym or a place in it ("Russian Lavrov") reads as a
	// place, a title ("Minister Lavrov") is not part of the name.
	text := "Then " + name + " spoke."
	ms := g.Find(text, [][2]int{{0, len(text)}})
	return len(ms) != 1 || ms[0].Type != entity.Person || ms[0].Text != name
}

// TestSeedAliasGroups writes each alias group of the evaluation into a
// short text, its first spelling first, and checks that every spelling is
// named as one entity.
func TestSeedAliasGroups(t *testing.T) {
	eval := seedEval(t)
	g := embedded(t).Gazetteer()
	for _, group := range eval.AliasGroups {
		var b strings.Builder
		b.WriteString("Reports named " + group[0] + " first.")
		for _, spelling := range group[1:] {
			b.WriteString(" Then " + spelling + " said so.")
		}
		text := b.String()
		// The group's entity is what its first spelling names; an
		// organisation written with its country also names the place,
		// which is not part of the group.
		ms := g.Find(text, [][2]int{{0, len(text)}})
		if len(ms) == 0 {
			t.Errorf("alias group %v: nothing named", group)
			continue
		}
		first := ms[0]
		for _, m := range ms {
			if m.Text == group[0] {
				first = m
			}
		}
		names := map[string]bool{}
		var seen []string
		for _, m := range ms {
			if m.Type == first.Type {
				names[m.Name] = true
				seen = append(seen, m.Text+"→"+m.Name)
			}
		}
		if len(names) != 1 || len(seen) != len(group) {
			t.Errorf("alias group %v: named as %v", group, seen)
		}
	}
}

// TestSeedAliasGroupsInSeeds checks the alias groups on the seeds
// themselves: wherever an article writes one of a group's spellings, the
// mention there has the name every other spelling of the group has.
func TestSeedAliasGroupsInSeeds(t *testing.T) {
	eval := seedEval(t)
	analyses := analyzeAll(t, embedded(t), corpustest.Shared(t, "corpus/seeds"))
	for _, group := range eval.AliasGroups {
		names := map[string][]string{} // canonical name → the spellings that got it
		for file, an := range analyses {
			for _, m := range an.Entities {
				if contains(group, m.Text) {
					names[m.Name] = append(names[m.Name], file+":"+m.Text)
				}
			}
		}
		if len(names) == 0 {
			t.Errorf("alias group %v: no spelling found in the seeds", group)
		}
		if len(names) > 1 {
			t.Errorf("alias group %v: named as %v", group, names)
		}
	}
}

// TestSeedDates checks the seeds' publication dates against
// seeds/metadata.jsonl, with the precision its form gives (2019-04 is a
// month, 2020-10-20 a day), and that dates mentioned resolve against them.
func TestSeedDates(t *testing.T) {
	seeds := corpustest.Shared(t, "corpus/seeds")
	analyses := analyzeAll(t, embedded(t), seeds)
	data, err := os.ReadFile(filepath.Join(seeds, "metadata.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var meta struct {
			File      string `json:"file"`
			Published string `json:"published"`
		}
		if err := json.Unmarshal([]byte(line), &meta); err != nil {
			t.Fatalf("metadata.jsonl:%d: %v", n+1, err)
		}
		if meta.Published == "" {
			continue
		}
		precision := map[int]string{len("2006"): "year", len("2006-01"): "month", len("2006-01-02"): "day"}[len(meta.Published)]
		an := analyses[meta.File+"#"]
		if an == nil {
			t.Errorf("metadata.jsonl:%d: %s not read", n+1, meta.File)
			continue
		}
		p := an.Article.Published
		want := meta.Published + " " + precision + " metadata"
		if got := p.String() + " " + p.Precision.String() + " " + p.Method; got != want {
			t.Errorf("%s: published %s, want %s", meta.File, got, want)
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d seeds have a publication date in metadata.jsonl", checked)
	}
	got := map[string]string{}
	for _, d := range analyses["004_343405ef04f1da03.txt#"].Dates {
		got[d.Text] = d.Value
	}
	for text, value := range map[string]string{"October 14": "2020-10-14", "September 27": "2020-09-27", "October 17": "2020-10-17"} {
		if got[text] != value {
			t.Errorf("seed 004: %q resolved to %q, want %q", text, got[text], value)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

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

// TestSeedEntities checks the seeds against the evaluation: every person
// found under its canonical name, nobody made of a demonym, a title or an
// organisation, and every mention's text at its offsets.
func TestSeedEntities(t *testing.T) {
	seeds := corpustest.Shared(t, "corpus/seeds")
	var eval struct {
		AliasGroups   [][]string          `json:"alias_groups"`
		PersonsByFile map[string][]string `json:"persons_by_file"`
	}
	data, err := os.ReadFile(corpustest.Shared(t, "eval/seeds-entities.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &eval); err != nil {
		t.Fatal(err)
	}
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
	return false
}

// TestSeedAliasGroups writes each alias group of the evaluation into a
// short text, its first spelling first, and checks that every spelling is
// named as one entity.
func TestSeedAliasGroups(t *testing.T) {
	var eval struct {
		AliasGroups [][]string `json:"alias_groups"`
	}
	data, err := os.ReadFile(corpustest.Shared(t, "eval/seeds-entities.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &eval); err != nil {
		t.Fatal(err)
	}
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

// TestSeedDates checks the seeds' publication dates, with their precision
// and how they were found, and that dates mentioned resolve against them.
func TestSeedDates(t *testing.T) {
	analyses := analyzeAll(t, embedded(t), corpustest.Shared(t, "corpus/seeds"))
	for file, want := range map[string]string{
		"000_b0b5855b258448b0.txt": "2019-04 month metadata",
		"002_00435fa614c8a97f.txt": "2020-10 month metadata",
		"004_343405ef04f1da03.txt": "2020-10-20 day metadata",
	} {
		p := analyses[file+"#"].Article.Published
		if got := p.String() + " " + p.Precision.String() + " " + p.Method; got != want {
			t.Errorf("%s: published %s, want %s", file, got, want)
		}
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

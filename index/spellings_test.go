package index

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
)

// TestSpellings indexes names written in several ways (fictional
// outlets and people) and checks that a name is found however it is
// typed, in every way the index writes it, and that other names, even
// ones it begins or ends, are not.
func TestSpellings(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sources := []string{"Amsel Post", "amsel post", "AMSEL  POST", "Ämsel Post", "Amsel Postbote", "Die Amsel Post",
		"Zeitung", "Éclair du Soir", "eclair du soir", "Ёлка Вестник", "ёлка вестник", "9 Uhr Amsel",
		"Straße Blatt", "Strasse Blatt", "Jose\u0301 Marti Bote", "José Martí Bote", "Jose Marti Bote", "Stra Blatt"}
	people := []string{"Irena Valdoss", "Irena Valdöss", "IRENA VALDOSS", "Irena Valdoss-Marek"}
	w := ix.NewWriter(100, 1)
	for i, s := range sources {
		a := &corpus.Article{ID: fmt.Sprintf("a%d", i), Title: "Title", Text: "Text of the article.", Source: s,
			From: corpus.Provenance{Path: "spellings.jsonl", Line: i + 1, Record: i + 1}}
		an := &extract.Analysis{Article: a}
		if i < len(people) {
			an.Entities = []entity.Mention{{Type: entity.Person, Name: people[i], Text: people[i]}}
		}
		if err := w.Put(an, fmt.Sprint("hash", i), nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		field, value string
		want         []string
	}{
		{FieldSource, "amsel post", []string{"AMSEL  POST", "Amsel Post", "amsel post", "Ämsel Post"}},
		{FieldSource, "  Amsel   POST ", []string{"AMSEL  POST", "Amsel Post", "amsel post", "Ämsel Post"}},
		{FieldSource, "Ämsel Post", []string{"AMSEL  POST", "Amsel Post", "amsel post", "Ämsel Post"}},
		{FieldSource, "ECLAIR DU SOIR", []string{"eclair du soir", "Éclair du Soir"}},
		{FieldSource, "Ёлка вестник", []string{"ёлка вестник", "Ёлка Вестник"}},
		{FieldSource, "9 uhr amsel", []string{"9 Uhr Amsel"}},
		{FieldSource, "zeitung", []string{"Zeitung"}},
		{FieldSource, "strasse blatt", []string{"Straße Blatt", "Strasse Blatt"}},
		{FieldSource, "jose marti bote", []string{"José Martí Bote", "Jose Marti Bote"}},
		{FieldSource, "Amsel", nil},
		{FieldSource, "Post", nil},
		{FieldSource, "", nil},
		{FieldPerson, "irena valdoss", []string{"IRENA VALDOSS", "Irena Valdoss", "Irena Valdöss"}},
		{FieldPerson, "Amsel Post", nil}, // a source, not a person
		{FieldOrg, "Irena Valdoss", nil},
	} {
		got, err := ix.Spellings(c.field, c.value)
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Spellings(%s, %q) = %q, want %q", c.field, c.value, got, want)
		}
	}

	// Every value is found however any of its spellings is typed: the
	// automaton that picks the values to read leaves none out.
	for _, typed := range sources {
		var want []string
		for _, s := range sources {
			if FoldKey(s) == FoldKey(typed) {
				want = append(want, s)
			}
		}
		slices.Sort(want)
		got, err := ix.Spellings(FieldSource, typed)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Spellings(source, %q) = %q, want %q", typed, got, want)
		}
	}

	// A wildcard's automaton reads fewer values than all of them, and
	// leaves out none that match.
	for _, pattern := range []string{"a*", "amsel*", "*post", "*post*", "*u*", "e?lair*", "s*e blatt", "stra?e*",
		"j*", "jos? *", "9*", "ё*", "*вестник", "z*", "x*", "*", "?", "*amsel ?ost*", "* *"} {
		whole, err := ix.FoldedValues(FieldSource, func(f string) bool { return globMatch([]byte(pattern), f) }, 0)
		if err != nil {
			t.Fatal(err)
		}
		read, err := ix.WildcardValues(FieldSource, pattern, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(whole, read) {
			t.Errorf("source:%s: %q through its automaton, %q reading every value", pattern, read, whole)
		}
	}
	if got, _ := ix.WildcardValues(FieldSource, "*post", 0); !slices.Equal(got, []string{"AMSEL  POST", "Amsel Post", "Die Amsel Post", "amsel post", "Ämsel Post"}) {
		t.Errorf("source:*post: %q", got)
	}
	all, err := ix.FoldedValues(FieldSource, func(string) bool { return true }, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(sources) {
		t.Errorf("the whole dictionary lists %d sources, want %d: %q", len(all), len(sources), all)
	}
	if some, err := ix.FoldedValues(FieldSource, func(string) bool { return true }, 3); err != nil || len(some) != 4 {
		t.Errorf("with a limit of 3: %q, %v; want 4 values, to tell there are more", some, err)
	}
}

// TestOpenSchema6 checks that an index of schema 6, which also kept a
// folded copy of every name, opens for searching as it is, and that
// writing into it records schema 7, so that a Parley of schema 6, which
// would filter on copies the new articles lack, refuses it.
func TestOpenSchema6(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	setSchema := func(v string) {
		ix, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.bleve.SetInternal(schemaKey, []byte(v)); err != nil {
			t.Fatal(err)
		}
		ix.Close()
	}
	recorded := func() string {
		ix, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		v, err := ix.bleve.GetInternal(schemaKey)
		if err != nil {
			t.Fatal(err)
		}
		return string(v)
	}
	setSchema("6")
	if got := recorded(); got != "6" {
		t.Fatalf("opening a schema 6 index read-only recorded schema %s", got)
	}
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if got := recorded(); got != "7" {
		t.Errorf("opening a schema 6 index to write left schema %s recorded, want 7", got)
	}

	setSchema("4")
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "another version of Parley (schema 4") {
		t.Errorf("opening a schema 4 index: %v, want it refused", err)
	}
}

// TestGlobMatch checks the wildcard matcher against regular expressions,
// on words with letters of one and of several bytes.
func TestGlobMatch(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "aba", "ova", "petrova", "ivanova ova", "ёлка", "ёё", "éclair", "x*y", "abab"}
	patterns := []string{"", "*", "?", "a*", "*a", "a?c", "*ova", "*о*", "?лка", "??", "*b*b", "a*b*", "*?", "?*?", "x*y", "ab", "*ё"}
	for _, p := range patterns {
		var re strings.Builder
		re.WriteString("^")
		for _, r := range p {
			switch r {
			case '*':
				re.WriteString(".*")
			case '?':
				re.WriteString(".")
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re.WriteString("$")
		rx := regexp.MustCompile(re.String())
		for _, w := range words {
			if got, want := globMatch([]byte(p), w), rx.MatchString(w); got != want {
				t.Errorf("globMatch(%q, %q) = %v, want %v", p, w, got, want)
			}
		}
	}
}

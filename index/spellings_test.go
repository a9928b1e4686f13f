package index

import (
	"fmt"
	"path/filepath"
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
		"Zeitung", "Éclair du Soir", "eclair du soir", "Ёлка Вестник", "ёлка вестник", "9 Uhr Amsel"}
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

	// Reading the whole dictionary and reading only where a first letter
	// can be agree.
	r, err := ix.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	list := func(first string, match func(string) bool) []string {
		d := FoldedDict(r, FieldSource, first, match)
		defer d.Close()
		var out []string
		for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, e.Term)
		}
		slices.Sort(out)
		return out
	}
	for _, prefix := range []string{"a", "e", "ё", "9", "z", "x"} {
		match := func(f string) bool { return strings.HasPrefix(f, prefix) }
		whole, ranged := list("", match), list(prefix[:1], match)
		if !slices.Equal(whole, ranged) {
			t.Errorf("names beginning %q: %q in the whole dictionary, %q where they can begin", prefix, whole, ranged)
		}
	}
	if all := list("", func(string) bool { return true }); len(all) != len(sources) {
		t.Errorf("the whole dictionary lists %d sources, want %d: %q", len(all), len(sources), all)
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

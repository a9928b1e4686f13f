// Package entity finds the people, organisations and places an article
// names, each under one canonical name however the article spells it, with
// the words that name it and their byte offsets.
//
// It works from a gazetteer (known names and their spellings, demonyms,
// titles and roles, given names) and rules about capitalised names, titles
// and repeated surnames within an article. A missed name is better than a
// wrong one: an unknown capitalised word is only a person when a given name
// or a title says so, and a surname alone only stands for someone the
// article has already named in full.
package entity

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/parleysearch/parley/corpus"
)

// The types of entity.
const (
	Person = "person"
	Org    = "org"
	Place  = "place"
)

// Entry is one known person, organisation or place.
type Entry struct {
	Name    string   `json:"name" yaml:"name"`
	Type    string   `json:"type" yaml:"type"`
	Aliases []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	// Roles are a person's roles in the news's own words ("Foreign
	// Minister"), most important first.
	Roles []string `json:"roles,omitempty" yaml:"roles,omitempty"`
	// Affiliation is the place a person acts for; Country the place an
	// organisation or a place belongs to.
	Affiliation string `json:"affiliation,omitempty" yaml:"affiliation,omitempty"`
	Country     string `json:"country,omitempty" yaml:"country,omitempty"`
	// Kind refines the type: country, city… for places; ministry,
	// news_agency… for organisations.
	Kind string `json:"kind,omitempty" yaml:"kind,omitempty"`
	// From says where the entry came from: "built-in", or a user's file.
	From string `json:"from" yaml:"-"`
}

// Gazetteer holds the names Parley knows. Build it once (Embedded, then
// AddAliasFile for a user's own) and share it: it is read-only afterwards
// and safe for concurrent use.
type Gazetteer struct {
	entries []*Entry
	byAlias map[string][]*Entry // token key of every name and alias → entries
	byName  map[string]*Entry   // type + folded canonical name → entry
	// spellings holds, by token key, all that matching a name asks of
	// it, in one lookup.
	spellings map[string]*spellings
	titles    map[string]string // token key → title kind
	// aliasLens and titleLens list, for each first word of a name or
	// title, the numbers of words its names or titles have.
	aliasLens  *firstWords
	titleLens  *firstWords
	demonyms   map[string]*Entry // token key → place
	givenNames map[string]bool   // folded
	variantOf  map[string]string // folded name part → the first spelling of its group
	// facts holds, by folded word, what the maps above and the rules'
	// word sets say of it (see wordFacts).
	facts       map[string]int32 // the index of the word's facts in factList
	factList    []wordFacts      // the facts of no word first, at 0
	factsFilter wordFilter       // the words of facts, to turn most others away first
	// Fingerprint changes whenever the data changes, so that articles
	// analysed with other data are analysed again.
	fingerprint string
	// aliasFiles are the user's alias files added, in order.
	aliasFiles []AliasFile

	// finders keeps the finders of finished Find calls, with their
	// words, mentions and maps, for the next ones: an article has a
	// thousand words or so, and indexing reads tens of thousands of
	// articles.
	finders sync.Pool // of *finder

	variantsOnce sync.Once           // builds the two maps below, on first use
	variantGroup map[string]string   // folded word → its group
	groups       map[string][]string // group → its words
}

// Load builds a gazetteer from the files of data/ in fsys: people.tsv,
// places.tsv, orgs.tsv, demonyms.tsv, titles.tsv, given_names.txt and
// name_variants.tsv. Missing files are empty.
func Load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{
		byAlias:    map[string][]*Entry{},
		byName:     map[string]*Entry{},
		spellings:  map[string]*spellings{},
		titles:     map[string]string{},
		aliasLens:  newFirstWords(),
		titleLens:  newFirstWords(),
		demonyms:   map[string]*Entry{},
		givenNames: map[string]bool{},
		variantOf:  map[string]string{},
	}
	var print strings.Builder
	read := func(name string, fn func(cells []string) error) error {
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		print.Write(data)
		rows, err := readTSV(data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, r := range rows {
			if err := fn(r.cells); err != nil {
				return fmt.Errorf("%s:%d: %w", name, r.line, err)
			}
		}
		return nil
	}
	split := func(cell string) []string {
		var out []string
		for _, v := range strings.Split(cell, "|") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	cell := func(cells []string, i int) string {
		if i < len(cells) {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	if err := read("places.tsv", func(c []string) error {
		return g.add(&Entry{Name: cell(c, 0), Type: Place, Aliases: split(cell(c, 1)), Kind: cell(c, 2), Country: cell(c, 3), From: "built-in"})
	}); err != nil {
		return nil, err
	}
	if err := read("people.tsv", func(c []string) error {
		return g.add(&Entry{Name: cell(c, 0), Type: Person, Aliases: split(cell(c, 1)), Roles: split(cell(c, 2)), Affiliation: cell(c, 3), From: "built-in"})
	}); err != nil {
		return nil, err
	}
	if err := read("orgs.tsv", func(c []string) error {
		return g.add(&Entry{Name: cell(c, 0), Type: Org, Aliases: split(cell(c, 1)), Kind: cell(c, 2), Country: cell(c, 3), From: "built-in"})
	}); err != nil {
		return nil, err
	}
	if err := read("demonyms.tsv", func(c []string) error {
		place := g.byName[Place+"\x00"+corpus.Fold(cell(c, 1))]
		if place == nil {
			return fmt.Errorf("demonym %q: no place %q", cell(c, 0), cell(c, 1))
		}
		key := tokenKey(cell(c, 0))
		g.demonyms[key] = place
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("titles.tsv", func(c []string) error {
		key := tokenKey(cell(c, 0))
		g.titles[key] = cell(c, 1)
		g.titleLens.add(key)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("given_names.txt", func(c []string) error {
		g.givenNames[corpus.Fold(cell(c, 0))] = true
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("name_variants.tsv", func(c []string) error {
		group := split(cell(c, 0))
		for _, v := range group {
			g.variantOf[corpus.Fold(v)] = corpus.Fold(group[0])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	g.fingerprint = fingerprint(print.String())
	g.buildFacts()
	return g, nil
}

// add indexes an entry under its name and aliases. A later entry of the
// same type and name adds its aliases to the first.
func (g *Gazetteer) add(e *Entry) error {
	if e.Name == "" {
		return errors.New("an entry has no name")
	}
	switch e.Type {
	case Person, Org, Place:
	default:
		return fmt.Errorf("%s: unknown type %q (want person, org or place)", e.Name, e.Type)
	}
	nameKey := e.Type + "\x00" + corpus.Fold(e.Name)
	if old := g.byName[nameKey]; old != nil {
		old.Aliases = append(old.Aliases, e.Aliases...)
		old.Roles = append(old.Roles, e.Roles...)
		if e.Affiliation != "" {
			old.Affiliation = e.Affiliation
		}
		e = old
	} else {
		g.byName[nameKey] = e
		g.entries = append(g.entries, e)
	}
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		key := tokenKey(name)
		if key == "" {
			continue
		}
		if !containsEntry(g.byAlias[key], e) {
			g.byAlias[key] = append(g.byAlias[key], e)
		}
		sp := g.spellings[key]
		if sp == nil {
			sp = &spellings{}
			g.spellings[key] = sp
		}
		sp.entries = g.byAlias[key]
		if isAbbreviation(name) && !slices.Contains(sp.exactCase, name) {
			sp.exactCase = append(sp.exactCase, name)
		}
		if !slices.Contains(sp.written, name) {
			sp.written = append(sp.written, name)
			sp.capitals = append(sp.capitals, capitalWords(name))
		}
		g.aliasLens.add(key)
	}
	return nil
}

// spellings are the ways the data writes the names of one token key.
type spellings struct {
	entries []*Entry // byAlias of the key
	// written holds every spelling as the data writes it, for its
	// capitals: "Lebanese Forces" (a party) is not "Lebanese forces".
	written []string
	// capitals holds, beside each of written, which of its words are
	// capitalised: worked out once here, not at every match.
	capitals [][]bool
	// exactCase holds the spellings of an abbreviation (NATO, LeT), nil
	// for other names: an abbreviation matches only with its capitals, so
	// that "Let the monitors…" does not name Lashkar-e-Taiba.
	exactCase []string
}

// isAbbreviation reports whether a one-word name has capitals after its
// first letter (NATO, LeT, U.S.): such names are written one way.
func isAbbreviation(name string) bool {
	if strings.ContainsAny(name, " ") {
		return false
	}
	upper := 0
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			upper++
		}
	}
	return upper > 0
}

// addLen records that a key of its length starts with its first word.
func containsEntry(es []*Entry, e *Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// AddAliasFile adds a user's own names from a YAML or CSV file (by its
// extension). Each entry has a name, a type (person, org or place) and
// aliases, and may have roles and an affiliation (people) or a country;
// an entry whose name is already known adds its aliases to it.
//
//	CSV:  name,type,aliases,roles,affiliation   (aliases and roles separated by |)
//	YAML: - name: Sergey Lavrov
//	        type: person
//	        aliases: [Sergei Lavrov, Lavrov]
func (g *Gazetteer) AddAliasFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read aliases: %w", err)
	}
	// Whatever entries were added, even before an error, the facts of
	// their words must follow.
	defer g.buildFacts()
	var entries []*Entry
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return fmt.Errorf("read aliases %s: %w", path, err)
		}
	case ".csv":
		entries, err = readAliasCSV(data)
		if err != nil {
			return fmt.Errorf("read aliases %s: %w", path, err)
		}
	default:
		return fmt.Errorf("read aliases %s: want a .yaml, .yml or .csv file", path)
	}
	for i, e := range entries {
		if e == nil {
			continue
		}
		e.Type = strings.ToLower(strings.TrimSpace(e.Type))
		e.From = path
		if err := g.add(e); err != nil {
			return fmt.Errorf("read aliases %s: entry %d: %w", path, i+1, err)
		}
	}
	g.fingerprint = fingerprint(g.fingerprint + string(data))
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	g.aliasFiles = append(g.aliasFiles, AliasFile{Path: path, Fingerprint: fingerprint(string(data))})
	return nil
}

// AliasFile is a user's alias file a Gazetteer read: where it was, and a
// fingerprint of what it held then.
type AliasFile struct {
	Path        string `json:"path"` // absolute
	Fingerprint string `json:"fingerprint"`
}

// AliasFiles returns the alias files added with AddAliasFile, in the
// order they were added.
func (g *Gazetteer) AliasFiles() []AliasFile { return slices.Clone(g.aliasFiles) }

func readAliasCSV(data []byte) ([]*Entry, error) {
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["name"]; !ok {
		return nil, errors.New("the header needs a name column (name,type,aliases,roles,affiliation)")
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	list := func(s string) []string {
		var out []string
		for _, v := range strings.Split(s, "|") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	var out []*Entry
	for _, row := range rows[1:] {
		out = append(out, &Entry{Name: get(row, "name"), Type: get(row, "type"), Aliases: list(get(row, "aliases")),
			Roles: list(get(row, "roles")), Affiliation: get(row, "affiliation"), Country: get(row, "country")})
	}
	return out, nil
}

// Fingerprint identifies the gazetteer's data.
func (g *Gazetteer) Fingerprint() string { return g.fingerprint }

// Entries returns every entry, by type and name.
func (g *Gazetteer) Entries() []*Entry {
	out := append([]*Entry(nil), g.entries...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Lookup returns the entry a name or alias stands for, of the given type
// ("" for any). ok is false when the name is unknown or stands for more
// than one entry.
func (g *Gazetteer) Lookup(name, typ string) (*Entry, bool) {
	var found *Entry
	n := 0
	var key [64]byte // most names fit: the key is only looked up
	for _, e := range g.byAlias[string(appendNameKey(key[:0], name))] {
		if typ == "" || e.Type == typ {
			found = e
			n++
		}
	}
	if n != 1 {
		return nil, false
	}
	return found, true
}

// Canonical returns the canonical name for a name of the given type: the
// gazetteer's when it knows the name, otherwise the name as given with its
// first name in the first spelling of its transliterations, as Find names
// people it does not know.
func (g *Gazetteer) Canonical(name, typ string) string {
	if e, ok := g.Lookup(name, typ); ok {
		return e.Name
	}
	if !singleSpaced(name) {
		name = strings.Join(strings.Fields(name), " ")
	}
	if typ == Person {
		first, rest, _ := strings.Cut(name, " ")
		var fold [64]byte // most first names fit: the fold is only looked up
		if v, ok := g.variantOf[string(appendFold(fold[:0], first))]; ok && rest != "" {
			return strings.ToUpper(v[:1]) + v[1:] + " " + rest
		}
	}
	return name
}

// singleSpaced reports whether name is ASCII words separated by single
// spaces, which strings.Fields and strings.Join would give back as it is:
// most names Find passes Canonical (joinText), spared two allocations.
func singleSpaced(name string) bool {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == ' ':
			if i == 0 || i == len(name)-1 || name[i-1] == ' ' {
				return false
			}
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false // beyond ASCII, unicode.IsSpace may say yes: let Fields tell
		}
	}
	return true
}

// Spellings returns every way of writing the entry's name: its name and aliases.
func (e *Entry) Spellings() []string {
	return append([]string{e.Name}, e.Aliases...)
}

type tsvRow struct {
	line  int
	cells []string
}

// readTSV reads tab-separated rows after the header, skipping blank lines
// and # comments.
func readTSV(data []byte) ([]tsvRow, error) {
	var rows []tsvRow
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	header := true
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		rows = append(rows, tsvRow{n, strings.Split(line, "\t")})
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return nil, err
	}
	return rows, nil
}

func fingerprint(s string) string {
	// FNV-1a: the fingerprint only has to change when the data does.
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fmt.Sprintf("%016x", h)
}

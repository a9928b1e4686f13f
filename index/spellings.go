package index

import (
	"fmt"
	"slices"

	index "github.com/blevesearch/bleve_index_api"
)

// Names (sources, people, organisations, places, speakers) are indexed
// once, as written, in fields with doc values for facets. Filters match
// them regardless of case and accents (source:"le monde" is Le Monde),
// so they look up the ways a name is written in the field's dictionary:
// a folded copy of every name in fields of its own cost a fifth of what
// entities and dates add to indexing (see README, "Performance").

// Spellings returns the values of field that are value regardless of
// case, accents and spacing (FoldKey(v) == FoldKey(value)), in
// dictionary order; none when the index has no such value.
func (ix *Index) Spellings(field, value string) ([]string, error) {
	folded := FoldKey(value)
	if folded == "" {
		return nil, nil
	}
	r, err := ix.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d := FoldedDict(r, field, folded[:1], func(f string) bool { return f == folded })
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("look up %s %q: %w", field, value, err)
		}
		if e == nil {
			slices.Sort(out)
			return out, nil
		}
		out = append(out, e.Term)
	}
}

// FoldedDict lists the terms of field whose folded form (FoldKey)
// matches. first, when not empty, is the first byte of every folded form
// match accepts: the dictionary is then read only where terms folding to
// it can be, its upper and lower case and the letters outside ASCII
// (É folds to e), instead of from end to end.
func FoldedDict(r index.IndexReader, field, first string, match func(folded string) bool) index.FieldDict {
	d := &foldedDict{r: r, field: field, match: match}
	if first == "" {
		d.ranges = [][2][]byte{{nil, nil}}
		return d
	}
	d.ranges = [][2][]byte{
		{{0}, {' '}}, // white space FoldKey drops, and control bytes: never seen, but cheap to look
		{{utf8Start}, {0xff}},
	}
	if c := first[0]; c < utf8Start && c > ' ' {
		d.ranges = append(d.ranges, [2][]byte{{c}, {c}})
		if other := otherCase(c); other != c {
			d.ranges = append(d.ranges, [2][]byte{{other}, {other}})
		}
	}
	return d
}

// utf8Start is the first byte of every character outside ASCII.
const utf8Start = 0x80

func otherCase(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z':
		return c - 'a' + 'A'
	case 'A' <= c && c <= 'Z':
		return c - 'A' + 'a'
	}
	return c
}

// foldedDict reads the dictionary ranges of a field one after another,
// keeping the terms whose folded form matches.
type foldedDict struct {
	r      index.IndexReader
	field  string
	ranges [][2][]byte // inclusive; {nil, nil} is the whole dictionary
	match  func(string) bool
	cur    index.FieldDict
	err    error
}

func (d *foldedDict) Next() (*index.DictEntry, error) {
	for d.err == nil {
		if d.cur == nil {
			if len(d.ranges) == 0 {
				return nil, nil
			}
			from, to := d.ranges[0][0], d.ranges[0][1]
			d.ranges = d.ranges[1:]
			if from == nil {
				d.cur, d.err = d.r.FieldDict(d.field)
			} else {
				d.cur, d.err = d.r.FieldDictRange(d.field, from, to)
			}
			continue
		}
		e, err := d.cur.Next()
		if err != nil {
			d.err = err
			break
		}
		if e == nil {
			d.err = d.cur.Close()
			d.cur = nil
			continue
		}
		if d.match(FoldKey(e.Term)) {
			return e, nil
		}
	}
	return nil, d.err
}

func (d *foldedDict) Close() error {
	if d.cur != nil {
		return d.cur.Close()
	}
	return nil
}

func (d *foldedDict) BytesRead() uint64 { return 0 }

func (d *foldedDict) Cardinality() int { return 0 }

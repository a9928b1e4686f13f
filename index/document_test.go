package index

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
)

// parsedTerms is what mentionedTerms gives a value, worked out the slow
// way: the terms formatted from the date it parses as.
func parsedTerms(value string) []string {
	d, err := corpus.ParseDate(value)
	if err != nil || d.IsZero() {
		return nil
	}
	return formattedTerms(d)
}

// TestMentionedTermsAsFormatted checks the terms read off a date's
// prefixes, mostly without parsing it, against the terms formatted from
// the date it parses as.
func TestMentionedTermsAsFormatted(t *testing.T) {
	values := []string{"", "2020", "0999", "2020-10", "2020-1", "2020-13", "2020-02-29", "2021-02-29", "2020-10-10",
		"2020-10-10T14:05:00Z", "2020-10-1x", " 2020",
		// Days and months without a year (corpus/dates): no term, as
		// mentioned: names a day of the calendar.
		"--10-10", "--10", "--10-09/--10-10", "--12-30/--01-02", "2020/--10"}
	for y := 1800; y <= 2199; y += 7 {
		for m := 1; m <= 12; m++ {
			values = append(values, fmt.Sprintf("%04d", y), fmt.Sprintf("%04d-%02d", y, m))
			for d := 1; d <= 31; d += 3 {
				values = append(values, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	// Every day, and the malformed ones around them, of seven years (2000
	// and 2020 leap years, 1000 and 2100 not): most values are read
	// without parsing.
	for _, y := range []string{"1999", "2000", "2020", "2100", "0001", "0999", "1000"} {
		values = append(values, y)
		for m := 0; m <= 13; m++ {
			ym := fmt.Sprintf("%s-%02d", y, m)
			values = append(values, ym)
			for d := 0; d <= 32; d++ {
				values = append(values, fmt.Sprintf("%s-%02d", ym, d))
			}
		}
	}
	values = append(values, "2020-1-01", "2020-01-1", "2020/01/01", "20200101", "2020-0a", "２０２０", "+020", "2020-+1", "2020-01-+1")
	for _, v := range values {
		if got, want := mentionedTerms(v), parsedTerms(v); !slices.Equal(got, want) {
			t.Errorf("mentionedTerms(%q) = %q, want %q", v, got, want)
		}
	}
	for _, v := range []string{"--10-10", "--10", "--10-09/--10-10"} {
		if got := mentionedTerms(v); got != nil {
			t.Errorf("mentionedTerms(%q) = %q, want none", v, got)
		}
	}
}

func TestFoldKeyFastPath(t *testing.T) {
	slow := func(s string) string { return string(foldWord(nil, []byte(strings.Join(strings.Fields(s), " ")))) }
	for _, s := range []string{"", " ", "Le Monde", "le  monde", " Le Monde", "Le Monde ", "Le\tMonde", "Erdoğan", "NATO", "A", "Abu Bakr al-Baghdadi", "x\u00a0y"} {
		if got, want := FoldKey(s), slow(s); got != want {
			t.Errorf("FoldKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestArticleMetaJSON checks that an article's stored JSON, written by
// hand, is what encoding/json writes for the same values.
func TestArticleMetaJSON(t *testing.T) {
	for _, m := range []meta{
		{},
		{Parts: []corpus.Part{}},
		{Source: "Orvel Gazette", URL: "https://example.org/?a=1&b=<2>", Path: "/x/wire.jsonl", Line: 7, Record: 3, Key: "id w7",
			Authors: []string{"Tamsin Orlo", "Ana \"Vesk\""}, Language: "en", Published: "2020-10", DateMethod: "metadata",
			Parts: []corpus.Part{{Kind: corpus.TitleLine, Start: 0, End: 20}, {Kind: corpus.Body, Start: 22, End: 900},
				{Kind: corpus.Furniture, Start: 901, End: 950, Why: "related links"}},
			Extra: map[string]string{"z": "last", "a<b>": "first & \u2028", "": "empty key"}, Hash: "abc",
			Entities: []EntitySummary{{Type: "person", Name: "Tamsin Orlo", Mentions: 3, Spellings: []string{"Tamsin Orlo", "Orlo"},
				Roles: []string{"Foreign Minister"}}, {Type: "place", Name: "Orvel", Mentions: 1}, {Type: "org", Name: "x", Spellings: []string{}}},
			Quotes: []string{"10-42", "50-61"}},
		{Path: "bad \xff utf-8 \x00\x1f", Authors: []string{}, Extra: map[string]string{}, Entities: []EntitySummary{}, Quotes: []string{},
			Line: -1, Hash: "\u2029"},
	} {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.json(); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func FuzzArticleMetaJSON(f *testing.F) {
	f.Add("Orvel <Gazette>", "why & \u2028", "k", "\xff", 3, 9)
	f.Fuzz(func(t *testing.T, source, why, key, value string, start, end int) {
		m := meta{Source: source, Path: value, Line: start, Key: key, Authors: []string{source, value},
			Parts: []corpus.Part{{Kind: corpus.PartKind(key), Start: start, End: end, Why: why}},
			Extra: map[string]string{key: value, value: why}, Hash: why,
			Entities: []EntitySummary{{Type: key, Name: source, Mentions: end, Spellings: []string{why}, Roles: []string{value}}},
			Quotes:   []string{why}}
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.json(); string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// TestSummarize checks summarize against the plain way: one summary per
// type and name, in order of first mention, mentions counted, spellings
// and roles once each in order.
func TestSummarize(t *testing.T) {
	for _, distinct := range []int{1, 5, 40, 100} {
		var ms []entity.Mention
		for i := 0; i < 4*distinct; i++ {
			k := (i * 7) % distinct
			typ := []string{entity.Person, entity.Place}[k%2]
			ms = append(ms, entity.Mention{Type: typ, Name: fmt.Sprintf("Name %d", k/2), Text: fmt.Sprintf("spelling %d", i%3),
				Role: []string{"", "envoy", "minister"}[i%3]})
		}
		var want []EntitySummary
		for _, m := range ms {
			i := slices.IndexFunc(want, func(e EntitySummary) bool { return e.Type == m.Type && e.Name == m.Name })
			if i < 0 {
				i = len(want)
				want = append(want, EntitySummary{Type: m.Type, Name: m.Name})
			}
			want[i].Mentions++
			if !slices.Contains(want[i].Spellings, m.Text) {
				want[i].Spellings = append(want[i].Spellings, m.Text)
			}
			if m.Role != "" && !slices.Contains(want[i].Roles, m.Role) {
				want[i].Roles = append(want[i].Roles, m.Role)
			}
		}
		if got := summarize(ms); !reflect.DeepEqual(got, want) {
			t.Errorf("%d entities: got %+v\nwant %+v", distinct, got, want)
		}
	}
}

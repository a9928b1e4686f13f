package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// TestMentionedTermsAsFormatted checks the terms read off a date's
// prefixes against the terms formatted from the date it parses as.
func TestMentionedTermsAsFormatted(t *testing.T) {
	formatted := func(value string) []string {
		d, err := corpus.ParseDate(value)
		if err != nil || d.IsZero() {
			return nil
		}
		return formattedTerms(d)
	}
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
	for _, v := range values {
		if got, want := mentionedTerms(v), formatted(v); !slices.Equal(got, want) {
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

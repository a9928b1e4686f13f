package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleysearch/parley/query"
)

// TestWriteCountsAligns checks that the counts of a facet line up however
// long its values are, up to maxCountLabel characters; a value longer than
// that is cut with an ellipsis, so that one long name cannot push every
// count off the screen.
func TestWriteCountsAligns(t *testing.T) {
	long := "Meridian Forum for Security and Cooperation" // 43 characters
	tooLong := "The Joint Commission of the Trevanna Ceasefire Agreement on the Highland Line of Contact"
	tests := []struct {
		name   string
		values []string
		// want are the labels as printed, without their padding
		want []string
	}{
		{"short", []string{"Belvasta Times", "Ana Vesk"}, []string{"Belvasta Times", "Ana Vesk"}},
		{"over 40", []string{long, "Varkesh Self-Defence Army"}, []string{long, "Varkesh Self-Defence Army"}},
		{"over the bound", []string{tooLong, "Ana Vesk"}, []string{string([]rune(tooLong)[:maxCountLabel-1]) + "…", "Ana Vesk"}},
		{"empty", []string{"", "Ana Vesk"}, []string{"(none)", "Ana Vesk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values := make([]query.FacetValue, len(tt.values))
			for i, v := range tt.values {
				values[i] = query.FacetValue{Value: v, Count: 10 - i}
			}
			var buf bytes.Buffer
			writeCounts(&buf, style{}, "Organisations", values)
			lines := strings.Split(strings.TrimSpace(buf.String()), "\n")[1:]
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(tt.want), buf.String())
			}
			countAt := -1
			for i, line := range lines {
				// The count, right-aligned, is the first field after the
				// label's padding: where it ends is the column.
				rest := strings.TrimPrefix(line, "  "+tt.want[i])
				if rest == line {
					t.Errorf("line %q: got another label, want %q", line, tt.want[i])
					continue
				}
				rest = strings.TrimLeft(rest, " ")
				at := utf8.RuneCountInString(line) - utf8.RuneCountInString(rest) + len(strings.Fields(rest)[0])
				if countAt == -1 {
					countAt = at
				} else if at != countAt {
					t.Errorf("got the count of %q ending at column %d, want %d as above:\n%s", tt.want[i], at, countAt, buf.String())
				}
				if width := utf8.RuneCountInString(tt.want[i]); width > maxCountLabel {
					t.Errorf("label %q is %d characters, want at most %d", tt.want[i], width, maxCountLabel)
				}
			}
		})
	}
}

// TestResultsHeadline checks the agreement of the line above the results:
// "1 article matches", "2 articles match".
func TestResultsHeadline(t *testing.T) {
	tests := []struct {
		total uint64
		hits  int
		want  string
	}{
		{1, 1, "1 article matches ceasefire (showing 1–1"},
		{2, 2, "2 articles match ceasefire (showing 1–2"},
		{1, 0, "1 article matches ceasefire; page 2 is past the end."},
	}
	for _, tt := range tests {
		res := &query.Results{Query: "ceasefire", Total: tt.total, Page: 1, Limit: 10}
		if tt.hits == 0 {
			res.Page = 2
		}
		for range tt.hits {
			res.Hits = append(res.Hits, query.Hit{Title: "Talks resume"})
		}
		var buf bytes.Buffer
		writeResults(&buf, style{}, res, false)
		if got := strings.SplitN(buf.String(), "\n", 2)[0]; !strings.HasPrefix(got, tt.want) {
			t.Errorf("got %q, want it to start %q", got, tt.want)
		}
	}
}

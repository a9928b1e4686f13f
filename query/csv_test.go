package query

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/parleysearch/parley/index"
)

// TestQuotesCSVSpeakerOffsets checks that the quotes CSV carries the
// offsets of the words that name the speaker, as the JSON does, and
// leaves them empty when no words name one (0 would point at the text's
// first byte), and that the JSON has them exactly when words name the
// speaker, at the text's first byte too.
func TestQuotesCSVSpeakerOffsets(t *testing.T) {
	res := &QuoteResults{Hits: []QuoteHit{
		quoteHit(index.StoredQuote{ID: "q1", Text: "The quay stays shut", Speaker: "Ilkan Dervishov", SpeakerText: "Dervishov",
			SpeakerStart: 120, SpeakerEnd: 129, Start: 90, End: 109}),
		quoteHit(index.StoredQuote{ID: "q2", Text: "Nobody leaves the harbour", Start: 0, End: 25}),
		// Named by the text's first word: offset 0 is an offset, not "none".
		quoteHit(index.StoredQuote{ID: "q3", Text: "We hold the quay", Speaker: "Ilkan Dervishov", SpeakerText: "Dervishov",
			SpeakerStart: 0, SpeakerEnd: 9, Start: 16, End: 32}),
	}}
	var buf bytes.Buffer
	if err := WriteQuotesCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want a header and 3", len(rows))
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	tests := []struct {
		row                                  int
		start, end, speakerStart, speakerEnd string
	}{
		{1, "90", "109", "120", "129"},
		{2, "0", "25", "", ""},
		{3, "16", "32", "0", "9"},
	}
	for _, tt := range tests {
		get := func(name string) string {
			i, ok := col[name]
			if !ok {
				t.Fatalf("header %v has no %s column", rows[0], name)
			}
			return rows[tt.row][i]
		}
		got := [4]string{get("start"), get("end"), get("speaker_start"), get("speaker_end")}
		want := [4]string{tt.start, tt.end, tt.speakerStart, tt.speakerEnd}
		if got != want {
			t.Errorf("row %d: got start, end, speaker_start, speaker_end %q, want %q", tt.row, got, want)
		}
	}
	for _, h := range res.Hits {
		b, err := json.Marshal(h)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		_, hasStart := got["speaker_start"]
		_, hasEnd := got["speaker_end"]
		if named := h.SpeakerText != ""; hasStart != named || hasEnd != named {
			t.Errorf("%s: JSON %s: speaker_start and speaker_end present %v, %v; want %v", h.ID, b, hasStart, hasEnd, named)
		}
		if h.ID == "q3" && (got["speaker_start"] != 0.0 || got["speaker_end"] != 9.0) {
			t.Errorf("q3: JSON %s: want speaker_start 0, speaker_end 9", b)
		}
	}
}

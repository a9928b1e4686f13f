package query

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestQuotesCSVSpeakerOffsets checks that the quotes CSV carries the
// offsets of the words that name the speaker, as the JSON does, and
// leaves them empty when no words name one (0 would point at the text's
// first byte).
func TestQuotesCSVSpeakerOffsets(t *testing.T) {
	res := &QuoteResults{Hits: []QuoteHit{
		{ID: "q1", Quote: "The quay stays shut", Speaker: "Ilkan Dervishov", SpeakerText: "Dervishov",
			SpeakerStart: 120, SpeakerEnd: 129, Start: 90, End: 109},
		{ID: "q2", Quote: "Nobody leaves the harbour", Start: 0, End: 25},
	}}
	var buf bytes.Buffer
	if err := WriteQuotesCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want a header and 2", len(rows))
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
}

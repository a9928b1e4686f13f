package query

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the first row WriteCSV writes.
var CSVHeader = []string{"id", "title", "source", "published", "url", "path", "score", "snippet"}

// WriteCSV writes results as `parley search --csv` prints them and the web
// exports them: one row a hit, the snippet being the first body snippet
// without highlights. Text is cleaned of control characters, and cells a
// spreadsheet would run as a formula are quoted with '.
func WriteCSV(w io.Writer, res *Results) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	for _, h := range res.Hits {
		snippet := ""
		if len(h.Snippets.Body) > 0 {
			snippet = CleanText(h.Snippets.Body[0].Text)
		}
		path := h.Path
		if h.Line > 0 {
			path += ":" + strconv.Itoa(h.Line)
		}
		row := []string{h.ID, CleanText(h.Title), CleanText(h.Source), h.Published, CleanText(h.URL), path,
			strconv.FormatFloat(h.Score, 'f', 4, 64), snippet}
		for i, cell := range row {
			row[i] = spreadsheetSafe(cell)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe stops a spreadsheet from reading a cell as a formula
// (CSV injection): article text is data.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// QuoteCSVHeader is the first row WriteQuotesCSV writes. The speaker's
// offsets come last so that scripts reading the older columns by position
// still read them.
var QuoteCSVHeader = []string{"id", "quote", "speaker", "speaker_text", "cue", "kind", "confidence",
	"article", "title", "source", "published", "url", "start", "end", "speaker_start", "speaker_end"}

// WriteQuotesCSV writes quotation results as `parley quotes --csv` prints
// them, one row a quotation, as safely as WriteCSV.
func WriteQuotesCSV(w io.Writer, res *QuoteResults) error {
	cw := csv.NewWriter(w)
	cw.Write(QuoteCSVHeader)
	for _, h := range res.Hits {
		row := []string{h.ID, CleanText(h.Quote), CleanText(h.Speaker), CleanText(h.SpeakerText), CleanText(h.Cue), h.Kind,
			strconv.FormatFloat(h.Confidence, 'f', 3, 64), h.Article.ID, CleanText(h.Article.Title), CleanText(h.Article.Source),
			h.Article.Published, CleanText(h.Article.URL), strconv.Itoa(h.Start), strconv.Itoa(h.End), "", ""}
		// No words name the speaker: empty cells, as JSON's are absent;
		// 0 would point at the text's first byte.
		if h.SpeakerStart != nil && h.SpeakerEnd != nil {
			row[len(row)-2], row[len(row)-1] = strconv.Itoa(*h.SpeakerStart), strconv.Itoa(*h.SpeakerEnd)
		}
		for i, cell := range row {
			row[i] = spreadsheetSafe(cell)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

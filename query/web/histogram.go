package web

import (
	"time"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/query"
)

// histogram is a month histogram drawn as SVG: one bar a month, each a
// link that filters by its month.
type histogram struct {
	Width, Height int
	Bars          []histogramBar
	Labels        []histogramLabel
	Max           int
	Unknown       int // dated only to the year
	Undated       int
}

type histogramBar struct {
	X, Y, W, H int
	Month      string
	Count      int
	URL        string
	Active     bool
}

type histogramLabel struct {
	X    int
	Text string
}

// Sizes of the histogram, in SVG units: the drawing scales to the page.
const (
	plotHeight   = 80
	labelHeight  = 14
	plotWidth    = 640
	maxBarWidth  = 40
	minBarWidth  = 3
	barGapFactor = 5 // a gap is a fifth of a bar's width
)

// newHistogram draws months (every month in order, as query facets give
// them). link gives the search for one month; the months from..to (when
// they are one month) are marked active.
func newHistogram(months []query.FacetValue, unknown, undated int, from, to corpus.Date, link func(corpus.Date) string) *histogram {
	if len(months) == 0 {
		if unknown == 0 && undated == 0 {
			return nil
		}
		return &histogram{Unknown: unknown, Undated: undated}
	}
	h := &histogram{Height: plotHeight + labelHeight, Unknown: unknown, Undated: undated}
	for _, m := range months {
		h.Max = max(h.Max, m.Count)
	}
	w := min(maxBarWidth, max(minBarWidth, plotWidth/len(months)))
	gap := max(1, w/barGapFactor)
	h.Width = w * len(months)
	active := ""
	if from.Precision == corpus.Month && from.String() == to.String() {
		active = from.String()
	}
	lastYear := ""
	for i, m := range months {
		bar := histogramBar{X: i * w, W: w - gap, Month: m.Value, Count: m.Count, Active: m.Value == active}
		if h.Max > 0 && m.Count > 0 {
			bar.H = max(1, m.Count*plotHeight/h.Max)
		}
		bar.Y = plotHeight - bar.H
		if t, err := time.Parse("2006-01", m.Value); err == nil && m.Count > 0 {
			bar.URL = link(corpus.Date{Start: t, Precision: corpus.Month})
		}
		h.Bars = append(h.Bars, bar)
		if year := m.Value[:min(4, len(m.Value))]; year != lastYear {
			text := year
			if i == 0 && len(months) <= 24 {
				text = m.Value
			}
			// Leave room: a label every so many bars at most.
			if len(h.Labels) == 0 || bar.X-h.Labels[len(h.Labels)-1].X >= 40 {
				h.Labels = append(h.Labels, histogramLabel{X: bar.X, Text: text})
			}
			lastYear = year
		}
	}
	return h
}

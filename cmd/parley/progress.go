package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parleysearch/parley/index"
)

// progressBar draws indexing progress on one terminal line, redrawn in
// place: how much input is read, articles per second and the time left.
// A nil bar draws nothing, so callers need not check.
type progressBar struct {
	w     io.Writer
	drawn bool
}

func newProgressBar(w io.Writer) *progressBar { return &progressBar{w: w} }

const barWidth = 24

func (b *progressBar) draw(p index.Progress) {
	if b == nil {
		return
	}
	frac := 0.0
	if p.Bytes > 0 {
		frac = float64(p.BytesDone) / float64(p.Bytes)
	}
	if frac > 1 {
		frac = 1
	}
	filled := int(frac * barWidth)
	rate := 0.0
	if secs := p.Elapsed.Seconds(); secs > 0 {
		rate = float64(p.Articles) / secs
	}
	eta := "–"
	if frac > 0.01 && frac < 1 {
		left := time.Duration(float64(p.Elapsed) * (1 - frac) / frac)
		eta = left.Round(time.Second).String()
	}
	line := fmt.Sprintf("\r[%s%s] %3.0f%%  %s articles  %s/s  ETA %s  ",
		strings.Repeat("█", filled), strings.Repeat("░", barWidth-filled), frac*100,
		count(p.Articles), count(int(rate)), eta)
	if p.Merging {
		line = fmt.Sprintf("\r[%s] %s articles written; merging the index's segments…  ", strings.Repeat("█", barWidth), count(p.Written))
	}
	fmt.Fprint(b.w, line)
	b.drawn = true
}

// clear removes the bar so a message can be printed on a clean line.
func (b *progressBar) clear() {
	if b == nil || !b.drawn {
		return
	}
	fmt.Fprint(b.w, "\r\x1b[K")
	b.drawn = false
}

package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/parleysearch/parley/index"
)

func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	bar := newProgressBar(&b)
	bar.draw(index.Progress{Bytes: 1000, BytesDone: 250, Articles: 12345, Elapsed: 10 * time.Second})
	got := b.String()
	for _, want := range []string{"\r[██████░░░░░░░░░░░░░░░░░░]", " 25%", "12,345 articles", "1,234/s", "ETA 30s"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar %q lacks %q", got, want)
		}
	}
	b.Reset()
	bar.clear()
	if b.String() != "\r\x1b[K" {
		t.Errorf("clear wrote %q", b.String())
	}
	b.Reset()
	bar.clear() // nothing drawn since
	var none *progressBar
	none.draw(index.Progress{})
	none.clear()
	if b.Len() != 0 {
		t.Errorf("a cleared or nil bar wrote %q", b.String())
	}
}

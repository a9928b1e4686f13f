package query

import (
	"bytes"
	"strings"
	"testing"
)

// TestFinder compares finder with bytes.Index from every position, for
// needles looked for by a rare byte, by a pair, and of one byte, in
// AllSides texts and texts made to put matches and near misses at the
// ends of the eight-byte blocks.
func TestFinder(t *testing.T) {
	hays := []string{"", "a", "not", "nnot not", strings.Repeat("no", 20) + "not", "xnotnotnotx.notnot",
		strings.Repeat("abcdefg", 5) + "zzhezbollah", "hezbollahhezbollah", "the\xe2\x80\x99s the’s THE the",
		"ends with hezbolla", "ends with zz", "at the end: not", strings.Repeat("x", 13) + "israe", strings.Repeat("x", 14) + "regi"}
	for _, text := range allsidesTextsOrNil(t, 50) {
		hays = append(hays, string(lowerASCII(text)))
	}
	needles := []string{"not", "no", "n", "z", "we", "will", "ceasefi", "regi", "assa", "hezbolla", "israe", "the",
		"notnot", "’s", "1,000", "u.s", "zz"}
	for _, nd := range needles {
		f := newFinder([]byte(nd))
		for _, hay := range hays {
			h := []byte(hay)
			// Every position of a short text; in a long one, each
			// occurrence's next, as skimming asks, and every 61st.
			for from := 0; from <= len(h); from++ {
				want := bytes.Index(h[from:], []byte(nd))
				if want >= 0 {
					want += from
				}
				if got := f.index(h, from); got != want {
					t.Fatalf("%q in %.40q… from %d (pair %v at %d): got %d, want %d", nd, hay, from, f.pair, f.at, got, want)
				}
				if len(h) > 200 && from%61 != 0 {
					if want < 0 {
						break
					}
					from = want // then want+1
				}
			}
		}
	}
}

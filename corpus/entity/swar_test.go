package entity

import (
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

// swarBytes are bytes at the edges of the classes of swar.go,
// and beyond ASCII.
var swarBytes = []byte{0, ' ', '\'', '-', '.', '/', '0', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7f, 0x80, 0xc3, 0xe2, 0xff}

// TestWordBytes checks corpus's masks, which asciiRunEnd and the
// lower-casing read eight bytes at a time with, for every byte value in
// every position of a word of eight against asciiWordBytes, the
// byte-at-a-time rule.
func TestWordBytes(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for _, fill := range swarBytes {
			for c := 0; c < 256; c++ {
				var b [8]byte
				for k := range b {
					b[k] = fill
				}
				b[pos] = byte(c)
				x := corpus.Load8(string(b[:]), 0)
				word, upper, lower := corpus.WordBytes8(x), corpus.UpperBytes8(x), corpus.Lower8(x)
				for k := 0; k < 8; k++ {
					bit := uint64(0x80) << (8 * k)
					kind := asciiWordBytes[b[k]]
					if got, want := word&bit != 0, kind != 0; got != want {
						t.Fatalf("WordBytes8(%q) byte %d = %v, want %v", b, k, got, want)
					}
					if got, want := upper&bit != 0, kind == 3; got != want {
						t.Fatalf("UpperBytes8(%q) byte %d = %v, want %v", b, k, got, want)
					}
					want := b[k]
					if kind == 3 {
						want += 'a' - 'A'
					}
					if got := byte(lower >> (8 * k)); got != want {
						t.Fatalf("Lower8(%q) byte %d = %q, want %q", b, k, got, want)
					}
				}
			}
		}
	}
}

// TestASCIIRunEnd checks asciiRunEnd against a byte-at-a-time scan from
// every offset of texts longer and shorter than eight bytes.
func TestASCIIRunEnd(t *testing.T) {
	texts := []string{"", "a", "Ab", "abcdefg", "abcdefgh", "abcdefghi", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 x",
		"Nagorno-Karabakh's U.S. envoy, al-Assad’s men (don't) 1,000.", "Erdoğan Əliyev Łódź", "TrumpGOP senators balk",
		"lowercase words only, then Capitals and ALLCAPS12", "x\x80y\xffZ"}
	for _, text := range texts {
		for j := 0; j <= len(text); j++ {
			wantEnd, wantUpper := j, false
			for ; wantEnd < len(text) && asciiWordBytes[text[wantEnd]] != 0; wantEnd++ {
				wantUpper = wantUpper || asciiWordBytes[text[wantEnd]] == 3
			}
			end, upper := asciiRunEnd(text, j)
			if end != wantEnd || upper != wantUpper {
				t.Errorf("asciiRunEnd(%q, %d) = %d, %v, want %d, %v", text, j, end, upper, wantEnd, wantUpper)
			}
		}
	}
}

// TestLowerASCII checks that each word lowered into a shared buffer keeps
// its bytes while the words after it are lowered, eight bytes at a time,
// past their ends.
func TestLowerASCII(t *testing.T) {
	text := "The U.S. and NATO: Secretary-General Jens STOLTENBERG met Antony Blinken in BRUSSELS, Belgium. X"
	var buf []byte
	type lowered struct{ got, want string }
	var words []lowered
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' }) {
		from := strings.Index(text, w)
		var got string
		got, buf = lowerASCII(buf, text, from, from+len(w))
		words = append(words, lowered{got, strings.ToLower(w)})
	}
	for _, w := range words {
		if w.got != w.want {
			t.Errorf("lowerASCII gave %q, want %q", w.got, w.want)
		}
	}
}

package corpus

import (
	"strings"
	"testing"
)

// TestSWAR checks LowerASCII and ASCIIWordEnd, which read eight bytes at
// a time, against the same a byte at a time, with every byte at every
// place of texts shorter and longer than eight bytes.
func TestSWAR(t *testing.T) {
	for c := 0; c < 256; c++ {
		for n := 0; n <= 17; n++ {
			for at := 0; at < n; at++ {
				text := strings.Repeat("aZ9", n)[:at] + string([]byte{byte(c)}) + strings.Repeat("Qb1", n)[:n-at-1]
				want := []byte(text)
				for i, b := range want {
					if 'A' <= b && b <= 'Z' {
						want[i] = b + 'a' - 'A'
					}
				}
				if got := LowerASCII(text); got != string(want) {
					t.Errorf("LowerASCII(%q) = %q, want %q", text, got, want)
				}
				for from := 0; from <= len(text); from++ {
					for to := from; to <= len(text); to++ {
						end := from
						for end < to && IsASCIIWordByte(text[end]) {
							end++
						}
						if got := ASCIIWordEnd(text, from, to); got != end {
							t.Fatalf("ASCIIWordEnd(%q, %d, %d) = %d, want %d", text, from, to, got, end)
						}
					}
				}
			}
		}
	}
}

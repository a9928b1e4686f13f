package entity

import (
	"math/bits"

	"github.com/parleysearch/parley/corpus"
)

// The words of a text are found and lower-cased eight bytes at a time
// (see corpus.Load8).
const highBits = 0x8080808080808080

// asciiRunEnd returns where the run of ASCII letters and digits from
// text[j] ends, and whether it holds a capital. A byte at a time, the end
// of each word cost a mispredicted branch; eight at a time, most words
// end within the first eight bytes read, found by counting zero bits.
func asciiRunEnd(text string, j int) (end int, upper bool) {
	var caps uint64
	for ; j+8 <= len(text); j += 8 {
		x := corpus.Load8(text, j)
		if stop := ^corpus.WordBytes8(x) & highBits; stop != 0 {
			n := bits.TrailingZeros64(stop) / 8 // the first byte no letter or digit
			caps |= corpus.UpperBytes8(x) & (1<<(8*n) - 1)
			return j + n, caps != 0
		}
		caps |= corpus.UpperBytes8(x)
	}
	for ; j < len(text); j++ { // the last few bytes of the text
		k := asciiWordBytes[text[j]]
		if k == 0 {
			break
		}
		caps |= uint64(k >> 1)
	}
	return j, caps != 0
}

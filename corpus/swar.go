package corpus

import "math/bits"

// The finders read the runs of plain ASCII that most of an article is
// eight bytes at a time, as the bytes of one uint64 (SWAR: SIMD within a
// register). Byte k of the text is byte k of the number, from the lowest;
// a mask has the high bit of a byte set where the byte is of the kind it
// tells. A byte at a time, the end of each run cost a mispredicted branch.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// Load8 reads text[i:i+8] as a little-endian number: one load, as the
// compiler combines the eight.
func Load8(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// ASCIIWordEnd returns where the run of ASCII letters and digits (see
// IsASCIIWordByte) from text[j] ends, at to at the latest.
func ASCIIWordEnd(text string, j, to int) int {
	for ; j+8 <= to; j += 8 {
		if stop := ^WordBytes8(Load8(text, j)) & highBits; stop != 0 {
			return j + bits.TrailingZeros64(stop)/8 // the first byte no letter or digit
		}
	}
	for j < to && IsASCIIWordByte(text[j]) {
		j++
	}
	return j
}

// WordBytes8 returns the mask of the bytes of x that are ASCII letters
// or digits.
func WordBytes8(x uint64) uint64 {
	x7 := x &^ highBits                            // bytes beyond ASCII are neither: their high bit is cleared here and masked out below
	letters := between8(x7|0x20*lowBits, 'a', 'z') // |0x20 lower-cases A-Z and nothing else into a-z
	return (letters | between8(x7, '0', '9')) &^ (x & highBits)
}

// UpperBytes8 returns the mask of the bytes of x that are ASCII capitals.
func UpperBytes8(x uint64) uint64 {
	return between8(x&^highBits, 'A', 'Z') &^ (x & highBits)
}

// Lower8 lower-cases the ASCII capitals of x, as LowerASCII a byte at a
// time: a capital's high bit moved to 0x20 is the difference.
func Lower8(x uint64) uint64 {
	return x | UpperBytes8(x)>>2
}

// between8 returns the mask of the bytes of x7, all below 0x80, from lo
// to hi. Adding 0x80-lo sets a byte's high bit when it is lo or more, and
// adding 0x7f-hi when it is more than hi; no sum carries into the next
// byte, as none passes 0xff.
func between8(x7 uint64, lo, hi byte) uint64 {
	return (x7 + (0x80-uint64(lo))*lowBits) &^ (x7 + (0x7f-uint64(hi))*lowBits) & highBits
}

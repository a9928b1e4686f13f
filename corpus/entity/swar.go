package entity

import "math/bits"

// The words of a text are found and lower-cased eight bytes at a time,
// as the bytes of one uint64 (SWAR: SIMD within a register). Byte k of the
// text is byte k of the number, from the lowest; the masks below have the
// high bit of a byte set where the byte is of the kind they tell.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// asciiRunEnd returns where the run of ASCII letters and digits from
// text[j] ends, and whether it holds a capital. A byte at a time, the end
// of each word cost a mispredicted branch; eight at a time, most words
// end within the first eight bytes read, found by counting zero bits.
func asciiRunEnd(text string, j int) (end int, upper bool) {
	var caps uint64
	for ; j+8 <= len(text); j += 8 {
		x := load8(text, j)
		if stop := ^wordBytes(x) & highBits; stop != 0 {
			n := bits.TrailingZeros64(stop) / 8 // the first byte no letter or digit
			caps |= upperBytes(x) & (1<<(8*n) - 1)
			return j + n, caps != 0
		}
		caps |= upperBytes(x)
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

// load8 reads text[i:i+8] as a little-endian number: one load, as the
// compiler combines the eight.
func load8(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordBytes returns the mask of the bytes of x that are ASCII letters or
// digits, as asciiWordBytes tells them.
func wordBytes(x uint64) uint64 {
	x7 := x &^ highBits                           // bytes beyond ASCII are neither: their high bit is cleared here and masked out below
	letters := between(x7|0x20*lowBits, 'a', 'z') // |0x20 lower-cases A-Z and nothing else into a-z
	return (letters | between(x7, '0', '9')) &^ (x & highBits)
}

// upperBytes returns the mask of the bytes of x that are ASCII capitals.
func upperBytes(x uint64) uint64 {
	return between(x&^highBits, 'A', 'Z') &^ (x & highBits)
}

// lower8 lower-cases the ASCII capitals of x, as lowerASCII a byte at a
// time: a capital's high bit moved to 0x20 is the difference.
func lower8(x uint64) uint64 {
	return x | upperBytes(x)>>2
}

// between returns the mask of the bytes of x7, all below 0x80, from lo
// to hi. Adding 0x80-lo sets a byte's high bit when it is lo or more, and
// adding 0x7f-hi when it is more than hi; no sum carries into the next
// byte, as none passes 0xff.
func between(x7 uint64, lo, hi byte) uint64 {
	return (x7 + (0x80-uint64(lo))*lowBits) &^ (x7 + (0x7f-uint64(hi))*lowBits) & highBits
}
